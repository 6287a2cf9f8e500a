// Migration 0020 on a database that already holds a case with its records, a correction, a
// publication marked typical, a warning and a report with a clearance: every row gets the
// tenant of its case's or report's unit (the 盟市 above it, or the root where no 盟市 is),
// the statistics counters are left as they were, and the composite keys hold the rows.
// Runs on the embedded database and on the server.

import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../src/store/migrate.ts';
import type { Database } from '../src/store/schema.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';

const LEAGUE = '00000000-0000-4000-8000-000000000001';
const BUREAU = '00000000-0000-4000-8000-000000000002';
const SECTION = '00000000-0000-4000-8000-000000000003';
/** A tree with no 盟市: its root is the tenant. */
const LONE_ROOT = '00000000-0000-4000-8000-000000000004';
const USER = '00000000-0000-4000-8000-000000000010';
const CASE = '00000000-0000-4000-8000-000000000020';
const PUBLICATION = '00000000-0000-4000-8000-000000000021';
const CORRECTION = '00000000-0000-4000-8000-000000000030';
const PROGRESS = '00000000-0000-4000-8000-000000000031';
const REPORT = '00000000-0000-4000-8000-000000000040';
const WARNING = '00000000-0000-4000-8000-000000000050';

/** Each table migration 0020 gives the key, with the tenant its one row must get. */
const EXPECTED: Readonly<Record<string, string>> = {
  cases: LEAGUE,
  case_facts: LEAGUE,
  decisions: LEAGUE,
  publications: LEAGUE,
  typical_cases: LEAGUE,
  warning_cases: LEAGUE,
  corrections: LEAGUE,
  correction_items: LEAGUE,
  correction_progress_reports: LEAGUE,
  correction_evidence: LEAGUE,
  reports: LONE_ROOT,
  report_officers: LONE_ROOT,
  clearances: LONE_ROOT,
};

async function seedBefore0020(db: Kysely<Database>) {
  const statements = [
    sql`insert into units (id, name, kind, parent_id) values
      (${LEAGUE}, '锡林郭勒盟', 'league', null),
      (${BUREAU}, '锡林郭勒盟应急管理局', 'bureau', ${LEAGUE}),
      (${SECTION}, '综合行政执法大队', 'section', ${BUREAU}),
      (${LONE_ROOT}, '独立的局', 'bureau', null)`,
    sql`insert into users (id, username, display_name, password_hash, unit_id, roles)
      values (${USER}, 'officer1', '王强', 'x', ${SECTION}, '{officer}')`,
    sql`insert into cases (id, unit_id, officer_id, applicant_id, origin, policy_id,
        policy_version, state, title, conduct, conduct_date, enforcement_action, error_type)
      values (${CASE}, ${SECTION}, ${USER}, ${USER}, 'application', 'xilingol-emergency-2024', 1,
        'decided', '旧案', '……', '2026-01-05', 'inspection', 'procedure')`,
    sql`insert into case_facts (case_id, fact_id, value, recorded_by)
      values (${CASE}, 'f1', true, ${USER})`,
    sql`insert into decisions (case_id, meeting_date, members, conclusion, decided_by)
      values (${CASE}, '2026-02-01', '{党委书记}', 'no_liability', ${USER})`,
    sql`insert into publications (id, case_id, scope, published_on, published_by, text, circle,
        organ_unit_id, system_unit_id)
      values (${PUBLICATION}, ${CASE}, '本单位', '2026-02-10', ${USER}, '公示文本', 'organ',
        ${BUREAU}, ${BUREAU})`,
    sql`insert into typical_cases (case_id, publication_id, policy_id, policy_version,
        conclusion, decided_on, marked_by, marked_on)
      values (${CASE}, ${PUBLICATION}, 'xilingol-emergency-2024', 1, 'no_liability',
        '2026-02-01', ${USER}, '2026-02-20')`,
    sql`insert into warnings (id, rule_id, kind, policy_id, unit_id, error_type, key, threshold,
        months, window_from, window_to)
      select ${WARNING}, id, kind, 'xilingol-emergency-2024', ${SECTION}, 'procedure', 'k', 3, 12,
        '2025-03-01', '2026-02-28'
        from warning_rules where kind = 'same_error_type_in_unit'`,
    sql`insert into warning_cases (warning_id, rule_id, case_id)
      select ${WARNING}, rule_id, ${CASE} from warnings where id = ${WARNING}`,
    sql`insert into corrections (id, case_id, article, officer_id, unit_id)
      values (${CORRECTION}, ${CASE}, 16, ${USER}, ${SECTION})`,
    sql`insert into correction_items (correction_id, position, text)
      values (${CORRECTION}, 1, '整改事项')`,
    sql`insert into correction_progress_reports (id, correction_id, reported_on, text,
        reported_by, created_at)
      values (${PROGRESS}, ${CORRECTION}, '2026-03-01', '进展', ${USER}, now())`,
    sql`insert into correction_evidence (report_id, correction_id, filename, content_type, size,
        sha256, content, uploaded_by, uploaded_at)
      values (${PROGRESS}, ${CORRECTION}, 'a.txt', 'text/plain', 1, ${'0'.repeat(64)}, '\\x41',
        ${USER}, now())`,
    sql`insert into reports (id, number, unit_id, policy_id, policy_version, received_on, channel,
        named, summary, created_by)
      values (${REPORT}, 'R-1', ${LONE_ROOT}, 'xilingol-emergency-2024', 1, '2026-01-10', 'letter',
        false, '反映执法问题', ${USER})`,
    sql`insert into report_officers (report_id, officer_id) values (${REPORT}, ${USER})`,
    sql`insert into clearances (report_id, officer_id, unit_id, basis, findings, accusation_reach,
        scope, methods, decided_on, notice_text, decided_by)
      values (${REPORT}, ${USER}, ${LONE_ROOT}, 'malicious', '查明失实', 'unit', 'unit',
        '{meeting}', '2026-02-01', '澄清通报', ${USER})`,
  ];
  for (const statement of statements) await statement.execute(db);
}

const counters = (db: Kysely<Database>) =>
  sql<{ row: string }>`select row(c.*)::text as row from statistics_case_counts c
    union all select row(s.*)::text from statistics_correction_counts s
    order by 1`.execute(db);

describe.each(storeTargets())('migration 0020 on $name', (target) => {
  let store: TestStore;
  let db: Kysely<Database>;
  let countedBefore: string[];

  beforeAll(async () => {
    store = await target.open();
    db = store.admin;
    await migrateTo(db, '0019_case_search_scale');
    await seedBefore0020(db);
    countedBefore = (await counters(db)).rows.map((r) => r.row);
    expect(countedBefore.length).toBeGreaterThan(0);
    expect(await migrateToLatest(db)).toContain('0020_tenant_key');
  });

  afterAll(async () => {
    await store?.close();
  });

  it('gives each row the tenant of its case or report', async () => {
    for (const [table, tenant] of Object.entries(EXPECTED)) {
      const rows = await sql<{ tenant_unit_id: string }>`
        select tenant_unit_id from ${sql.table(table)}`.execute(db);
      expect(
        rows.rows.map((r) => r.tenant_unit_id),
        table,
      ).toEqual([tenant]);
    }
  });

  it('leaves the statistics counters as they were', async () => {
    expect((await counters(db)).rows.map((r) => r.row)).toEqual(countedBefore);
  });

  it('holds the old rows to the new keys: a second finding on a fact replaces the first', async () => {
    await sql`insert into case_facts (case_id, fact_id, value, recorded_by)
      values (${CASE}, 'f1', false, ${USER})
      on conflict (case_id, fact_id, tenant_unit_id) do update set value = excluded.value`.execute(
      db,
    );
    const facts = await sql<{ value: boolean }>`
      select value from case_facts where case_id = ${CASE}`.execute(db);
    expect(facts.rows).toEqual([{ value: false }]);
    await expect(
      sql`update correction_items set tenant_unit_id = ${LONE_ROOT}`.execute(db),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
