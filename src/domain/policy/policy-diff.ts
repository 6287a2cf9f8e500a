// Compares two policy versions article by article and rule by rule. Articles are
// aligned by wording (agencies renumber: the education regime's 第十条 is the emergency
// regime's 第十一条), items within aligned articles likewise, and rules by ground code,
// compared on their structure and the wording of the facts they read.

import { diffChars } from 'diff';
import { articleCitation } from './citation.ts';
import type { CompiledPolicy } from './compile-policy.ts';
import { GROUND_LABELS, type ArticleDef, type GroundCode, type ItemDef } from './policy-model.ts';
import type { Rule } from './rule.ts';

export type DiffStatus = 'same' | 'changed' | 'left_only' | 'right_only';

export interface TextChange {
  readonly op: 'same' | 'removed' | 'added';
  readonly text: string;
}

export interface ItemDiff {
  readonly status: DiffStatus;
  readonly left?: { readonly n: number; readonly fact?: string; readonly text: string };
  readonly right?: { readonly n: number; readonly fact?: string; readonly text: string };
}

export interface ArticleSide {
  readonly number: number;
  readonly citation: string;
  readonly topic: string;
}

export interface ArticleDiff {
  readonly status: DiffStatus;
  readonly left?: ArticleSide;
  readonly right?: ArticleSide;
  /** Share of wording the two articles have in common (0..1); 0 for one-sided entries. */
  readonly similarity: number;
  readonly changes?: readonly TextChange[];
  readonly items?: readonly ItemDiff[];
}

export interface RuleSide {
  readonly article: number;
  readonly citation: string;
  /** The rule in words, e.g. 符合下列之一：第九条第（一）项、…. */
  readonly text: string;
}

export interface RuleDiff {
  readonly ground: GroundCode;
  readonly label: string;
  /** `same`: same structure over facts of the same wording, wherever the article now stands. */
  readonly status: DiffStatus;
  readonly left?: RuleSide;
  readonly right?: RuleSide;
  readonly renumbered: boolean;
}

export interface PolicyDiff {
  readonly left: { readonly id: string; readonly version: number; readonly title: string };
  readonly right: { readonly id: string; readonly version: number; readonly title: string };
  readonly articles: readonly ArticleDiff[];
  readonly rules: readonly RuleDiff[];
}

/** Punctuation width and the subject of the sentence differ between agencies; wording does not. */
function normalize(text: string): string {
  return text
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[；。：]+$/u, '')
    .replace(/\s+/g, '');
}

function articleText(a: ArticleDef): string {
  return a.paragraphs
    .map((p) => [p.text, ...(p.items ?? []).map((i) => `（${i.n}）${i.text}`)].join(''))
    .join('\n');
}

/**
 * Likeness of two texts over character bigrams: the mean of the Dice coefficient (shared
 * share of both) and the overlap coefficient (shared share of the shorter), so that an
 * article that gained a paragraph still pairs with its shorter counterpart.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  const shorter = Math.max(Math.min(a.length, b.length) - 1, 0);
  if (total === 0 || shorter === 0) return 0;
  return ((2 * common) / total + common / shorter) / 2;
}

/**
 * Pairs the elements of two sequences: most alike pairs first, each element at most once,
 * pairs below `threshold` left unpaired. Unlike an LCS this finds swapped articles (the
 * two regimes put 适用范围 and 基本原则 in opposite order). The result follows the left
 * order, with right-only elements placed after the left element paired with their
 * predecessor on the right.
 */
function align<T>(
  left: readonly T[],
  right: readonly T[],
  like: (a: T, b: T) => number,
  threshold: number,
) {
  const candidates: { i: number; j: number; score: number }[] = [];
  left.forEach((a, i) =>
    right.forEach((b, j) => {
      const score = like(a, b);
      if (score >= threshold) candidates.push({ i, j, score });
    }),
  );
  // Ties go to the pair nearest the diagonal, so equal items keep their positions.
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  const rightOf = new Map<number, number>();
  const leftOf = new Map<number, number>();
  for (const c of candidates) {
    if (rightOf.has(c.i) || leftOf.has(c.j)) continue;
    rightOf.set(c.i, c.j);
    leftOf.set(c.j, c.i);
  }
  const rows: { key: number; left?: T; right?: T }[] = left.map((l, i) => {
    const j = rightOf.get(i);
    return j === undefined ? { key: i, left: l } : { key: i, left: l, right: right[j] };
  });
  let anchor = -1;
  right.forEach((r, j) => {
    const i = leftOf.get(j);
    if (i !== undefined) anchor = i;
    else rows.push({ key: anchor + 0.5 + j / (right.length + 1) / 2, right: r });
  });
  return rows.sort((a, b) => a.key - b.key);
}

function side(a: ArticleDef): ArticleSide {
  return { number: a.number, citation: articleCitation(a.number), topic: a.topic };
}

function itemSide(i: ItemDef) {
  return { n: i.n, text: i.text, ...(i.fact !== undefined ? { fact: i.fact } : {}) };
}

function diffItems(left: ArticleDef, right: ArticleDef): ItemDiff[] {
  const li = left.paragraphs.flatMap((p) => p.items ?? []);
  const ri = right.paragraphs.flatMap((p) => p.items ?? []);
  if (li.length === 0 && ri.length === 0) return [];
  return align(li, ri, (a, b) => similarity(normalize(a.text), normalize(b.text)), 0.35).map(
    (p) => {
      if (p.left && p.right) {
        const same = normalize(p.left.text) === normalize(p.right.text);
        return {
          status: same ? 'same' : 'changed',
          left: itemSide(p.left),
          right: itemSide(p.right),
        };
      }
      return p.left
        ? { status: 'left_only', left: itemSide(p.left) }
        : { status: 'right_only', right: itemSide(p.right!) };
    },
  );
}

/** A rule's shape with each fact replaced by its wording, for comparing across numberings. */
function ruleKey(policy: CompiledPolicy, rule: Rule): string {
  const fact = (f: number) => normalize(policy.facts[f]!.text);
  switch (rule.kind) {
    case 'fact':
      return fact(rule.fact);
    case 'exception':
      return `${fact(rule.fact)}但${fact(rule.unless)}除外`;
    case 'all':
    case 'any':
      return `${rule.kind}(${rule.of.map((r) => ruleKey(policy, r)).join('|')})`;
    case 'not':
      return `not(${ruleKey(policy, rule.of)})`;
  }
}

/** A rule in words, citing the facts it reads. */
export function describeRule(policy: CompiledPolicy, rule: Rule): string {
  const cite = (f: number) =>
    policy.facts[f]!.citation +
    (policy.facts[f]!.kind === 'condition'
      ? `「${policy.facts[f]!.text.replace(/[；。]$/u, '')}」`
      : '');
  switch (rule.kind) {
    case 'fact':
      return cite(rule.fact);
    case 'exception':
      return `${cite(rule.fact)}（但书「${policy.facts[rule.unless]!.text}」除外）`;
    case 'all':
      return `同时具备：${rule.of.map((r) => describeRule(policy, r)).join('；')}`;
    case 'any':
      return `符合下列之一：${rule.of.map((r) => describeRule(policy, r)).join('、')}`;
    case 'not':
      return `并非「${describeRule(policy, rule.of)}」`;
  }
}

export function diffPolicies(left: CompiledPolicy, right: CompiledPolicy): PolicyDiff {
  const la = left.def.chapters.flatMap((c) => c.articles);
  const ra = right.def.chapters.flatMap((c) => c.articles);
  const text = new Map<ArticleDef, string>(
    [...la, ...ra].map((a) => [a, normalize(articleText(a))]),
  );
  const articles: ArticleDiff[] = align(
    la,
    ra,
    (a, b) => similarity(text.get(a)!, text.get(b)!),
    0.3,
  ).map((p) => {
    if (p.left && p.right) {
      const a = text.get(p.left)!;
      const b = text.get(p.right)!;
      const same = a === b;
      return {
        status: same ? 'same' : 'changed',
        left: side(p.left),
        right: side(p.right),
        similarity: Math.round(similarity(a, b) * 100) / 100,
        ...(same
          ? {}
          : {
              changes: diffChars(articleText(p.left), articleText(p.right)).map(
                (c): TextChange => ({
                  op: c.added ? 'added' : c.removed ? 'removed' : 'same',
                  text: c.value,
                }),
              ),
            }),
        items: diffItems(p.left, p.right),
      };
    }
    return p.left
      ? { status: 'left_only', left: side(p.left), similarity: 0 }
      : { status: 'right_only', right: side(p.right!), similarity: 0 };
  });

  const codes = [...left.grounds.map((g) => g.code), ...right.grounds.map((g) => g.code)];
  const ordered = [...new Set(codes)].sort(
    (a, b) => Object.keys(GROUND_LABELS).indexOf(a) - Object.keys(GROUND_LABELS).indexOf(b),
  );
  const rules: RuleDiff[] = ordered.map((code) => {
    const l = left.grounds.find((g) => g.code === code);
    const r = right.grounds.find((g) => g.code === code);
    const ruleSide = (p: CompiledPolicy, g: NonNullable<typeof l>): RuleSide => ({
      article: g.article,
      citation: articleCitation(g.article),
      text: describeRule(p, g.rule),
    });
    const label = GROUND_LABELS[code];
    if (l && r) {
      const same = ruleKey(left, l.rule) === ruleKey(right, r.rule);
      return {
        ground: code,
        label,
        status: same ? 'same' : 'changed',
        left: ruleSide(left, l),
        right: ruleSide(right, r),
        renumbered: l.article !== r.article,
      };
    }
    return l
      ? { ground: code, label, status: 'left_only', left: ruleSide(left, l), renumbered: false }
      : {
          ground: code,
          label,
          status: 'right_only',
          right: ruleSide(right, r!),
          renumbered: false,
        };
  });

  return {
    left: { id: left.id, version: left.version, title: left.def.title },
    right: { id: right.id, version: right.version, title: right.def.title },
    articles,
    rules,
  };
}
