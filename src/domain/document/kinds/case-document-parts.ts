// What the documents of a case (申请表 to 送达回证) share: the organ that issues them and the
// body that decides, the case and the officer as every paper names them, the policy by
// its title and version, and the citation of a provision with its own text. Written once
// here so that no two papers of one case can name these differently.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { conclusionCitation } from '../../case/conclusion-citation.ts';
import type { CaseDetermination } from '../../case/case-view.ts';
import type { CompiledPolicy } from '../../policy/compile-policy.ts';
import { factOf } from '../../policy/compile-policy.ts';
import type { TimeLimit } from '../../policy/policy-model.ts';
import { outcomeLabel } from '../../policy/policy-model.ts';
import {
  ASSESSMENT_FACTORS,
  ASSESSMENT_FACTOR_LABELS,
  CASE_ORIGIN_LABELS,
  COUNTING_LABELS,
  ENFORCEMENT_ACTION_LABELS,
  type AssessmentFactor,
  type CaseOrigin,
  type DeadlineCounting,
  type EnforcementAction,
} from '../../vocabulary.ts';
import { chineseNumeral } from '../chinese-numerals.ts';
import type { FormRow } from '../official-document.ts';

/** The organ a case's papers are issued by, and the body that decides on the case. */
export interface CaseOrgan {
  /** 本单位: the organ of the case's unit (a 科室 issues nothing of its own), e.g. 锡林郭勒盟应急管理局. */
  readonly name: string;
  /** The deciding body (第十四条), e.g. 锡林郭勒盟应急管理局党委. */
  readonly decidingBody: string;
}

/**
 * The deciding body's name: the policy's, where one beginning 本级 (本级应急管理部门党委)
 * means the organ's own 党委 or 党组; a body the policy names outright is kept as it is.
 */
export function decidingBodyName(policyBody: string, organ: string): string {
  const name = policyBody.trim();
  if (!name.startsWith('本级')) return name;
  const body = /(党委|党组)$/.exec(name)?.[1];
  return `${organ}${body ?? name.slice('本级'.length)}`;
}

/** 印发机关: the organ's office (办公室), as the 版记 of a 决定书 names it. */
export function officeOf(organ: string): string {
  return `${organ}办公室`;
}

/** The policy a case is decided under: its title, issuer and the version pinned to the case. */
export interface CasePolicy {
  readonly title: string;
  readonly issuer: string;
  readonly version: number;
}

export function casePolicyOf(policy: CompiledPolicy): CasePolicy {
  return { title: policy.def.title, issuer: policy.def.source.issuer, version: policy.version };
}

/** 《锡林郭勒盟应急管理系统行政执法尽职免责和容错纠错制度》（第一版）. */
export function policyName(policy: CasePolicy): string {
  return `《${policy.title}》（第${chineseNumeral(policy.version)}版）`;
}

/** The case and the officer as the papers name them. */
export interface CaseBasics {
  /** The case's id and unit, which its papers' numbers are kept for and issued by. */
  readonly id: string;
  readonly unitId: string;
  /** 案号, e.g. 锡盟应急容〔2026〕5号. */
  readonly number: string;
  readonly title: string;
  readonly conduct: string;
  readonly conductDate: CalendarDate;
  readonly conductEndDate: CalendarDate | null;
  readonly enforcementAction: EnforcementAction;
  readonly origin: CaseOrigin;
  readonly officer: {
    readonly name: string;
    /** 执法证号; null when the officer has none. */
    readonly badge: string | null;
    readonly unitName: string;
  };
}

/** 2025年11月3日, or 2025年11月3日至2025年11月20日 for a conduct over a period. */
export function conductPeriodText(c: Pick<CaseBasics, 'conductDate' | 'conductEndDate'>): string {
  const start = formatChineseDate(c.conductDate);
  return c.conductEndDate === null || c.conductEndDate === c.conductDate
    ? start
    : `${start}至${formatChineseDate(c.conductEndDate)}`;
}

/** The officer as a paper introduces them: 王强（执法证号：15250123001），综合行政执法大队. */
export function officerText(c: CaseBasics): string {
  const badge = c.officer.badge === null ? '' : `（执法证号：${c.officer.badge}）`;
  return `${c.officer.name}${badge}，${c.officer.unitName}`;
}

/** The rows of a form that name the case (案号, 事项, 执法人员, 履职行为…). */
export function caseFormRows(c: CaseBasics): FormRow[] {
  return [
    { label: '案号', value: c.number, label2: '案件来源', value2: CASE_ORIGIN_LABELS[c.origin] },
    { label: '事项', value: c.title },
    {
      label: '执法人员',
      value: c.officer.name,
      label2: '执法证号',
      value2: c.officer.badge ?? '无',
    },
    { label: '所在单位', value: c.officer.unitName },
    {
      label: '执法行为类别',
      value: ENFORCEMENT_ACTION_LABELS[c.enforcementAction],
      label2: '履职时间',
      value2: conductPeriodText(c),
    },
    { label: '履职行为', value: c.conduct },
  ];
}

/** A provision of the policy: its citation (第十条第（三）项) and its own words. */
export interface Provision {
  readonly citation: string;
  readonly text: string;
}

/** 第十条第（三）项“依据检验……审查职责的”: the citation with the provision's text, quoted. */
export function provisionText(p: Provision): string {
  return `${p.citation}“${p.text.replace(/[；;。，,：:]+$/u, '')}”`;
}

/**
 * The provision a fact stands for: an item's (or its 但书's) whole text, or for a condition
 * read from a paragraph (第四条, 第十三条) that paragraph's text; null for a fact the
 * policy does not have.
 */
export function provisionOfFact(policy: CompiledPolicy, factId: string): Provision | null {
  const fact = factOf(policy, factId);
  if (fact === undefined) return null;
  const article = policy.def.chapters
    .flatMap((c) => c.articles)
    .find((a) => a.number === fact.article);
  const paragraphs = article?.paragraphs ?? [];
  if (fact.kind === 'condition') {
    const paragraph = paragraphs.find((p) => p.facts?.some((f) => f.fact === fact.id));
    return { citation: fact.citation, text: paragraph?.text ?? fact.text };
  }
  const itemFact = fact.kind === 'exception' ? fact.id.replace(/\.x$/u, '') : fact.id;
  const item = paragraphs.flatMap((p) => p.items ?? []).find((i) => i.fact === itemFact);
  return { citation: fact.citation, text: item?.text ?? fact.text };
}

/**
 * The provisions a conclusion rests on: the facts of its ground as the engine found them
 * (the engine's basis when the conclusion is its outcome), one per citation; empty when
 * no ground of that code held (无容错免责情形, or a departure to a ground that did not).
 */
export function conclusionProvisions(
  policy: CompiledPolicy,
  determination: Pick<CaseDetermination, 'outcome' | 'basis' | 'grounds'>,
  conclusion: string,
): Provision[] {
  const basis =
    determination.outcome === conclusion
      ? determination.basis
      : (determination.grounds.find((g) => g.code === conclusion)?.basis ?? []);
  const seen = new Set<string>();
  const out: Provision[] = [];
  for (const id of basis) {
    const p = provisionOfFact(policy, id);
    if (p === null || seen.has(p.citation)) continue;
    seen.add(p.citation);
    out.push(p);
  }
  return out;
}

/** A conclusion as the papers state it: its label, and the citation it rests on, if any. */
export interface CaseConclusion {
  readonly code: string;
  readonly label: string;
  /** 第十条第（三）项 (conclusionCitation); null when the conclusion rests on no ground. */
  readonly citation: string | null;
  readonly provisions: readonly Provision[];
}

export function caseConclusion(
  policy: CompiledPolicy,
  determination: CaseDetermination,
  conclusion: string,
): CaseConclusion {
  return {
    code: conclusion,
    label: outcomeLabel(conclusion),
    citation: conclusionCitation(policy, determination, conclusion),
    provisions: conclusionProvisions(policy, determination, conclusion),
  };
}

/** 依据《制度》（第一版）第十条第（三）项“……”之规定; the policy alone when there is no provision. */
export function groundText(policy: CasePolicy, conclusion: CaseConclusion): string {
  if (conclusion.provisions.length === 0) return `依据${policyName(policy)}`;
  return `依据${policyName(policy)}${conclusion.provisions.map(provisionText).join('、')}之规定`;
}

/** A time limit as the papers write it: 七日内（自然日）, 五日内（工作日）. */
export function limitWords(days: number, counting: DeadlineCounting): string {
  return `${chineseNumeral(days)}日内（${COUNTING_LABELS[counting]}）`;
}

/** 自告知之次日起十五日内（自然日）: the limit counted from the day after its trigger. */
export function limitFrom(trigger: string, limit: Pick<TimeLimit, 'days' | 'counting'>): string {
  return `自${trigger}之次日起${limitWords(limit.days, limit.counting)}`;
}

/** The facts found true, each by its provision, with the investigator's note. */
export interface FoundFact extends Provision {
  readonly note: string | null;
}

/** A reason or opinion as a sentence: trimmed, ending in a full stop unless it ends in one. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；…]$/u.test(t) ? t : `${t}。`;
}

/** 主观方面：无故意或重大过失；客观条件方面：……: the findings recorded, in the article's order. */
export function assessmentText(
  assessments: Readonly<Partial<Record<AssessmentFactor, string>>>,
): string | null {
  const parts = ASSESSMENT_FACTORS.flatMap((f) => {
    const finding = assessments[f]?.trim().replace(/[。；;，,]+$/u, '');
    return finding ? [`${ASSESSMENT_FACTOR_LABELS[f]}方面，${finding}`] : [];
  });
  return parts.length === 0 ? null : `${parts.join('；')}。`;
}
