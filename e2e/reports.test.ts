// 信访举报 and 澄清正名 (第十九条) in the browser, each step by its own user through the real
// pages: the petitions staff (徐晴) registers a named report about an officer (赵丽),
// records the finding 不属实 with 恶意中伤, gives the reporter feedback, opens the
// reporter's identity (told the read is recorded), decides a clearance in a scope wider
// than the accusation reached and marks it carried out. The officer then finds the
// clearance and its notice on 我的履职档案 and cannot open the report; the unit's
// secretary reads the report without the 查看举报人信息 button and without the reporter's
// name anywhere on the page. Every wait is on what the page shows, never on time.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../src/domain/calendar-date.ts';
import { buttonName, dialog, typeDay } from './support/antd.ts';
import { squeezed } from './support/layout-check.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
let officerId: string;
/** A name found nowhere else, so that its absence from a page means something. */
const REPORTER = '柏舟渡';
const CONTACT = '13904790000';
const SUMMARY = '反映赵丽在危化品企业检查中收受企业财物、对违法行为放任不管。';
const FINDINGS = '经查，举报反映赵丽收受企业财物、放任违法行为的问题不属实。';
const NOTE = '已在本系统范围内印发书面通报。';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');

beforeAll(async () => {
  web = await startWebApp();
  officerId = (
    await web.app.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'zhaoli')
      .executeTakeFirstOrThrow()
  ).id;
}, 180_000);
afterAll(async () => web?.close());

/** The audit events of reads of the report's reporter identity, with their data. */
async function identityReads(reportId: string) {
  return web.app.ctx.db
    .selectFrom('audit_events')
    .select(['entity_id', 'data'])
    .where('action', '=', 'report.read_identity')
    .where('entity_id', '=', reportId)
    .execute();
}

/** Clicks a step of the 办理 card, which opens its form. */
async function step(page: Page, label: string, title = label): Promise<Locator> {
  await page
    .getByTestId('report-actions')
    .getByRole('button', { name: buttonName(label) })
    .click();
  const form = dialog(page, title);
  await form.waitFor();
  return form;
}

/** Submits a dialog with its OK button and waits until it has closed. */
async function submit(form: Locator, label: string) {
  await form.getByRole('button', { name: buttonName(label) }).click();
  await form.waitFor({ state: 'hidden' });
}

/** Opens a select by its label and picks the option titled `option`. */
async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  // The last select's list closes with an animation: wait until it has gone, so that the
  // option is picked from this one's.
  const open = page.locator('.ant-select-dropdown:visible');
  const field = scope
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) });
  // Picked once the field shows it. A click on a list still moving (a loaded machine) may
  // miss: then the list is closed and the pick made again, up to three times.
  for (let attempt = 1; ; attempt += 1) {
    await expect.poll(() => open.count()).toBe(0);
    await scope.getByLabel(label, { exact: true }).click();
    await open.getByTitle(option, { exact: typeof option === 'string' }).click();
    try {
      await expect.poll(() => field.innerText(), { timeout: 5_000 }).toMatch(option);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      if ((await open.count()) > 0) await page.keyboard.press('Escape');
      // Shown after all (a slow render): a second click would take it back off a multiple select.
      if (new RegExp(option).test(await field.innerText())) return;
    }
  }
}

/** The page shows the report in `label` (its state tag in the header). */
async function stateIs(page: Page, label: string) {
  await page
    .getByTestId('report-header')
    .locator('.ant-tag', { hasText: new RegExp(`^${label}$`) })
    .waitFor();
}

/** The file types and sizes offered for upload, as e2e/chinese-text.test.ts allows them. */
const ALLOWED_WORDS = new Set(['PDF', 'JPEG', 'PNG', 'DOCX', 'OFD', 'TXT', 'CSV', 'MB', 'KB']);

/** Latin letters on a page, but for file names as the user named them and file types. */
const latin = (text: string) =>
  (
    text
      .replace(/[\p{L}\p{N}_.()\- ]+\.(?:pdf|jpe?g|png|docx|ofd|txt|csv)\b/giu, ' ')
      .match(/[A-Za-z]+/g) ?? []
  ).filter((w) => !ALLOWED_WORDS.has(w));

describe('信访举报 and 澄清正名 in the browser', () => {
  it('goes from intake to a carried-out clearance, kept from the officer', async () => {
    // 1. The petitions staff registers a named report from the 信访举报 list.
    const staff = await web.signIn('xuqing');
    await staff.getByRole('menuitem', { name: /信访举报/ }).click();
    await staff.getByRole('heading', { name: '信访举报' }).waitFor();
    await staff.getByRole('button', { name: /登记举报/ }).click();
    await staff.waitForURL(/\/reports\/new$/);
    const intake = staff.locator('form');
    await choose(staff, intake, '来源渠道', '来信');
    await intake.getByLabel('举报人姓名').fill(REPORTER);
    await intake.getByLabel('联系方式').fill(CONTACT);
    await intake.getByLabel('通讯地址（可选）').fill('锡林浩特市某街道某号');
    await choose(staff, intake, '被举报人', /赵丽（/);
    await staff.keyboard.press('Escape');
    await intake.getByLabel('举报内容摘要').fill(SUMMARY);
    await intake.getByText(/请勿在此填写举报人的姓名/).waitFor();
    await intake
      .locator('input[type=file]')
      .setInputFiles({ name: '举报信.pdf', mimeType: 'application/pdf', buffer: PDF });
    await intake.getByText('举报信.pdf').waitFor();
    await intake.getByRole('button', { name: buttonName('登记') }).click();
    await staff.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = staff.url().split('/').pop()!;
    await stateIs(staff, '已受理');
    await staff
      .getByTestId('report-header')
      .locator('.ant-tag', { hasText: /^实名$/ })
      .waitFor();
    expect(
      await staff
        .getByTestId('report-officers')
        .getByRole('link', { name: '赵丽' })
        .getAttribute('href'),
    ).toBe(`/officers/${officerId}`);
    // The letter sent with the intake downloads as it was; another is added on the page.
    const letter = staff
      .getByTestId('report-attachment')
      .getByRole('link', { name: /举报信\.pdf/ });
    const download = await staff.request.get(`${web.url}${await letter.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
    await staff
      .locator('input[type=file]')
      .setInputFiles({ name: '信封.pdf', mimeType: 'application/pdf', buffer: PDF });
    await staff
      .getByTestId('report-attachment')
      .getByRole('link', { name: /信封\.pdf/ })
      .waitFor();
    // The feedback deadline, with how it was counted.
    await staff
      .getByTestId('report-feedback-due')
      .getByText(/还剩 \d+ 天/)
      .waitFor();

    // 2. The finding: untrue, a slander.
    let form = await step(staff, '记录查处结论');
    await choose(staff, form, '查处结论', '不属实');
    await choose(staff, form, '恶意举报情形（可选）', '恶意中伤');
    await form.getByLabel('查处理由').fill('经调取执法记录、询问企业负责人，未发现收受财物情形。');
    await submit(form, '记录');
    await stateIs(staff, '已查结');
    await staff.getByTestId('report-finding').getByText('恶意中伤').waitFor();

    // 3. Feedback to the reporter, within the deadline: no late reason asked.
    form = await step(staff, '向实名举报人反馈');
    await expect(form.getByLabel('逾期原因').count()).resolves.toBe(0);
    await choose(staff, form, '反馈方式', '书面反馈');
    await form.getByLabel('反馈内容').fill('经查，您反映的问题不属实。');
    await submit(form, '记录反馈');
    await stateIs(staff, '已办结');
    await staff.getByTestId('report-closing').getByText('书面反馈').waitFor();

    // 4. The reporter's identity, on a click, with the warning that the read is recorded;
    // and recorded it is, with the report's id and not the identity.
    expect(await identityReads(reportId)).toEqual([]);
    await staff.getByRole('button', { name: /查看举报人信息/ }).click();
    const identity = dialog(staff, '举报人信息');
    await identity.getByText('本次查阅已记入审计日志').waitFor();
    await identity.getByTestId('reporter-identity').getByText(REPORTER).waitFor();
    await identity
      .locator('.ant-modal-footer')
      .getByRole('button', { name: buttonName('关闭') })
      .click();
    await identity.waitFor({ state: 'hidden' });
    const reads = await identityReads(reportId);
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads[0])).not.toContain(REPORTER);

    // 5. The clearance: scope 本系统, wider than the accusation's reach (本单位).
    form = await step(staff, '澄清正名');
    await form.getByLabel('澄清的事实和结论').fill(FINDINGS);
    await choose(staff, form, '不实举报的影响范围', '本单位');
    await choose(staff, form, '澄清范围', '本系统');
    await form.getByLabel('书面通报').check();
    // The server drafts the notice from the decision; it stays editable before deciding.
    await form.getByRole('button', { name: buttonName('生成通报') }).click();
    const draft = form.getByLabel('澄清正名通报');
    await expect.poll(() => draft.inputValue()).toContain('赵丽');
    await draft.fill(`${await draft.inputValue()}\n特此通报。`);
    await submit(form, '作出决定');
    const clearance = staff.getByTestId('clearance');
    await clearance.locator('.ant-tag', { hasText: /^已决定$/ }).waitFor();
    await clearance.getByText(FINDINGS, { exact: true }).waitFor();
    await clearance
      .getByTestId('clearance-notice')
      .getByText(/特此通报。$/)
      .waitFor();

    // 6. Carried out: 已澄清.
    await clearance.getByRole('button', { name: buttonName('已澄清') }).click();
    form = dialog(staff, '澄清正名已实施');
    await form.waitFor();
    await form.getByLabel('实施情况').fill(NOTE);
    await submit(form, '已澄清');
    await clearance.locator('.ant-tag', { hasText: /^已澄清$/ }).waitFor();
    await clearance.getByText(NOTE, { exact: false }).waitFor();

    // 7. The officer finds the clearance on 我的履职档案, and cannot open the report.
    const officer = await web.signIn('zhaoli');
    await expect(officer.getByRole('menuitem', { name: /信访举报/ }).count()).resolves.toBe(0);
    await officer.getByRole('menuitem', { name: /我的履职档案/ }).click();
    await officer.getByRole('heading', { name: '我的履职档案' }).waitFor();
    const record = officer.getByTestId('officer-clearances');
    await record.locator('.ant-tag', { hasText: /^已澄清$/ }).waitFor();
    await record.getByText(`澄清的事实和结论：${FINDINGS}`).waitFor();
    await record.getByText(/特此通报。$/).waitFor();
    expect(await record.innerText()).not.toContain(REPORTER);
    await officer.goto(`${web.url}/reports/${reportId}`);
    await officer
      .getByText(/无权查看|不能查阅/)
      .first()
      .waitFor();
    expect(await officer.locator('body').innerText()).not.toContain(SUMMARY);
    const refused = await officer.request.get(`${web.url}/api/v1/reports/${reportId}`);
    expect(refused.status()).toBe(403);

    // 8. The unit's secretary reads the report, without the reporter's identity.
    const secretary = await web.signIn('zhangmin');
    await secretary.getByRole('menuitem', { name: /信访举报/ }).click();
    await secretary.getByRole('heading', { name: '信访举报' }).waitFor();
    await expect(secretary.getByRole('button', { name: /登记举报/ }).count()).resolves.toBe(0);
    await secretary.goto(`${web.url}/reports/${reportId}`);
    await stateIs(secretary, '已办结');
    await secretary.getByText(SUMMARY).waitFor();
    await secretary
      .getByTestId('clearance')
      .locator('.ant-tag', { hasText: /^已澄清$/ })
      .waitFor();
    await expect(secretary.getByRole('button', { name: /查看举报人信息/ }).count()).resolves.toBe(
      0,
    );
    expect(await secretary.locator('body').innerText()).not.toContain(REPORTER);
    const identityRead = await secretary.request.get(
      `${web.url}/api/v1/reports/${reportId}/reporter`,
    );
    expect(identityRead.status()).toBe(403);
  }, 240_000);

  it('warns of an overdue feedback on the workbench, and asks why it came late', async () => {
    // Received 75 days ago: its 60-day limit has passed, holidays or not.
    const received = addDays(todayInChina(web.app.ctx.now()), -75);
    const staff = await web.signIn('xuqing');
    await staff.goto(`${web.url}/reports/new`);
    const intake = staff.locator('form');
    await choose(staff, intake, '来源渠道', '电话');
    await typeDay(intake.getByLabel('受理日期'), received);
    await intake.getByLabel('举报人姓名').fill('冷知秋');
    await intake.getByLabel('联系方式').fill('0479-0000000');
    await choose(staff, intake, '被举报人', /赵丽（/);
    await staff.keyboard.press('Escape');
    await intake.getByLabel('举报内容摘要').fill('反映赵丽在检查中态度粗暴。');
    await intake.getByRole('button', { name: buttonName('登记') }).click();
    await staff.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportId = staff.url().split('/').pop()!;
    await staff
      .getByTestId('report-header')
      .locator('.ant-tag', { hasText: /^已逾期$/ })
      .waitFor();

    // The workbench lists it among the overdue deadlines, linked to the report.
    await staff.getByRole('menuitem', { name: /工作台/ }).click();
    const warned = staff
      .getByRole('region', { name: '已逾期' })
      .locator('li', { hasText: '举报反馈期限' })
      .filter({ has: staff.locator(`a[href="/reports/${reportId}"]`) });
    await warned.waitFor();
    // And among the reports to handle, with the step that moves it on.
    await staff
      .locator('.ant-card', { hasText: '信访举报待办' })
      .locator('tr', { has: staff.locator(`a[href="/reports/${reportId}"]`) })
      .getByText('记录查处结论')
      .waitFor();
    await warned.getByRole('link').click();
    await staff.waitForURL(new RegExp(`/reports/${reportId}$`));

    // Found true; the feedback, given today, past the deadline, asks the reason.
    let form = await step(staff, '记录查处结论');
    await choose(staff, form, '查处结论', '属实');
    await form.getByLabel('查处理由').fill('经查，执法过程中确有言语不当。');
    await submit(form, '记录');
    await stateIs(staff, '已查结');
    form = await step(staff, '向实名举报人反馈');
    await form.getByText(/反馈日期晚于反馈期限/).waitFor();
    await choose(staff, form, '反馈方式', '电话反馈');
    await form.getByLabel('反馈内容').fill('经查，您反映的问题属实，已责令整改。');
    await form.getByRole('button', { name: buttonName('记录反馈') }).click();
    await form.getByText('请填写逾期反馈的原因').waitFor();
    await form.getByLabel('逾期原因').fill('举报人联系电话长期无法接通。');
    await submit(form, '记录反馈');
    await stateIs(staff, '已办结');
    await staff.getByTestId('report-closing').getByText('举报人联系电话长期无法接通。').waitFor();

    // The list's filters: among named reports, not among anonymous ones.
    await staff.goto(`${web.url}/reports?named=false`);
    await staff.locator('.ant-table-row').first().waitFor();
    await expect(
      staff.locator(`.ant-table-row a[href="/reports/${reportId}"]`).count(),
    ).resolves.toBe(0);
    await staff.goto(`${web.url}/reports?named=true&state=closed`);
    await staff.locator(`.ant-table-row a[href="/reports/${reportId}"]`).waitFor();
  }, 120_000);

  it.each(['xuqing', 'heping', 'zhangmin'])(
    'shows %s every report they may read in Chinese',
    async (username) => {
      const page = await web.signIn(username);
      const res = await page.request.get(`${web.url}/api/v1/reports?pageSize=200`);
      expect(res.status()).toBe(200);
      const { items } = (await res.json()) as { items: { id: string; number: string }[] };
      expect(items.length).toBeGreaterThan(0);
      for (const r of items) {
        await page.goto(`${web.url}/reports/${r.id}`);
        await page.getByTestId('report-header').getByText(r.number).waitFor();
        // Each clearance is read on its own: wait until every one has loaded.
        await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
        const text = await page.locator('.ant-layout-content').innerText();
        expect(latin(text), `${username} ${r.number}`).toEqual([]);
      }
      await page.context().close();
    },
    120_000,
  );

  it.each([
    { name: '1366', viewport: { width: 1366, height: 768 } },
    { name: '768', viewport: { width: 768, height: 1024 } },
  ])(
    'squeezes no label or cell of the report pages at $name px',
    async ({ viewport }) => {
      const staff = await web.signIn('xuqing', viewport);
      await staff.goto(`${web.url}/reports`);
      await staff.locator('.ant-table-row').first().waitFor();
      expect(await squeezed(staff), 'report list').toEqual([]);
      const res = await staff.request.get(`${web.url}/api/v1/reports?pageSize=200`);
      expect(res.status()).toBe(200);
      const { items } = (await res.json()) as { items: { id: string; number: string }[] };
      expect(items.length).toBeGreaterThan(0);
      for (const r of items) {
        await staff.goto(`${web.url}/reports/${r.id}`);
        await staff.getByTestId('report-header').getByText(r.number).waitFor();
        await expect.poll(() => staff.locator('.ant-spin-spinning').count()).toBe(0);
        expect(await squeezed(staff), `report ${r.number}`).toEqual([]);
      }
      await staff.goto(`${web.url}/reports/new`);
      await staff.getByLabel('举报内容摘要').waitFor();
      expect(await squeezed(staff), 'intake form').toEqual([]);
      await staff.context().close();
    },
    120_000,
  );
});
