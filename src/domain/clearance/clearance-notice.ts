// The 澄清正名通报: the text a unit issues to clear an officer's name (第十九条), written from
// the decision. It says who is cleared, by which unit, what kind of accusation it was (in
// general terms: the report's own words may carry what identifies its author), what was
// found, the article it rests on, and where and how the name is cleared. It never names
// the reporter, and is given nothing that could: no identity, no channel, no summary.

import { formatChineseDate, type CalendarDate } from '../calendar-date.ts';
import { articleCitation } from '../policy/citation.ts';
import {
  CLEARANCE_METHOD_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  MALICE_KIND_LABELS,
  REPORT_FINDING_LABELS,
  type ClearanceMethod,
  type DisclosureScope,
  type MaliceKind,
} from '../vocabulary.ts';

export interface ClearanceNoticeFacts {
  /** The unit that decides the clearance: the report's handling unit. */
  readonly unitName: string;
  readonly officerName: string;
  /** The day the report was received: the notice says the month only. */
  readonly receivedOn: CalendarDate;
  readonly finding: 'untrue' | 'unfounded' | 'tolerated';
  readonly malice: MaliceKind | null;
  /** The decided case a tolerated finding rests on (its number). */
  readonly decidedCaseNumber: string | null;
  /** 澄清的事实和结论, as the decision states them. */
  readonly findings: string;
  readonly scope: DisclosureScope;
  readonly methods: readonly ClearanceMethod[];
  readonly decidedOn: CalendarDate;
  /** The policy's article on reports and clearances (procedure.reports.article). */
  readonly article: number;
  readonly policyTitle: string;
}

/** A paragraph's first-line indent: two ideographic spaces, as official documents have it. */
const INDENT = '\u3000\u3000';

/** Whom the notice is addressed to, by the scope it is issued in. */
const ADDRESSEE: Readonly<Record<DisclosureScope, string>> = {
  unit: '本单位各科室（队、所）、全体干部职工：',
  system: '本系统各单位：',
  public: '',
};

function month(date: CalendarDate): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

function endWithStop(text: string): string {
  const trimmed = text.trim();
  return /[。！？；]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/** The notice's title. */
export function clearanceNoticeTitle(officerName: string): string {
  return `关于为${officerName}同志澄清正名的通报`;
}

/** The whole notice: title, addressee, body, the unit and the date. */
export function clearanceNoticeText(facts: ClearanceNoticeFacts): string {
  const who = `${facts.officerName}同志`;
  const received = `${month(facts.receivedOn)}，${facts.unitName}收到反映${who}在履行行政执法职责中存在问题的举报。`;
  const found =
    facts.finding === 'tolerated'
      ? `经调查核实，举报所涉${who}的有关行为，已经本单位依照规定认定予以容错免责${
          facts.decidedCaseNumber === null ? '' : `（${facts.decidedCaseNumber}）`
        }。`
      : `经调查核实，举报反映的问题${REPORT_FINDING_LABELS[facts.finding]}${
          facts.malice === null ? '' : `，属${MALICE_KIND_LABELS[facts.malice]}`
        }。`;
  const asked = facts.finding === 'tolerated' ? `经${who}本人申请，` : '';
  const methods = facts.methods.map((m) => CLEARANCE_METHOD_LABELS[m]).join('、');
  const decided =
    `根据《${facts.policyTitle}》${articleCitation(facts.article)}的规定，${asked}` +
    `经研究，决定在${DISCLOSURE_SCOPE_LABELS[facts.scope]}范围内，以${methods}的方式为${who}澄清正名，` +
    '消除不良影响，保护干部干事创业的积极性。';
  const lines = [
    clearanceNoticeTitle(facts.officerName),
    '',
    ...(ADDRESSEE[facts.scope] === '' ? [] : [ADDRESSEE[facts.scope]]),
    `${INDENT}${received}${found}`,
    `${INDENT}${endWithStop(facts.findings)}`,
    `${INDENT}${decided}`,
    `${INDENT}特此通报。`,
    '',
    facts.unitName,
    formatChineseDate(facts.decidedOn),
  ];
  return lines.join('\n');
}
