// Warnings on recurring errors (警示提醒, 第十八条) through the real pages in Debian's
// chromium: the system administrator changes a rule's threshold, which the audit log
// keeps with before and after; the bureau's secretary finds the demo's warning (证据不足
// three times in the 综合行政执法大队) on the workbench and acknowledges it with the
// measures the unit will take; an investigator classifies a case on its page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/app/demo-data.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

/** Picks the option labelled `option` in the select named `name`, and waits for it to close. */
async function choose(page: Page, name: string, option: string) {
  await page.getByRole('combobox', { name }).click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    .click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
}

describe('warnings in the browser', () => {
  it('lets the system administrator change a threshold, audited', async () => {
    const sys = await web.signIn('sysadmin');
    await sys.getByRole('menuitem', { name: '警示规则' }).click();
    await sys.getByText('12个月内同一单位同一错误类型出现3次').first().waitFor();
    const threshold = sys.getByRole('spinbutton', { name: '规则 1 达到' });
    await threshold.fill('4');
    await sys.getByRole('button', { name: '保存警示规则' }).click();
    await sys.getByText('警示规则已保存').waitFor();
    await sys.getByText('12个月内同一单位同一错误类型出现4次').first().waitFor();

    const events = await web.app.ctx.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'warning_rules.set')
      .execute();
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        changes: [
          expect.objectContaining({
            before: expect.objectContaining({ threshold: 3 }),
            after: expect.objectContaining({ threshold: 4 }),
          }),
        ],
      }),
    ]);
  }, 120_000);

  it('lets the unit acknowledge a warning from the workbench, with its measures', async () => {
    const secretary = await web.signIn('zhangmin');
    const card = secretary.locator('.ant-card').filter({ hasText: '待签收的警示提醒' });
    const link = card.getByRole('link', { name: '综合行政执法大队 证据不足 3 起' });
    await link.click();
    await secretary.getByText('所涉案件（3 件）').waitFor();
    const warningUrl = secretary.url();
    await secretary.getByText('12个月内同一单位同一错误类型出现3次').first().waitFor();
    const measures = '组织证据规则专题培训；重大处罚决定作出前由法制审核人员复核关键证据。';
    await secretary.getByLabel('防范措施').fill(measures);
    await secretary.getByRole('button', { name: /签\s*收/ }).click();
    await secretary.getByText(/已签收（张敏/).waitFor();
    await secretary.getByText(measures).waitFor();
    expect(await secretary.getByRole('button', { name: /签\s*收/ }).count()).toBe(0);

    // The workbench no longer lists it.
    await secretary.getByRole('menuitem', { name: '工作台' }).click();
    await card.locator('.ant-table').waitFor();
    await expect.poll(() => link.count()).toBe(0);
    // The education bureau's secretary does not find it.
    const other = await web.signIn('zhouyan');
    await other.goto(warningUrl);
    await other.getByText('警示提醒不存在，或不是发给本单位的').waitFor();
  }, 120_000);

  it('lets the investigator classify a case on its page before the decision', async () => {
    const officer = new HttpClient(web.url);
    const login = await officer.post('/api/v1/session', {
      username: 'wangqiang',
      password: DEMO_PASSWORD,
    });
    officer.csrfToken = login.body.csrfToken;
    const opened = await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId: login.body.user.unitId,
      title: '分类的浏览器测试',
      conduct: '依据检测报告作出罚款决定，后报告被撤回。',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
    });
    expect(opened.status).toBe(201);

    const investigator = await web.signIn('lina');
    await investigator.goto(`${web.url}/cases/${opened.body.id}`);
    const summary = investigator.locator('.ant-descriptions');
    await summary.getByText('未选定').first().waitFor();
    await investigator
      .getByText('提请研究决定前，须选定本案的执法领域和错误类型')
      .first()
      .waitFor();
    await choose(investigator, '执法领域', '工贸');
    await choose(investigator, '错误类型', '证据不足');
    await investigator.getByRole('button', { name: '保存分类' }).click();
    await summary.getByText('工贸').waitFor();
    await summary.getByText('证据不足').waitFor();
    expect(await summary.getByText('未选定').count()).toBe(0);
  }, 120_000);
});
