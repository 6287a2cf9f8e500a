// The official documents of the procedure (issue 12), by their English ids as the API and
// `rongcuo document --kind` name them, with the Chinese title, what they are generated
// from, and the mark of their number series (文号) when the kind is numbered.

export const DOCUMENT_KINDS = [
  'application',
  'acceptance',
  'refusal',
  'investigation-report',
  'decision-record',
  'decision',
  'decision-notice',
  'service-receipt',
  'correction-notice',
  'extension-decision',
  'follow-up-record',
  'warning-notice',
  'report-feedback',
  'clearance-notice',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a document is generated from: a case, its correction, a warning or a report. */
export type DocumentOwner = 'case' | 'correction' | 'warning' | 'report';

/** The owners as their pages and messages name them. */
export const DOCUMENT_OWNER_LABELS: Readonly<Record<DocumentOwner, string>> = {
  case: '案件',
  correction: '纠错记录',
  warning: '警示提醒',
  report: '信访举报',
};

export interface DocumentKindDef {
  readonly title: string;
  readonly owner: DocumentOwner;
  /**
   * The mark between the unit's prefix and the year in the kind's 文号 (锡盟应急容决〔2026〕3号),
   * one series per unit, mark and year; null for a kind that is not numbered (forms, records).
   */
  readonly numberMark: string | null;
}

export const DOCUMENT_KIND_DEFS: Readonly<Record<DocumentKind, DocumentKindDef>> = {
  application: { title: '容错认定申请表', owner: 'case', numberMark: null },
  acceptance: { title: '受理通知书', owner: 'case', numberMark: '受' },
  refusal: { title: '不予受理通知书', owner: 'case', numberMark: '不受' },
  'investigation-report': { title: '调查核实报告', owner: 'case', numberMark: null },
  'decision-record': { title: '集体研究决定记录', owner: 'case', numberMark: null },
  decision: { title: '容错免责认定决定书', owner: 'case', numberMark: '决' },
  'decision-notice': { title: '认定结论告知书', owner: 'case', numberMark: '告' },
  'service-receipt': { title: '送达回证', owner: 'case', numberMark: null },
  'correction-notice': { title: '纠错通知书', owner: 'correction', numberMark: '纠' },
  'extension-decision': { title: '延长整改期限审批表', owner: 'correction', numberMark: null },
  'follow-up-record': { title: '整改情况跟踪记录', owner: 'correction', numberMark: null },
  'warning-notice': { title: '警示提醒函', owner: 'warning', numberMark: '警' },
  'report-feedback': { title: '信访举报处理结果反馈函', owner: 'report', numberMark: '复' },
  'clearance-notice': { title: '澄清正名通报', owner: 'report', numberMark: '澄' },
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The kinds generated from an owner, in the procedure's order. */
export function kindsOf(owner: DocumentOwner): DocumentKind[] {
  return DOCUMENT_KINDS.filter((k) => DOCUMENT_KIND_DEFS[k].owner === owner);
}
