// The outcome of a compiled policy as one reduced ordered decision diagram (ADR 0002):
// the first ground that holds, in precedence order, with one terminal per outcome.

import type { CompiledGround } from './compile-policy.ts';
import { DiagramBuilder } from './decision-diagram.ts';
import { OUTCOME_CODES, type OutcomeCode } from './policy-model.ts';
import { factsOf, type Rule } from './rule.ts';

/**
 * The outcome as one diagram: the first ground that holds, in precedence order.
 * Variables are ordered by the grounds that first read them, which keeps the diagram a
 * near-chain (a few dozen nodes for the built-in policies).
 */
export function buildOutcomeDiagram(grounds: readonly CompiledGround[], factCount: number) {
  const order: number[] = [];
  for (const g of grounds) for (const f of factsOf(g.rule)) if (!order.includes(f)) order.push(f);
  for (let f = 0; f < factCount; f++) if (!order.includes(f)) order.push(f);
  const variableOfFact = new Int32Array(factCount);
  order.forEach((f, v) => (variableOfFact[f] = v));

  const builder = new DiagramBuilder(factCount, 2 + OUTCOME_CODES.length);
  const toDiagram = (r: Rule): number => {
    switch (r.kind) {
      case 'fact':
        return builder.variable(variableOfFact[r.fact]!);
      case 'exception':
        return builder.and([
          builder.variable(variableOfFact[r.fact]!),
          builder.not(builder.variable(variableOfFact[r.unless]!)),
        ]);
      case 'all':
        return builder.and(r.of.map(toDiagram));
      case 'any':
        return builder.or(r.of.map(toDiagram));
      case 'not':
        return builder.not(toDiagram(r.of));
    }
  };
  let root = builder.terminal(outcomeTerminal('no_ground'));
  for (const g of [...grounds].reverse()) {
    root = builder.ite(toDiagram(g.rule), builder.terminal(outcomeTerminal(g.code)), root);
  }
  return { diagram: builder.finish(root), factOfVariable: Int32Array.from(order), variableOfFact };
}

export function outcomeTerminal(code: OutcomeCode): number {
  return 2 + OUTCOME_CODES.indexOf(code);
}

export function outcomeOfTerminal(terminal: number): OutcomeCode {
  const code = OUTCOME_CODES[terminal - 2];
  if (code === undefined) throw new RangeError(`terminal ${terminal} is not an outcome`);
  return code;
}
