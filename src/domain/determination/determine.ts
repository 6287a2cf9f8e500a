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
import { formatChineseDate, isCalendarDate } from '../calendar-date.ts';
import { compileKnownDetermination, type KnownDetermination } from './known-determination.ts';

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

const DATE_UNKNOWN: readonly Warning[] = Object.freeze(['EFFECTIVE_DATE_UNKNOWN']);
const NO_WARNINGS: readonly Warning[] = Object.freeze([]);

export function isDeterminationError(value: unknown): value is DeterminationError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

function fail(code: DeterminationErrorCode, message: string): DeterminationError {
  return { error: { code, message } };
}

/** Longest quotation of a refused value in a message; the value itself may be huge. */
const QUOTE_MAX = 60;

/**
 * A refused value as a message quotes it. JSON.stringify recurses, so a deeply nested
 * value (5,000 arrays deep, from the CLI or any caller) would overflow the stack while the
 * error is being written; such a value is named by its kind instead, in Chinese like the
 * rest of the message.
 */
function quoted(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    if (Array.isArray(value)) return '（嵌套过深的数组）';
    return isPlainObject(value) ? '（嵌套过深的对象）' : '（无法显示的值）';
  }
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
}

/**
 * The first day any version of a policy is in force, as the contract's message says it:
 * 2024年10月14日. Null when no version has a known effective date.
 */
function firstEffectiveDay(versions: readonly CompiledPolicy[]): string | null {
  const days = versions.map((v) => v.effectiveFrom).filter((d): d is string => d !== null);
  return days.length === 0 ? null : formatChineseDate(days.sort()[0]!);
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

/** An input whose policy, date and version in force are checked; its facts are not yet. */
interface CheckedHead {
  readonly policy: CompiledPolicy;
  readonly asOf: string;
  readonly facts: Record<string, unknown>;
}

/** Checks an input against the contract, reporting the first fault in the contract's order. */
export function checkInput(
  registry: PolicyRegistry,
  input: unknown,
  today: string,
): CheckedInput | DeterminationError {
  const head = checkHead(registry, input, today);
  return isDeterminationError(head) ? head : checkFacts(head);
}

/** The checks of the facts, after the head's: the fact vector, or the first fact fault. */
function checkFacts({ policy, asOf, facts }: CheckedHead): CheckedInput | DeterminationError {
  const values = readFacts(policy, facts);
  return values === null ? factError(policy, facts) : { policy, asOf, values };
}

/** The checks before the facts: the input's shape, the policy, the date, the version in force. */
function checkHead(
  registry: PolicyRegistry,
  input: unknown,
  today: string,
): CheckedHead | DeterminationError {
  // Every message is Chinese alone (issue 9): what it quotes of the input, and the
  // policy's id, are the only other words in it.
  if (!isPlainObject(input))
    return fail('INVALID_INPUT', '输入应当是一个对象，写明制度标识和各项事实');
  const { policy: policyId, asOf: rawAsOf, facts } = input;
  if (typeof policyId !== 'string')
    return fail('INVALID_INPUT', '缺少制度标识，或制度标识不是文字');
  if (!isPlainObject(facts))
    return fail('INVALID_INPUT', '各项事实应当写成一个对象：以事实编号为键，以是否成立为值');

  const versions = registry.byId.get(policyId);
  if (!versions) return fail('UNKNOWN_POLICY', `没有这个制度：${quoted(policyId)}`);

  const asOf = rawAsOf === undefined || rawAsOf === null ? today : rawAsOf;
  if (typeof asOf !== 'string' || !isCalendarDate(asOf)) {
    return fail(
      'INVALID_DATE',
      `适用日期不是有效的日期，应写作年-月-日（如“2025-03-01”）：${quoted(rawAsOf)}`,
    );
  }
  const policy = versionInForce(versions, asOf);
  if (!policy) {
    const first = firstEffectiveDay(versions);
    const title = versions[0]!.def.title;
    return fail(
      'POLICY_NOT_IN_FORCE',
      // The day as given too: a message names the offending value (the contract's examples).
      `${title}（${policyId}）${first === null ? '' : `自${first}起施行，`}适用日期 ${quoted(asOf)}（${formatChineseDate(asOf)}）时尚未施行`,
    );
  }
  return { policy, asOf, facts };
}

/** Each policy version's fully known path (known-determination.ts), compiled on first use. */
const knownPaths = new WeakMap<CompiledPolicy, KnownDetermination>();

function knownPath(policy: CompiledPolicy): KnownDetermination {
  let path = knownPaths.get(policy);
  if (path === undefined) {
    path = compileKnownDetermination(policy, warningsOf(policy));
    knownPaths.set(policy, path);
  }
  return path;
}

function warningsOf(policy: CompiledPolicy): readonly Warning[] {
  return policy.effectiveFrom === null ? DATE_UNKNOWN : NO_WARNINGS;
}

/**
 * The fact vector, read by the policy's compiled reader (the hot path), or `null` when the
 * input has a fault: a key the policy does not define (fewer facts read than keys given),
 * or a value that is not true, false or null.
 */
function readFacts(policy: CompiledPolicy, facts: Record<string, unknown>): Uint8Array | null {
  const values = new Uint8Array(policy.facts.length).fill(Tri.Unknown);
  const seen = policy.readFacts(facts, values);
  return seen === Object.keys(facts).length ? values : null;
}

/** The first fact fault in the contract's order: every unknown key before any bad value. */
function factError(policy: CompiledPolicy, facts: Record<string, unknown>): DeterminationError {
  const keys = Object.keys(facts);
  const unknown = keys.find((key) => !policy.factIndex.has(key));
  if (unknown !== undefined)
    return fail('UNKNOWN_FACT', `${policy.def.title}（${policy.id}）没有事实 ${quoted(unknown)}`);
  for (const key of keys) {
    const value = facts[key];
    if (value !== true && value !== false && value !== null) {
      return fail(
        'INVALID_FACT_VALUE',
        `事实 ${quoted(key)} 的取值应当是成立、不成立或尚不清楚（布尔值或空值），而不是 ${quoted(value)}`,
      );
    }
  }
  throw new Error('unreachable: readFacts refused facts without a fault');
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
  const head = checkHead(registry, input, options.today);
  if (isDeterminationError(head)) return head;
  if (!options.explain) {
    // Every fact true or false, no other key: the compiled path answers alone.
    const known = knownPath(head.policy)(head.facts, head.asOf);
    if (known !== null) return known;
  }
  const checked = checkFacts(head);
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
    warnings: warningsOf(policy),
  };
  if (!options.explain) return determination;
  return {
    ...determination,
    policyVersion: policy.version,
    explanation: explain(policy, values, evaluation),
    nextQuestion: suggestNextQuestion(policy, values),
  };
}
