// The store on both databases (test/support/test-databases.ts): schema, append-only
// audit log, job claiming, value types, case numbers and optimistic concurrency.

import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueJob, completeJob, scheduleJob } from '../src/store/job.repository.ts';
import { MIGRATION_NAMES } from '../src/store/migrate.ts';
import type { Database } from '../src/store/schema.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';
import { bareCase } from './support/bare-case.ts';

const TABLES = [
  'account_secrets',
  'assessments',
  'audit_events',
  'audit_pending',
  'case_evaluations',
  'case_facts',
  'case_number_counters',
  'case_recusals',
  'case_reviews',
  'case_search',
  'cases',
  'clearances',
  'correction_closings',
  'correction_completions',
  'correction_evidence',
  'correction_extensions',
  'correction_follow_ups',
  'correction_items',
  'correction_notices',
  'correction_progress_reports',
  'correction_reminders',
  'correction_send_backs',
  'corrections',
  'decisions',
  'document_numbers',
  'enforcement_error_records',
  'evidence',
  'idempotency_keys',
  'jobs',
  'login_name_states',
  'notifications',
  'objections',
  'publications',
  'report_attachments',
  'report_officers',
  'reports',
  'sessions',
  'sign_in_failures',
  'statistics_case_counts',
  'statistics_case_keys',
  'statistics_correction_counts',
  'statistics_open_correction_dues',
  'statistics_stage_days',
  'typical_cases',
  'units',
  'users',
  'warning_cases',
  'warning_recipients',
  'warning_rule_sets',
  'warning_rules',
  'warnings',
];

describe.each(storeTargets())('store on $name', (target) => {
  let store: TestStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    store = await target.open();
    db = store.db;
    expect(await store.migrate()).toEqual(MIGRATION_NAMES);
  });

  afterAll(async () => {
    await store?.close();
  });

  it('applies the migrations once: a second run changes nothing', async () => {
    expect(store.kind).toBe(target.name);
    expect(await store.migrate()).toEqual([]);
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(
      db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(TABLES);
  });

  it('refuses to update, delete or truncate audit events, to the application and to the owner', async () => {
    await db
      .insertInto('audit_events')
      .values({
        action: 'test',
        entity_type: 'test',
        entity_id: '1',
        data: JSON.stringify({ n: 1 }),
        prev_hash: '0'.repeat(64),
        hash: 'a'.repeat(64),
      })
      .execute();
    // The application role lacks the privilege; past that, the trigger stops anyone else.
    for (const [conn, refusal] of [
      [db, /permission denied/],
      [store.admin, /append-only/],
    ] as const) {
      await expect(
        conn.updateTable('audit_events').set({ action: 'edited' }).execute(),
      ).rejects.toThrow(refusal);
      await expect(conn.deleteFrom('audit_events').execute()).rejects.toThrow(refusal);
      await expect(sql`truncate audit_events`.execute(conn)).rejects.toThrow(refusal);
    }
    const rows = await db.selectFrom('audit_events').select(['seq', 'action', 'data']).execute();
    expect(rows).toEqual([{ seq: expect.any(Number), action: 'test', data: { n: 1 } }]);
  });

  describe('jobs', () => {
    const now = new Date('2026-03-02T01:00:00Z');

    it('schedules a (kind, run_at) once', async () => {
      const job = { kind: 'reminder', runAt: new Date('2026-05-01T00:00:00Z'), payload: { a: 1 } };
      expect(await scheduleJob(db, job)).toBe(true);
      expect(await scheduleJob(db, job)).toBe(false);
    });

    it('gives each due job to exactly one of several concurrent workers', async () => {
      await scheduleJob(db, { kind: 'reminder', runAt: new Date('2026-03-01T00:00:00Z') });
      await scheduleJob(db, { kind: 'reminder', runAt: new Date('2026-03-01T12:00:00Z') });
      const workers = ['w1', 'w2', 'w3', 'w4'];
      const claims = await Promise.all(workers.map((w) => claimDueJob(db, w, now)));
      const claimed = claims.flatMap((job, i) => (job ? [{ job, worker: workers[i]! }] : []));
      expect(claimed).toHaveLength(2);
      expect(new Set(claimed.map((c) => c.job.id)).size).toBe(2);
      for (const { job, worker } of claimed) {
        expect(job.claimed_by).toBe(worker);
        expect(await completeJob(db, job.id, worker, now)).toBe(true);
      }
      expect(await claimDueJob(db, 'w5', now)).toBeUndefined();
    });

    it('skips a job another worker holds instead of waiting for it', async () => {
      await scheduleJob(db, { kind: 'skip-locked', runAt: new Date('2026-03-01T00:00:00Z') });
      await db.transaction().execute(async (trx) => {
        const held = await trx
          .selectFrom('jobs')
          .select('id')
          .where('kind', '=', 'skip-locked')
          .forUpdate()
          .executeTakeFirstOrThrow();
        // Another connection: were the row waited for, this would deadlock the test.
        expect(await claimDueJob(db, 'other', now)).toBeUndefined();
        await trx
          .updateTable('jobs')
          .set({ claimed_by: 'holder', claimed_at: now })
          .where('id', '=', held.id)
          .execute();
      });
      expect(await completeJob(db, (await jobOf('skip-locked')).id, 'other', now)).toBe(false);
    });

    const jobOf = (kind: string) =>
      db.selectFrom('jobs').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
  });

  describe('cases', () => {
    let unitId: string;
    let officerId: string;

    beforeAll(async () => {
      ({ id: unitId } = await db
        .insertInto('units')
        .values({ name: '锡林郭勒盟应急管理局', kind: 'bureau', parent_id: null, policy_id: null })
        .returning('id')
        .executeTakeFirstOrThrow());
      ({ id: officerId } = await db
        .insertInto('users')
        .values({
          username: 'officer1',
          display_name: '张三',
          password_hash: 'x',
          unit_id: unitId,
          roles: ['officer'],
          badge_number: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    });

    const newCase = () =>
      db
        .insertInto('cases')
        .values(bareCase(unitId, officerId))
        .returningAll()
        .executeTakeFirstOrThrow();

    it('numbers cases RC-<year>-<000001> from one sequence', async () => {
      const first = await newCase();
      const second = await newCase();
      const year = new Intl.DateTimeFormat('en', {
        year: 'numeric',
        timeZone: 'Asia/Shanghai',
      }).format(new Date());
      expect(first.number).toMatch(new RegExp(`^RC-${year}-\\d{6}$`));
      const serial = (n: string) => Number(n.split('-')[2]);
      expect(serial(second.number)).toBe(serial(first.number) + 1);
      expect(first.version).toBe(1);
      expect(first.created_at).toBeInstanceOf(Date);
    });

    it('reads date columns as YYYY-MM-DD strings, never as a Date a time zone can shift', async () => {
      const { id: caseId } = await newCase();
      await db
        .insertInto('decisions')
        .values({
          case_id: caseId,
          meeting_date: '2026-02-28',
          members: ['李四', '王五'],
          conclusion: 'exemption',
          engine_outcome: 'exemption',
          departure_reason: null,
          decided_by: officerId,
        })
        .execute();
      const decision = await db
        .selectFrom('decisions')
        .select(['meeting_date', 'members'])
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(decision).toEqual({ meeting_date: '2026-02-28', members: ['李四', '王五'] });
      const { n } = await db
        .selectFrom('decisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n).toBe(1); // bigint count(*) as a number
    });

    it('finds a stale version by the rows an update touches', async () => {
      const { id, version } = await newCase();
      const advance = () =>
        db
          .updateTable('cases')
          .set((eb) => ({ state: 'investigating', version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
      expect((await advance()).numUpdatedRows).toBe(1n);
      expect((await advance()).numUpdatedRows).toBe(0n); // STALE_VERSION
      const current = await db
        .selectFrom('cases')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(current.version).toBe(2);
    });

    it('keeps the three administrators apart from each other and from case roles', async () => {
      const user = (username: string, roles: string[]) =>
        db
          .insertInto('users')
          .values({
            username,
            display_name: username,
            password_hash: 'x',
            unit_id: unitId,
            roles,
            badge_number: null,
          })
          .execute();
      await expect(user('admin1', ['sysadmin', 'officer'])).rejects.toThrow(/users_roles_check/);
      await expect(user('admin2', ['sysadmin', 'auditadmin'])).rejects.toThrow(/users_roles_check/);
      await expect(user('admin3', ['secadmin'])).resolves.toBeDefined();
    });
  });
});
