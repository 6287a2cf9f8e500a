// 统计分析 in chromium: the secretary opens the dashboard from the menu, every figure is an
// ECharts chart drawn with the demo's numbers, the unit filter narrows them, and a figure's
// CSV downloads with the numbers the chart shows.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

const FIGURES = [
  '案件认定结论',
  '执法领域',
  '错误类型',
  '单位',
  '季度趋势',
  '纠错按期完成情况',
  '各阶段平均办理天数',
];

describe('the statistics dashboard', () => {
  it('draws every figure, filters by unit and downloads a figure as CSV', async () => {
    const page = await web.signIn('zhangmin');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByRole('heading', { name: '统计分析' }).waitFor({ timeout: 120_000 });
    for (const title of FIGURES) {
      const card = page.getByLabel(title, { exact: true });
      const chart = card.getByRole('img', { name: `${title}图表` });
      await chart.waitFor({ timeout: 120_000 });
      // ECharts drew into an SVG: shapes for the data, and the labels the server sent.
      await expect
        .poll(() => chart.locator('svg path').count(), { timeout: 30_000 })
        .toBeGreaterThan(2);
      expect(Number(await chart.getAttribute('data-rows'))).toBeGreaterThan(0);
    }
    const total = async () =>
      Number(
        (
          await page
            .locator('.ant-statistic')
            .filter({ hasText: '案件总数' })
            .locator('.ant-statistic-content')
            .innerText()
        ).replace(/\D/g, ''),
      );
    const all = await total();
    expect(all).toBeGreaterThan(10);
    const fieldChart = page.getByRole('img', { name: '执法领域图表' });
    await expect(fieldChart.innerHTML()).resolves.toContain('危险化学品');
    const trend = page.getByRole('img', { name: '季度趋势图表' });
    expect(Number(await trend.getAttribute('data-rows'))).toBeGreaterThan(1);

    // The CSV of 执法领域 holds the rows the chart was drawn from.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByLabel('执法领域', { exact: true })
        .getByRole('link', { name: /下载 CSV/ })
        .click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('执法领域');
    expect(lines[3]).toBe('执法领域,案件数');
    const counted = lines
      .slice(4)
      .filter((l) => /,\d+$/.test(l))
      .reduce((sum, l) => sum + Number(l.split(',').at(-1)), 0);
    expect(counted).toBe(all);
    expect(lines.some((l) => l.startsWith('危险化学品,'))).toBe(true);

    // One unit below: fewer cases, and the total follows.
    await page.getByLabel('单位', { exact: true }).first().click();
    await page.getByTitle('危险化学品安全监督管理科').click();
    await expect.poll(total, { timeout: 30_000 }).toBeLessThan(all);
    await page.context().close();
  });

  it('is not in the menu of an officer, and refuses its page', async () => {
    const page = await web.signIn('wangqiang');
    const items = (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
    expect(items).not.toContain('统计分析');
    await page.goto(`${web.url}/statistics`);
    await page.getByText('统计数据加载失败').waitFor({ timeout: 120_000 });
    await page.context().close();
  });
});
