// Prepared statements (src/store/prepared-statement.ts): the case page's statement goes to
// PostgreSQL as a named statement, prepared once per connection and then only executed,
// with each call's own arguments; a query whose argument would be frozen into the text is
// refused when it is compiled.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetailOf } from '../src/store/case-detail.queries.ts';
import { preparedQuery } from '../src/store/prepared-statement.ts';
import type { Db } from '../src/store/transaction.ts';
import { bareCase } from './support/bare-case.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';

describe.each(storeTargets())('prepared statements on $name', (target) => {
  let store: TestStore;
  let db: Db;
  const units: Record<string, string> = {};
  const cases: string[] = [];

  beforeAll(async () => {
    store = await target.open();
    await store.migrate();
    db = store.db;
    const unit = async (name: string, parent: string | null) =>
      (
        await db
          .insertInto('units')
          .values({
            name,
            kind: parent === null ? 'league' : 'bureau',
            parent_id: parent,
            policy_id: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    units.league = await unit('锡林郭勒盟', null);
    units.bureau = await unit('锡林郭勒盟应急管理局', units.league);
    units.other = await unit('阿拉善盟', null);
    const officer = await db
      .insertInto('users')
      .values({
        username: 'prepared-officer',
        display_name: '王强',
        password_hash: 'x',
        unit_id: units.bureau,
        roles: ['officer'],
        badge_number: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const title of ['第一案', '第二案']) {
      const row = await db
        .insertInto('cases')
        .values({ ...bareCase(units.bureau!, officer.id), title })
        .returning('id')
        .executeTakeFirstOrThrow();
      cases.push(row.id);
    }
  });
  afterAll(() => store?.close());

  it('reads the case page by a statement prepared once on the connection', async () => {
    const seen = await db.connection().execute(async (c) => {
      const reads = [];
      // More than five executions: PostgreSQL then may settle on a generic plan.
      for (let i = 0; i < 8; i++) {
        const [caseId, reader] =
          i % 2 === 0 ? [cases[0]!, units.league!] : [cases[1]!, units.other!];
        reads.push(await caseDetailOf(c, caseId, reader));
      }
      const statements = await sql<{ name: string }>`
        select name from pg_prepared_statements where name like 'rongcuo_case_detail_%'`.execute(c);
      return { reads, prepared: statements.rows.map((r) => r.name) };
    });
    expect(seen.prepared).toHaveLength(1);
    // Each execution has its own arguments: the case, and whether the reader's unit holds it.
    seen.reads.forEach((read, i) => {
      expect(read?.row.title).toBe(i % 2 === 0 ? '第一案' : '第二案');
      expect(read?.inReaderUnit).toBe(i % 2 === 0);
    });
    expect(await caseDetailOf(db, '00000000-0000-4000-8000-000000000000', units.league!)).toBe(
      undefined,
    );
  });

  it('reads again on a fresh connection when a migration changed the case row under it', async () => {
    const [before, after] = await db.connection().execute(async (c) => {
      const first = await caseDetailOf(c, cases[0]!, units.league!);
      // What another instance's migration does while this one runs.
      await sql`alter table cases add column prepared_test_note text`.execute(store.admin);
      return [first, await caseDetailOf(c, cases[0]!, units.league!)];
    });
    expect(before?.row.title).toBe('第一案');
    expect(after?.row.title).toBe('第一案');
    expect(after?.row).toHaveProperty('prepared_test_note', null);
  });

  it('refuses a query that would freeze an argument into its text', async () => {
    const literal = preparedQuery('test_literal', ['name'], (c, { name }: { name: string }) =>
      c.selectFrom('units').select('id').where('name', '=', sql.lit(name)),
    );
    await expect(literal(db, { name: '锡林郭勒盟' })).rejects.toThrow(/not a parameter of its own/);
    const inside = preparedQuery('test_inside', ['name'], (c, { name }: { name: string }) =>
      c.selectFrom('units').select('id').where('name', 'like', `%${name}%`),
    );
    await expect(inside(db, { name: '锡林' })).rejects.toThrow(/not a parameter of its own/);
  });
});
