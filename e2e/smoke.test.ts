// The web application in Debian's chromium: signing in, and the frame each role sees.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

const menu = async (page: Page) =>
  (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());

describe('signing in', () => {
  it('says why a login fails, in Chinese', async () => {
    const context = await web.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.url}/login`);
    await page.getByLabel('用户名').fill('lina');
    await page.getByLabel('密码').fill('wrong password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('用户名或密码错误');
    await context.close();
  });

  it('shows each role the menu of what it may do', async () => {
    const officer = await web.signIn('wangqiang');
    expect(await menu(officer)).toEqual([
      '工作台',
      '案件',
      '提出容错认定申请',
      '我的整改',
      '公示',
      '典型案例',
      '制度',
      '我的履职档案',
    ]);
    const investigator = await web.signIn('lina');
    expect(await menu(investigator)).toEqual([
      '工作台',
      '案件',
      '启动核查',
      '纠错整改',
      '公示',
      '典型案例',
      '制度',
      '信访举报',
      '警示提醒',
      '统计分析',
    ]);
    const auditor = await web.signIn('auditadmin');
    expect(await menu(auditor)).toEqual(['工作台', '公示', '典型案例', '制度', '审计日志']);
  });
});
