// Publication (公示) in the browser: the secretary is shown the draft with the phone and
// the 身份证号 of the conduct masked, edits it and publishes it within 本系统; an officer
// of another section of the system opens it from the 公示 menu; an anonymous visitor
// reads a 社会公开 one from the login page, without signing in.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/domain/calendar-date.ts';
import { notifiedCase } from '../test/support/notified-case.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
let caseId: string;
const TITLE = '危化品企业检查后企业擅自恢复生产';
const ADDED = '如对公示内容有异议，请于公示期内向本局执法监督科反映。';

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
      conduct:
        '执法人员检查某化工企业，负责人张三丰（身份证号152501198805061234，联系电话13912345678）拒不整改。',
      today: todayInChina(web.app.ctx.now()),
    })
  ).id;
}, 180_000);
afterAll(async () => web?.close());

// antd leaves a button's spinner (aria-label "loading") in the button for a moment after
// a refused request (its leave animation need not end in a headless browser), and then
// the spinner is part of its accessible name.
const buttonName = (label: string) => new RegExp(`^(loading\\s*)?${label.split('').join('\\s*')}$`);

async function openPublicationFromMenu(page: Page, heading: string) {
  await page.getByRole('menuitem', { name: /公示/ }).click();
  await page.getByRole('link', { name: heading }).click();
  await page.getByTestId('publication-text').waitFor();
}

describe('publication in the browser', () => {
  it('the secretary previews the masked draft, edits it and publishes within 本系统', async () => {
    const secretary = await web.signIn('zhangmin');
    await secretary.goto(`${web.url}/cases/${caseId}`);
    await secretary
      .getByTestId('next-step')
      .getByRole('button', { name: buttonName('公开') })
      .click();
    const dialog = secretary.getByRole('dialog').filter({ hasText: '公开认定结果' });
    const text = dialog.getByLabel(/公示文本/);
    await text.waitFor();
    const draft = await text.inputValue();
    expect(draft).toContain('身份证号152501********1234');
    expect(draft).toContain('联系电话139****5678');
    expect(draft).not.toContain('13912345678');
    expect(draft).not.toContain('152501198805061234');
    // What was masked is listed and highlighted in the preview.
    await dialog.getByText('电话号码：139****5678').waitFor();
    await dialog.getByText('身份证号：152501********1234').waitFor();
    await dialog
      .getByTestId('publication-preview')
      .locator('mark', { hasText: '139****5678' })
      .waitFor();

    // An edit that brings a phone number back is refused, saying where.
    await text.fill(`${draft}\n联系人电话13912345678`);
    await dialog.getByLabel('公开范围').click();
    await secretary.getByTitle('本系统').click();
    await dialog.getByRole('button', { name: buttonName('公开') }).click();
    await dialog.getByText(/疑似电话号码（139\*\*\*\*5678）/).waitFor();

    await text.fill(`${draft}\n${ADDED}`);
    await dialog.getByRole('button', { name: buttonName('公开') }).click();
    await secretary.locator('.ant-tag').filter({ hasText: '已公开' }).first().waitFor();
  }, 120_000);

  it('an officer of another section of the system opens it from 公示', async () => {
    const officer = await web.signIn('wangqiang');
    await openPublicationFromMenu(officer, `关于“${TITLE}”认定结果的公示`);
    const shown = await officer.getByTestId('publication-text').innerText();
    expect(shown).toContain(ADDED);
    expect(shown).toContain('152501********1234');
    expect(shown).not.toContain('13912345678');
    await officer.getByText('锡林郭勒盟应急管理局').first().waitFor();
    await officer.getByText('公示中').waitFor();
    // The case itself stays closed to him: the publication is not the case file.
    const res = await officer.request.get(`${web.url}/api/v1/cases/${caseId}`);
    expect(res.status()).toBe(404);
  }, 120_000);

  it('an anonymous visitor reads a 社会公开 one without signing in', async () => {
    const context = await web.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const visitor = await context.newPage();
    await visitor.goto(`${web.url}/login`);
    await visitor.getByRole('link', { name: /认定结果公示/ }).click();
    // The demo's public case: its conduct names a person, a phone and an 身份证号.
    await visitor.getByRole('link', { name: /民办幼儿园年检/ }).click();
    const shown = await visitor.getByTestId('publication-text').innerText();
    expect(shown).toContain('负责人刘**（身份证号152501********1234，联系电话139****5678）');
    expect(shown).not.toContain('刘建国');
    // The 本系统 one published above is not among the public ones.
    await visitor.getByRole('button', { name: /返回公示列表/ }).click();
    await visitor.getByRole('link', { name: /民办幼儿园年检/ }).waitFor();
    expect(await visitor.getByRole('link', { name: new RegExp(TITLE) }).count()).toBe(0);
    await context.close();
  }, 120_000);
});
