// The explanation a committee secretary reads: for each ground, whether it holds and
// why, naming the true items, the 但书 that defeated an item and the facts still open;
// for the grounds ranked above the outcome, why they do not apply.

import { articleCitation } from './citation.ts';
import type { CompiledPolicy, FactInfo } from './compile-policy.ts';
import { Tri } from './decision-diagram.ts';
import { factQuestion } from './fact-question.ts';
import type { Evaluation } from './evaluate.ts';
import { GROUND_LABELS, type GroundCode } from './policy-model.ts';
import { evaluateRule, factsOf, type Rule } from './rule.ts';

export type GroundState = 'holds' | 'fails' | 'unknown';

export interface GroundExplanation {
  readonly code: GroundCode;
  readonly label: string;
  readonly article: string;
  readonly state: GroundState;
  readonly blocked: boolean;
  /** Against the outcome: it is the outcome, ranks above ("why not") or below it; `open` while undetermined. */
  readonly rank: 'outcome' | 'above' | 'below' | 'open';
  readonly text: string;
}

export interface Explanation {
  readonly summary: string;
  readonly grounds: readonly GroundExplanation[];
}

const STATE_WORDS: Record<GroundState, string> = {
  holds: '成立',
  fails: '不成立',
  unknown: '尚待查明',
};

function quote(f: FactInfo): string {
  const text = f.text.replace(/[；;。，,：:]+$/u, '');
  return `「${text.length > 40 ? `${text.slice(0, 38)}……` : text}」`;
}

function factPhrase(policy: CompiledPolicy, f: FactInfo, value: Tri): string {
  const state = value === Tri.True ? '属实' : value === Tri.False ? '不成立' : '尚未查明';
  return `${factQuestion(policy, f).label}${quote(f)}${state}`;
}

/** Reasons for a node's value, as short Chinese clauses. */
function reasons(policy: CompiledPolicy, rule: Rule, values: ArrayLike<number>): string[] {
  const value = evaluateRule(rule, values);
  switch (rule.kind) {
    case 'fact':
      return [factPhrase(policy, policy.facts[rule.fact]!, value)];
    case 'exception': {
      const item = policy.facts[rule.fact]!;
      const exception = policy.facts[rule.unless]!;
      const itemValue = values[rule.fact] as Tri;
      const exceptionValue = values[rule.unless] as Tri;
      if (itemValue === Tri.False) return [factPhrase(policy, item, itemValue)];
      if (exceptionValue === Tri.True) {
        return [
          `${item.citation}${itemValue === Tri.True ? '所述情形虽属实' : '所述情形是否属实尚未查明'}，但属于其但书${quote(exception)}情形，不予适用`,
        ];
      }
      if (value === Tri.True)
        return [`${factPhrase(policy, item, itemValue)}，且不属于其但书${quote(exception)}情形`];
      if (itemValue === Tri.Unknown && exceptionValue === Tri.Unknown) {
        return [`${factPhrase(policy, item, itemValue)}，其但书${quote(exception)}亦尚未查明`];
      }
      return itemValue === Tri.Unknown
        ? [factPhrase(policy, item, itemValue)]
        : [`${item.citation}所述情形属实，但是否属于其但书${quote(exception)}情形尚未查明`];
    }
    case 'all': {
      if (value === Tri.True) return rule.of.flatMap((c) => reasons(policy, c, values));
      const wanted = value === Tri.False ? Tri.False : Tri.Unknown;
      return rule.of
        .filter((c) => evaluateRule(c, values) === wanted)
        .flatMap((c) => reasons(policy, c, values));
    }
    case 'any': {
      const shown = rule.of.filter((c) => {
        const v = evaluateRule(c, values);
        if (value === Tri.True) return v === Tri.True;
        if (value === Tri.Unknown) return v === Tri.Unknown || defeated(c, values);
        return defeated(c, values);
      });
      const out = shown.flatMap((c) => reasons(policy, c, values));
      if (value === Tri.False) {
        const articles = [
          ...new Set(rule.of.flatMap((c) => factsOf(c)).map((f) => policy.facts[f]!.article)),
        ];
        out.unshift(`${articles.map(articleCitation).join('、')}所列其他情形均不成立`);
        if (shown.length === 0)
          out[0] = `${articles.map(articleCitation).join('、')}所列情形均不成立`;
      }
      return out;
    }
    case 'not': {
      const inner = reasons(policy, rule.of, values);
      return value === Tri.Unknown ? inner : inner.map((r) => `${r}（本条以其不成立为条件）`);
    }
  }
}

function defeated(rule: Rule, values: ArrayLike<number>): boolean {
  return rule.kind === 'exception' && values[rule.unless] === Tri.True;
}

export function explain(
  policy: CompiledPolicy,
  values: ArrayLike<number>,
  evaluation: Evaluation,
): Explanation {
  // no_ground ranks below every ground, so each of them is a "why not".
  const outcomeRank =
    evaluation.outcome === 'no_ground'
      ? policy.grounds.length
      : policy.grounds.findIndex((g) => g.code === evaluation.outcome);
  const grounds = policy.grounds.map((g, i): GroundExplanation => {
    const v = evaluateRule(g.rule, values);
    const state: GroundState = v === Tri.True ? 'holds' : v === Tri.False ? 'fails' : 'unknown';
    const blocked = evaluation.grounds.some((r) => r.code === g.code && r.blocked);
    const rank =
      evaluation.outcome === null
        ? 'open'
        : i === outcomeRank
          ? 'outcome'
          : i < outcomeRank
            ? 'above'
            : 'below';
    const label = GROUND_LABELS[g.code];
    let text = `${label}（${articleCitation(g.article)}）：${STATE_WORDS[state]}。${reasons(policy, g.rule, values).join('；')}。`;
    if (blocked) text += `因不予容错情形成立，本项不予适用。`;
    return { code: g.code, label, article: articleCitation(g.article), state, blocked, rank, text };
  });

  let summary: string;
  if (evaluation.status === 'determined' && evaluation.outcome !== null) {
    summary =
      evaluation.outcome === 'no_ground'
        ? `认定结论：${GROUND_LABELS.no_ground}。各项容错免责依据均不成立。`
        : `认定结论：${GROUND_LABELS[evaluation.outcome]}，依据${evaluation.citation}。`;
  } else {
    const open = evaluation.missing.map((id) => policy.facts[policy.factIndex.get(id)!]!);
    summary = `尚不能作出认定：以下 ${open.length} 项事实仍可能改变结论——${open
      .map((f) => `${factQuestion(policy, f).label}${quote(f)}`)
      .join('；')}。`;
  }
  return { summary, grounds };
}
