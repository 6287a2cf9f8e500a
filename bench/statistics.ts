// `npm run bench` (third part; alone: `npm run bench:statistics`): the statistics
// dashboard's queries at 1,000,000 cases, on a fresh database on the PostgreSQL server
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), target < 500 ms each.
//
//   1. Load: a tree of 225 units (盟 → 4 局 → 20 旗县局 → 200 科室) under the two regimes,
//      and CASES cases in batches, each batch by bulk SQL statements as the application
//      role: opened over 16 quarters, then moved stage by stage (受理, 调查, 研判, 提请决定,
//      决定 with a decisions row, 告知, 公开, 办结) with the stage's days on the clock, and
//      corrections opened for the decided ones and taken to every state. Every statement
//      goes through migration 0011's triggers, so the counters are built the real way
//      (a statement's rows are counted as one set). The load is timed.
//   2. Check: the counters against a count of the cases themselves (a scan, only here).
//   3. Time: each query of the dashboard (src/store/statistics.queries.ts) under three
//      filters (the whole league; one bureau and its policy; one county bureau over four
//      quarters), RUNS times each after a warm-up; and the whole GET /api/v1/statistics and
//      one XLSX download over HTTP, as a secretary of the league.
//
// Prints the markdown for BENCHMARKS.md to stdout, progress to stderr; exits 1 when a
// check fails or a median misses the target.

import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { assemble } from '../src/main.ts';
import { hashPassword } from '../src/app/account/passwords.ts';
import { todayInChina } from '../src/domain/calendar-date.ts';
import type { Database } from '../src/store/schema.ts';
import {
  caseCounts,
  correctionCounts,
  quarterCounts,
  stageDays,
  unitCounts,
  type StatisticsFilter,
} from '../src/store/statistics.queries.ts';
import { insertUnit, subtreeIds } from '../src/store/unit.repository.ts';
import { inTransaction, type Tx } from '../src/store/transaction.ts';
import { versionOf } from '../src/domain/policy/policy-registry.ts';
import { insertUser } from '../src/store/user.repository.ts';
import { openFreshOnServer } from './procedure-databases.ts';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CASES = Number(process.env.BENCH_STATISTICS_CASES ?? 1_000_000);
const BATCH = 100_000;
const RUNS = 20;
const TARGET_MS = 500;
const PASSWORD = 'Bench#Stat2026';

const t0 = performance.now();
const loadBefore = os.loadavg();
const log = (message: string) =>
  console.error(`bench:statistics: ${((performance.now() - t0) / 1000).toFixed(1)} s: ${message}`);

const EMERGENCY = 'xilingol-emergency-2024';
const EDUCATION = 'xilingol-education-2024';

/** The unit tree: its root, the bureaus (with their policy), the county bureaus, the sections. */
async function makeUnits(db: Tx) {
  const add = async (name: string, kind: string, parent: string | null, policy: string | null) => {
    const row = await insertUnit(db, { name, kind, parent_id: parent, policy_id: policy });
    if (!row) throw new Error(`unit ${name} exists`);
    return row.id;
  };
  const root = await add('锡林郭勒盟', 'league', null, null);
  const bureaus: { id: string; policy: string }[] = [];
  const counties: string[] = [];
  const leaves: { id: string; policy: string }[] = [];
  for (let b = 0; b < 4; b++) {
    const policy = b % 2 === 0 ? EMERGENCY : EDUCATION;
    const bureau = await add(`基准局${b + 1}`, 'bureau', root, policy);
    bureaus.push({ id: bureau, policy });
    for (let c = 0; c < 5; c++) {
      const county = await add(`基准局${b + 1}旗县局${c + 1}`, 'county_bureau', bureau, null);
      counties.push(county);
      for (let s = 0; s < 10; s++)
        leaves.push({
          id: await add(`基准局${b + 1}旗县局${c + 1}科室${s + 1}`, 'section', county, null),
          policy,
        });
    }
  }
  return { root, bureaus, counties, leaves };
}

async function makeUser(db: Tx, username: string, unitId: string, roles: string[]) {
  const row = await insertUser(db, {
    username,
    displayName: username,
    unitId,
    roles,
    badgeNumber: null,
    passwordHash: await hashPassword(PASSWORD),
    mustChangePassword: false,
  });
  if (!row) throw new Error(`user ${username} exists`);
  return row.id;
}

/** A number in [0, 100) fixed by the case's number and a salt: the load is the same every run. */
const pick = (salt: string) => sql.raw(`(abs(hashtext(number || '${salt}')) % 100)`);

interface Regime {
  readonly fields: string[];
  readonly errors: string[];
  readonly outcomes: string[];
  readonly opensOn: string[];
}

/** Seconds spent in each kind of statement over the whole load. */
const loadSeconds = new Map<string, number>();

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  loadSeconds.set(label, (loadSeconds.get(label) ?? 0) + (performance.now() - start) / 1000);
  return result;
}

/** One batch of cases [lo, hi): opened, then moved stage by stage, each step one statement. */
async function loadBatch(
  db: Kysely<Database>,
  lo: number,
  hi: number,
  leaves: readonly { id: string; policy: string }[],
  regimes: Record<string, Regime>,
  people: { officer: string; secretary: string },
) {
  const em = regimes[EMERGENCY]!;
  const ed = regimes[EDUCATION]!;
  const num = (g: number) => `BENCH-${String(g).padStart(7, '0')}`;
  const inBatch = sql`number >= ${num(lo)} and number < ${num(hi)}`;
  await timed('insert cases', () =>
    sql`
    with leaves as (
      select (o - 1)::int as idx, id, policy
        from unnest(${leaves.map((l) => l.id)}::uuid[], ${leaves.map((l) => l.policy)}::text[])
             with ordinality as t(id, policy, o)
    )
    insert into cases (number, unit_id, officer_id, origin, policy_id, policy_version, state,
                       title, conduct, conduct_date, enforcement_action, field, error_type,
                       created_at, updated_at)
    select 'BENCH-' || lpad(g::text, 7, '0'), l.id, ${people.officer}::uuid, 'initiation', l.policy, 1,
           'submitted', '基准测试案件', '基准测试：检查中未发现企业隐瞒的隐患。',
           date '2022-12-01' + (g % 1400), 'inspection',
           case when g % 20 = 0 then null
                when l.policy = ${EMERGENCY} then (${em.fields}::text[])[1 + (g / 7) % ${em.fields.length}]
                else (${ed.fields}::text[])[1 + (g / 7) % ${ed.fields.length}] end,
           case when g % 20 = 0 then null
                when l.policy = ${EMERGENCY} then (${em.errors}::text[])[1 + (g / 3) % ${em.errors.length}]
                else (${ed.errors}::text[])[1 + (g / 3) % ${ed.errors.length}] end,
           t.at, t.at
      from generate_series(${lo}::int, ${hi - 1}::int) g
      join leaves l on l.idx = (g * 31) % ${leaves.length}
      cross join lateral (
        select timestamptz '2023-01-01 09:00+08' + ((g::bigint * 7919) % (4 * 365 * 24)) * interval '1 hour' as at
      ) t`.execute(db),
  );
  const step = (from: string, to: string, salt: string, percent: number, days: number) =>
    timed(`move cases (${to})`, () =>
      sql`update cases set state = ${to},
             updated_at = updated_at + (${days} + ${pick(salt + 'd')} % ${days * 2 + 1}) * interval '1 day' + interval '3 hours'
           where ${inBatch} and state = ${from} and ${pick(salt)} < ${percent}`.execute(db),
    );
  await step('submitted', 'investigating', 'a', 96, 2);
  await timed('move cases (refused)', () =>
    sql`update cases set state = 'refused', updated_at = updated_at + interval '2 days'
         where ${inBatch} and state = 'submitted' and ${pick('k')} < 50`.execute(db),
  );
  await step('investigating', 'assessing', 'b', 92, 15);
  await step('assessing', 'awaiting_decision', 'c', 92, 7);
  const outcomes = (r: Regime) => r.outcomes;
  await timed('insert decisions', () =>
    sql`insert into decisions (case_id, meeting_date, members, conclusion, decided_by, decided_at)
        select id, (updated_at + interval '10 days')::date, array['党委书记', '局长'],
               case when policy_id = ${EMERGENCY}
                    then (${outcomes(em)}::text[])[1 + ${pick('e')} % ${em.outcomes.length}]
                    else (${outcomes(ed)}::text[])[1 + ${pick('e')} % ${ed.outcomes.length}] end,
               ${people.secretary}::uuid, updated_at + interval '10 days'
          from cases where ${inBatch} and state = 'awaiting_decision' and ${pick('d')} < 90`.execute(
      db,
    ),
  );
  await timed('move cases (decided)', () =>
    sql`update cases set state = 'decided', updated_at = updated_at + interval '10 days'
         where ${inBatch} and state = 'awaiting_decision' and ${pick('d')} < 90`.execute(db),
  );
  await step('decided', 'notified', 'f', 90, 3);
  await step('notified', 'published', 'g', 70, 10);
  await step('published', 'closed', 'h', 80, 20);
  // A correction for each decision whose conclusion opens one, in every state.
  await timed('insert corrections', () =>
    sql`insert into corrections (case_id, article, opened_at, officer_id, unit_id, state,
                                 notified_on, due, closed_on)
        select c.id, 16, d.decided_at, c.officer_id, c.unit_id, x.state,
               case when x.state in ('opened', 'cancelled') then null else x.notified end,
               case when x.state in ('opened', 'cancelled') then null else x.notified + 40 end,
               case when x.state = 'completed' then x.notified + 20 + ${pick('j')} % 30 end
          from cases c
          join decisions d on d.case_id = c.id
          cross join lateral (
            select (d.decided_at + interval '3 days')::date as notified,
                   case when ${pick('i')} < 10 then 'opened'
                        when ${pick('i')} < 25 then 'in_progress'
                        when ${pick('i')} < 35 then 'completion_claimed'
                        when ${pick('i')} < 90 then 'completed'
                        else 'cancelled' end as state
          ) x
         where ${inBatch}
           and d.conclusion = any(case when c.policy_id = ${EMERGENCY}
                                       then ${em.opensOn}::text[] else ${ed.opensOn}::text[] end)`.execute(
      db,
    ),
  );
}

interface Timing {
  readonly query: string;
  readonly filter: string;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

async function timeRuns(
  query: string,
  filter: string,
  run: () => Promise<unknown>,
): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { query, filter, median: at(0.5), p95: at(0.95), max: samples.at(-1)! };
}

/** The counters against the cases and corrections themselves: what a scan would answer. */
async function check(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  const scan = await sql<{ dimension: string; code: string; n: number }>`
    select 'field' as dimension, coalesce(field, '') as code, count(*)::float8 as n from cases group by 2
    union all
    select 'state', state, count(*)::float8 from cases c
     where not exists (select 1 from decisions d where d.case_id = c.id) group by 2
    union all
    select 'conclusion', conclusion, count(*)::float8 from decisions group by 2`.execute(db);
  const kept = await sql<{ dimension: string; code: string; n: number }>`
    select dimension, code, sum(cases)::float8 as n from statistics_case_counts
     where dimension in ('field', 'state', 'conclusion') group by 1, 2 having sum(cases) <> 0`.execute(
    db,
  );
  const key = (r: { dimension: string; code: string }) => `${r.dimension}:${r.code}`;
  const want = new Map(scan.rows.map((r) => [key(r), r.n]));
  const got = new Map(kept.rows.map((r) => [key(r), r.n]));
  for (const k of new Set([...want.keys(), ...got.keys()]))
    if (want.get(k) !== got.get(k))
      problems.push(`${k}: counted ${got.get(k)}, scanned ${want.get(k)}`);
  const corrections = await sql<{ scanned: number; kept: number }>`
    select (select count(*) from corrections)::float8 as scanned,
           (select sum(corrections) from statistics_correction_counts)::float8 as kept`.execute(db);
  const c = corrections.rows[0]!;
  if (c.scanned !== c.kept) problems.push(`corrections: counted ${c.kept}, scanned ${c.scanned}`);
  return problems;
}

async function main() {
  log(`fresh database on ${SERVER_URL.replace(/:[^:@/]*@/, ':***@')}, ${CASES} cases`);
  const bench = await openFreshOnServer(SERVER_URL);
  let failed = false;
  try {
    const app = await assemble({ store: bench.store });
    const db = app.ctx.db;
    const { units, officer, secretary } = await inTransaction(db, async (tx) => {
      const units = await makeUnits(tx);
      const officer = await makeUser(tx, 'bench_officer', units.leaves[0]!.id, ['officer']);
      const secretary = await makeUser(tx, 'bench_secretary', units.root, ['secretary']);
      return { units, officer, secretary };
    });
    const regimes: Record<string, Regime> = {};
    for (const id of [EMERGENCY, EDUCATION]) {
      const policy = versionOf(app.ctx.registry, id)!;
      regimes[id] = {
        fields: policy.def.taxonomy.fields.map((f) => f.code),
        errors: policy.def.taxonomy.errorTypes.map((e) => e.code),
        outcomes: policy.grounds.map((g) => g.code),
        opensOn: [...policy.def.procedure.correction.opensOn],
      };
    }

    const loadStart = performance.now();
    for (let lo = 1; lo <= CASES; lo += BATCH) {
      const hi = Math.min(CASES + 1, lo + BATCH);
      await loadBatch(db, lo, hi, units.leaves, regimes, { officer, secretary });
      log(`loaded ${hi - 1} cases`);
    }
    const loadTotal = (performance.now() - loadStart) / 1000;
    await sql`analyze`.execute(db).catch(() => undefined);
    const sizes = await sql<{ name: string; n: number }>`
      select 'cases' as name, count(*)::float8 as n from cases
      union all select 'decisions', count(*)::float8 from decisions
      union all select 'corrections', count(*)::float8 from corrections
      union all select 'statistics_case_counts', count(*)::float8 from statistics_case_counts
      union all select 'statistics_stage_days', count(*)::float8 from statistics_stage_days
      union all select 'statistics_correction_counts', count(*)::float8 from statistics_correction_counts
      union all select 'statistics_open_correction_dues', count(*)::float8 from statistics_open_correction_dues`.execute(
      db,
    );
    log(`load done in ${loadTotal.toFixed(1)} s`);
    const problems = await check(db);
    for (const p of problems) console.error(`bench:statistics: CHECK FAILED ${p}`);
    failed ||= problems.length > 0;
    log(`counters checked against a scan: ${problems.length === 0 ? 'equal' : 'DIFFERENT'}`);

    const today = todayInChina(new Date());
    const bureau = units.bureaus[0]!;
    const county = units.counties[7]!;
    const filters: [string, StatisticsFilter][] = [
      [
        '盟 (all 225 units, both policies, all quarters)',
        {
          unitId: units.root,
          subtree: await subtreeIds(db, units.root),
          policyId: null,
          fromQuarter: null,
          toQuarter: null,
        },
      ],
      [
        '局 + its policy (56 units)',
        {
          unitId: bureau.id,
          subtree: await subtreeIds(db, bureau.id),
          policyId: bureau.policy,
          fromQuarter: null,
          toQuarter: null,
        },
      ],
      [
        '旗县局, 2024 Q1-Q4 (11 units)',
        {
          unitId: county,
          subtree: await subtreeIds(db, county),
          policyId: null,
          fromQuarter: '2024-01-01',
          toQuarter: '2024-10-01',
        },
      ],
    ];
    const timings: Timing[] = [];
    for (const [name, f] of filters) {
      timings.push(
        await timeRuns('caseCounts (outcome, field, error type)', name, () => caseCounts(db, f)),
      );
      timings.push(await timeRuns('unitCounts (by unit)', name, () => unitCounts(db, f)));
      timings.push(await timeRuns('quarterCounts (by quarter)', name, () => quarterCounts(db, f)));
      timings.push(await timeRuns('stageDays (days per stage)', name, () => stageDays(db, f)));
      timings.push(
        await timeRuns('correctionCounts (on time, late, overdue)', name, () =>
          correctionCounts(db, f, today),
        ),
      );
    }

    // What the triggers add to one write at this size: a case moved by one statement, as
    // the application moves it (one case a transaction), and a decision recorded.
    const single = await sql<{ id: string }>`
      select id from cases where state = 'submitted' order by number limit ${RUNS + 3}`.execute(db);
    const ids = single.rows.map((r) => r.id);
    timings.push(
      await timeRuns('one case moved (update cases, its trigger)', 'at full size', async () => {
        const id = ids.pop();
        await sql`update cases set state = 'investigating', updated_at = now() where id = ${id}`.execute(
          db,
        );
      }),
    );

    // The whole dashboard and one download over HTTP, as the league's secretary.
    const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench_secretary', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login: ${login.status}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = async (path: string) => {
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
    };
    timings.push(
      await timeRuns('GET /api/v1/statistics (all 7 figures)', filters[0]![0], () =>
        get('/api/v1/statistics'),
      ),
    );
    timings.push(
      await timeRuns('GET /api/v1/statistics/export (unit, XLSX)', filters[0]![0], () =>
        get('/api/v1/statistics/export?figure=unit&format=xlsx'),
      ),
    );
    await app.close();

    const misses = timings.filter((t) => t.median >= TARGET_MS);
    failed ||= misses.length > 0;
    const lines = [
      `Machine: Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} logical CPUs), ` +
        `load before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString().slice(0, 10)}`,
      '',
      `Load of ${CASES.toLocaleString('en')} cases through the triggers: ${loadTotal.toFixed(1)} s ` +
        `(${Math.round(CASES / loadTotal).toLocaleString('en')} cases/s with every stage change, decision and correction).`,
      '',
      '| statement | seconds |',
      '| --- | ---: |',
      ...[...loadSeconds].map(([k, v]) => `| ${k} | ${v.toFixed(1)} |`),
      '',
      '| table | rows |',
      '| --- | ---: |',
      ...sizes.rows.map((r) => `| ${r.name} | ${r.n.toLocaleString('en')} |`),
      '',
      `Counters against a scan of the cases: ${problems.length === 0 ? 'equal' : problems.join('; ')}.`,
      '',
      `| query | filter | median ms | p95 ms | max ms |`,
      '| --- | --- | ---: | ---: | ---: |',
      ...timings.map(
        (t) =>
          `| ${t.query} | ${t.filter} | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.max.toFixed(1)} |`,
      ),
      '',
      misses.length === 0
        ? `PASS every query's median under ${TARGET_MS} ms (${RUNS} runs each after 3 warm-up runs).`
        : `FAIL ${misses.map((m) => `${m.query} / ${m.filter}`).join('; ')} at or over ${TARGET_MS} ms.`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await bench.discard();
  }
  log('done');
  if (failed) process.exitCode = 1;
}

await main();
