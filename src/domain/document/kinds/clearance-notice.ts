// 澄清正名通报 (第十九条 及时通过适当方式在一定范围为其澄清和正名): the notice text each
// clearance of a report was decided with, as it was decided, one notice to a page; the
// scope, the methods and the findings are added only where a text written by the unit
// leaves them out. The text never names the reporter (src/domain/clearance/clearance-notice.ts).

import { formatChineseDate, type CalendarDate } from '../../calendar-date.ts';
import { clearanceNoticeTitle } from '../../clearance/clearance-notice.ts';
import {
  CLEARANCE_METHOD_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  type ClearanceMethod,
  type DisclosureScope,
} from '../../vocabulary.ts';
import type { DocumentBlock, OfficialDocument } from '../official-document.ts';
import { unitHead, unitSignature } from './oversight-document-parts.ts';

export interface ClearanceNoticeItem {
  /** The organ that issues the notice: the deciding unit's (the report's handling unit). */
  readonly unitName: string;
  /** The deciding unit's own name, as the decided text signs it. */
  readonly deciderName: string;
  readonly officerName: string;
  /** The 澄清正名通报 as decided. */
  readonly noticeText: string;
  readonly findings: string;
  readonly scope: DisclosureScope;
  readonly methods: readonly ClearanceMethod[];
  readonly decidedOn: CalendarDate;
}

export interface ClearanceNoticeInput {
  /** The report's decided clearances, at least one, in the order they are printed. */
  readonly clearances: readonly ClearanceNoticeItem[];
}

/** One notice, split into the parts of a page. */
interface NoticeParts {
  readonly title: string;
  readonly addressee: string | null;
  readonly body: DocumentBlock[];
}

/**
 * The notice text's lines as parts: its first line is the title when it is the notice's
 * title; a line ending in a colon before the first paragraph is the addressee; the unit's
 * name and the date at the end are the 落款, which the document places itself.
 */
function partsOf(c: ClearanceNoticeItem): NoticeParts {
  const lines = c.noticeText
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let title = clearanceNoticeTitle(c.officerName);
  if (lines[0] !== undefined && /通报$/.test(lines[0])) title = lines.shift()!;
  let addressee: string | null = null;
  if (lines[0] !== undefined && /[：:]$/.test(lines[0])) addressee = lines.shift()!.slice(0, -1);
  const date = formatChineseDate(c.decidedOn);
  while (lines.length > 0 && [c.unitName, c.deciderName, date].includes(lines[lines.length - 1]!))
    lines.pop();
  const text = lines.join('');
  const body: DocumentBlock[] = lines.map((l) => ({ kind: 'paragraph', text: l }));
  const added: string[] = [];
  if (!text.includes(c.findings.trim().replace(/[。！？；]$/, '')))
    added.push(`澄清的事实和结论：${c.findings.trim()}`);
  const methods = c.methods.map((m) => CLEARANCE_METHOD_LABELS[m]);
  if (!text.includes(DISCLOSURE_SCOPE_LABELS[c.scope]) || methods.some((m) => !text.includes(m)))
    added.push(`澄清范围：${DISCLOSURE_SCOPE_LABELS[c.scope]}；澄清方式：${methods.join('、')}。`);
  body.push(...added.map((t): DocumentBlock => ({ kind: 'paragraph', text: t })));
  return { title, addressee, body };
}

export function buildClearanceNotice(
  input: ClearanceNoticeInput,
  number: string | null,
): OfficialDocument {
  const [first, ...others] = input.clearances;
  if (first === undefined) throw new Error('a clearance notice needs a decided clearance');
  const last = others[others.length - 1] ?? first;
  const notices = input.clearances.map(partsOf);
  const body: DocumentBlock[] = [];
  notices.forEach((n, i) => {
    const c = input.clearances[i]!;
    if (i > 0) {
      body.push({ kind: 'page-break' });
      body.push({ kind: 'paragraph', text: [{ text: n.title, bold: true }], align: 'centre' });
      if (n.addressee !== null)
        body.push({ kind: 'paragraph', text: `${n.addressee}：`, indent: false });
    }
    body.push(...n.body);
    // Each notice but the last is signed where it ends; the last by the document's 落款.
    if (i < notices.length - 1) {
      body.push({ kind: 'paragraph', text: c.unitName, align: 'right' });
      body.push({ kind: 'paragraph', text: formatChineseDate(c.decidedOn), align: 'right' });
    }
  });
  return {
    kind: 'clearance-notice',
    title: notices[0]!.title,
    head: unitHead(first.unitName, number),
    numberLine: null,
    addressee: notices[0]!.addressee,
    body,
    attachments: [],
    signature: unitSignature(last.unitName, last.decidedOn),
    record: null,
    asOf: input.clearances.map((c) => c.decidedOn).reduce((a, b) => (a > b ? a : b)),
  };
}
