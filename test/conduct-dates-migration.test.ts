// Migration 0004 on a database that already holds cases: each older case gets the day it
// was recorded, in China, as its conduct date (the day whose regime it was judged under),
// and no end date; the database refuses a period that ends before it begins. Runs on the
// embedded database and on the server.
import { sql, type Kysely } from 'kysely';
import { migrateTo } from '../src/store/migrate.ts';
import type { Database } from '../src/store/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTargets, type TestStore } from './support/test-databases.ts';

describe.each(storeTargets())('migration 0004 on $name', (target) => {
  let store: TestStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    store = await target.open();
    db = store.admin;
    await migrateTo(db, '0003_accounts');
    await sql`insert into units (id, name, kind) values
      ('00000000-0000-4000-8000-000000000001', '锡林郭勒盟应急管理局', 'bureau')`.execute(db);
    await sql`insert into users (id, username, display_name, password_hash, unit_id, roles)
      values ('00000000-0000-4000-8000-000000000002', 'officer1', '张三', 'x',
              '00000000-0000-4000-8000-000000000001', '{officer}')`.execute(db);
    // 17:30 UTC on 1 March is 01:30 on 2 March in China; 15:00 UTC is still 1 March there.
    for (const [title, at] of [
      ['late', '2026-03-01T17:30:00Z'],
      ['early', '2026-03-01T15:00:00Z'],
    ]) {
      await sql`insert into cases (unit_id, officer_id, applicant_id, origin, policy_id,
          policy_version, state, title, conduct, enforcement_action, created_at)
        values ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
          '00000000-0000-4000-8000-000000000002', 'application', 'xilingol-emergency-2024', 1,
          'submitted', ${title}, '……', 'inspection', ${at})`.execute(db);
    }
    await migrateTo(db, '0004_conduct_dates');
  }, 60_000);
  afterAll(async () => store?.close());

  it('gives each older case the day it was recorded in China', async () => {
    const rows = await sql<{ title: string; conduct_date: string; conduct_end_date: null }>`
      select title, conduct_date::text, conduct_end_date from cases order by title`.execute(db);
    expect(rows.rows).toEqual([
      { title: 'early', conduct_date: '2026-03-01', conduct_end_date: null },
      { title: 'late', conduct_date: '2026-03-02', conduct_end_date: null },
    ]);
  });

  it('requires the date, and refuses a period that ends before it begins', async () => {
    await expect(sql`update cases set conduct_date = null`.execute(db)).rejects.toThrow();
    await expect(
      sql`update cases set conduct_end_date = conduct_date - 1`.execute(db),
    ).rejects.toThrow(/cases_conduct_period/);
    await sql`update cases set conduct_end_date = conduct_date`.execute(db);
  });
});
