// Publication within a scope (一定范围内公开, 第十四条): the text a publication shows is its
// own, composed from the case (the matter, the conduct in summary, the conclusion with
// its ground and citation, the deciding body and date) and redacted of personal
// information (redaction.ts). The secretary may edit it before publishing; the text
// published is checked again, and the raw case text is never published.

import { formatChineseDate, type CalendarDate } from '../calendar-date.ts';
import {
  findPersonalInformation,
  PERSONAL_INFORMATION_LABELS,
  positionText,
  redact,
  type KnownPersons,
  type RedactedText,
} from './redaction.ts';

/** What the draft is composed from, as the app layer reads it off the case. */
export interface PublicationSource {
  readonly number: string;
  readonly title: string;
  readonly conduct: string;
  readonly officerName: string | null;
  /** The unit the case belongs to (the officer's section or bureau). */
  readonly caseUnitName: string;
  /** The organ whose 党委/党组 decided, e.g. 锡林郭勒盟应急管理局. */
  readonly organName: string;
  /** The policy's deciding body, e.g. 本级应急管理部门党委: its last word names the body. */
  readonly decidingBody: string;
  readonly policyTitle: string;
  /** The committee's current conclusion; null before the decision. */
  readonly decision: {
    readonly conclusionLabel: string;
    /** 第X条第（Y）项 of the ground the conclusion rests on, when the case shows it. */
    readonly citation: string | null;
    readonly meetingDate: CalendarDate;
  } | null;
  /** The people the case names, whose names and numbers are hidden wherever they appear. */
  readonly known: KnownPersons;
}

/** The conduct in summary: its first sentences, up to about 300 characters. */
export const CONDUCT_SUMMARY_LENGTH = 300;

export function summarize(text: string, length = CONDUCT_SUMMARY_LENGTH): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= length) return flat;
  const head = chars.slice(0, length).join('');
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'));
  return end >= length / 2 ? head.slice(0, end + 1) : `${head}……`;
}

/** 本级应急管理部门党委 → 党委; the organ's own body is named with it. */
function bodyOf(source: PublicationSource): string {
  const word = /(党委|党组)$/.exec(source.decidingBody.trim())?.[1];
  return word ? `${source.organName}${word}` : source.organName;
}

/** The draft of the publication's text, redacted, with where each mask is. */
export function composePublication(source: PublicationSource): RedactedText {
  const { decision } = source;
  const officer = source.officerName?.trim() ? source.officerName.trim() : '（姓名隐去）';
  const ground =
    decision === null
      ? '尚未作出'
      : decision.citation
        ? `${decision.conclusionLabel}（依据《${source.policyTitle}》${decision.citation}）`
        : decision.conclusionLabel;
  const lines = [
    `关于“${source.title.trim()}”认定结果的公示`,
    '',
    `案号：${source.number}`,
    `事项：${source.title.trim()}`,
    `执法人员：${officer}（${source.caseUnitName}）`,
    `履职行为：${summarize(source.conduct)}`,
    `认定结论：${ground}`,
    `决定机关：${bodyOf(source)}`,
    `决定日期：${decision === null ? '—' : formatChineseDate(decision.meetingDate)}`,
  ];
  return redact(lines.join('\n'), source.known);
}

/** The text a secretary submits, as it is kept: line ends unified, outer blanks trimmed. */
export function normalizePublicationText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * Why a text may not be published as it is: each piece of personal information, its kind
 * and where (第2行第5字), shown masked; null when there is none.
 */
export function personalInformationMessage(text: string, known: KnownPersons): string | null {
  const found = findPersonalInformation(text, known);
  if (found.length === 0) return null;
  const where = found
    .slice(0, 5)
    .map(
      (f) =>
        `${positionText(text, f.start)}起疑似${PERSONAL_INFORMATION_LABELS[f.kind]}（${f.masked}）`,
    );
  const more = found.length > 5 ? `等 ${found.length} 处` : '';
  return `公示文本含有个人信息，请删除或隐去后再公开：${where.join('；')}${more}`;
}
