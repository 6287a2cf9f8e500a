// Every transaction that changes what the application shows appends an audit event in
// that transaction. It is the project's rule (every state change is one transaction and
// one audit event), and the case page's kept answers rely on it: they hold while the
// audit log's stamp does (src/http/case/case-answer-cache.ts). A trigger on every table
// records which transaction wrote which table; the demo's seeding then works the
// procedure, correction, reports, warnings, documents and administration through the use
// cases, and a user signs in, reads and records a finding over HTTP; every writing
// transaction must have written the audit queue or the chain too, but for the tables
// listed below, which no page shows as they are.
//
// On the embedded database only: what is under test is the application's code, which is
// the same on a server.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/app/demo-data.ts';
import { assemble, type Application } from '../src/main.ts';
import { apiAs } from './support/procedure-api.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';

/** Written without an audit event, by design: none of them is shown as it is. */
const UNAUDITED: Readonly<Record<string, string>> = {
  audit_events: 'the audit log itself',
  audit_pending: 'the audit log itself',
  sessions: 'a session lives and is touched without an event; signing in and out are events',
  idempotency_keys: 'a replayed request’s answer, kept for its key',
  case_evaluations: 'the engine’s answer on the facts, stored for reads: derived, not a record',
  case_search: 'the search index of a case’s words: derived',
  kysely_migration: 'the schema’s version',
  kysely_migration_lock: 'the schema’s version',
};

let store: TestStore;
let app: Application;

beforeAll(async () => {
  store = await storeTargets()[0]!.open();
  app = await assemble({ store });
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public'`.execute(store.admin);
  await sql`create table test_writes (txid xid8 not null default pg_current_xact_id(), tbl text not null)`.execute(
    store.admin,
  );
  await sql`create function test_log_write() returns trigger language plpgsql security definer as $$
    begin insert into test_writes (tbl) values (tg_table_name); return null; end $$`.execute(
    store.admin,
  );
  for (const { name } of rows)
    await sql`create trigger ${sql.id(`test_log_${name}`)} after insert or update or delete
      on ${sql.table(name)} for each row execute function test_log_write()`.execute(store.admin);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.close();
});

/** The transactions that wrote a table of a page and no audit event: their tables. */
async function unauditedWrites(): Promise<string[][]> {
  const { rows } = await sql<{ tables: string[] }>`
    select array_agg(distinct tbl order by tbl) as tables
      from test_writes
     group by txid
    having not bool_or(tbl in ('audit_pending', 'audit_events'))`.execute(store.admin);
  return rows.map((r) => r.tables).filter((tables) => tables.some((t) => !(t in UNAUDITED)));
}

describe('audit events and writes', () => {
  it('appends an event in every transaction that writes what a page shows', async () => {
    await seedDemo(app.ctx);
    // Signing in, reading pages and recording a finding, over HTTP.
    const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const client = await apiAs(url, 'lina');
    const listed = await client.get('/api/v1/cases?state=investigating');
    const id = listed.body.items[0].id as string;
    const page = await client.get(`/api/v1/cases/${id}`);
    const fact = page.body.facts[0] as { factId: string; value: boolean | null };
    const recorded = await client.request('PUT', `/api/v1/cases/${id}/facts/${fact.factId}`, {
      version: page.body.version,
      value: fact.value !== true,
      note: '调查核实',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect((await client.get(`/api/v1/cases/${id}`)).body.version).toBe(recorded.body.version);

    expect(await unauditedWrites()).toEqual([]);
    // The work wrote many tables, each in transactions that also wrote an event.
    const { rows: written } = await sql<{ tbl: string }>`
      select distinct tbl from test_writes`.execute(store.admin);
    expect(written.length).toBeGreaterThan(15);
  }, 300_000);

  it('sees a write without an event', async () => {
    await app.ctx.db
      .updateTable('cases')
      .set({ title: '未留审计事件的改动' })
      .where('state', '=', 'submitted')
      .execute();
    expect(await unauditedWrites()).toEqual([['case_search', 'cases']]);
  });
});
