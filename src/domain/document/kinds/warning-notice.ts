// 警示提醒函 (第十八条 对同一类问题频繁出现或者同一领域集中出现的易错情形……警示提醒): to the
// units a warning is addressed to, the recurring error it counted (the rule's kind, its
// threshold and months), the cases behind it by number, the article, and what to do.

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { assertNever } from '../../assert-never.ts';
import { articleCitation } from '../../policy/citation.ts';
import { WARNING_RULE_KIND_LABELS, type WarningRuleKind } from '../../vocabulary.ts';
import type { OfficialDocument } from '../official-document.ts';
import {
  articleQuotes,
  countNumeral,
  countWords,
  unitHead,
  unitSignature,
  type PolicyBasis,
} from './oversight-document-parts.ts';

export interface WarningNoticeInput {
  /** The issuing unit. */
  readonly issuerName: string;
  /** The units the warning is addressed to, by name. */
  readonly recipients: readonly string[];
  readonly kind: WarningRuleKind;
  /** The error type's label (same_error_type_in_unit) or the field's (same_field_across_units). */
  readonly subject: string;
  /** The unit whose errors recur, for same_error_type_in_unit; null for a field's warning. */
  readonly unitName: string | null;
  /** The rule's numbers when it fired. */
  readonly threshold: number;
  readonly months: number;
  /** The decision days of its first and last case. */
  readonly windowFrom: CalendarDate;
  readonly windowTo: CalendarDate;
  /** The day it was raised, in China: the letter's date. */
  readonly raisedOn: CalendarDate;
  /** The cases behind it, oldest decision first. */
  readonly cases: readonly {
    readonly number: string;
    readonly unitName: string;
    readonly decidedOn: CalendarDate;
  }[];
  /** The article on 易错情形. */
  readonly basis: PolicyBasis;
}

/** What the rule counts, in the words of its threshold: 三次 / 三个单位. */
function measured(kind: WarningRuleKind, n: number): string {
  switch (kind) {
    case 'same_error_type_in_unit':
      return `${countNumeral(n)}次`;
    case 'same_field_across_units':
      return `${countNumeral(n)}个单位`;
    default:
      return assertNever(kind);
  }
}

function finding(input: WarningNoticeInput): string {
  const period = `${formatChineseDate(input.windowFrom)}至${formatChineseDate(input.windowTo)}`;
  const rule = `警示规则“${WARNING_RULE_KIND_LABELS[input.kind]}”（${countNumeral(input.months)}个月内${measured(input.kind, input.threshold)}）`;
  const cases = `案件${countWords(input.cases.length, '件')}`;
  switch (input.kind) {
    case 'same_error_type_in_unit':
      return (
        `经统计，${period}，${input.unitName ?? ''}经集体研究作出认定的案件中，“${input.subject}”类问题` +
        `出现${measured(input.kind, input.cases.length)}（${cases}），达到${rule}的警示标准，属于同一类问题频繁出现的易错情形。`
      );
    case 'same_field_across_units': {
      const units = new Set(input.cases.map((c) => c.unitName)).size;
      return (
        `经统计，${period}，“${input.subject}”领域有${measured(input.kind, units)}经集体研究作出认定的案件中` +
        `出现执法问题（${cases}），达到${rule}的警示标准，属于同一领域集中出现的易错情形。`
      );
    }
    default:
      return assertNever(input.kind);
  }
}

export function buildWarningNotice(
  input: WarningNoticeInput,
  number: string | null,
): OfficialDocument {
  const article = input.basis.articles[0];
  const cited = article === undefined ? '' : articleCitation(article.number);
  return {
    kind: 'warning-notice',
    title: '警示提醒函',
    head: unitHead(input.issuerName, number),
    numberLine: null,
    addressee: input.recipients.join('、'),
    body: [
      { kind: 'paragraph', text: finding(input) },
      {
        kind: 'paragraph',
        text: `根据《${input.basis.policyTitle}》${cited}的规定，现予警示提醒。`,
      },
      { kind: 'heading', level: 1, text: '一、所涉案件' },
      {
        kind: 'table',
        header: ['序号', '案件编号', '承办单位', '认定日期'],
        rows: input.cases.map((c, i) => [
          String(i + 1),
          c.number,
          c.unitName,
          formatChineseDate(c.decidedOn),
        ]),
        widths: [1, 5, 4, 3],
      },
      { kind: 'heading', level: 1, text: '二、有关要求' },
      {
        kind: 'paragraph',
        text:
          '请针对上述易错情形认真研究分析，找出易错风险点和问题症结，制定针对性的防范措施，' +
          '加强执法人员教育培训和执法监督，防止类似错误和问题重复发生。',
      },
      {
        kind: 'paragraph',
        text: '请收到本函后及时签收，并报告拟采取的防范措施。',
      },
      { kind: 'heading', level: 1, text: '三、依据' },
      ...articleQuotes(input.basis),
    ],
    attachments: [],
    signature: unitSignature(input.issuerName, input.raisedOn),
    record: null,
    asOf: input.raisedOn,
  };
}
