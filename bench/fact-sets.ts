// Deterministic fact sets for the benchmark: a seeded pseudo-random generator, so every
// run measures the same inputs. Facts are true with probability 0.2 (true findings are
// rarer than false ones); the partial sets are the same fully known sets with exactly
// `unknown` facts removed (absent from the facts object, i.e. unknown).

import { FACTS, type PolicyId } from '../test/support/spec-oracle.ts';

export const POLICY_IDS: readonly PolicyId[] = [
  'xilingol-emergency-2024',
  'xilingol-education-2024',
];

export const AS_OF = '2025-03-01';

export interface BenchInput {
  readonly policy: PolicyId;
  readonly asOf: string;
  readonly facts: Readonly<Record<string, boolean>>;
}

/** mulberry32: a small, fast, seeded 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The input as the CLI and HTTP adapters hand it to `determine()`: parsed from JSON text.
 * (An object built key by key, as above, is a slow "dictionary mode" object in V8 once it
 * has a few dozen properties; `JSON.parse` builds fast objects with shared shapes.)
 */
function asReceived(input: BenchInput): BenchInput {
  return JSON.parse(JSON.stringify(input)) as BenchInput;
}

export interface FactSets {
  /** Fully known inputs, the two policies interleaved. */
  readonly full: readonly BenchInput[];
  /** The same inputs with exactly `unknown` facts absent. */
  readonly partial: readonly BenchInput[];
}

export function generateFactSets(options: {
  seed: number;
  perPolicy: number;
  pTrue: number;
  unknown: number;
}): FactSets {
  const rng = mulberry32(options.seed);
  const full: BenchInput[] = [];
  const partial: BenchInput[] = [];
  for (let i = 0; i < options.perPolicy; i++) {
    for (const policy of POLICY_IDS) {
      const ids = FACTS[policy];
      const facts: Record<string, boolean> = {};
      for (const id of ids) facts[id] = rng() < options.pTrue;
      full.push(asReceived({ policy, asOf: AS_OF, facts }));

      // Partial Fisher-Yates: the first `unknown` positions of a shuffled copy are dropped.
      const order = [...ids];
      for (let k = 0; k < options.unknown; k++) {
        const j = k + Math.floor(rng() * (order.length - k));
        [order[k], order[j]] = [order[j]!, order[k]!];
      }
      const dropped = new Set(order.slice(0, options.unknown));
      const kept: Record<string, boolean> = {};
      for (const id of ids) if (!dropped.has(id)) kept[id] = facts[id]!;
      partial.push(asReceived({ policy, asOf: AS_OF, facts: kept }));
    }
  }
  return { full, partial };
}
