// 纠错通知书 (第十六、十七条): the unit tells the officer why the work is corrected (纠错事由),
// what to correct (纠错事项, numbered), what it requires or advises, who is responsible and
// by when (整改期限: its days, how they are counted, the due date and whether it ran on
// past a rest day), as the notice was issued.

import type { CalendarDate } from '../../calendar-date.ts';
import { articleCitation } from '../../policy/citation.ts';
import type { DeadlineCounting } from '../../vocabulary.ts';
import type { OfficialDocument } from '../official-document.ts';
import {
  articleQuotes,
  citationsOf,
  countedLimitText,
  countWords,
  sentence,
  unitHead,
  unitSignature,
  type PolicyBasis,
  type RestDayKind,
} from './oversight-document-parts.ts';

export interface CorrectionNoticeInput {
  /** The issuing unit: the case's unit. */
  readonly unitName: string;
  /** 纠错对象. */
  readonly officerName: string;
  readonly caseNumber: string;
  readonly caseTitle: string;
  /** 纠错事由. */
  readonly reason: string;
  /** 纠错事项, in their order. */
  readonly items: readonly string[];
  /** 纠错要求或者建议. */
  readonly requirements: string;
  /** 责任科室或个人. */
  readonly responsible: string;
  readonly days: number;
  readonly counting: DeadlineCounting;
  readonly notifiedOn: CalendarDate;
  /** The due date the notice set (an approved extension later moves the correction's). */
  readonly due: CalendarDate;
  /** The N-th day, when it fell on a rest day and the deadline moved past it. */
  readonly extendedFrom: CalendarDate | null;
  readonly restDay: RestDayKind | null;
  /** Whether the regime lets the officer ask for more time (第十七条). */
  readonly extensionAllowed: boolean;
  /** The article that opens a correction, then the one on its requirements and deadline. */
  readonly basis: PolicyBasis;
}

export function buildCorrectionNotice(
  input: CorrectionNoticeInput,
  number: string | null,
): OfficialDocument {
  const deadline = countedLimitText({
    from: input.notifiedOn,
    days: input.days,
    counting: input.counting,
    due: input.due,
    movedFrom: input.extendedFrom,
    restDay: input.restDay,
  });
  const last = input.basis.articles[input.basis.articles.length - 1];
  const extension = input.extensionAllowed
    ? `因特殊情况难以在规定期限内完成的，可以在期限届满前依照${
        last === undefined ? '' : articleCitation(last.number)
      }的规定申请适当延长整改期限。`
    : '';
  return {
    kind: 'correction-notice',
    title: '纠错通知书',
    head: unitHead(input.unitName, number),
    numberLine: null,
    addressee: `${input.officerName}同志`,
    body: [
      {
        kind: 'paragraph',
        text:
          `${input.caseNumber}“${input.caseTitle}”一案已经作出认定。根据《${input.basis.policyTitle}》` +
          `${citationsOf(input.basis.articles)}的规定，本单位决定对该案启动纠错程序，现将有关事项通知如下：`,
      },
      { kind: 'heading', level: 1, text: '一、纠错事由' },
      { kind: 'paragraph', text: sentence(input.reason) },
      { kind: 'heading', level: 1, text: '二、纠错事项' },
      { kind: 'paragraph', text: `纠错事项${countWords(input.items.length, '项')}：` },
      {
        kind: 'table',
        header: ['序号', '纠错事项'],
        rows: input.items.map((text, i) => [String(i + 1), text]),
        widths: [1, 7],
      },
      { kind: 'heading', level: 1, text: '三、纠错要求或者建议' },
      { kind: 'paragraph', text: sentence(input.requirements) },
      { kind: 'heading', level: 1, text: '四、责任科室或个人' },
      { kind: 'paragraph', text: sentence(input.responsible) },
      { kind: 'heading', level: 1, text: '五、整改期限' },
      { kind: 'paragraph', text: `整改期限为${deadline}。` },
      {
        kind: 'paragraph',
        text: `请在规定期限内完成纠错整改，认真分析原因、汲取教训，并书面报告整改情况。${extension}`,
      },
      { kind: 'heading', level: 1, text: '六、依据' },
      ...articleQuotes(input.basis),
    ],
    attachments: [],
    signature: unitSignature(input.unitName, input.notifiedOn),
    record: null,
    asOf: input.notifiedOn,
  };
}
