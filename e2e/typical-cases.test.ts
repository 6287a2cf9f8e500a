// Typical cases (典型案例) in the browser: the deciding secretary marks a published case on
// its page; the library (menu 典型案例) finds it by its field of enforcement and opens it,
// its facts found cited and its text without the personal information of the case; and
// the 类案参考 panel of a case under investigation lists it by the ground they share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/domain/calendar-date.ts';
import { notifiedCase } from '../test/support/notified-case.ts';
import { ASSESSMENT_FACTORS } from '../src/domain/vocabulary.ts';
import { apiAs, written, type CaseAnswer } from '../test/support/procedure-api.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
let published: string;
let investigating: string;
let departed: string;
const TITLE = '工贸企业检测报告被撤回后复查';
const HEADING = `关于“${TITLE}”认定结果的公示`;

/** 第九条 none of its nine items. */
const range9 = () => Array.from({ length: 9 }, (_, i) => [`a9.${i + 1}`, false] as const);

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
  const unitId = await id('units', 'name', '危险化学品安全监督管理科');
  const officerId = await id('users', 'username', 'zhaoli');
  // 不予追究 on 第十条第（三）项, published within the system; the conduct names a person.
  const notified = await notifiedCase(web.url, {
    unitId,
    officerId,
    title: TITLE,
    conduct: '执法人员依据检测报告作出处罚决定，负责人张三丰（联系电话13912345678）后撤回报告。',
    today: todayInChina(web.app.ctx.now()),
  });
  const secretary = await apiAs(web.url, 'zhangmin');
  written(
    await secretary.post(`/api/v1/cases/${notified.id}/actions/publish`, {
      version: notified.version,
      scope: '本系统',
    }),
  );
  published = notified.id;
  // A case under investigation on which 第十条第（三）项 is found already.
  const investigator = await apiAs(web.url, 'lina');
  const opened = written(
    await investigator.post('/api/v1/cases', {
      origin: 'initiation',
      unitId,
      officerId,
      title: '依据鉴定意见作出决定后鉴定意见被推翻',
      conduct: '执法人员依据鉴定意见作出决定，后鉴定意见被推翻。',
      conductDate: '2025-05-01',
      enforcementAction: 'inspection',
      field: 'industry_trade',
      errorType: 'wrong_legal_basis',
    }),
  );
  written(
    await investigator.request('PUT', `/api/v1/cases/${opened.id}/facts/a10.3`, {
      version: opened.version,
      value: true,
      note: '鉴定意见在卷',
    }),
  );
  investigating = opened.id;

  // Decided 不予容错 where the engine found 不予追究 on the same 第十条第（三）项.
  let c: CaseAnswer = written(
    await investigator.post('/api/v1/cases', {
      origin: 'initiation',
      unitId,
      officerId,
      title: '依据检测报告处罚但未审查检测机构资质',
      conduct: '执法人员依据检测报告作出处罚决定，未审查检测机构资质。',
      conductDate: '2025-05-02',
      enforcementAction: 'penalty',
      field: 'industry_trade',
      errorType: 'insufficient_evidence',
    }),
  );
  const put = async (client: typeof investigator, path: string, body: object) => {
    c = written(
      await client.request('PUT', `/api/v1/cases/${c.id}/${path}`, { version: c.version, ...body }),
    );
  };
  const act = async (client: typeof investigator, action: string, body: object = {}) => {
    c = written(
      await client.post(`/api/v1/cases/${c.id}/actions/${action}`, { version: c.version, ...body }),
    );
  };
  const facts = [['a10.3', true], ['a13.c1', false], ...range9()] as const;
  for (const [fact, value] of facts)
    await put(investigator, `facts/${fact}`, { value, note: null });
  await act(investigator, 'complete_investigation');
  for (const factor of ASSESSMENT_FACTORS)
    await put(investigator, `assessment/${factor}`, { finding: '已核实' });
  await act(investigator, 'submit_for_decision');
  const today = todayInChina(web.app.ctx.now());
  const reviewer = await apiAs(web.url, 'liuyang');
  await put(reviewer, 'reviews/legal', { opinion: '同意', agrees: true, reviewedOn: today });
  await act(secretary, 'record_decision', {
    meetingDate: today,
    members: ['党委书记', '局长'],
    conclusion: 'not_tolerated',
    departureReason: '未审查检测机构资质，不属于认真履行审查职责',
    relatedUnitIds: [],
  });
  departed = c.id;
}, 180_000);
afterAll(async () => web?.close());

describe('typical cases in the browser', () => {
  it('the deciding secretary marks the published case as typical on its page', async () => {
    const page = await web.signIn('zhangmin');
    await page.goto(`${web.url}/cases/${published}`);
    const card = page.getByTestId('case-typical');
    await card.getByRole('button', { name: /标记为典型案例/ }).click();
    await card.getByText('已列为典型案例').waitFor();
    await card.getByText('工贸').waitFor();
    // The investigator reads the case but is not the one to mark it: no card before a mark
    // would show, and now the mark without the buttons.
    const investigator = await web.signIn('lina');
    await investigator.goto(`${web.url}/cases/${published}`);
    await investigator.getByTestId('case-typical').getByText('已列为典型案例').waitFor();
    expect(await investigator.getByRole('button', { name: /撤销典型案例标记/ }).count()).toBe(0);
  }, 120_000);

  it('the library finds it by its field and opens it, with nothing personal in it', async () => {
    const page = await web.signIn('wangqiang');
    await page.getByRole('menuitem', { name: /典型案例/ }).click();
    await page.getByTestId('typical-case-list').waitFor();
    await page.getByLabel('执法领域').click();
    await page.getByTitle('工贸').click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/field=industry_trade/);
    const list = page.getByTestId('typical-case-list');
    await list.getByRole('link', { name: HEADING }).waitFor();
    // The demo's typical cases are of other fields.
    await expect.poll(() => list.getByRole('link').count()).toBe(1);
    await list.getByRole('link', { name: HEADING }).click();
    const text = page.getByTestId('typical-case-text');
    await text.waitFor();
    const shown = await text.innerText();
    expect(shown).toContain('139****5678');
    expect(shown).not.toContain('13912345678');
    expect(shown).not.toContain('张三丰');
    await page.getByText('第十条第（三）项').first().waitFor();
    await page.getByText('不予追究行政执法责任（第十条第（三）项）').waitFor();
  }, 120_000);

  it('the 类案参考 panel of a case under investigation lists it by the shared ground', async () => {
    const page = await web.signIn('lina');
    await page.goto(`${web.url}/cases/${investigating}`);
    const panel = page.getByTestId('similar-cases');
    await panel.getByRole('link', { name: TITLE }).waitFor();
    const item = panel.locator('.ant-list-item').filter({ hasText: TITLE });
    await item.getByText('典型案例').waitFor();
    await expect(item.innerText()).resolves.toContain(
      '同一认定依据：不予追究行政执法责任（第十条第（三）项）',
    );
    await panel.getByRole('link', { name: TITLE }).click();
    await page.getByTestId('typical-case-text').waitFor();
  }, 120_000);

  it('a decision departing from the engine shows the alike cases decided the other way', async () => {
    const page = await web.signIn('lina');
    await page.goto(`${web.url}/cases/${departed}`);
    const panel = page.getByTestId('departure-panel');
    await panel.getByText(/与系统认定意见（不予追究行政执法责任）不一致/).waitFor();
    const item = panel.locator('.ant-list-item').filter({ hasText: TITLE });
    await item.getByText('不予追究行政执法责任').first().waitFor();
    expect(await page.getByTestId('similar-cases').count()).toBe(0);
  }, 120_000);
});
