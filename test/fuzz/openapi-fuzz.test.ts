// The bounded slice of the OpenAPI fuzz (issue 8, "Tests and proof"): every route of the
// application's own OpenAPI document, each mutation class and each identity at least
// once, from a fixed seed, over real HTTP. `npm run fuzz` runs the same for 100,000
// requests and more with a fresh seed (test/fuzz/run.ts).

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/app/demo-data.ts';
import { useHarness } from '../api/api-harness.ts';
import { storeTargets } from '../support/test-databases.ts';
import { formatViolations } from './fuzz-report.ts';
import { runFuzz } from './fuzz-runner.ts';
import { demoIdentities } from './fuzz-sessions.ts';
import { changedTables, StateDigest, unexplainedReadChanges } from './state-digest.ts';

/** FUZZ_SEED replays another slice; a failure prints the seed it came from. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_808);

describe.each(storeTargets())('OpenAPI fuzz on $name', (target) => {
  const h = useHarness(target);

  it('sees a change to any table, and none where a refusal may write', async () => {
    const db = h.app.ctx.db;
    const digest = new StateDigest(db);
    const before = await digest.take();
    await sql`update users set failed_logins = failed_logins + 1 where username = 'zhaoli'`.execute(
      db,
    );
    expect(changedTables(before, await digest.take())).toEqual([]);
    const title = sql`(select id from cases order by number limit 1)`;
    await sql`update cases set title = title || '·' where id = ${title}`.execute(db);
    // A case's search grams follow its title (migration 0019).
    expect(changedTables(before, await digest.take())).toEqual(['case_search', 'cases']);
    await sql`update cases set title = left(title, -1) where id = ${title}`.execute(db);
    await sql`update users set failed_logins = 0 where username = 'zhaoli'`.execute(db);
    expect(changedTables(before, await digest.take())).toEqual([]);
  });

  it("sees a document's first generation as the one change a read may make", async () => {
    const digest = new StateDigest(h.app.ctx.db);
    const secretary = await h.as('zhangmin');
    const decided = (
      await sql<{ id: string }>`select c.id from cases c join decisions d on d.case_id = c.id
        where not exists (select 1 from document_numbers n
          where n.kind = 'decision' and n.subject_id = c.id)
        and c.number like '锡盟应急容〔%' order by c.created_at limit 1`.execute(h.admin)
    ).rows[0]!.id;
    const path = `/api/v1/cases/${decided}/documents/decision`;
    const before = await digest.take();
    expect((await secretary.getBytes(path)).status).toBe(200);
    const first = changedTables(before, await digest.take());
    expect(first).toEqual(['case_number_counters', 'document_numbers']);
    expect(unexplainedReadChanges(first)).toEqual([]);
    // Generated again, the document keeps its number and the read changes nothing.
    const again = await digest.take();
    expect((await secretary.getBytes(path)).status).toBe(200);
    expect(changedTables(again, await digest.take())).toEqual([]);
  });

  it('answers malformed requests to every route, as every role, with 4xx in the error shape, changes nothing it refuses, and the audit chain verifies', async () => {
    const report = await runFuzz({
      baseUrl: h.url,
      ctx: h.app.ctx,
      seed: SEED,
      identities: demoIdentities(DEMO_USERS),
      passwords: new Map(DEMO_USERS.map((u) => [u.username, DEMO_PASSWORD])),
    });
    expect(report.uncovered).toEqual([]);
    expect(report.stateChecks).toBeGreaterThan(0);
    expect(formatViolations(report)).toBe('no failures');
    expect(report.audit.ok, report.audit.detail).toBe(true);
  }, 180_000);
});
