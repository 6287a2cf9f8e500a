// Through the browser (issue 9, items 1 and 2): an officer applies with the date of the
// conduct and a file attached, and finds both on the new case's page; an investigator
// initiates a check of a conduct over a period; the case list shows when each conduct
// happened.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_PAGE, fillCaseForm } from './support/case-form.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
let dir: string;
beforeAll(async () => {
  web = await startWebApp();
  dir = await mkdtemp(join(tmpdir(), 'rongcuo-e2e-files-'));
}, 120_000);
afterAll(async () => web?.close());

describe('the conduct date and the applicant’s evidence', () => {
  it('an officer applies with a conduct date and a file, and sees both on the case page', async () => {
    const report = join(dir, '检测报告.pdf');
    await writeFile(report, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    const notes = join(dir, '情况说明.exe');
    await writeFile(notes, 'MZ');

    const page = await web.signIn('wangqiang');
    await page.getByRole('menuitem', { name: '提出容错认定申请' }).click();
    await page.waitForURL(/\/cases\/new$/);

    // The date is asked for, in Chinese, and no day after today may be picked.
    await page.getByRole('button', { name: /提交申请/ }).click();
    await page.getByText('请选择行为发生日期').waitFor();
    await page.getByLabel('行为发生日期').click();
    const tomorrowCell = page.locator('.ant-picker-cell-today + td');
    if ((await tomorrowCell.count()) > 0)
      await expect.poll(() => tomorrowCell.getAttribute('class')).toContain('disabled');
    await page.keyboard.press('Escape');

    const title = '依据检测报告作出处罚后报告被撤回（附件）';
    await fillCaseForm(page, {
      title,
      enforcementAction: '行政处罚',
      conduct: '本人依据检测报告作出罚款决定，后检测机构撤回报告。',
      conductDate: '2025-08-12',
    });
    // A file of a type evidence may not have is refused on the form, by name and reason.
    await page.locator('input[type=file]').setInputFiles([report, notes]);
    await page.getByText(/情况说明\.exe：/).waitFor();
    await page.getByText('检测报告.pdf').waitFor();

    const uploaded = page.waitForResponse(
      (r) => r.url().includes('/evidence?') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: /提交申请/ }).click();
    expect((await uploaded).status()).toBe(201);
    await page.waitForURL(CASE_PAGE);

    await page.getByText(title).first().waitFor();
    await page.getByText('2025年8月12日', { exact: true }).waitFor();
    await page.getByRole('tab', { name: /事实与证据/ }).click();
    await page.getByRole('heading', { name: '检测报告.pdf' }).waitFor();
    await page.getByText('上传人：王强').waitFor();
    // Before the decision the applicant may add more, here on the case page.
    await page.getByRole('button', { name: '选择文件并上传' }).waitFor();
    await expect(page.getByText('关联事实（可选）').count()).resolves.toBe(0);
  });

  it('a failed upload names the file and the reason, and the case stays', async () => {
    // Accepted by its name on the form, refused by the server for what it holds.
    const fake = join(dir, '伪造的报告.pdf');
    await writeFile(fake, 'not a pdf at all');
    const page = await web.signIn('wangqiang');
    await page.getByRole('menuitem', { name: '提出容错认定申请' }).click();
    await page.waitForURL(/\/cases\/new$/);
    const title = '附件内容与类型不符的申请';
    await fillCaseForm(page, {
      title,
      enforcementAction: '行政检查',
      conduct: '按检查计划开展现场检查。',
      conductDate: '2025-09-01',
    });
    await page.locator('input[type=file]').setInputFiles(fake);
    await page.getByRole('button', { name: /提交申请/ }).click();
    await page.getByText(/申请已提交（案号 .+），但有 1 个附件未能上传/).waitFor();
    await page.getByText(/^伪造的报告\.pdf：证据文件类型不允许/).waitFor();
    await page.getByRole('button', { name: '前往案件页面' }).click();
    await page.waitForURL(CASE_PAGE);
    await page.getByText(title).first().waitFor();
  });

  it('an investigator initiates a check of a conduct over a period', async () => {
    const page = await web.signIn('lina');
    await page.goto(`${web.url}/cases/new`);
    await page.getByText('单位启动核查').first().waitFor();
    await page.getByLabel('被核查的执法人员').click();
    await page.getByTitle(/王强/).first().click();
    const title = '责令整改期间发生事故的核查（期间）';
    await fillCaseForm(page, {
      title,
      enforcementAction: '行政检查',
      conduct: '责令限期整改期间，该单位拒不整改并发生事故。',
      conductDate: '2025-11-03',
      conductEndDate: '2025-11-20',
    });
    await page.getByRole('button', { name: /启动核查/ }).click();
    await page.waitForURL(CASE_PAGE);
    await page.getByText('2025年11月3日至2025年11月20日', { exact: true }).waitFor();

    await page.goto(`${web.url}/cases?q=${encodeURIComponent('（期间）')}`);
    await page.getByRole('cell', { name: '2025年11月3日至2025年11月20日' }).waitFor();
  });
});
