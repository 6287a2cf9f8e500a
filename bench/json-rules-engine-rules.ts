// The same grounds as json-rules-engine rules: one Engine per policy, one rule per
// ground, priorities following the contract's precedence order (json-rules-engine runs
// higher priorities first). The outcome is the first ground that fires in that order:
// the engine is stopped on the first success, so lower-priority rules are skipped.

import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { PolicyId } from '../test/support/spec-oracle.ts';

interface Leaf {
  readonly fact: string;
  readonly operator: 'equal';
  readonly value: boolean;
}
type Condition = TopLevelCondition | Leaf;

const is = (fact: string, value: boolean): Leaf => ({ fact, operator: 'equal', value });
const isTrue = (fact: string) => is(fact, true);
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const all = (of: Condition[]): TopLevelCondition => ({ all: of });
const any = (of: Condition[]): TopLevelCondition => ({ any: of });

/** An item with its 但书: holds when the item is true and its exception is false. */
const withException = (item: string) => all([isTrue(item), is(`${item}.x`, false)]);

type Grounds = [code: string, conditions: TopLevelCondition][];

const GROUNDS: Record<PolicyId, Grounds> = {
  'xilingol-emergency-2024': [
    ['not_tolerated', all(ids('a13.c', 2).map(isTrue))],
    ['due_diligence', any(ids('a9.', 9).map(isTrue))],
    [
      'no_liability',
      any(
        ids('a10.', 11).map((id) =>
          ['a10.1', 'a10.4', 'a10.6'].includes(id) ? withException(id) : isTrue(id),
        ),
      ),
    ],
    ['tolerated', all(ids('a4.c', 3).map(isTrue))],
    ['exemption', all([any(ids('a11.', 8).map(isTrue)), ...ids('a11.c', 3).map(isTrue)])],
    ['mandatory_mitigation', any(ids('a11.', 8).map(isTrue))],
    ['discretionary_mitigation', any(ids('a12.', 5).map(isTrue))],
  ],
  'xilingol-education-2024': [
    ['not_tolerated', all(ids('a12.c', 2).map(isTrue))],
    ['due_diligence', any(ids('a9.', 9).map(isTrue))],
    ['tolerated', all(ids('a4.c', 3).map(isTrue))],
    ['exemption', all([any(ids('a10.', 8).map(isTrue)), ...ids('a10.c', 3).map(isTrue)])],
    ['mandatory_mitigation', any(ids('a10.', 8).map(isTrue))],
    ['discretionary_mitigation', any(ids('a11.', 3).map(isTrue))],
  ],
};

export function createEngine(policy: PolicyId): Engine {
  const grounds = GROUNDS[policy];
  const engine = new Engine([], { allowUndefinedFacts: false });
  grounds.forEach(([code, conditions], i) => {
    engine.addRule({
      name: code,
      priority: grounds.length - i, // first in precedence order runs first
      conditions,
      event: { type: code },
    });
  });
  engine.on('success', () => {
    engine.stop();
  });
  return engine;
}

export function createEngines(): ReadonlyMap<PolicyId, Engine> {
  return new Map(
    (Object.keys(GROUNDS) as PolicyId[]).map((policy) => [policy, createEngine(policy)]),
  );
}

/** The outcome code: the first ground that fires in precedence order, or `no_ground`. */
export async function jsonRulesOutcome(
  engine: Engine,
  facts: Readonly<Record<string, boolean>>,
): Promise<string> {
  const result = await engine.run(facts);
  return result.events[0]?.type ?? 'no_ground';
}
