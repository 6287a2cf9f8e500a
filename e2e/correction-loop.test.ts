// The correction loop (纠错, 第十六至十八条) in the browser, each step by its own user
// through the real pages: a case decided (driven to 已告知 over the API) opens its
// correction; the secretary issues the 纠错通知 with two items; the officer, warned of the
// deadline on his workbench, reports progress with an evidence file and asks for more
// time; the secretary, finding the request among her 纠错待办, approves the extension
// with a new deadline and records a follow-up; the officer claims completion
// (refused while an item is not done); the unit sends it back once, the officer claims
// again, and the unit closes it with the lessons; the lessons show on the case page and
// the officer finds it 已完成 in 我的整改. Every wait is on what the page shows, never on
// time.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInChina } from '../src/domain/calendar-date.ts';
import { notifiedCase } from '../test/support/notified-case.ts';
import { buttonName, dialog, typeDay } from './support/antd.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
let caseId: string;
const TITLE = '危化品企业复查时未发现擅自恢复生产';
const ITEMS = ['完善复查现场记录', '补充企业整改台账'];
const CAUSE = '复查时未调取企业用电记录，现场核查方法单一。';
const IMPROVEMENT = '制定《危化品企业复查工作指引》，复查须调取用电记录并留存影像。';

beforeAll(async () => {
  web = await startWebApp();
  const id = async (table: 'units' | 'users', column: 'name' | 'username', value: string) =>
    (
      await web.app.ctx.db
        .selectFrom(table)
        .select('id')
        .where(column as never, '=', value as never)
        .executeTakeFirstOrThrow()
    ).id;
  caseId = (
    await notifiedCase(web.url, {
      unitId: await id('units', 'name', '危险化学品安全监督管理科'),
      officerId: await id('users', 'username', 'zhaoli'),
      title: TITLE,
      conduct: '执法人员复查某化工企业时，企业以停产为由拒绝进入，后发现其擅自恢复生产。',
      today: todayInChina(web.app.ctx.now()),
    })
  ).id;
}, 180_000);
afterAll(async () => web?.close());

/** Clicks a step of the 办理 card, which opens its form. */
async function step(page: Page, label: string): Promise<Locator> {
  await page
    .getByTestId('correction-actions')
    .getByRole('button', { name: buttonName(label) })
    .click();
  const form = dialog(page, label);
  await form.waitFor();
  return form;
}

/** Submits a dialog with its OK button and waits until it has closed. */
async function submit(form: Locator, label: string) {
  await form.getByRole('button', { name: buttonName(label) }).click();
  await form.waitFor({ state: 'hidden' });
}

/** The page shows the correction in `label` (its state tag in the header). */
async function stateIs(page: Page, label: string) {
  await page
    .getByTestId('correction-header')
    .locator('.ant-tag', { hasText: new RegExp(`^${label}$`) })
    .waitFor();
}

/** A day as the pages write it: 2026年3月1日. */
const chinese = (day: string) =>
  `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

interface CorrectionRead {
  id: string;
  state: string;
  due: string | null;
  version: number;
}

async function correctionAsRead(page: Page, id: string): Promise<CorrectionRead> {
  const res = await page.request.get(`${web.url}/api/v1/corrections/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as CorrectionRead;
}

describe('the correction loop in the browser', () => {
  it('goes from the decision to closing with lessons, each step by its role', async () => {
    // 1. The secretary opens the correction from the case page and issues the notice.
    const secretary = await web.signIn('zhangmin');
    await secretary.goto(`${web.url}/cases/${caseId}`);
    await secretary.getByRole('tab', { name: /纠错/ }).click();
    await secretary.getByRole('link', { name: /查看纠错整改/ }).click();
    await secretary.waitForURL(/\/corrections\/[0-9a-f-]{36}$/);
    const correctionUrl = secretary.url();
    const correctionId = correctionUrl.split('/').pop()!;
    await stateIs(secretary, '待下发纠错通知');
    await secretary.getByTestId('correction-case-link').waitFor();

    let form = await step(secretary, '下发纠错通知');
    await form.getByLabel('纠错事由').fill('复查工作方法单一，未能及时发现企业擅自恢复生产。');
    await form.getByLabel('纠错事项 1', { exact: true }).fill(ITEMS[0]!);
    await form.getByRole('button', { name: /添加纠错事项/ }).click();
    await form.getByLabel('纠错事项 2', { exact: true }).fill(ITEMS[1]!);
    await form.getByLabel('纠错要求或者建议').fill('完善复查程序，举一反三。');
    await form.getByLabel('责任科室或个人').fill('危险化学品安全监督管理科');
    await form.getByLabel('整改期限（天）').fill('3');
    await submit(form, '下发');
    await stateIs(secretary, '整改中');
    const notice = secretary.getByTestId('correction-notice');
    await notice.getByText(ITEMS[1]!).waitFor();
    await notice.getByText(/3\s*个工作日/).waitFor();
    const issued = await correctionAsRead(secretary, correctionId);
    expect(issued.state).toBe('in_progress');
    expect(issued.due).not.toBeNull();

    // 2. The officer's workbench warns of the deadline (3 working days are within the
    // reminder), linking to the correction; he opens it from 我的整改 and reports progress
    // with an evidence file.
    const officer = await web.signIn('zhaoli');
    const dueSoon = officer
      .getByRole('region', { name: '即将到期' })
      .locator('li', { hasText: '整改期限' })
      .filter({ hasText: TITLE });
    await dueSoon.waitFor();
    expect(await dueSoon.getByRole('link').getAttribute('href')).toBe(
      `/corrections/${correctionId}`,
    );
    await officer.getByRole('menuitem', { name: /我的整改/ }).click();
    await officer.getByRole('heading', { name: '我的整改' }).waitFor();
    await officer.getByRole('link', { name: TITLE, exact: true }).click();
    await officer.waitForURL(correctionUrl);
    await stateIs(officer, '整改中');
    form = await step(officer, '报告整改进展');
    await form.getByLabel('整改进展').fill('已重新整理复查现场记录。');
    await form.getByText(ITEMS[0]!, { exact: true }).click();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n');
    await form
      .locator('input[type=file]')
      .setInputFiles({ name: '复查记录.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByText('复查记录.pdf').waitFor();
    await submit(form, '提交进展');
    const file = officer
      .getByTestId('progress-report')
      .getByRole('link', { name: /复查记录\.pdf/ });
    await file.waitFor();
    const href = await file.getAttribute('href');
    const download = await officer.request.get(`${web.url}${href}`);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await officer
      .getByTestId('correction-items')
      .locator('li', { hasText: ITEMS[0]! })
      .getByText('已完成')
      .waitFor();

    // 3. The officer asks for more time, to a day after the deadline.
    const requested = addDays(issued.due!, 15);
    form = await step(officer, '申请延长整改期限');
    await form.getByLabel('申请理由').fill('企业整改台账需经第三方机构核验，核验周期较长。');
    await typeDay(form.getByLabel('申请延至'), requested);
    await submit(form, '提交申请');
    await officer.getByTestId('correction-header').getByText('延期待审批').waitFor();
    await officer.getByTestId('extension').getByText('待审批').waitFor();

    // 4. The secretary finds the request among her 纠错待办, approves it with the requested
    // deadline, and records a follow-up.
    await secretary.goto(web.url);
    const todo = secretary
      .locator('.ant-card', { hasText: '纠错待办' })
      .locator('.ant-table-row', { hasText: TITLE });
    await todo.getByText('审批延期申请').waitFor();
    await todo.getByRole('link', { name: TITLE, exact: true }).click();
    await secretary.waitForURL(correctionUrl);
    await secretary.getByTestId('correction-header').getByText('延期待审批').waitFor();
    form = await step(secretary, '审批延期申请');
    await submit(form, '提交审批结果');
    await secretary.getByTestId('extension').getByText('已批准').waitFor();
    expect((await correctionAsRead(secretary, correctionId)).due).toBe(requested);
    await secretary.getByTestId('correction-due').getByText(chinese(requested)).waitFor();

    form = await step(secretary, '记录跟踪了解');
    await form.getByLabel('了解方式').click();
    await secretary.getByTitle('实地核查').click();
    await form.getByLabel('了解情况').fill('现场查看复查记录已补充完整，整改台账正在核验。');
    await submit(form, '记录');
    await secretary.getByTestId('follow-up').getByText('实地核查').waitFor();

    // 5. The officer claims completion: refused while an item is not done, then accepted.
    await officer.reload();
    await officer.getByTestId('extension').getByText('已批准').waitFor();
    form = await step(officer, '报告整改完成');
    await form.getByLabel('整改情况总结').fill('两项纠错事项均已完成。');
    await form.getByLabel('第 1 项完成情况').fill('复查记录已补充并归档。');
    await form.getByLabel('第 2 项完成情况').fill('整改台账经第三方核验无误。');
    await form.getByRole('button', { name: buttonName('报告完成') }).click();
    await form
      .getByRole('alert')
      .getByText(/尚有纠错事项未完成/)
      .waitFor();
    await form.getByText(`2. ${ITEMS[1]!}：已完成`).click();
    await submit(form, '报告完成');
    await stateIs(officer, '待验收');

    // 6. The unit sends it back once for a missing document; the officer claims again
    // (each item still marked done, its note kept); the unit closes it with the lessons
    // (第十七条).
    await secretary.reload();
    await stateIs(secretary, '待验收');
    form = await step(secretary, '退回整改');
    await form.getByLabel('退回理由').fill('未附第三方核验报告。');
    await submit(form, '退回');
    await stateIs(secretary, '整改中');
    await secretary
      .getByTestId('correction-closing')
      .getByText(/退回整改：未附第三方核验报告/)
      .waitFor();

    await officer.reload();
    await stateIs(officer, '整改中');
    form = await step(officer, '报告整改完成');
    await expect(form.getByLabel('第 2 项完成情况').inputValue()).resolves.toBe(
      '整改台账经第三方核验无误。',
    );
    await form.getByLabel('整改情况总结').fill('两项纠错事项均已完成，已补附第三方核验报告。');
    await submit(form, '报告完成');
    await stateIs(officer, '待验收');

    await secretary.reload();
    await stateIs(secretary, '待验收');
    form = await step(secretary, '验收办结');
    await form.getByLabel('验收结论').fill('经核查，各项纠错事项均已完成。');
    await form.getByLabel('原因分析').fill(CAUSE);
    await form.getByLabel('完善制度、健全机制').fill(IMPROVEMENT);
    await submit(form, '验收办结');
    await stateIs(secretary, '已完成');
    await secretary.getByTestId('correction-closing').getByText(IMPROVEMENT).waitFor();

    // 7. The lessons show on the case page; the officer finds it 已完成 in 我的整改.
    await secretary.getByTestId('correction-case-link').click();
    await secretary.waitForURL(new RegExp(`/cases/${caseId}$`));
    await secretary.getByRole('tab', { name: /纠错/ }).click();
    const lessons = secretary.getByTestId('case-correction');
    await lessons.getByText(CAUSE).waitFor();
    await lessons.getByText(IMPROVEMENT).waitFor();
    await lessons.getByText('已完成').waitFor();

    await officer.getByRole('menuitem', { name: /我的整改/ }).click();
    await officer.getByRole('heading', { name: '我的整改' }).waitFor();
    const row = officer.locator('.ant-table-row', { hasText: TITLE });
    await row.locator('.ant-tag', { hasText: '已完成' }).waitFor();
  }, 240_000);

  it('keeps the correction from an officer of another bureau', async () => {
    const secretary = await web.signIn('zhangmin');
    const list = await secretary.request.get(`${web.url}/api/v1/corrections?caseId=${caseId}`);
    const [first] = ((await list.json()) as { items: { id: string }[] }).items;
    expect(first).toBeDefined();
    const stranger = await web.signIn('chenjing');
    await stranger.goto(`${web.url}/corrections/${first!.id}`);
    await stranger.getByText('纠错事项不存在，或您无权查看').first().waitFor();
  }, 120_000);
});
