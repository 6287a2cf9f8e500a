// 统计分析 over HTTP: the figures move in step with the cases (an opening, a decision, a
// correction closed on time or late, one overdue), are filtered by unit subtree, policy and
// quarter, download as CSV and XLSX, and are refused to whoever does not read a unit's cases.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { advance, applyAs, emergencyCrew, written } from '../support/procedure-api.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';
import type { HttpClient } from '../support/http-client.ts';

interface Figure {
  id: string;
  title: string;
  series: { key: string; label: string }[];
  rows: { code: string; label: string; values: number[] }[];
}

const DAY = 86_400_000;

async function figures(client: HttpClient, query = '') {
  const res = await client.get(`/api/v1/statistics${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const byId = new Map<string, Figure>((res.body.figures as Figure[]).map((f) => [f.id, f]));
  /** The first value of a row found by code or label; 0 when the row is absent. */
  const value = (figure: string, row: string, series = 0) =>
    byId.get(figure)!.rows.find((r) => r.code === row || r.label === row)?.values[series] ?? 0;
  return { body: res.body, byId, value };
}

/** The bytes of a download, as a browser receives them (HttpClient reads text). */
async function download(url: string, username: string, path: string) {
  const login = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${url}${path}`, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe.each(storeTargets())('statistics ($name)', (target) => {
  const h = useHarness(target);

  it('moves with a new case, its decision, its stages and its correction', async () => {
    // A quarter of its own, two years on, so that only this test's cases are in it.
    h.advance(2 * 365 * DAY);
    let secretary = await h.as('zhangmin');
    const today = (await secretary.get('/api/v1/statistics')).body.today as string;
    const quarter = `?from=${today}&to=${today}`;
    const before = await figures(secretary, quarter);
    expect(before.body.totalCases).toBe(0);

    const officer = await h.as('wangqiang');
    const { unitId } = (await officer.get('/api/v1/session')).body.user;
    const opened = written(
      await officer.post('/api/v1/cases', {
        origin: 'application',
        unitId,
        title: '统计测试：危险化学品检查中未发现隐患',
        conduct: '本人对某企业开展检查，企业隐瞒了储存超量的事实。',
        conductDate: '2025-03-01',
        enforcementAction: 'inspection',
        field: 'hazardous_chemicals',
        errorType: 'inspection_gap',
      }),
    );
    let now = await figures(secretary, quarter);
    expect(now.body.totalCases).toBe(1);
    expect(now.value('outcome', 'state:submitted')).toBe(1);
    expect(now.value('field', '危险化学品')).toBe(1);
    expect(now.value('errorType', '检查不到位')).toBe(1);
    expect(now.byId.get('quarter')!.rows.map((r) => r.values)).toEqual([[1, 0]]);

    // Three days before it is accepted: one stint of 已申请, three days long.
    h.advance(3 * DAY);
    const crew = await emergencyCrew(h.url);
    const decided = await advance(crew, opened, 'submitted', 'decided');
    secretary = await h.as('zhangmin');
    now = await figures(secretary, quarter);
    expect(now.value('outcome', 'state:submitted')).toBe(0);
    expect(now.value('outcome', 'no_liability')).toBe(1);
    expect(now.value('outcome', '不予追究行政执法责任')).toBe(1);
    expect(now.byId.get('quarter')!.rows.map((r) => r.values)).toEqual([[1, 1]]);
    const stage = now.byId.get('stage')!;
    expect(stage.rows.find((r) => r.code === 'submitted')!.values).toEqual([3, 1]);
    expect(stage.rows.find((r) => r.code === 'investigating')!.values[1]).toBe(1);
    expect(stage.rows.find((r) => r.code === 'decided')!.values[1]).toBe(0);
    expect(now.value('correction', 'awaiting_notice')).toBe(1);

    // The correction's procedure (纠错通知, completion) as its columns record it.
    const correction = await h.admin
      .selectFrom('corrections')
      .select('id')
      .where('case_id', '=', decided.id)
      .executeTakeFirstOrThrow();
    const set = (values: Record<string, string | null>) =>
      h.admin.updateTable('corrections').set(values).where('id', '=', correction.id).execute();
    await set({ state: 'in_progress', notified_on: today, due: '2000-01-01' });
    now = await figures(secretary, quarter);
    expect(now.value('correction', 'awaiting_notice')).toBe(0);
    expect(now.value('correction', 'open_overdue')).toBe(1);
    expect(now.value('correction', 'open_in_time')).toBe(0);
    await set({ due: '9999-12-31' });
    now = await figures(secretary, quarter);
    expect(now.value('correction', 'open_overdue')).toBe(0);
    expect(now.value('correction', 'open_in_time')).toBe(1);
    await set({ state: 'completed', closed_on: today });
    now = await figures(secretary, quarter);
    expect(now.value('correction', 'open_in_time')).toBe(0);
    expect(now.value('correction', 'on_time')).toBe(1);
    await set({ due: '2000-01-01' });
    now = await figures(secretary, quarter);
    expect(now.value('correction', 'on_time')).toBe(0);
    expect(now.value('correction', 'late')).toBe(1);

    // Outside the quarter: the dates filter it out.
    const earlier = await figures(secretary, `?to=${today.slice(0, 4)}-01-01&from=2000-01-01`);
    const whole = await figures(secretary);
    expect(whole.body.totalCases - earlier.body.totalCases).toBeGreaterThanOrEqual(1);
    expect(whole.value('field', '危险化学品')).toBeGreaterThanOrEqual(1);

    // The counters agree with a count of the cases themselves.
    const counted = await sql<{ n: number }>`
      select count(*)::int as n from cases where field = 'hazardous_chemicals'
         and unit_id in (select id from units where name in
           ('锡林郭勒盟应急管理局', '执法监督科', '危险化学品安全监督管理科', '锡林浩特市应急管理局', '综合行政执法大队'))`.execute(
      h.admin,
    );
    expect(whole.value('field', '危险化学品')).toBe(counted.rows[0]!.n);
  });

  it('counts a unit’s subtree, one policy, and the units below by their subtrees', async () => {
    const secretary = await h.as('zhangmin');
    const all = await figures(secretary);
    const county = await h.unitId('锡林浩特市应急管理局');
    const team = await h.unitId('综合行政执法大队');
    const chem = await h.unitId('危险化学品安全监督管理科');
    const byCounty = await figures(secretary, `?unitId=${county}`);
    const byTeam = await figures(secretary, `?unitId=${team}`);
    const byChem = await figures(secretary, `?unitId=${chem}`);
    expect(byCounty.body.filters.unit).toEqual({ id: county, name: '锡林浩特市应急管理局' });
    // The county bureau has no case of its own: its subtree is its team's.
    expect(byCounty.body.totalCases).toBe(byTeam.body.totalCases);
    expect(byTeam.body.totalCases).toBeGreaterThan(0);
    expect(all.body.totalCases).toBe(
      byCounty.body.totalCases +
        byChem.body.totalCases +
        all.value('unit', '锡林郭勒盟应急管理局（本级）') +
        all.value('unit', '执法监督科'),
    );
    // The bureau's unit figure sums the county bureau's subtree in one row.
    expect(all.value('unit', '锡林浩特市应急管理局')).toBe(byCounty.body.totalCases);
    expect(byCounty.byId.get('unit')!.rows.map((r) => r.label)).toEqual(['综合行政执法大队']);

    const emergency = await figures(secretary, '?policyId=xilingol-emergency-2024');
    const education = await figures(secretary, '?policyId=xilingol-education-2024');
    expect(emergency.body.totalCases).toBe(all.body.totalCases);
    expect(education.body.totalCases).toBe(0);
    expect(all.body.policies).toEqual([
      { id: 'xilingol-emergency-2024', title: expect.stringContaining('应急') },
    ]);
    expect(all.body.units.map((u: { name: string }) => u.name).sort()).toEqual(
      [
        '锡林郭勒盟应急管理局',
        '执法监督科',
        '危险化学品安全监督管理科',
        '锡林浩特市应急管理局',
        '综合行政执法大队',
      ].sort(),
    );

    // The education bureau's figures are its own: labels from its own taxonomy.
    const edu = await figures(await h.as('zhouyan'));
    expect(edu.body.totalCases).toBeGreaterThan(0);
    for (const f of edu.byId.values())
      for (const r of f.rows) expect(r.label).not.toMatch(/^[a-z_]+$/);
  });

  it('downloads each figure as CSV with a BOM and as an XLSX that reads back', async () => {
    const secretary = await h.as('zhangmin');
    const { byId } = await figures(secretary);
    const field = byId.get('field')!;
    const csv = await download(
      h.url,
      'zhangmin',
      '/api/v1/statistics/export?figure=field&format=csv',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(encodeURIComponent('执法领域'));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('执法领域');
    expect(lines[3]).toBe('执法领域,案件数');
    for (const [i, r] of field.rows.entries())
      expect(lines[4 + i]).toBe(`${r.label},${r.values[0]}`);

    const xlsx = await download(
      h.url,
      'zhangmin',
      '/api/v1/statistics/export?figure=stage&format=xlsx',
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('各阶段平均办理天数');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      '办理阶段',
      '平均停留天数',
      '已结束的停留次数',
    ]);
    const stage = byId.get('stage')!;
    for (const [i, r] of stage.rows.entries())
      expect(sheet.getRow(5 + i).values).toEqual([undefined, r.label, ...r.values]);

    const bad = await secretary.get('/api/v1/statistics/export?figure=nothing&format=csv');
    expect(bad.status).toBe(400);
    const pdf = await secretary.get('/api/v1/statistics/export?figure=field&format=pdf');
    expect(pdf.status).toBe(400);
  });

  it('is refused to officers, administrators, other units and nonsense filters', async () => {
    for (const username of ['wangqiang', 'auditadmin', 'sysadmin', 'secadmin']) {
      const res = await (await h.as(username)).get('/api/v1/statistics');
      expect(res.status, username).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      const file = await (
        await h.as(username)
      ).get('/api/v1/statistics/export?figure=outcome&format=csv');
      expect(file.status, username).toBe(403);
    }
    const secretary = await h.as('zhangmin');
    const education = await h.unitId('锡林郭勒盟教育局');
    const league = await h.unitId('锡林郭勒盟');
    for (const unit of [education, league]) {
      const res = await secretary.get(`/api/v1/statistics?unitId=${unit}`);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe('只能查看本单位及下级单位的统计');
    }
    // The investigator and the reviewer of the bureau read it too.
    for (const username of ['lina', 'liuyang'])
      expect((await (await h.as(username)).get('/api/v1/statistics')).status).toBe(200);
    expect((await secretary.get('/api/v1/statistics?policyId=nothing')).status).toBe(400);
    expect((await secretary.get('/api/v1/statistics?from=2026-05-01&to=2026-01-01')).status).toBe(
      400,
    );
    expect((await secretary.get('/api/v1/statistics?from=2026-13-01')).status).toBe(400);
    expect((await secretary.get('/api/v1/statistics?unitId=not-a-uuid')).status).toBe(400);
    const anonymous = await fetch(`${h.url}/api/v1/statistics`);
    expect(anonymous.status).toBe(401);
  });

  it('is an officer’s application counted once it is withdrawn, as withdrawn', async () => {
    const officer = await h.as('wangqiang');
    const secretary = await h.as('zhangmin');
    const before = await figures(secretary);
    const c = await applyAs(officer, '统计测试：撤回的申请');
    const withdrawn = await officer.post(`/api/v1/cases/${c.id}/actions/withdraw`, {
      version: c.version,
      reason: '申请有误',
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const after = await figures(secretary);
    expect(after.body.totalCases).toBe(before.body.totalCases + 1);
    expect(after.value('outcome', 'state:withdrawn')).toBe(
      before.value('outcome', 'state:withdrawn') + 1,
    );
    // applyAs classifies the application as 工贸, 事实认定不清 (test/support/procedure-api.ts).
    expect(after.value('field', '工贸')).toBe(before.value('field', '工贸') + 1);
    expect(after.value('errorType', '事实认定不清')).toBe(
      before.value('errorType', '事实认定不清') + 1,
    );
  });
});
