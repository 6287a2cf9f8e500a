// Turns a policy definition into the frozen value the evaluator runs: fact table in
// policy order, ground rules over fact indexes, and the outcome decision diagram.
// Every structural promise the contract relies on is checked here, so a policy that
// compiles can be evaluated without further checks.

import { articleCitation, itemCitation } from './citation.ts';
import type { DecisionDiagram } from './decision-diagram.ts';
import {
  GROUND_CODES,
  parseFactId,
  type ArticleDef,
  type FactKind,
  type GroundCode,
  type PolicyDef,
} from './policy-model.ts';
import { compileFactReader, type FactReader } from './fact-reader.ts';
import { buildOutcomeDiagram } from './outcome-diagram.ts';
import { resolveGrounds } from './resolve-grounds.ts';
import { compileKnown, type KnownEvaluator, type Rule } from './rule.ts';

export interface FactInfo {
  readonly id: string;
  readonly index: number;
  readonly kind: FactKind;
  readonly article: number;
  /** Item number for items and exceptions, condition number for conditions. */
  readonly number: number;
  /** The words of the text that the fact stands for. */
  readonly text: string;
  /** 第N条第（M）项 for items and exceptions, 第N条 for conditions. */
  readonly citation: string;
  /** For an exception: the index of the item it defeats. */
  readonly exceptionOf?: number;
}

export interface CompiledGround {
  readonly code: GroundCode;
  readonly article: number;
  readonly rule: Rule;
  readonly summary: string;
  /** Whether the 不予容错 exclusion blocks this ground when it holds. */
  readonly blockable: boolean;
  /** Whether the rule reads its (non-exception) facts in policy order, so a basis needs no sort. */
  readonly readsInOrder: boolean;
  /** The rule compiled for fully known facts (rule.ts `compileKnown`). */
  readonly holdsWithBasis: KnownEvaluator;
}

export interface CompiledPolicy {
  readonly def: PolicyDef;
  readonly id: string;
  readonly version: number;
  readonly effectiveFrom: string | null;
  /** All facts in policy order (per article: items, then exceptions, then conditions). */
  readonly facts: readonly FactInfo[];
  readonly factIndex: ReadonlyMap<string, number>;
  /** Reads an input's facts object into a fact vector (see fact-reader.ts). */
  readonly readFacts: FactReader;
  /** Grounds the policy defines, in the contract's precedence order. */
  readonly grounds: readonly CompiledGround[];
  readonly exclusion: { readonly ground: GroundCode; readonly survives: readonly GroundCode[] };
  /** Index of the exclusion in `grounds`, -1 when the policy has none. */
  readonly exclusionIndex: number;
  /** Outcome diagram; its variable v is fact `factOfVariable[v]`. */
  readonly outcomeDiagram: DecisionDiagram;
  readonly factOfVariable: Int32Array;
  readonly variableOfFact: Int32Array;
}

/** The policy's fact of that id, if it has one (a case may hold facts of another version). */
export function factOf(policy: CompiledPolicy, id: string): FactInfo | undefined {
  const index = policy.factIndex.get(id);
  return index === undefined ? undefined : policy.facts[index];
}

/** A problem in a policy definition, located by article and field for the file's author. */
export interface PolicyIssue {
  readonly article?: number;
  readonly field: string;
  readonly message: string;
}

export type CompileResult =
  | { readonly ok: true; readonly policy: CompiledPolicy }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

const KIND_ORDER: Record<FactKind, number> = { item: 0, exception: 1, condition: 2 };

interface PendingFact {
  id: string;
  kind: FactKind;
  article: number;
  number: number;
  text: string;
  exceptionOf?: string;
  order: number;
}

function collectFacts(article: ArticleDef, issues: PolicyIssue[]): PendingFact[] {
  const out: PendingFact[] = [];
  const at = article.number;
  const add = (id: string, text: string, field: string, expect: { kind: FactKind; n?: number }) => {
    const parsed = parseFactId(id);
    if (!parsed) {
      issues.push({
        article: at,
        field,
        message: `事实编号 "${id}" 不符合 aN.M / aN.cK / aN.M.x 的格式`,
      });
      return;
    }
    if (parsed.article !== at) {
      issues.push({
        article: at,
        field,
        message: `事实 "${id}" 的条号与所在条（第${at}条）不一致`,
      });
      return;
    }
    if (parsed.kind !== expect.kind && !(expect.kind === 'item' && parsed.kind === 'condition')) {
      issues.push({ article: at, field, message: `事实 "${id}" 应为${expect.kind}类编号` });
      return;
    }
    if (parsed.kind !== 'condition' && expect.n !== undefined && parsed.number !== expect.n) {
      issues.push({
        article: at,
        field,
        message: `事实 "${id}" 的项号与第（${expect.n}）项不一致`,
      });
      return;
    }
    out.push({
      id,
      kind: parsed.kind,
      article: at,
      number: parsed.number,
      text,
      order: out.length,
    });
  };

  article.paragraphs.forEach((paragraph, p) => {
    paragraph.items?.forEach((item, i) => {
      const field = `paragraphs[${p}].items[${i}]`;
      if (item.fact !== undefined)
        add(item.fact, item.text, `${field}.fact`, { kind: 'item', n: item.n });
      if (item.exception) {
        const x = item.exception;
        if (item.fact === undefined || x.fact !== `${item.fact}.x`) {
          issues.push({
            article: at,
            field: `${field}.exception.fact`,
            message: `但书事实应编号为 "${item.fact ?? '?'}.x"，而不是 "${x.fact}"`,
          });
        } else if (!item.text.includes(x.quote)) {
          issues.push({
            article: at,
            field: `${field}.exception.quote`,
            message: `但书引文 "${x.quote}" 不在该项原文中`,
          });
        } else {
          add(x.fact, x.quote, `${field}.exception.fact`, { kind: 'exception', n: item.n });
          const last = out[out.length - 1];
          if (last) last.exceptionOf = item.fact;
        }
      }
    });
    paragraph.facts?.forEach((implied, i) => {
      const field = `paragraphs[${p}].facts[${i}]`;
      if (!paragraph.text.includes(implied.quote)) {
        issues.push({
          article: at,
          field: `${field}.quote`,
          message: `引文 "${implied.quote}" 不在本款原文中`,
        });
        return;
      }
      add(implied.fact, implied.quote, `${field}.fact`, { kind: 'condition' });
    });
  });
  // Policy order within an article: items, then their exceptions, then conditions.
  return out.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.order - b.order);
}

function checkDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function compilePolicy(def: PolicyDef): CompileResult {
  const issues: PolicyIssue[] = [];
  const articles = def.chapters.flatMap((c) => c.articles);

  articles.forEach((a, i) => {
    if (a.number !== i + 1) {
      issues.push({
        article: a.number,
        field: 'number',
        message: `条号应为 ${i + 1}（各条须从第一条起连续编号）`,
      });
    }
  });
  if (def.effectiveFrom !== null && !checkDate(def.effectiveFrom)) {
    issues.push({
      field: 'effectiveFrom',
      message: `"${def.effectiveFrom}" 不是有效日期 YYYY-MM-DD`,
    });
  }
  const articleNumbers = new Set(articles.map((a) => a.number));
  const procedureRefs: [string, number][] = [
    ['procedure.decidingBody.article', def.procedure.decidingBody.article],
    ['procedure.notification.article', def.procedure.notification.article],
    ['procedure.publication.article', def.procedure.publication.article],
    ['procedure.notEnforcementError.article', def.procedure.notEnforcementError.article],
    ['procedure.correction.article', def.procedure.correction.article],
    ['procedure.correction.detailsArticle', def.procedure.correction.detailsArticle],
    ['procedure.correction.deadline.article', def.procedure.correction.deadline.article],
    ['procedure.correction.reminder.article', def.procedure.correction.reminder.article],
    ['taxonomy.article', def.taxonomy.article],
    ['procedure.followUp.article', def.procedure.followUp.article],
    ['procedure.objection.article', def.procedure.objection.article],
    ['procedure.reports.article', def.procedure.reports.article],
  ];
  for (const [field, n] of procedureRefs) {
    if (!articleNumbers.has(n)) issues.push({ field, message: `引用的第${n}条不存在` });
  }
  for (const list of ['fields', 'errorTypes'] as const) {
    const seen = new Set<string>();
    for (const entry of def.taxonomy[list]) {
      if (seen.has(entry.code))
        issues.push({ field: `taxonomy.${list}`, message: `分类代码 "${entry.code}" 重复` });
      seen.add(entry.code);
    }
  }
  if (!def.procedure.publication.scopes.includes(def.procedure.publication.defaultScope)) {
    issues.push({
      field: 'procedure.publication.defaultScope',
      message: '默认公开范围不在可选范围内',
    });
  }

  // Facts, in policy order.
  const pending = articles.flatMap((a) => collectFacts(a, issues));
  const factIndex = new Map<string, number>();
  for (const f of pending) {
    if (factIndex.has(f.id))
      issues.push({ article: f.article, field: 'fact', message: `事实 "${f.id}" 重复定义` });
    else factIndex.set(f.id, factIndex.size);
  }
  const facts: FactInfo[] = [...factIndex.keys()].map((id, index) => {
    const f = pending.find((p) => p.id === id)!;
    const info: FactInfo = {
      id,
      index,
      kind: f.kind,
      article: f.article,
      number: f.number,
      text: f.text,
      citation:
        f.kind === 'condition' ? articleCitation(f.article) : itemCitation(f.article, f.number),
      ...(f.exceptionOf !== undefined ? { exceptionOf: factIndex.get(f.exceptionOf)! } : {}),
    };
    return Object.freeze(info);
  });

  const { sources, resolved } = resolveGrounds(articles, factIndex, facts, issues);

  if (!sources.has(def.exclusion.ground)) {
    issues.push({
      field: 'exclusion.ground',
      message: `不予容错依据 "${def.exclusion.ground}" 未在本制度中定义`,
    });
  }
  for (const code of def.exclusion.survives) {
    if (!sources.has(code))
      issues.push({ field: 'exclusion.survives', message: `"${code}" 未在本制度中定义` });
  }
  for (const [field, codes] of [
    ['procedure.notEnforcementError.grounds', def.procedure.notEnforcementError.grounds],
    ['procedure.correction.opensOn', def.procedure.correction.opensOn],
  ] as const) {
    for (const code of codes) {
      if (!sources.has(code)) issues.push({ field, message: `"${code}" 未在本制度中定义` });
    }
  }

  if (issues.length > 0) return { ok: false, issues };

  const grounds: CompiledGround[] = GROUND_CODES.filter((c) => resolved.has(c)).map((code) =>
    Object.freeze({
      code,
      article: sources.get(code)!.article,
      rule: resolved.get(code)!,
      summary: sources.get(code)!.summary,
      blockable: code !== def.exclusion.ground && !def.exclusion.survives.includes(code),
      readsInOrder: isAscending(basisFacts(resolved.get(code)!)),
      holdsWithBasis: compileKnown(resolved.get(code)!),
    }),
  );

  const { diagram, factOfVariable, variableOfFact } = buildOutcomeDiagram(grounds, facts.length);
  const policy: CompiledPolicy = {
    def,
    id: def.id,
    version: def.version,
    effectiveFrom: def.effectiveFrom,
    facts: Object.freeze(facts),
    factIndex,
    readFacts: compileFactReader(facts.map((f) => f.id)),
    grounds: Object.freeze(grounds),
    exclusion: def.exclusion,
    exclusionIndex: grounds.findIndex((g) => g.code === def.exclusion.ground),
    outcomeDiagram: diagram,
    factOfVariable,
    variableOfFact,
  };
  return { ok: true, policy: Object.freeze(policy) };
}

/** The facts a basis can hold, in reading order: every fact but exceptions and negated ones. */
export function basisFacts(rule: Rule): number[] {
  switch (rule.kind) {
    case 'fact':
    case 'exception':
      return [rule.fact];
    case 'all':
    case 'any':
      return rule.of.flatMap(basisFacts);
    case 'not':
      return [];
  }
}

function isAscending(xs: readonly number[]): boolean {
  return xs.every((x, i) => i === 0 || xs[i - 1]! < x);
}

/** A fact vector (in policy order) as the outcome diagram reads it: by its variables. */
export function valuesByVariable(policy: CompiledPolicy, values: ArrayLike<number>): Uint8Array {
  const byVariable = new Uint8Array(policy.factOfVariable.length);
  for (let v = 0; v < byVariable.length; v++) byVariable[v] = values[policy.factOfVariable[v]!]!;
  return byVariable;
}
