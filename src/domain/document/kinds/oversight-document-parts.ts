// What the papers of 纠错, 警示提醒 and 信访举报 share: the article they rest on with its
// text as the policy gives it, the 版头 and 落款 of the issuing unit, and the words of a
// time limit (三十个工作日, 按工作日计算) with the day it ends.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { articleCitation, chineseNumeral as itemNumeral } from '../../policy/citation.ts';
import type { PolicyDef } from '../../policy/policy-model.ts';
import { COUNTING_LABELS, type DeadlineCounting } from '../../vocabulary.ts';
import { chineseNumeral } from '../chinese-numerals.ts';
import type {
  DocumentBlock,
  DocumentHead,
  DocumentSignature,
  FormRow,
} from '../official-document.ts';

/** An article of the regime with its whole text, as the document quotes it. */
export interface PolicyArticle {
  readonly number: number;
  readonly text: string;
}

/** The regime a paper rests on: its title and the articles it cites. */
export interface PolicyBasis {
  readonly policyTitle: string;
  readonly articles: readonly PolicyArticle[];
}

/**
 * The article's text as the policy file holds it: its paragraphs in order, each with its
 * items （一）（二）… Throws for an article the version does not have: the procedure's
 * article numbers are checked when the policy compiles, so this is a programming error.
 */
export function policyArticle(def: PolicyDef, number: number): PolicyArticle {
  const article = def.chapters.flatMap((c) => c.articles).find((a) => a.number === number);
  if (article === undefined) throw new Error(`${def.id} v${def.version} has no article ${number}`);
  const text = article.paragraphs
    .map((p) => p.text + (p.items ?? []).map((i) => `（${itemNumeral(i.n)}）${i.text}`).join(''))
    .join('');
  return { number, text };
}

/** 第十六条、第十七条. */
export function citationsOf(articles: readonly PolicyArticle[]): string {
  return articles.map((a) => articleCitation(a.number)).join('、');
}

/** 《制度》第十七条规定：“……” as paragraphs, one per article. */
export function articleQuotes(basis: PolicyBasis): DocumentBlock[] {
  return basis.articles.map((a) => ({
    kind: 'paragraph',
    text: `《${basis.policyTitle}》${articleCitation(a.number)}规定：“${a.text}”`,
  }));
}

/** The issuing unit's 版头 (its name in red) with the 文号, for a numbered kind. */
export function unitHead(unitName: string, number: string | null): DocumentHead {
  return { organMark: unitName, number };
}

export function unitSignature(unitName: string, date: CalendarDate): DocumentSignature {
  return { organ: unitName, date };
}

/**
 * A count before a measure word: 两 for two (两项, 两个单位, 两日), as Chinese counts, not the
 * 二 of an ordinal (第二次) or of a larger number (十二, 二十).
 */
export function countNumeral(n: number): string {
  return n === 2 ? '两' : chineseNumeral(n);
}

/** 三十个工作日 / 十日: a time limit as a notice writes it. */
export function limitWords(days: number, counting: DeadlineCounting): string {
  return `${countNumeral(days)}${counting === 'working' ? '个工作日' : '日'}`;
}

/** What a rest day the last day of a limit fell on was. */
export type RestDayKind = 'holiday' | 'weekend';

export interface CountedLimit {
  readonly from: CalendarDate;
  readonly days: number;
  readonly counting: DeadlineCounting;
  readonly due: CalendarDate;
  /** The N-th day, when it was a rest day and the limit ran on to `due`; else null. */
  readonly movedFrom: CalendarDate | null;
  /** What that rest day was, where known. */
  readonly restDay: RestDayKind | null;
}

const REST_DAY_WORDS: Readonly<Record<RestDayKind | 'unknown', string>> = {
  holiday: '法定节假日',
  weekend: '休息日',
  unknown: '法定休假日',
};

/**
 * 三十个工作日（按工作日计算），自2026年3月2日之次日起算，至2026年4月14日届满; when the last day was a
 * rest day: …，第三十日（2026年10月7日）为法定节假日，顺延至2026年10月8日届满 (民法典第二百零三条).
 */
// Counted from the day after `from` (computeDeadline, as 民法典第二百零一条 counts a period
// in days): the words say so, as the case papers' 自…之次日起 do.
export function countedLimitText(limit: CountedLimit): string {
  const head = `${limitWords(limit.days, limit.counting)}（按${COUNTING_LABELS[limit.counting]}计算），自${formatChineseDate(limit.from)}之次日起算`;
  if (limit.movedFrom === null) return `${head}，至${formatChineseDate(limit.due)}届满`;
  const rest = REST_DAY_WORDS[limit.restDay ?? 'unknown'];
  return `${head}，期限的最后一日（${formatChineseDate(limit.movedFrom)}）为${rest}，顺延至${formatChineseDate(limit.due)}届满`;
}

/** 共三项 / 共二次: a count as a form writes it. */
export function countWords(n: number, unit: string): string {
  return `共${countNumeral(n)}${unit}`;
}

/** A form row of two label–value pairs side by side. */
export function pairRow(label: string, value: string, label2: string, value2: string): FormRow {
  return { label, value, label2, value2 };
}

/** The text with a full stop at its end, unless it already ends a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？；]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}
