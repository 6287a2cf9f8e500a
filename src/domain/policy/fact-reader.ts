// A fact reader compiled per policy: straight-line code with one constant property read
// per fact, the way ajv and fast-json-stringify compile validators. Reading 44 facts
// through constant names uses V8's inline caches (~0.4 µs); a loop of keyed reads or map
// look-ups costs 1-1.5 µs, which was most of a fully known determination (BENCHMARKS.md).

import { Tri } from './decision-diagram.ts';

/**
 * Fills `values` (pre-set to Unknown) from `facts`; returns how many of the policy's facts
 * were present, or -1 at the first value that is not true, false or null.
 */
export type FactReader = (facts: Readonly<Record<string, unknown>>, values: Uint8Array) => number;

const SAFE_ID = /^a\d+\.(?:\d+(?:\.x)?|c\d+)$/;

export function compileFactReader(ids: readonly string[]): FactReader {
  const lines = ids.map((id, i) => {
    // Only contract-shaped ids are ever embedded; JSON.stringify quotes them.
    if (!SAFE_ID.test(id)) throw new Error(`not a fact id: ${id}`);
    return (
      `v = facts[${JSON.stringify(id)}];` +
      ` if (v !== undefined) { seen++;` +
      ` if (v === true) values[${i}] = ${Tri.True};` +
      ` else if (v === false) values[${i}] = ${Tri.False};` +
      ` else if (v !== null) return -1; }`
    );
  });
  return new Function(
    'facts',
    'values',
    `let seen = 0; let v;\n${lines.join('\n')}\nreturn seen;`,
  ) as FactReader;
}
