// `rongcuo demo --scale N` through the real binary on an embedded data directory: 2,000
// generated cases in every state of the procedure, each with the rows its state implies,
// read back through the case page (GET /api/v1/cases/:id) as the 盟市's secretary; found
// by the list's search; the audit chain whole, with the mark that the copies carry no
// events of their own; and bad options refused.

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SCALE_PASSWORD } from '../src/app/demo/scale-seed.ts';
import { CASE_STATES } from '../src/domain/vocabulary.ts';
import { assemble } from '../src/main.ts';
import { HttpClient } from './support/http-client.ts';
import { runCli } from './support/run-cli.ts';
import { pristineDataDir } from './support/test-databases.ts';

const N = 2000;

interface Detail {
  state: string;
  origin: string;
  applicantId: string | null;
  officer: { id: string };
  facts: unknown[];
  assessment: { finding: string | null }[];
  determination: unknown;
  decisions: { conclusion: string }[];
  reviews: unknown[];
  notifications: { sentOn: string | null }[];
  publications: unknown[];
  objections: { result: string | null }[];
  objectionDue: string | null;
}

/** What each state implies about the rows of a case the procedure took there. */
function checkState(c: Detail) {
  const decided = ['decided', 'notified', 'published', 'objection_review', 'closed'];
  const before = ['submitted', 'investigating', 'assessing', 'awaiting_decision'];
  if (['submitted', 'refused', 'withdrawn'].includes(c.state)) {
    expect(c.origin).toBe('application');
    expect(c.applicantId).toBe(c.officer.id);
  }
  if (['investigating', 'assessing', 'awaiting_decision', ...decided].includes(c.state))
    expect(c.facts.length).toBeGreaterThan(0);
  if (['awaiting_decision', ...decided].includes(c.state)) {
    expect(c.determination).not.toBeNull();
    expect(c.assessment.every((a) => a.finding !== null)).toBe(true);
    expect(c.reviews.length).toBeGreaterThan(0);
  }
  if (before.includes(c.state) || ['refused', 'withdrawn'].includes(c.state))
    expect(c.decisions).toEqual([]);
  if (decided.includes(c.state)) {
    expect(c.decisions.length).toBeGreaterThan(0);
    expect(c.notifications.length).toBeGreaterThan(0);
  }
  if (c.state === 'decided') expect(c.notifications.some((n) => n.sentOn === null)).toBe(true);
  if (['notified', 'published', 'objection_review', 'closed'].includes(c.state)) {
    expect(c.notifications.every((n) => n.sentOn !== null)).toBe(true);
    expect(c.objectionDue).not.toBeNull();
  }
  if (c.state === 'notified') expect(c.publications).toEqual([]);
  if (['published', 'objection_review'].includes(c.state))
    expect(c.publications.length).toBeGreaterThan(0);
  const open = c.objections.filter((o) => o.result === null);
  expect(open.length).toBe(c.state === 'objection_review' ? 1 : 0);
}

describe('rongcuo demo --scale', () => {
  it('generates a province whose cases are each as their state implies', async () => {
    const { dataDir, remove } = await pristineDataDir();
    try {
      const { DATABASE_URL: _url, ...rest } = process.env;
      const env = { ...rest, RONGCUO_DATA_DIR: dataDir };
      const bad = await runCli(['demo', '--scale', 'many'], undefined, env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--scale 须为');

      const run = await runCli(['demo', '--scale', String(N), '--officers', '300'], undefined, env);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`${N} / ${N} cases`);
      expect(run.stdout).toContain('372 个单位, 300 名执法人员');

      const again = await runCli(['demo', '--scale', '10'], undefined, env);
      expect(again.code).toBe(1);

      const verify = await runCli(['audit', 'verify'], undefined, env);
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);

      // Every open case evaluated again, a page at a time, with progress and its rate.
      const reeval = await runCli(
        ['policy', 'reevaluate', '--page', '150', '--json'],
        undefined,
        env,
      );
      expect(reeval.code, reeval.stderr).toBe(0);
      const reevaluated = JSON.parse(reeval.stdout) as {
        open: number;
        live: number;
        recorded: number;
        changed: unknown[];
        casesPerSecond: number;
      };
      expect(reeval.stderr).toContain(`reevaluated ${reevaluated.open}/${reevaluated.open}`);
      // One version of each regime: the version in force is the pinned one, nothing changes.
      expect(reevaluated.changed).toEqual([]);
      expect(reevaluated.casesPerSecond).toBeGreaterThan(0);
      const unknown = await runCli(['policy', 'reevaluate', '--policy', 'nope'], undefined, env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('未载入制度 nope');
      expect((await runCli(['policy', 'reevaluate', '--page', '0'], undefined, env)).code).toBe(2);

      const app = await assemble({ dataDir });
      try {
        const db = app.ctx.db;
        const byState = await sql<{ state: string; n: number }>`
          select state, count(*)::int as n from cases group by state`.execute(db);
        const counts = new Map(byState.rows.map((r) => [r.state, r.n]));
        for (const state of CASE_STATES) expect(counts.get(state), state).toBeGreaterThan(0);
        expect([...counts.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(N);
        // Numbers unique and in the bureaus' series; the counters past every number given.
        const numbers = await sql<{ dup: number; bad: number; behind: number }>`
          select (select count(*) - count(distinct number) from cases)::int as dup,
                 (select count(*) from cases where number !~ '^.+容〔[0-9]{4}〕[1-9][0-9]*号$')::int as bad,
                 (select count(*) from cases c where not exists (
                    select 1 from case_number_counters k
                     where c.number = k.prefix || '〔' || k.year || '〕' || substring(c.number from '〕([0-9]+)号')::int || '号'
                       and substring(c.number from '〕([0-9]+)号')::int <= k.last_number))::int as behind`.execute(
          db,
        );
        expect(numbers.rows[0]).toEqual({ dup: 0, bad: 0, behind: 0 });
        const mark = await sql<{ data: { generatedCases: number } }>`
          select data from audit_events where action = 'demo_seeded' and entity_id = 'scale'`.execute(
          db,
        );
        expect(mark.rows[0]?.data.generatedCases).toBe(N);
        const open = await sql<{ open: number; live: number }>`
          select count(*)::int as open, count(*) filter (where determination is null)::int as live
            from cases where state not in ('closed', 'refused', 'withdrawn')`.execute(db);
        expect({ open: reevaluated.open, live: reevaluated.live }).toEqual(open.rows[0]);

        // A sample of each state in the first 盟市, read as its secretary.
        const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
        const secretary = new HttpClient(url);
        const login = await secretary.post('/api/v1/session', {
          username: 'scale_l1_secretary',
          password: SCALE_PASSWORD,
        });
        expect(login.status).toBe(200);
        const sample = await sql<{ id: string; state: string; number: string }>`
          select id, state, number from (
            select c.id, c.state, c.number,
                   row_number() over (partition by c.state order by c.number) as k
              from cases c
             where c.unit_id in (with recursive t(id) as (
                     select id from units where name = '呼和浩特市'
                     union select u2.id from units u2 join t on u2.parent_id = t.id)
                   select id from t)
          ) s where k <= 4`.execute(db);
        const seen = new Set<string>();
        for (const row of sample.rows) {
          const res = await secretary.get(`/api/v1/cases/${row.id}`);
          expect(res.status, `${row.state} ${row.number}`).toBe(200);
          const detail = res.body as Detail;
          expect(detail.state).toBe(row.state);
          checkState(detail);
          seen.add(row.state);
        }
        expect([...seen].sort()).toEqual([...CASE_STATES].sort());

        // The list's search finds a generated case by its number and by words of its title.
        const one = sample.rows.find((r) => r.state === 'closed')!;
        const found = await secretary.get(`/api/v1/cases?q=${encodeURIComponent(one.number)}`);
        expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([one.id]);
      } finally {
        await app.close();
      }
    } finally {
      await remove();
    }
  }, 600_000);
});
