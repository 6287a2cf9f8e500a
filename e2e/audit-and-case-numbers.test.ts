// The audit administrator's page in Chromium: who, what, on which case, when and from
// where; the filters; the CSV export as the browser downloads it. And the system
// administrator's case-number prefix on the units card, the next case numbered under it.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../src/domain/calendar-date.ts';
import { pickTreeNode } from './support/antd.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

describe('the audit log page', () => {
  it('shows each event in words, narrows it by case number, and exports it as CSV', async () => {
    const page = await web.signIn('auditadmin');
    await page.goto(`${web.url}/admin/audit`);
    const table = page.getByRole('table');
    // The auditor's own sign-in, newest first: name and account, action, address.
    await table.getByText('审计管理员（auditadmin）').first().waitFor();
    await expect(table.getByText('登录').first().isVisible()).resolves.toBe(true);
    await expect(table.getByText('127.0.0.1').first().isVisible()).resolves.toBe(true);
    await page.getByText(/共 \d+ 条/).waitFor();

    // The demo's decided case, which the auditor may not open: its number only.
    const { number } = await web.app.ctx.db
      .selectFrom('cases')
      .select('number')
      .where('state', '=', 'decided')
      .executeTakeFirstOrThrow();
    await page.getByLabel('案号').fill(number);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // The unfiltered table shows other cases' decisions too: wait until only this case's
    // events are listed, not for a text both tables hold.
    const rowTexts = () => table.locator('tbody tr.ant-table-row').allInnerTexts();
    await expect
      .poll(async () => (await rowTexts()).every((row) => row.includes(number)), {
        timeout: 30_000,
      })
      .toBe(true);
    await table.getByText('登记研究决定').waitFor();
    const rows = await rowTexts();
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toContain(number);
    expect(rows.join('\n')).toContain('李娜（lina）');
    expect(rows.join('\n')).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 CSV/ }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('序号,时间（北京时间）,操作人,账号,操作,对象类别,对象,案号,来源地址');
    expect(lines.length - 1).toBe(rows.length);
    expect(lines.slice(1).every((l) => l.includes(number))).toBe(true);

    // The export is an event of its own.
    await page.getByLabel('案号').fill('');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await table.getByText('导出审计日志').waitFor();
    await page.context().close();
  });
});

describe('case-number prefixes', () => {
  it('lets the system administrator set a unit’s prefix, and numbers the next case under it', async () => {
    const sys = await web.signIn('sysadmin');
    await sys.goto(`${web.url}/admin/users`);
    await sys.getByText('案号前缀：锡盟应急容').waitFor();
    // The league has none in its lineage: shown as unset, with the default in use.
    await sys.getByText('案号前缀未设置（暂用“锡林郭勒盟容”）').waitFor();

    const form = sys.getByRole('form', { name: '设置案号前缀' });
    await pickTreeNode(sys, form, '单位', '综合行政执法大队');
    await form.getByLabel('前缀').fill('锡市执法容');
    const saved = sys.waitForResponse(
      (r) => r.url().endsWith('/case-number-prefix') && r.request().method() === 'PUT',
    );
    await form.getByRole('button', { name: '保存案号前缀' }).click();
    expect((await saved).status()).toBe(200);
    // The unit tree's tag, not the success message, which says the same words.
    await sys.locator('.ant-tree').getByText('案号前缀：锡市执法容').waitFor();
    await sys.context().close();

    // 王强 is in that team: his next application is numbered in its series.
    const officer = await web.signIn('wangqiang');
    const opened = await officer.evaluate(async () => {
      const session = (await (await fetch('/api/v1/session')).json()) as {
        user: { unitId: string };
        csrfToken: string;
      };
      const res = await fetch('/api/v1/cases', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          origin: 'application',
          unitId: session.user.unitId,
          title: '前缀设置后的申请',
          conduct: '详见申请书',
          conductDate: '2025-03-01',
          enforcementAction: 'penalty',
        }),
      });
      return (await res.json()) as { number: string };
    });
    const year = todayInChina(web.app.ctx.now()).slice(0, 4);
    expect(opened.number).toBe(`锡市执法容〔${year}〕1号`);
    await officer.goto(`${web.url}/cases/${encodeURIComponent(opened.number)}`);
    await officer.getByText('前缀设置后的申请').first().waitFor();
    await officer.context().close();
  });
});
