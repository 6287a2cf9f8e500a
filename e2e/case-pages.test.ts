// The case list and case page in Debian's chromium: the secretary filters the list,
// opens the decided case, reads the notifications and a cited article, and sends a notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_PAGE } from './support/case-form.ts';
import { deliverFirstNotice } from './support/fairness.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

describe('case pages', () => {
  it('lets the secretary find the decided case, read it and send a notification', async () => {
    const page = await web.signIn('zhangmin');
    await page.goto(`${web.url}/cases`);
    await page.getByRole('row').nth(1).waitFor();

    // Filter by state 已作出决定: the filter goes into the URL and the list shows one case.
    await page.getByLabel('状态').click();
    await page.getByTitle('已作出决定').click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/state=decided/);
    await page.getByText('共 1 件').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    await expect(rows.first().innerText()).resolves.toContain('已作出决定');

    // Open it.
    await rows.first().click();
    await page.waitForURL(CASE_PAGE);
    await page.getByRole('heading', { level: 3 }).waitFor();

    // The notifications with their due dates.
    await page.getByRole('tab', { name: /告知/ }).click();
    const table = page.getByRole('tabpanel').locator('.ant-table-tbody');
    await table.getByText('当事人').first().waitFor();
    const text = await table.innerText();
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(text).toContain('未送达');

    // A citation in the determination opens the article's text.
    await page.getByRole('tab', { name: '认定意见' }).click();
    await page.getByRole('button', { name: '第十条第（三）项' }).first().click();
    const article = page.getByTestId('article-text');
    await article.waitFor();
    await expect(article.innerText()).resolves.toContain('依据检验、检测、鉴定、评价报告');
    await page.keyboard.press('Escape');
    await article.waitFor({ state: 'hidden' });

    // Send the first notification.
    await page.getByRole('button', { name: '送达告知' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '送达告知' });
    await dialog.waitFor();
    const before = await dialog.getByRole('button', { name: /^送\s*达$/ }).count();
    expect(before).toBe(2);
    await deliverFirstNotice(page, dialog, '邮寄送达');
    await page.getByText('已送达').first().waitFor();
    await expect.poll(() => dialog.getByRole('button', { name: /^送\s*达$/ }).count()).toBe(1);
    await expect(dialog.innerText()).resolves.toMatch(/已于\d{4}年\d{1,2}月\d{1,2}日送达/);
  }, 120_000);
});
