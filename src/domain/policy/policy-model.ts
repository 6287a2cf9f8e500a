// The policy model: one agency's regime text, versioned, with the facts its articles
// define and the grounds (rules) built from them. A value of these types is plain
// data; `compilePolicy` turns it into the frozen value the evaluator runs.

import type { DeadlineCounting } from '../vocabulary.ts';

/** The outcome codes of the determination contract, in precedence order. */
export const GROUND_CODES = [
  'not_tolerated',
  'due_diligence',
  'no_liability',
  'tolerated',
  'exemption',
  'mandatory_mitigation',
  'discretionary_mitigation',
] as const;

export type GroundCode = (typeof GROUND_CODES)[number];
export type OutcomeCode = GroundCode | 'no_ground';
export const OUTCOME_CODES: readonly OutcomeCode[] = [...GROUND_CODES, 'no_ground'];

export const GROUND_LABELS: Readonly<Record<OutcomeCode, string>> = {
  not_tolerated: '不予容错',
  due_diligence: '履职尽责，尽职免责',
  no_liability: '不予追究行政执法责任',
  tolerated: '予以容错',
  exemption: '可以免除责任',
  mandatory_mitigation: '应当从轻、减轻处理',
  discretionary_mitigation: '可以从轻、减轻',
  no_ground: '无容错免责情形',
};

/** The words of an outcome code; an unknown code (a stored one, say) as it is. */
export function outcomeLabel(code: string): string {
  return GROUND_LABELS[code as OutcomeCode] ?? code;
}

export function isGroundCode(value: string): value is GroundCode {
  return (GROUND_CODES as readonly string[]).includes(value);
}

/** How a fact id relates to the text: item (aN.M), condition (aN.cK) or 但书 exception (aN.M.x). */
export type FactKind = 'item' | 'condition' | 'exception';

export interface FactId {
  readonly kind: FactKind;
  readonly article: number;
  /** Item number M for items and exceptions, condition number K for conditions. */
  readonly number: number;
}

const FACT_ID = /^a([1-9]\d*)\.(?:([1-9]\d*)(\.x)?|c([1-9]\d*))$/;

/** Parses a fact id of the contract's form; `null` when it is not one. */
export function parseFactId(id: string): FactId | null {
  const m = FACT_ID.exec(id);
  if (!m) return null;
  const article = Number(m[1]);
  if (m[4] !== undefined) return { kind: 'condition', article, number: Number(m[4]) };
  return { kind: m[3] ? 'exception' : 'item', article, number: Number(m[2]) };
}

/** A rule over facts, as written in a policy file (ground references not yet resolved). */
export type RuleSource =
  | { readonly kind: 'fact'; readonly fact: string }
  | { readonly kind: 'exception'; readonly fact: string; readonly unless: string }
  | { readonly kind: 'all'; readonly of: readonly RuleSource[] }
  | { readonly kind: 'any'; readonly of: readonly RuleSource[] }
  | { readonly kind: 'not'; readonly of: RuleSource }
  | { readonly kind: 'ground'; readonly ground: GroundCode };

export interface ItemDef {
  /** The number in （一）（二）…; for enumerated conditions it numbers the condition. */
  readonly n: number;
  readonly text: string;
  readonly fact?: string;
  readonly exception?: { readonly fact: string; readonly quote: string };
}

/** A fact implied by a paragraph's wording rather than an enumerated item (第四条, 第十三条). */
export interface ImpliedFactDef {
  readonly fact: string;
  readonly quote: string;
}

export interface ParagraphDef {
  readonly text: string;
  readonly items?: readonly ItemDef[];
  readonly facts?: readonly ImpliedFactDef[];
}

export interface GroundDef {
  readonly ground: GroundCode;
  readonly rule: RuleSource;
  /** One sentence for people: what the rule says, in the policy's words. */
  readonly summary: string;
}

export interface ArticleDef {
  readonly number: number;
  /** A short heading given by the policy author; the source texts have none. */
  readonly topic: string;
  readonly paragraphs: readonly ParagraphDef[];
  readonly grounds?: readonly GroundDef[];
}

export interface ChapterDef {
  readonly title: string;
  readonly articles: readonly ArticleDef[];
}

export type { DeadlineCounting };

export interface TimeLimit {
  readonly days: number;
  readonly counting: DeadlineCounting;
  readonly article: number;
  /** Where the number comes from when the article itself does not state it. */
  readonly note?: string;
}

export interface ReviewRequirement {
  readonly required: boolean;
  /** Where the requirement comes from when the article itself does not state it. */
  readonly note?: string;
}

/** The procedural parameters of 第十四至十九条 (numbered per policy). */
export interface ProcedureParams {
  readonly decidingBody: { readonly name: string; readonly article: number };
  readonly notification: TimeLimit & { readonly recipients: readonly string[] };
  readonly publication: {
    readonly article: number;
    readonly scopes: readonly string[];
    readonly defaultScope: string;
    /** How long a publication is shown (公示期), counted from the day it is published. */
    readonly period: TimeLimit;
  };
  /**
   * The review opinions recorded before the deciding body decides: legal review (法制审核,
   * 第八条 重大执法决定法制审核制度) and discipline review (纪检监察意见), each required or not.
   */
  readonly review: {
    readonly legal: ReviewRequirement;
    readonly discipline: ReviewRequirement;
  };
  readonly notEnforcementError: {
    readonly article: number;
    readonly grounds: readonly GroundCode[];
  };
  readonly correction: {
    readonly article: number;
    readonly detailsArticle: number;
    readonly opensOn: readonly GroundCode[];
    readonly extensionAllowed: boolean;
    /** 整改期限: the default time to correct, counted from the day after the notice. */
    readonly deadline: TimeLimit;
    /** How long before the deadline the follow-up (跟踪了解) starts reminding. */
    readonly reminder: TimeLimit;
  };
  readonly followUp: { readonly article: number };
  /** The period after notification in which a party may object (异议); not in the source texts. */
  readonly objection: TimeLimit;
  readonly reports: { readonly article: number; readonly feedback: TimeLimit };
}

/** One field of enforcement or one error type: a code stable across versions, and its label. */
export interface TaxonomyEntry {
  readonly code: string;
  readonly label: string;
}

/**
 * The classification of cases (第十八条 in the emergency regime: 同一类问题 and 同一领域). Each
 * case carries one field and one error type from the version it is decided under.
 */
export interface Taxonomy {
  readonly article: number;
  readonly note?: string;
  readonly fields: readonly TaxonomyEntry[];
  readonly errorTypes: readonly TaxonomyEntry[];
}

export interface PolicySource {
  readonly issuer: string;
  readonly documentNumber?: string;
  readonly indexNumber?: string;
  readonly category?: string;
  readonly writtenOn?: string;
  readonly publishedOn?: string;
  readonly validity?: string;
  readonly noticeTitle?: string;
  readonly noticeText?: string;
}

export interface PolicyDef {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly source: PolicySource;
  readonly effectiveFrom: string | null;
  readonly effectiveNote: string;
  readonly procedure: ProcedureParams;
  /** 执法领域 and 错误类型: what warnings and statistics count cases by. */
  readonly taxonomy: Taxonomy;
  /** The 不予容错 exclusion: which ground it is and which grounds still apply under it. */
  readonly exclusion: { readonly ground: GroundCode; readonly survives: readonly GroundCode[] };
  /** The guided interview's parameters; absent in a file that states none (defaults apply). */
  readonly interview?: InterviewParams;
  readonly chapters: readonly ChapterDef[];
}

/**
 * What the guided interview assumes before a fact is answered (issue 15): the chance that
 * a fact holds, used to order the questions by what they are expected to settle. It never
 * changes a determination, only the order of the questions.
 */
export interface InterviewParams {
  /** Between 0 and 1 exclusive; 0.2 when the file states none. */
  readonly defaultFactProbability: number;
  /**
   * How many of a unit's decided cases under the regime it takes before the interview
   * estimates the chances from them rather than from the default; 20 when the file states none.
   */
  readonly minimumDecidedCases?: number;
}
