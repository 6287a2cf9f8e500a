// Fairness of the procedure through the real pages in Debian's chromium: the reviewer
// records the legal review opinion (法制审核意见); the secretary reads it in the decision
// dialog, records a member recused (回避) with the reason, picks a related unit from the
// tree of the bureau's system, and delivers a notice with its method and date (送达).
// The case is brought to the deciding body over the API, as the investigator would.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/app/demo-data.ts';
import { ASSESSMENT_FACTORS, type AssessmentFactor } from '../src/domain/vocabulary.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { CLASSIFIED } from '../test/support/procedure-api.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

async function apiAs(username: string): Promise<HttpClient> {
  const client = new HttpClient(web.url);
  const res = await client.post('/api/v1/session', { username, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  client.csrfToken = res.body.csrfToken;
  return client;
}

/** An application by 王强, accepted, investigated, assessed and submitted for decision. */
async function caseAwaitingDecision(): Promise<string> {
  const officer = await apiAs('wangqiang');
  const investigator = await apiAs('lina');
  const { id: unitId } = await web.app.ctx.db
    .selectFrom('units')
    .select('id')
    .where('name', '=', '综合行政执法大队')
    .executeTakeFirstOrThrow();
  const opened = await officer.post('/api/v1/cases', {
    origin: 'application',
    unitId,
    title: '回避与法制审核的浏览器测试',
    conduct: '依据检测报告作出罚款决定，后报告被撤回',
    conductDate: '2025-03-01',
    enforcementAction: 'penalty',
    ...CLASSIFIED,
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const id: string = opened.body.id;
  const path = `/api/v1/cases/${id}`;
  let v: number = (await investigator.post(`${path}/actions/accept`, { version: 1 })).body.version;
  const findings: [string, boolean][] = [
    ['a10.3', true],
    ['a13.c1', false],
    ...Array.from({ length: 9 }, (_, i): [string, boolean] => [`a9.${i + 1}`, false]),
  ];
  for (const [fact, value] of findings)
    v = (await investigator.request('PUT', `${path}/facts/${fact}`, { version: v, value })).body
      .version;
  v = (await investigator.post(`${path}/actions/complete_investigation`, { version: v })).body
    .version;
  for (const factor of ASSESSMENT_FACTORS as readonly AssessmentFactor[])
    v = (
      await investigator.request('PUT', `${path}/assessment/${factor}`, {
        version: v,
        finding: '经核实，情况清楚',
      })
    ).body.version;
  const submitted = await investigator.post(`${path}/actions/submit_for_decision`, { version: v });
  expect(submitted.body.state).toBe('awaiting_decision');
  return id;
}

/** A button named `label`: Ant Design spaces two-character labels (登 记). */
const buttonName = (label: string) => new RegExp(`^${label.split('').join('\\s*')}$`);

async function stateIs(page: Page, label: string) {
  await page.locator('.ant-tag').filter({ hasText: label }).first().waitFor();
}

describe('fairness in the browser', () => {
  it('reviews, decides with a recused member and a unit of the system, and delivers', async () => {
    const id = await caseAwaitingDecision();
    const caseUrl = `${web.url}/cases/${id}`;

    // 1. The reviewer finds the case on the to-do list and records the legal review.
    const reviewer = await web.signIn('liuyang');
    await reviewer.goto(caseUrl);
    await stateIs(reviewer, '待研究决定');
    await reviewer.getByRole('button', { name: '记录法制审核意见' }).click();
    const review = reviewer.getByRole('dialog').filter({ hasText: '记录法制审核意见' });
    await review.getByLabel('法制审核意见').fill('经审核，事实清楚，程序合法，同意系统认定意见。');
    await review.getByText('同意', { exact: true }).click();
    await review.getByRole('button', { name: /保存审核意见/ }).click();
    await reviewer.getByText('已记录法制审核意见').first().waitFor();
    await reviewer.getByRole('button', { name: '修改法制审核意见' }).waitFor();

    // 2. The secretary reads the opinion in the decision dialog and records the decision.
    const secretary = await web.signIn('zhangmin');
    await secretary.goto(caseUrl);
    await secretary.getByRole('button', { name: buttonName('登记研究决定') }).click();
    const decision = secretary.getByRole('dialog').filter({ hasText: '登记研究决定' });
    await decision.getByText('经审核，事实清楚，程序合法，同意系统认定意见。').waitFor();
    await expect(decision.innerText()).resolves.toContain('刘洋');
    await decision.getByLabel('参会人员').fill('党委书记');
    await decision.getByLabel('参会人员').press('Enter');
    await decision.getByRole('button', { name: '添加回避人员' }).click();
    await decision.getByLabel('回避人员1姓名').fill('纪检组长');
    await decision.getByLabel('回避人员1理由').fill('与当事人系近亲属');
    // The related units: a tree of the bureau's system, with no unit of another bureau.
    await decision.getByLabel('相关单位（将一并告知）').click();
    const tree = secretary.locator('.ant-select-tree');
    await tree.getByTitle('锡林浩特市应急管理局').waitFor();
    await expect(tree.getByTitle('锡林郭勒盟教育局').count()).resolves.toBe(0);
    await tree.getByTitle('锡林浩特市应急管理局').click();
    await secretary.keyboard.press('Escape');
    await decision.getByRole('button', { name: buttonName('登记') }).click();
    await stateIs(secretary, '已作出决定');

    // The decision keeps the recused member; the notices say how their dates were counted.
    await secretary.getByRole('tab', { name: /审核、回避与决定/ }).click();
    await secretary.getByText('纪检组长（与当事人系近亲属）').waitFor();
    await secretary.getByRole('tab', { name: /告知/ }).click();
    // The panel of that tab by its name: under load the panel left may still be showing.
    const notices = secretary.getByRole('tabpanel', { name: /告知/ }).locator('.ant-table-tbody');
    await notices.getByText('锡林浩特市应急管理局').waitFor();
    await expect(notices.innerText()).resolves.toMatch(/自\d{4}年\d{1,2}月\d{1,2}日起7日/);

    // 3. The secretary delivers the officer's notice in person, today.
    await secretary.getByRole('button', { name: '送达告知' }).click();
    const serve = secretary.getByRole('dialog').filter({ hasText: '送达告知' });
    // The officer's notice (both are due the same day; the list may show either first).
    const party = serve.locator('.ant-list-item').filter({ hasText: '当事人 王强' });
    await party.getByRole('button', { name: buttonName('送达') }).click();
    const form = party.getByRole('form');
    await form.getByLabel('送达方式').click();
    await secretary.getByTitle('直接送达').click();
    expect(await form.getByLabel('受送达人').inputValue()).toBe('王强');
    await form.getByRole('button', { name: /确认送达/ }).click();
    await serve.getByText(/直接送达，受送达人：王强/).waitFor();
    await expect(serve.innerText()).resolves.toMatch(/已于\d{4}年\d{1,2}月\d{1,2}日送达/);
  }, 240_000);
});
