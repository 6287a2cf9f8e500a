// The case list past its count cap, in Debian's chromium: a province's list stops counting
// at a cap (10,000 cases, 1,000 for a search; here 5 and 2) and says "超过" so many, and the
// pages up to the cap can still be turned; under the cap the count is exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp({
    caseListLimits: {
      countCap: 5,
      searchCountCap: 2,
      gramCandidates: 5_000,
      gramPostings: 1e6,
      ownCasesSorted: 20_000,
    },
  });
}, 120_000);
afterAll(async () => web?.close());

describe('case list counts', () => {
  it('says 超过 past the cap and counts exactly under it', async () => {
    const page = await web.signIn('zhangmin');
    await page.goto(`${web.url}/cases?limit=5`);
    await page.getByText('超过 5 件').waitFor();
    // The second page is there to turn to.
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/offset=5/);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();

    // A search past its own cap, then one under it.
    await page.goto(`${web.url}/cases?q=${encodeURIComponent('应急')}`);
    await page.getByText('超过 2 件').waitFor();
    await page.goto(`${web.url}/cases?q=${encodeURIComponent('不存在的词语组合')}`);
    await page.getByText('暂无案件').waitFor();
    const numbered = await web.app.ctx.db
      .selectFrom('cases')
      .select('number')
      .orderBy('number')
      .executeTakeFirstOrThrow();
    await page.goto(`${web.url}/cases?q=${encodeURIComponent(numbered.number)}`);
    await page.getByText('共 1 件').waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
  }, 120_000);
});
