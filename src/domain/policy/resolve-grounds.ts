// The grounds (认定依据) of a policy definition resolved into rules over fact indexes:
// where each is written, references between grounds followed (a cycle is an issue), and
// the promise the evaluator relies on checked: no rule reads a fact twice.

import type { FactInfo, PolicyIssue } from './compile-policy.ts';
import type { ArticleDef, GroundCode, RuleSource } from './policy-model.ts';
import { factsOf, type Rule } from './rule.ts';

export interface GroundSource {
  readonly article: number;
  readonly rule: RuleSource;
  readonly summary: string;
  readonly field: string;
}

/** Each ground's source and its resolved rule; the problems found go to `issues`. */
export function resolveGrounds(
  articles: readonly ArticleDef[],
  factIndex: ReadonlyMap<string, number>,
  facts: readonly FactInfo[],
  issues: PolicyIssue[],
): { sources: Map<GroundCode, GroundSource>; resolved: Map<GroundCode, Rule> } {
  // Grounds: where each is written, and its source rule.
  const sources = new Map<GroundCode, GroundSource>();
  for (const a of articles) {
    a.grounds?.forEach((g, i) => {
      const field = `grounds[${i}]`;
      if (sources.has(g.ground)) {
        issues.push({ article: a.number, field, message: `认定依据 "${g.ground}" 重复定义` });
      } else {
        sources.set(g.ground, { article: a.number, rule: g.rule, summary: g.summary, field });
      }
    });
  }

  const resolved = new Map<GroundCode, Rule>();
  const resolve = (code: GroundCode, stack: GroundCode[]): Rule | null => {
    const done = resolved.get(code);
    if (done) return done;
    const src = sources.get(code);
    if (!src) return null;
    if (stack.includes(code)) {
      issues.push({
        article: src.article,
        field: `${src.field}.rule`,
        message: `认定依据循环引用：${[...stack, code].join(' → ')}`,
      });
      return null;
    }
    const build = (r: RuleSource, path: string): Rule | null => {
      const fact = (id: string, where: string): number | null => {
        const idx = factIndex.get(id);
        if (idx === undefined) {
          issues.push({
            article: src.article,
            field: where,
            message: `规则引用了未定义的事实 "${id}"`,
          });
          return null;
        }
        return idx;
      };
      switch (r.kind) {
        case 'fact': {
          const idx = fact(r.fact, path);
          return idx === null ? null : { kind: 'fact', fact: idx };
        }
        case 'exception': {
          const idx = fact(r.fact, path);
          const unless = fact(r.unless, `${path}.unless`);
          if (idx === null || unless === null) return null;
          if (facts[unless]?.exceptionOf !== idx) {
            issues.push({
              article: src.article,
              field: `${path}.unless`,
              message: `"${r.unless}" 不是 "${r.fact}" 的但书`,
            });
            return null;
          }
          return { kind: 'exception', fact: idx, unless };
        }
        case 'all':
        case 'any': {
          if (r.of.length === 0) {
            issues.push({
              article: src.article,
              field: path,
              message: `"${r.kind}" 至少需要一个条件`,
            });
            return null;
          }
          const of = r.of.map((c, i) => build(c, `${path}.${r.kind}[${i}]`));
          return of.every((c): c is Rule => c !== null) ? { kind: r.kind, of } : null;
        }
        case 'not': {
          const of = build(r.of, `${path}.not`);
          return of === null ? null : { kind: 'not', of };
        }
        case 'ground': {
          if (!sources.has(r.ground)) {
            issues.push({
              article: src.article,
              field: path,
              message: `引用的认定依据 "${r.ground}" 未在本制度中定义`,
            });
            return null;
          }
          return resolve(r.ground, [...stack, code]);
        }
      }
    };
    const rule = build(src.rule, `${src.field}.rule`);
    if (rule) {
      const read = factsOf(rule);
      const repeated = read.find((f, i) => read.indexOf(f) !== i);
      if (repeated !== undefined) {
        // Three-valued evaluation of a ground is exact only when no fact is read twice.
        issues.push({
          article: src.article,
          field: `${src.field}.rule`,
          message: `同一规则中事实 "${facts[repeated]?.id}" 出现多次；每条认定规则中每个事实只能出现一次`,
        });
        return null;
      }
      resolved.set(code, rule);
    }
    return rule;
  };
  for (const code of sources.keys()) resolve(code, []);
  return { sources, resolved };
}
