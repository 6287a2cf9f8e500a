// What must hold after the faults, once the application is healthy again: every
// acknowledged write is there (read back through the HTTP API); every case opened during
// the drill has a history its procedure allows, ending in the state it is in, and the
// records its state implies (read from the database); every pending scheduled job seen
// during the run is still there or done, and each of their kinds has its next run; `rongcuo audit
// verify` passes (run by the caller once the application has stopped).

import { sql, type Kysely } from 'kysely';
import { NO_CASE, TRANSITIONS, isTransitionName } from '../../src/domain/case/case-transitions.ts';
import type { Database } from '../../src/store/schema.ts';
import type { BenchClient } from '../procedure-client.ts';
import { RequestFailed } from '../procedure-client.ts';
import type { AckedWrite, Ledger } from './ledger.ts';
import type { CaseView } from './workload.ts';

/** The drill's path through the procedure, in order: a later state includes the earlier. */
const PATH = [
  'submitted',
  'investigating',
  'assessing',
  'awaiting_decision',
  'decided',
  'notified',
  'published',
  'closed',
];

export interface CheckResult {
  readonly acknowledged: number;
  readonly found: number;
  /** Each acknowledged write not found, with why. */
  readonly missing: string[];
  /** Cases (and reports) whose state or records their procedure cannot reach. */
  readonly unreachable: string[];
  readonly casesChecked: number;
  readonly jobProblems: string[];
  readonly pendingJobs: number;
}

interface Page extends CaseView {
  readonly decisions: readonly unknown[];
  readonly publications: readonly unknown[];
}

async function getOrNull<T>(client: BenchClient, path: string): Promise<T | null> {
  try {
    return await client.send<T>('GET', path, undefined, { timeoutMs: 30_000 });
  } catch (error) {
    if (error instanceof RequestFailed && error.status === 404) return null;
    throw error;
  }
}

/** Why an acknowledged write is not in the case as read now, or null when it is. */
function missingFrom(write: AckedWrite, page: Page): string | null {
  switch (write.kind) {
    case 'open_case':
      return null;
    case 'transition':
      return PATH.indexOf(page.state) >= PATH.indexOf(write.state)
        ? null
        : `${write.action} acknowledged in ${write.state}, case now ${page.state}`;
    case 'fact': {
      const fact = page.facts.find((f) => f.factId === write.factId);
      return fact?.value === write.value ? null : `fact ${write.factId} is ${fact?.value}`;
    }
    case 'assessment':
      return page.assessment.some((a) => a.factor === write.factor && a.finding !== null)
        ? null
        : `assessment ${write.factor} has no finding`;
    case 'review':
      return page.reviews.some((r) => r.kind === write.review) ? null : `no ${write.review} review`;
    case 'notification':
      return page.notifications.some((n) => n.id === write.notificationId && n.sentOn !== null)
        ? null
        : `notification ${write.notificationId} not sent`;
    case 'correction_notice':
    case 'receive_report':
    case 'report_finding':
      return null; // read below
  }
}

/** Why a case's page contradicts its own state (records its state implies), or null. */
function inconsistency(page: Page): string | null {
  const at = PATH.indexOf(page.state);
  if (at >= PATH.indexOf('decided') && page.decisions.length === 0)
    return `${page.state} without a decision`;
  if (at >= PATH.indexOf('notified') && page.notifications.some((n) => n.sentOn === null))
    return `${page.state} with a notice not sent`;
  if (at >= PATH.indexOf('published') && page.state !== 'closed' && page.publications.length === 0)
    return `${page.state} without a publication`;
  return null;
}

/**
 * Replays a case's audited steps through the procedure's table: each must be allowed from
 * a state the previous steps can have led to, and the case's state must be one of those
 * they lead to. `send_notification` leaves the case `decided` until the last notice.
 */
export function replay(actions: readonly string[], state: string): string | null {
  let possible = new Set<string>([NO_CASE]);
  for (const action of actions) {
    const name = action.slice('case.'.length);
    if (!action.startsWith('case.') || !isTransitionName(name)) continue; // a record, not a step
    const def = TRANSITIONS[name];
    const from = [...possible].filter((s) => (def.from as readonly string[]).includes(s));
    if (from.length === 0) return `${name} from ${[...possible].join('|')}`;
    const next = new Set<string>();
    for (const s of from) {
      if (def.to === 'previous') for (const back of ['notified', 'published']) next.add(back);
      else next.add(def.to);
      if (name === 'send_notification') next.add(s);
    }
    possible = next;
  }
  return possible.has(state) ? null : `state ${state} after ${[...possible].join('|')}`;
}

/** The pending scheduled jobs, as `kind@run_at`. */
export async function pendingJobs(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['kind', 'run_at'])
    .where('done_at', 'is', null)
    .execute();
  return rows.map((r) => `${r.kind}@${r.run_at.toISOString()}`);
}

export async function runChecks(
  ledger: Ledger,
  reader: {
    readonly cases: BenchClient;
    readonly corrections: BenchClient;
    readonly reports: BenchClient;
  },
  db: Kysely<Database>,
  drillStart: Date,
  jobsSeen: ReadonlySet<string>,
): Promise<CheckResult> {
  const missing: string[] = [];
  const unreachable: string[] = [];
  let found = 0;

  // The acknowledged writes, case by case, through the API.
  const byCase = new Map<string, AckedWrite[]>();
  const byReport = new Map<string, AckedWrite[]>();
  const notices: string[] = [];
  for (const write of ledger.acked) {
    if ('caseId' in write) byCase.set(write.caseId, [...(byCase.get(write.caseId) ?? []), write]);
    else if ('reportId' in write)
      byReport.set(write.reportId, [...(byReport.get(write.reportId) ?? []), write]);
    else notices.push(write.correctionId);
  }
  for (const id of notices) {
    const correction = await getOrNull<{ state: string }>(
      reader.corrections,
      `/api/v1/corrections/${id}`,
    );
    if (correction === null) missing.push(`correction ${id}: notice acknowledged, not found`);
    else if (correction.state === 'opened')
      missing.push(`correction ${id}: notice acknowledged, still awaiting it`);
    else found++;
  }
  for (const [id, writes] of byCase) {
    const page = await getOrNull<Page>(reader.cases, `/api/v1/cases/${id}`);
    if (page === null) {
      missing.push(...writes.map((w) => `case ${id}: ${w.kind} acknowledged, case not found`));
      continue;
    }
    for (const write of writes) {
      const why = missingFrom(write, page);
      if (why === null) found++;
      else missing.push(`case ${id}: ${why}`);
    }
    const odd = inconsistency(page);
    if (odd !== null) unreachable.push(`case ${id}: ${odd}`);
  }
  for (const [id, writes] of byReport) {
    const report = await getOrNull<{ state: string }>(reader.reports, `/api/v1/reports/${id}`);
    for (const write of writes) {
      if (report === null) missing.push(`report ${id}: ${write.kind} acknowledged, not found`);
      else if (write.kind === 'report_finding' && report.state === 'received')
        missing.push(`report ${id}: finding acknowledged, report still received`);
      else found++;
    }
    if (report !== null && !['received', 'found', 'closed'].includes(report.state))
      unreachable.push(`report ${id}: state ${report.state}`);
  }

  // Every case opened since the drill began, answered or not: its history against the table.
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'state'])
    .where('created_at', '>=', drillStart)
    .execute();
  const events = await sql<{ entity_id: string; action: string }>`
    select entity_id, action from (
      select entity_id, action, 0 as queue, seq as n from audit_events where entity_type = 'case'
      union all
      select entity_id, action, 1, id from audit_pending where entity_type = 'case'
    ) e
    where entity_id in (select id::text from cases where created_at >= ${drillStart})
    order by queue, n`.execute(db);
  const history = new Map<string, string[]>();
  for (const e of events.rows)
    history.set(e.entity_id, [...(history.get(e.entity_id) ?? []), e.action]);
  for (const c of cases) {
    const why = replay(history.get(c.id) ?? [], c.state);
    if (why !== null) unreachable.push(`case ${c.id}: ${why}`);
  }

  // Scheduled jobs: none seen pending has vanished; every kind has its next run.
  const jobProblems: string[] = [];
  const rows = await db.selectFrom('jobs').select(['kind', 'run_at', 'done_at']).execute();
  const all = new Set(rows.map((r) => `${r.kind}@${r.run_at.toISOString()}`));
  for (const key of jobsSeen) if (!all.has(key)) jobProblems.push(`job ${key} vanished`);
  const pending = rows.filter((r) => r.done_at === null);
  // Each kind scheduled during the run (some only when configured) has its next run.
  const kinds = new Set([...jobsSeen].map((key) => key.slice(0, key.indexOf('@'))));
  for (const kind of kinds)
    if (!pending.some((r) => r.kind === kind)) jobProblems.push(`no pending ${kind} job`);
  // A run happens once: one deadline scan's audit event per scheduled time.
  const scans = await sql<{ entity_id: string; n: number }>`
    select entity_id, count(*)::int as n from audit_events
    where action = 'job.deadline_scan' group by entity_id having count(*) > 1`.execute(db);
  for (const s of scans.rows) jobProblems.push(`deadline scan of ${s.entity_id} ran ${s.n} times`);

  return {
    acknowledged: ledger.acked.length,
    found,
    missing,
    unreachable,
    casesChecked: cases.length,
    jobProblems,
    pendingJobs: pending.length,
  };
}
