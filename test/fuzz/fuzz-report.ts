// What a fuzz run reports, and the same as text: answers by route and by mutation class,
// error codes, the checks, and each failure with the request that caused it, written so
// that a reader can send it again.

import type { FuzzRequest } from './fuzz-request.ts';
import type { StatusClass, Violation, ViolationKind } from './fuzz-tally.ts';
import type { WireResult } from './wire.ts';

export interface FuzzReport {
  readonly seed: number;
  readonly requests: number;
  readonly seconds: number;
  readonly byRoute: ReadonlyMap<string, Record<StatusClass, number>>;
  readonly byMutation: ReadonlyMap<string, Record<StatusClass, number>>;
  readonly byIdentity: ReadonlyMap<string, number>;
  readonly byCode: ReadonlyMap<string, number>;
  /** Refused requests whose database was compared before and after. */
  readonly stateChecks: number;
  readonly tablesCompared: readonly string[];
  /** Digests computed in full, and reused because no WAL had been written since. */
  readonly digests: { readonly computed: number; readonly reused: number };
  readonly violations: readonly Violation[];
  readonly violationCounts: ReadonlyMap<ViolationKind, number>;
  /** Route × mutation and route × identity pairs the run never sent. */
  readonly uncovered: readonly string[];
  readonly audit: { readonly ok: boolean; readonly detail: string };
  /** Main sessions that ended during the run and were replaced (by what request). */
  readonly sessionsReplaced: readonly string[];
}

const CLASSES: readonly StatusClass[] = ['2xx', '3xx', '4xx', '5xx', 'closed'];

function table(title: string, rows: ReadonlyMap<string, Record<StatusClass, number>>): string {
  const lines = [
    `| ${title} | ${CLASSES.join(' | ')} | total |`,
    `| --- | ${CLASSES.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const [key, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const total = CLASSES.reduce((n, c) => n + row[c], 0);
    lines.push(
      `| ${key} | ${CLASSES.map((c) => row[c].toLocaleString('en')).join(' | ')} | ${total.toLocaleString('en')} |`,
    );
  }
  return lines.join('\n');
}

function failures(report: FuzzReport): string {
  return [...report.violationCounts].map(([k, n]) => `${k} ${n}`).join(', ');
}

export function formatViolations(report: FuzzReport): string {
  if (report.violations.length === 0) return 'no failures';
  const lines = [`failures: ${failures(report)} (at most 3 shown per kind, route and mutation)`];
  for (const v of report.violations) {
    lines.push(
      `- ${v.kind}: ${v.route} as ${v.identity}, ${v.mutation}: ${v.detail}`,
      `  ${v.request}`,
      `  answer: ${v.response}`,
    );
  }
  return lines.join('\n');
}

export function formatReport(report: FuzzReport): string {
  const total = (k: StatusClass) => [...report.byRoute.values()].reduce((n, row) => n + row[k], 0);
  const rate = report.requests / report.seconds;
  const summary = [
    `seed ${report.seed}: ${report.requests.toLocaleString('en')} requests in ${report.seconds.toFixed(1)} s (${rate.toFixed(0)} requests/s, one at a time, each refused one with a database digest before and after)`,
    `answers: ${CLASSES.map((c) => `${c} ${total(c).toLocaleString('en')}`).join(', ')}`,
    `5xx: ${total('5xx')}; state checks: ${report.stateChecks.toLocaleString('en')} refused writes compared before and after over ${report.tablesCompared.length} tables (${report.digests.computed.toLocaleString('en')} digests computed, ${report.digests.reused.toLocaleString('en')} taken as they were: no WAL written since)`,
    `failures: ${failures(report) || 'none'}`,
    `audit verify: ${report.audit.ok ? 'ok' : `FAILED ${report.audit.detail}`}`,
    `identities: ${[...report.byIdentity].map(([k, n]) => `${k} ${n}`).join(', ')}`,
  ];
  if (report.sessionsReplaced.length > 0)
    summary.push(
      `main sessions ended and replaced: ${report.sessionsReplaced.length} (first: ${report.sessionsReplaced[0]})`,
    );
  if (report.uncovered.length > 0) {
    const some = report.uncovered.slice(0, 10).join('; ');
    summary.push(`never sent (too few requests): ${report.uncovered.length} pairs, e.g. ${some}`);
  }
  const codes = [...report.byCode]
    .sort(([, a], [, b]) => b - a)
    .map(([code, n]) => `${code} ${n.toLocaleString('en')}`)
    .join(', ');
  return [
    summary.join('\n'),
    '',
    table('route', report.byRoute),
    '',
    table('mutation', report.byMutation),
    '',
    `error codes: ${codes}`,
    '',
    formatViolations(report),
  ].join('\n');
}

function cut(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}

/** The request as a reader can send it again: seed, index, method, target, headers, body. */
export function describeRequest(request: FuzzRequest, seed: number, index: number): string {
  const lines = [`seed ${seed} request #${index} as ${request.identity.label} (${request.note})`];
  if (request.raw !== undefined) {
    lines.push(`raw bytes: ${JSON.stringify(cut(request.raw, 400))}`);
  } else {
    lines.push(`${request.method} ${cut(request.target, 400)}`);
    for (const [k, v] of Object.entries(request.headers))
      lines.push(`${k}: ${cut(JSON.stringify(v), 200)}`);
    const auth = request.auth;
    lines.push(
      `session: ${auth.cookie !== undefined ? `cookie ${cut(JSON.stringify(auth.cookie), 80)}` : auth.session}, csrf: ${cut(auth.csrf, 40)}`,
    );
    if (request.body)
      lines.push(`body: ${cut(JSON.stringify(request.body.toString('utf8')), 600)}`);
  }
  return lines.join('\n  ');
}

/** The answer in a line: its status and the start of its body, or why there was none. */
export function describeResult(result: WireResult): string {
  if (!result.ok) return `no answer: ${result.error}`;
  const { status, body } = result.response;
  return `${status} ${cut(body.toString('utf8'), 400)}`;
}
