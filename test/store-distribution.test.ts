// The schema against the plan for a distributed PostgreSQL (Citus) in docs/ARCHITECTURE.md,
// "From one machine to a cluster": every table has its place (distributed by the tenant, a
// reference table copied to every node, or local to the coordinator), and the catalog is
// read on both databases for what Citus would refuse:
// - a primary key, unique constraint or unique index on a distributed table without the
//   distribution column (tenant_unit_id);
// - a foreign key between distributed tables that does not pair tenant_unit_id with
//   tenant_unit_id; from a distributed table to a local one; from a reference or local
//   table to a distributed one, or from a reference table to a local one.
// What still blocks is listed with its reason (test/support/distribution-plan.ts), and
// every entry must still block: a migration that adds a blocking constraint, or removes
// one without taking it off the list, fails here. The triggers of migration 0020 that fill the key are tried too.

import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/store/schema.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';
import { bareCase } from './support/bare-case.ts';
import {
  blockers,
  isDistributed,
  KEY,
  KNOWN_BLOCKERS,
  PLACEMENT,
  tables,
  TENANT_COLUMN_PENDING,
} from './support/distribution-plan.ts';

describe.each(storeTargets())('the schema against the distribution plan, on $name', (target) => {
  let store: TestStore;
  let db: Kysely<Database>;

  beforeAll(async () => {
    store = await target.open();
    db = store.db;
    await store.migrate();
  });

  afterAll(async () => {
    await store?.close();
  });

  it('places every table: a new table must be given its place in the plan', async () => {
    expect(await tables(store.admin)).toEqual(Object.keys(PLACEMENT).sort());
  });

  it('gives every distributed table the tenant column, never null', async () => {
    const rows = await sql<{ table: string; nullable: string }>`
      select table_name as "table", is_nullable as nullable from information_schema.columns
       where table_schema = 'public' and column_name = ${KEY}`.execute(store.admin);
    const withKey = Object.fromEntries(rows.rows.map((r) => [r.table, r.nullable]));
    const distributed = Object.keys(PLACEMENT).filter(isDistributed);
    for (const table of distributed) {
      if (table in TENANT_COLUMN_PENDING) expect(withKey[table], table).toBeUndefined();
      else expect(withKey[table], table).toBe('NO');
    }
    // Nowhere else: a reference or local table with the key is misplaced in the plan.
    expect(Object.keys(withKey).filter((t) => !isDistributed(t))).toEqual([]);
  });

  it('blocks the distribution by nothing but the known exceptions, each still blocking', async () => {
    const found = await blockers(store.admin);
    const unexpected = [...found].filter(([name]) => !(name in KNOWN_BLOCKERS));
    expect(unexpected, 'constraints Citus would refuse: include the tenant or list them').toEqual(
      [],
    );
    const gone = Object.keys(KNOWN_BLOCKERS).filter((name) => !found.has(name));
    expect(gone, 'no longer blocking: take them off KNOWN_BLOCKERS').toEqual([]);
  });

  it('recognises a blocking constraint a later migration might add', async () => {
    await sql`alter table case_facts add constraint probe_global unique (fact_id, case_id)`.execute(
      store.admin,
    );
    await sql`alter table evidence add constraint probe_fk foreign key (case_id)
      references cases (id)`.execute(store.admin);
    try {
      const found = await blockers(store.admin);
      expect(found.get('case_facts.probe_global')).toBe('unique without the tenant');
      expect(found.get('evidence.probe_fk')).toBe(
        'between distributed tables without the tenant on both sides',
      );
    } finally {
      await sql`alter table case_facts drop constraint probe_global`.execute(store.admin);
      await sql`alter table evidence drop constraint probe_fk`.execute(store.admin);
    }
  });

  describe('the tenant of new rows', () => {
    let league: string;
    let section: string;
    let officer: string;

    beforeAll(async () => {
      const unit = async (name: string, kind: string, parent: string | null) =>
        (
          await db
            .insertInto('units')
            .values({ name, kind, parent_id: parent, policy_id: null })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      league = await unit('锡林郭勒盟', 'league', null);
      const bureau = await unit('锡林郭勒盟应急管理局', 'bureau', league);
      const county = await unit('锡林浩特市应急管理局', 'county_bureau', bureau);
      section = await unit('综合行政执法大队', 'section', county);
      ({ id: officer } = await db
        .insertInto('users')
        .values({
          username: 'tenant-officer',
          display_name: '王强',
          password_hash: 'x',
          unit_id: section,
          roles: ['officer'],
          badge_number: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    });

    const openCase = () =>
      db
        .insertInto('cases')
        .values(bareCase(section, officer))
        .returning(['id', 'tenant_unit_id'])
        .executeTakeFirstOrThrow();

    it('is the 盟市 above the unit, for a case and each row of it', async () => {
      const kase = await openCase();
      expect(kase.tenant_unit_id).toBe(league);
      const fact = await db
        .insertInto('case_facts')
        .values({ case_id: kase.id, fact_id: 'f1', value: true, note: null, recorded_by: officer })
        .returning('tenant_unit_id')
        .executeTakeFirstOrThrow();
      expect(fact.tenant_unit_id).toBe(league);
      const correction = await db
        .insertInto('corrections')
        .values({ case_id: kase.id, article: 16, officer_id: officer, unit_id: section })
        .returning(['id', 'tenant_unit_id'])
        .executeTakeFirstOrThrow();
      expect(correction.tenant_unit_id).toBe(league);
      const item = await db
        .insertInto('correction_items')
        .values({
          correction_id: correction.id,
          position: 1,
          text: '整改事项',
          note: null,
          done_on: null,
        })
        .returning('tenant_unit_id')
        .executeTakeFirstOrThrow();
      expect(item.tenant_unit_id).toBe(league);
    });

    it('is the unit’s own root when no 盟市 is above it, for a report and its rows', async () => {
      const { id: root } = await db
        .insertInto('units')
        .values({ name: '独立的局', kind: 'bureau', parent_id: null, policy_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const report = await db
        .insertInto('reports')
        .values({
          number: 'TEST-1',
          unit_id: root,
          policy_id: 'xilingol-emergency-2024',
          policy_version: 1,
          received_on: '2026-01-05',
          channel: 'letter',
          named: false,
          reporter_sealed: null,
          reporter_key_id: null,
          summary: '反映执法问题',
          case_id: null,
          feedback_due: null,
          created_by: officer,
        })
        .returning(['id', 'tenant_unit_id'])
        .executeTakeFirstOrThrow();
      expect(report.tenant_unit_id).toBe(root);
      const accused = await db
        .insertInto('report_officers')
        .values({ report_id: report.id, officer_id: officer })
        .returning('tenant_unit_id')
        .executeTakeFirstOrThrow();
      expect(accused.tenant_unit_id).toBe(root);
    });

    it('keeps a row in its parent’s tenant, and a missing parent a foreign-key violation', async () => {
      const kase = await openCase();
      await expect(
        sql`insert into case_facts (case_id, fact_id, recorded_by, tenant_unit_id)
            values (${kase.id}, 'f2', ${officer}, ${section})`.execute(db),
      ).rejects.toMatchObject({ code: '23503', constraint: 'case_facts_case_id_tenant_fkey' });
      await expect(
        db
          .insertInto('case_facts')
          .values({
            case_id: '00000000-0000-4000-8000-000000000000',
            fact_id: 'f1',
            value: true,
            note: null,
            recorded_by: officer,
          })
          .execute(),
      ).rejects.toMatchObject({ code: '23503' });
    });
  });
});
