// What a fuzz run saw: answers counted by route, mutation class and identity, the error
// codes, the route × mutation and route × identity pairs it sent, and its violations
// (every one counted, the first few of each kind, route and mutation kept in full).

import type { Identity, Mutation } from './fuzz-request.ts';
import type { Operation } from './openapi-operations.ts';
import type { WireResult } from './wire.ts';

export type ViolationKind =
  'server-error' | 'no-answer' | 'error-shape' | 'accepted-malformed' | 'state-changed';

export interface Violation {
  readonly kind: ViolationKind;
  readonly index: number;
  readonly route: string;
  readonly identity: string;
  readonly mutation: Mutation;
  /** What is wrong, in a line. */
  readonly detail: string;
  /** The request as sent (long values cut). */
  readonly request: string;
  /** The answer's status and body (cut). */
  readonly response: string;
}

/** Answers are counted by class; `closed` is a connection ended without one. */
export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'closed';

/** Violations kept in full: the first few of each kind, route and mutation. */
const KEEP_PER_SIGNATURE = 3;

export class FuzzTally {
  readonly byRoute = new Map<string, Record<StatusClass, number>>();
  readonly byMutation = new Map<string, Record<StatusClass, number>>();
  readonly byIdentity = new Map<string, number>();
  readonly byCode = new Map<string, number>();
  readonly violations: Violation[] = [];
  readonly violationCounts = new Map<ViolationKind, number>();
  /** Refused requests whose database was compared before and after. */
  stateChecks = 0;
  private readonly kept = new Map<string, number>();
  private readonly sent = new Set<string>();

  sending(op: Operation, identity: Identity, mutation: Mutation): void {
    this.sent.add(`${op.key} × ${mutation}`).add(`${op.key} × ${identity.label}`);
  }

  answered(op: Operation, identity: Identity, mutation: Mutation, result: WireResult): void {
    const cls = statusClass(result);
    count(this.byRoute, op.key, cls);
    count(this.byMutation, mutation, cls);
    this.byIdentity.set(identity.label, (this.byIdentity.get(identity.label) ?? 0) + 1);
  }

  errorCode(code: string): void {
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }

  record(v: Violation): void {
    this.violationCounts.set(v.kind, (this.violationCounts.get(v.kind) ?? 0) + 1);
    const signature = `${v.kind} ${v.route} ${v.mutation}`;
    const kept = this.kept.get(signature) ?? 0;
    if (kept >= KEEP_PER_SIGNATURE) return;
    this.kept.set(signature, kept + 1);
    this.violations.push(v);
  }

  /** Route × mutation and route × identity pairs never sent. */
  uncovered(
    ops: readonly Operation[],
    applicable: (op: Operation) => readonly Mutation[],
    identities: readonly Identity[],
  ): string[] {
    const out: string[] = [];
    for (const op of ops) {
      for (const m of applicable(op))
        if (!this.sent.has(`${op.key} × ${m}`)) out.push(`${op.key} × ${m}`);
      for (const i of identities)
        if (!this.sent.has(`${op.key} × ${i.label}`)) out.push(`${op.key} × ${i.label}`);
    }
    return out;
  }
}

function statusClass(result: WireResult): StatusClass {
  if (!result.ok) return 'closed';
  const s = result.response.status;
  return s >= 500 ? '5xx' : s >= 400 ? '4xx' : s >= 300 ? '3xx' : '2xx';
}

function count(map: Map<string, Record<StatusClass, number>>, key: string, cls: StatusClass) {
  const row = map.get(key) ?? { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, closed: 0 };
  row[cls]++;
  map.set(key, row);
}
