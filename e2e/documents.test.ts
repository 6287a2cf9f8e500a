// Official documents in the browser (issue 12): the secretary opens a decided case's 公文
// tab, downloads the 决定书 as a DOCX (given its 文号 then, shown in the list), and opens
// the printable page in a new tab; a paper the case does not have yet says why.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
let caseId: string;

beforeAll(async () => {
  web = await startWebApp();
  caseId = (
    await web.app.ctx.db
      .selectFrom('cases')
      .select('id')
      .where('number', 'like', '锡盟应急容〔%')
      .where('state', '=', 'decided')
      .orderBy('created_at')
      .executeTakeFirstOrThrow()
  ).id;
}, 180_000);
afterAll(async () => web?.close());

describe('official documents in the browser', () => {
  it('downloads the decision as DOCX with its number, and opens it to print', async () => {
    const page = await web.signIn('zhangmin');
    await page.goto(`${web.url}/cases/${caseId}`);
    await page.getByRole('tab', { name: '公文' }).click();
    const table = page.getByRole('table', { name: '公文' });
    const row = table.getByRole('row').filter({ hasText: '容错免责认定决定书' });
    await row.getByText('可生成').waitFor();
    // Not yet decided for a refusal: the case was accepted, so its row says why not.
    await table
      .getByRole('row')
      .filter({ hasText: '不予受理通知书' })
      .getByText(/无法生成不予受理通知书：/)
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: /下载容错免责认定决定书/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^容错免责认定决定书（锡盟应急容决〔\d{4}〕[1-9]\d*号）\.docx$/u,
    );
    const file = path.join(tmpdir(), `rongcuo-e2e-${Date.now()}.docx`);
    await download.saveAs(file);
    expect((await readFile(file)).subarray(0, 2).toString('latin1')).toBe('PK');
    // The list, read again, shows the number the document was given.
    const number = /锡盟应急容决〔\d{4}〕[1-9]\d*号/u.exec(download.suggestedFilename())![0];
    await row.getByText(number).waitFor();

    const [printable] = await Promise.all([
      page.context().waitForEvent('page'),
      row.getByRole('link', { name: /打印容错免责认定决定书/ }).click(),
    ]);
    await printable.getByText('容错免责认定决定书', { exact: true }).waitFor();
    await printable.getByText(number).first().waitFor();
    expect(await printable.locator('html').getAttribute('lang')).toBe('zh-CN');
  });
});
