// The determination contract (docs/spec/determination.md): a raw input value in, the
// output object or an error object out. Shared by the CLI and HTTP adapters, so both
// give byte-for-byte the same answers and the same error precedence.

import type { CompiledPolicy } from '../policy/compile-policy.ts';
import { Tri } from '../policy/decision-diagram.ts';
import {
  evaluate,
  suggestNextQuestion,
  type Evaluation,
  type NextQuestion,
} from '../policy/evaluate.ts';
import { explain, type Explanation } from '../policy/explain.ts';
import { versionInForce, type PolicyRegistry } from '../policy/policy-registry.ts';
import { isCalendarDate } from '../calendar-date.ts';

export type DeterminationErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_POLICY'
  | 'INVALID_DATE'
  | 'POLICY_NOT_IN_FORCE'
  | 'UNKNOWN_FACT'
  | 'INVALID_FACT_VALUE';

export interface DeterminationError {
  readonly error: { readonly code: DeterminationErrorCode; readonly message: string };
}

export type Warning = 'EFFECTIVE_DATE_UNKNOWN';

export interface Determination extends Evaluation {
  readonly policy: string;
  readonly asOf: string;
  readonly warnings: readonly Warning[];
}

/** Optional fields added with `explain`: allowed by the contract ("extra fields are welcome"). */
export interface ExplainedDetermination extends Determination {
  readonly policyVersion: number;
  readonly explanation: Explanation;
  readonly nextQuestion: NextQuestion | null;
}

export interface DetermineOptions {
  /** Today's date in China Standard Time, used when the input has no `asOf`. */
  readonly today: string;
  readonly explain?: boolean;
}

export function isDeterminationError(value: unknown): value is DeterminationError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

function fail(code: DeterminationErrorCode, message: string): DeterminationError {
  return { error: { code, message } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parsed, checked input: the policy version in force and the fact vector. */
export interface CheckedInput {
  readonly policy: CompiledPolicy;
  readonly asOf: string;
  readonly values: Uint8Array;
}

/** Checks an input against the contract, reporting the first fault in the contract's order. */
export function checkInput(
  registry: PolicyRegistry,
  input: unknown,
  today: string,
): CheckedInput | DeterminationError {
  if (!isPlainObject(input)) return fail('INVALID_INPUT', 'input must be a JSON object');
  const { policy: policyId, asOf: rawAsOf, facts } = input;
  if (typeof policyId !== 'string') return fail('INVALID_INPUT', '"policy" must be a string');
  if (!isPlainObject(facts)) return fail('INVALID_INPUT', '"facts" must be an object');

  const versions = registry.byId.get(policyId);
  if (!versions) return fail('UNKNOWN_POLICY', `unknown policy: ${policyId}`);

  const asOf = rawAsOf === undefined || rawAsOf === null ? today : rawAsOf;
  if (typeof asOf !== 'string' || !isCalendarDate(asOf)) {
    return fail(
      'INVALID_DATE',
      `asOf is not a calendar date YYYY-MM-DD: ${JSON.stringify(rawAsOf)}`,
    );
  }
  const policy = versionInForce(versions, asOf);
  if (!policy) {
    const first = versions[0]!.effectiveFrom;
    return fail(
      'POLICY_NOT_IN_FORCE',
      `policy ${policyId} is not in force on ${asOf} (in force from ${first})`,
    );
  }

  const values = new Uint8Array(policy.facts.length).fill(Tri.Unknown);
  const keys = Object.keys(facts);
  for (const key of keys) {
    if (!policy.factIndex.has(key))
      return fail('UNKNOWN_FACT', `policy ${policyId} defines no fact ${key}`);
  }
  for (const key of keys) {
    const value = facts[key];
    if (value === true) values[policy.factIndex.get(key)!] = Tri.True;
    else if (value === false) values[policy.factIndex.get(key)!] = Tri.False;
    else if (value !== null) {
      return fail(
        'INVALID_FACT_VALUE',
        `fact ${key} must be true, false or null, not ${JSON.stringify(value)}`,
      );
    }
  }
  return { policy, asOf, values };
}

export function determine(
  registry: PolicyRegistry,
  input: unknown,
  options: DetermineOptions & { explain: true },
): ExplainedDetermination | DeterminationError;
export function determine(
  registry: PolicyRegistry,
  input: unknown,
  options: DetermineOptions,
): Determination | DeterminationError;
export function determine(
  registry: PolicyRegistry,
  input: unknown,
  options: DetermineOptions,
): Determination | ExplainedDetermination | DeterminationError {
  const checked = checkInput(registry, input, options.today);
  if (isDeterminationError(checked)) return checked;
  const { policy, asOf, values } = checked;
  const evaluation = evaluate(policy, values);
  // Field order follows the contract's example output.
  const determination: Determination = {
    policy: policy.id,
    asOf,
    status: evaluation.status,
    outcome: evaluation.outcome,
    basis: evaluation.basis,
    citation: evaluation.citation,
    grounds: evaluation.grounds,
    missing: evaluation.missing,
    warnings: policy.effectiveFrom === null ? ['EFFECTIVE_DATE_UNKNOWN'] : [],
  };
  if (!options.explain) return determination;
  return {
    ...determination,
    policyVersion: policy.version,
    explanation: explain(policy, values, evaluation),
    nextQuestion: suggestNextQuestion(policy, values),
  };
}
