// Migration 0007 on a database that already holds cases and an audit chain: the cases keep
// their RC- numbers and new ones are numbered as offices write them; the audit rows
// written before (no client address, one even from before migration 0002, without its
// stored text) still verify, and the chain goes on with addressed events. Runs on the
// embedded database and on the server.

import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, sm3 } from '../src/app/audit/audit-log.ts';
import { withClientAddress } from '../src/app/audit/request-origin.ts';
import { flushAuditChain } from '../src/app/audit/audit-chainer.ts';
import { allocateCaseNumber } from '../src/app/case/case-number.ts';
import { appendToChain, GENESIS_ANCHOR, verifyChain } from '../src/domain/audit/audit-chain.ts';
import { readAuditEvents } from '../src/store/audit.repository.ts';
import { migrateTo, migrateToLatest } from '../src/store/migrate.ts';
import { todayInChina } from '../src/domain/calendar-date.ts';
import type { Database } from '../src/store/schema.ts';
import { inTransaction } from '../src/store/transaction.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';

const UNIT = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-000000000002';

describe.each(storeTargets())('migration 0007 on $name', (target) => {
  let store: TestStore;
  let db: Kysely<Database>;
  let oldNumber: string;

  beforeAll(async () => {
    store = await target.open();
    db = store.admin;
    await migrateTo(db, '0004_conduct_dates');

    await sql`insert into units (id, name, kind) values (${UNIT}, '锡林郭勒盟应急管理局', 'bureau')`.execute(
      db,
    );
    await sql`insert into users (id, username, display_name, password_hash, unit_id, roles)
      values (${USER}, 'officer1', '张三', 'x', ${UNIT}, '{officer}')`.execute(db);
    const opened = await sql<{ number: string }>`insert into cases (unit_id, officer_id,
        applicant_id, origin, policy_id, policy_version, state, title, conduct, conduct_date,
        enforcement_action)
      values (${UNIT}, ${USER}, ${USER}, 'application', 'xilingol-emergency-2024', 1,
        'submitted', '旧案', '……', '2026-01-05', 'inspection')
      returning number`.execute(db);
    oldNumber = opened.rows[0]!.number;

    // Two events as they were written before: the first as before 0002 (no stored text),
    // the second with its text; neither with an address.
    const first = appendToChain(
      GENESIS_ANCHOR,
      {
        at: new Date('2026-01-05T01:00:00Z'),
        actorId: USER,
        action: 'login',
        entityType: 'user',
        entityId: USER,
        data: {},
      },
      sm3,
    );
    const second = appendToChain(
      first,
      {
        at: new Date('2026-01-05T01:00:01Z'),
        actorId: USER,
        action: 'case.submit_application',
        entityType: 'case',
        entityId: 'old-case',
        data: { number: oldNumber },
      },
      sm3,
    );
    for (const [event, canonical] of [
      [first, null],
      [second, second.canonical],
    ] as const) {
      await sql`insert into audit_events (seq, at, actor_id, action, entity_type, entity_id,
          data, prev_hash, hash, canonical)
        values (${event.seq}, ${event.at}, ${event.actorId}, ${event.action},
          ${event.entityType}, ${event.entityId}, ${JSON.stringify(event.data)},
          ${event.prevHash}, ${event.hash}, ${canonical})`.execute(db);
    }
    await migrateToLatest(db);
  }, 60_000);
  afterAll(async () => store?.close());

  /** The chain verified as the application verifies it (the superuser reads bigint as text). */
  const verified = async () =>
    verifyChain(
      (await readAuditEvents(db, 0, 100)).map((e) => ({ ...e, seq: Number(e.seq) })),
      sm3,
    );

  it('verifies the rows written before, and goes on with events that keep their address', async () => {
    const before = await verified();
    expect(before.breaks).toEqual([]);
    await withClientAddress('10.1.2.3', () =>
      inTransaction(db, (tx) =>
        appendAudit(
          tx,
          { actorId: USER, action: 'logout', entityType: 'user', entityId: USER, data: {} },
          new Date(),
        ),
      ),
    );
    // The event waits in the queue until the chainer moves it into the chain (0018).
    await flushAuditChain(db);
    const rows = await db
      .selectFrom('audit_events')
      .select(['seq', 'client_address'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.client_address)).toEqual([null, null, '10.1.2.3']);
    const verdict = await verified();
    expect(verdict).toMatchObject({ ok: true, count: 3 });
  });

  it('keeps the old case numbers, and numbers new cases in the office form', async () => {
    expect(oldNumber).toMatch(/^RC-\d{4}-\d{6}$/);
    const { number } = await db
      .selectFrom('cases')
      .select('number')
      .where('title', '=', '旧案')
      .executeTakeFirstOrThrow();
    expect(number).toBe(oldNumber);
    const now = new Date();
    const next = await inTransaction(db, (tx) => allocateCaseNumber(tx, UNIT, now));
    expect(next).toBe(`锡林郭勒盟应急管理局容〔${todayInChina(now).slice(0, 4)}〕1号`);
  });
});
