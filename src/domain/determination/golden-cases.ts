// Golden cases (典型案例): inputs with the answers legal staff agreed on, kept beside
// each policy and run by `rongcuo policy test`. A case lists only the facts that matter;
// the rest default to false (or unknown), and only the fields it states are compared.

import { versionInForce, type PolicyRegistry } from '../policy/policy-registry.ts';
import { determine, isDeterminationError } from './determine.ts';

export interface GoldenExpectation {
  readonly error?: string;
  readonly status?: string;
  readonly outcome?: string | null;
  readonly basis?: readonly string[];
  readonly citation?: string;
  readonly grounds?: readonly {
    readonly code: string;
    readonly basis: readonly string[];
    readonly blocked: boolean;
  }[];
  readonly missing?: readonly string[];
  readonly warnings?: readonly string[];
}

export interface GoldenCase {
  readonly name: string;
  readonly asOf?: string;
  /** Facts that are not listed: false (a complete finding) or unknown. */
  readonly rest?: 'false' | 'unknown';
  readonly facts?: Readonly<Record<string, boolean | null>>;
  /** A raw input sent as it is, for the malformed inputs of the error cases. */
  readonly input?: unknown;
  readonly expect: GoldenExpectation;
}

export interface GoldenSuite {
  readonly policy: string;
  readonly asOf?: string;
  readonly rest?: 'false' | 'unknown';
  readonly cases: readonly GoldenCase[];
}

export interface GoldenResult {
  readonly name: string;
  readonly passed: boolean;
  /** One line per differing field: field, expected, actual. */
  readonly failures: readonly string[];
}

/** The contract input a case stands for. */
export function goldenInput(registry: PolicyRegistry, suite: GoldenSuite, c: GoldenCase): unknown {
  if (c.input !== undefined) return c.input;
  const asOf = c.asOf ?? suite.asOf;
  const facts: Record<string, boolean | null> = {};
  if ((c.rest ?? suite.rest ?? 'false') === 'false') {
    const versions = registry.byId.get(suite.policy);
    const version =
      versions && asOf ? versionInForce(versions, asOf) : versions?.[versions.length - 1];
    for (const f of version?.facts ?? []) facts[f.id] = false;
  }
  Object.assign(facts, c.facts ?? {});
  return { policy: suite.policy, ...(asOf !== undefined ? { asOf } : {}), facts };
}

export function runGoldenSuite(
  registry: PolicyRegistry,
  suite: GoldenSuite,
  today: string,
): GoldenResult[] {
  return suite.cases.map((c) => {
    const out = determine(registry, goldenInput(registry, suite, c), { today });
    const failures: string[] = [];
    const expect = c.expect;
    if (expect.error !== undefined) {
      const actual = isDeterminationError(out) ? out.error.code : 'no error';
      if (actual !== expect.error) failures.push(`error: expected ${expect.error}, got ${actual}`);
    } else if (isDeterminationError(out)) {
      failures.push(`error: expected none, got ${out.error.code} (${out.error.message})`);
    } else {
      for (const key of [
        'status',
        'outcome',
        'basis',
        'citation',
        'grounds',
        'missing',
        'warnings',
      ] as const) {
        if (!(key in expect)) continue;
        const want = JSON.stringify(expect[key]);
        const got = JSON.stringify(out[key]);
        if (want !== got) failures.push(`${key}: expected ${want}, got ${got}`);
      }
    }
    return { name: c.name, passed: failures.length === 0, failures };
  });
}
