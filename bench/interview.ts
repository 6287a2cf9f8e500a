// `npm run bench:interview` (issue 15): questions to a determination in the guided
// interview. For both built-in policies and two settings of the chance that a fact holds
// (0.05 and 0.2), SAMPLES random full assignments (facts independent, seeded); each is
// interviewed from an empty fact set, answering every next question from the assignment
// until the case is determined, with
//   - old: the choice before issue 15 (the smallest worst case of facts still missing,
//     then the smallest total, then policy order);
//   - new: suggestNextQuestion (the exclusion first while live, then the fewest expected
//     further questions, then the least expected entropy of the outcome, under the same
//     probability the assignments are drawn with);
// and the lower bound: per assignment, the size of the smallest set of its answers that
// already fixes the outcome (a minimum certificate), found by an exact search on the
// outcome diagram. Beside the sampled distribution, each choice's exact expected number of
// questions (the whole interview tree, weighted). Prints the markdown for BENCHMARKS.md; exits 1 when an interview ends
// on another outcome than determine() on the full assignment, or asks a fact that is not
// missing, or a certificate does not fix the outcome.
//
//   SAMPLES=2000 npm run bench:interview

import type { CompiledPolicy } from '../src/domain/policy/compile-policy.ts';
import { Tri } from '../src/domain/policy/decision-diagram.ts';
import {
  chooseNextFact,
  emptyFactVector,
  evaluate,
  restrictOutcome,
  type FactVector,
} from '../src/domain/policy/evaluate.ts';
import { uniformFactProbabilities } from '../src/domain/policy/outcome-probability.ts';
import { loadRegistry } from '../src/policy-files/load-policies.ts';
import { mulberry32, POLICY_IDS } from './fact-sets.ts';

const SAMPLES = Number(process.env.SAMPLES ?? 2000);
const PROBABILITIES = [0.05, 0.2] as const;

/** The choice before issue 15 (evaluate.ts at b57df18), kept here to measure against. */
function oldChoice(policy: CompiledPolicy, values: FactVector): number {
  const { missing } = restrictOutcome(policy, values);
  let best = -1;
  let bestKey: [number, number] = [Infinity, Infinity];
  const trial = values.slice();
  for (const f of missing) {
    trial[f] = Tri.True;
    const ifTrue = restrictOutcome(policy, trial).missing.length;
    trial[f] = Tri.False;
    const ifFalse = restrictOutcome(policy, trial).missing.length;
    trial[f] = Tri.Unknown;
    const key: [number, number] = [Math.max(ifTrue, ifFalse), ifTrue + ifFalse];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = f;
      bestKey = key;
    }
  }
  return best;
}

/** Questions until determined, answering from `full`; checks each asked fact is missing. */
function interview(
  policy: CompiledPolicy,
  full: FactVector,
  choose: (values: FactVector) => number,
): { questions: number; outcome: string } {
  const values = emptyFactVector(policy);
  for (let questions = 0; ; questions++) {
    const r = restrictOutcome(policy, values);
    if (r.terminal !== -1) return { questions, outcome: evaluate(policy, values).outcome! };
    const f = choose(values);
    if (!r.missing.includes(f)) throw new Error(`asked ${policy.facts[f]?.id}, not missing`);
    values[f] = full[f]!;
  }
}

/**
 * The smallest set of the assignment's answers that fixes the outcome, by branch and
 * bound on the diagram. While the diagram restricted to the chosen answers can still reach
 * another outcome, take a path to one with the fewest answers of the assignment against
 * it; a certificate must contain one of those answers (else the assignment would follow
 * the path), so branch on each. Exact; the paths' few disagreements keep it small.
 */
function minimumCertificate(policy: CompiledPolicy, full: FactVector): number {
  const d = policy.outcomeDiagram;
  const target = restrictOutcome(policy, full).terminal;
  const fixed = new Uint8Array(full.length).fill(Tri.Unknown);
  const seen = new Set<string>();
  let best = full.length;
  const n = d.variable.length;
  const cost = new Int32Array(n);
  const via = new Int32Array(n);

  /** Fewest disagreements to a terminal other than the target, and the facts against it. */
  const conflict = (): number[] | null => {
    for (let t = 0; t < d.terminalCount; t++) cost[t] = t === target || t < 2 ? 1e9 : 0;
    for (let node = d.terminalCount; node < n; node++) {
      const f = policy.factOfVariable[d.variable[node]!]!;
      const lo = d.low[node]!;
      const hi = d.high[node]!;
      if (fixed[f] !== Tri.Unknown) {
        cost[node] = cost[fixed[f] === Tri.True ? hi : lo]!;
        via[node] = fixed[f] === Tri.True ? 1 : 0;
        continue;
      }
      const costLo = cost[lo]! + (full[f] === Tri.False ? 0 : 1);
      const costHi = cost[hi]! + (full[f] === Tri.True ? 0 : 1);
      cost[node] = Math.min(costLo, costHi);
      via[node] = costHi < costLo ? 1 : 0;
    }
    if (cost[d.root]! >= 1e9) return null;
    const against: number[] = [];
    let node = d.root;
    while (node >= d.terminalCount) {
      const f = policy.factOfVariable[d.variable[node]!]!;
      const branch = via[node]!;
      if (fixed[f] === Tri.Unknown && branch !== full[f]) against.push(f);
      node = branch === 1 ? d.high[node]! : d.low[node]!;
    }
    return against;
  };

  const search = (size: number): void => {
    if (size >= best) return;
    const key = fixed.join('');
    if (seen.has(key)) return;
    seen.add(key);
    const against = conflict();
    if (against === null) {
      best = size;
      return;
    }
    if (size + 1 >= best) return;
    for (const f of against) {
      fixed[f] = full[f]!;
      search(size + 1);
      fixed[f] = Tri.Unknown;
    }
  };
  search(0);
  return best;
}

/**
 * The exact expected number of questions of a choice: the whole interview tree from an
 * empty fact set, each answer weighted by its probability (a few thousand states).
 */
function expectedQuestions(
  policy: CompiledPolicy,
  p: number,
  choose: (values: FactVector) => number,
): number {
  const memo = new Map<string, number>();
  const values = emptyFactVector(policy);
  const walk = (): number => {
    if (restrictOutcome(policy, values).terminal !== -1) return 0;
    const key = values.join('');
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const f = choose(values);
    values[f] = Tri.True;
    const ifTrue = walk();
    values[f] = Tri.False;
    const ifFalse = walk();
    values[f] = Tri.Unknown;
    const e = 1 + p * ifTrue + (1 - p) * ifFalse;
    memo.set(key, e);
    return e;
  };
  return walk();
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function summary(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${mean.toFixed(2)} | ${quantile(s, 0.5)} | ${quantile(s, 0.9)} | ${s[s.length - 1]}`;
}

const registry = await loadRegistry();
let failed = false;
const lines: string[] = [
  `${SAMPLES} random full assignments per row (seeded), each fact true with probability p.`,
  '',
  '| policy | p | choice | exact expected questions | mean | median | p90 | max | mean ratio to bound | ratio of means | not_tolerated cases: max questions |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const id of POLICY_IDS) {
  const policy = registry.byId.get(id)![0]!;
  for (const p of PROBABILITIES) {
    const probabilities = uniformFactProbabilities(policy, p);
    const random = mulberry32(id.length * 1000 + Math.round(p * 100));
    const rows = { old: [] as number[], new: [] as number[], bound: [] as number[] };
    const ratios = { old: [] as number[], new: [] as number[] };
    const excluded = { old: 0, new: 0, bound: 0, cases: 0 };
    const started = performance.now();
    for (let s = 0; s < SAMPLES; s++) {
      const full = new Uint8Array(policy.facts.length);
      for (let f = 0; f < full.length; f++) full[f] = random() < p ? Tri.True : Tri.False;
      const expected = evaluate(policy, full).outcome!;
      const bound = minimumCertificate(policy, full);
      const fixedBy = restrictOutcome(policy, full).terminal;
      rows.bound.push(bound);
      const runs = {
        old: interview(policy, full, (v) => oldChoice(policy, v)),
        new: interview(policy, full, (v) => chooseNextFact(policy, v, probabilities)),
      };
      for (const k of ['old', 'new'] as const) {
        if (runs[k].outcome !== expected) {
          console.error(`${id} p=${p} ${k}: ended on ${runs[k].outcome}, expected ${expected}`);
          failed = true;
        }
        if (runs[k].questions < bound || fixedBy === -1) {
          console.error(`${id} p=${p} ${k}: ${runs[k].questions} questions below bound ${bound}`);
          failed = true;
        }
        rows[k].push(runs[k].questions);
        ratios[k].push(bound === 0 ? 1 : runs[k].questions / bound);
      }
      if (expected === 'not_tolerated') {
        excluded.cases++;
        excluded.old = Math.max(excluded.old, runs.old.questions);
        excluded.new = Math.max(excluded.new, runs.new.questions);
        excluded.bound = Math.max(excluded.bound, bound);
      }
    }
    const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2);
    const ofMeans = (xs: number[]) => (Number(mean(xs)) / Number(mean(rows.bound))).toFixed(2);
    const exact = {
      old: expectedQuestions(policy, p, (v) => oldChoice(policy, v)).toFixed(2),
      new: expectedQuestions(policy, p, (v) => chooseNextFact(policy, v, probabilities)).toFixed(2),
    };
    const nt = (k: 'old' | 'new' | 'bound') =>
      excluded.cases === 0 ? '(none drawn)' : `${excluded[k]} (of ${excluded.cases} cases)`;
    lines.push(
      `| ${id} | ${p} | old | ${exact.old} | ${summary(rows.old)} | ${mean(ratios.old)} | ${ofMeans(rows.old)} | ${nt('old')} |`,
      `| ${id} | ${p} | new | ${exact.new} | ${summary(rows.new)} | ${mean(ratios.new)} | ${ofMeans(rows.new)} | ${nt('new')} |`,
      `| ${id} | ${p} | bound (certificate) | — | ${summary(rows.bound)} | 1.00 | 1.00 | ${nt('bound')} |`,
    );
    console.error(`${id} p=${p}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
console.log(lines.join('\n'));
if (failed) process.exit(1);
