// What the investigation writes into a case without moving it: facts and evidence while
// investigating (调查核实), the six-factor assessment while assessing (综合分析研判,
// 第十四条). Each check changes nothing; the app layer writes the record when it passes.

import type { CaseRole } from '../account/roles.ts';
import { CHECK_OK, isBlank, refusal, type CaseCheck } from './case-errors.ts';
import { mayActInRole, recusalRefusal } from './case-access.ts';
import type { Actor, CaseView } from './case-view.ts';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPE_NAMES,
  isEvidenceType,
  normalizeContentType,
} from './evidence.ts';
import {
  ASSESSMENT_FACTOR_LABELS,
  CASE_STATE_LABELS,
  isAssessmentFactor,
  type CaseState,
} from '../vocabulary.ts';

export type RecordKind = 'fact' | 'evidence' | 'assessment';

export const RECORD_LABELS: Readonly<Record<RecordKind, string>> = {
  fact: '记录事实',
  evidence: '上传证据',
  assessment: '记录综合分析研判',
};

/** The one state each kind of record may be written in. */
export const RECORD_STATES: Readonly<Record<RecordKind, CaseState>> = {
  fact: 'investigating',
  evidence: 'investigating',
  assessment: 'assessing',
};

export const RECORD_KINDS = Object.keys(RECORD_STATES) as readonly RecordKind[];

/** Who keeps the records: the investigator responsible for the case. */
export const RECORD_KEEPER: CaseRole = 'investigator';

/** Role, unit and state: who may write this kind of record now. */
export function checkRecordAccess(caseView: CaseView, actor: Actor, kind: RecordKind): CaseCheck {
  if (!mayActInRole(caseView, actor, RECORD_KEEPER, 'record')) {
    const recused = recusalRefusal(caseView, actor, [RECORD_KEEPER]);
    if (recused) return { ok: false, error: recused };
    return refusal('FORBIDDEN', `只有负责本案的调查人员可以${RECORD_LABELS[kind]}`);
  }
  if (caseView.state !== RECORD_STATES[kind]) {
    return refusal(
      'INVALID_TRANSITION',
      `案件${CASE_STATE_LABELS[caseView.state]}，只有在${CASE_STATE_LABELS[RECORD_STATES[kind]]}时才能${RECORD_LABELS[kind]}`,
    );
  }
  return CHECK_OK;
}

/**
 * The states before the decision, in which the officer who applied may add evidence to
 * the application: what the unit investigates and the deciding body weighs (第十四条) is
 * the application with all it brings, until the decision is made.
 */
export const APPLICANT_EVIDENCE_STATES: readonly CaseState[] = [
  'submitted',
  'investigating',
  'assessing',
  'awaiting_decision',
];

/** Whether the actor is the officer who applied for this determination. */
function isApplicant(caseView: CaseView, actor: Actor): boolean {
  return (
    caseView.origin === 'application' &&
    caseView.applicantId === actor.id &&
    mayActInRole(caseView, actor, 'officer', 'record')
  );
}

/**
 * Who may attach evidence now: the record keeper while investigating, and the applicant
 * before the decision. The applicant's is a right, not a task: the record keeper's
 * checkRecordAccess alone says what is someone's work on the case (worklist, next step).
 */
export function checkEvidenceAccess(caseView: CaseView, actor: Actor): CaseCheck {
  const keeper = checkRecordAccess(caseView, actor, 'evidence');
  if (keeper.ok || !isApplicant(caseView, actor)) return keeper;
  if (APPLICANT_EVIDENCE_STATES.includes(caseView.state)) return CHECK_OK;
  return refusal(
    'INVALID_TRANSITION',
    `案件${CASE_STATE_LABELS[caseView.state]}，申请人只能在作出决定前补充证据`,
  );
}

/** The kinds of record the actor may write now, for the interface. */
export function allowedRecords(caseView: CaseView, actor: Actor): readonly RecordKind[] {
  return recordsAllowedDespite(recordRefusals(caseView, actor));
}

/** The kinds of record no refusal stands against. */
export function recordsAllowedDespite(
  refusals: Partial<Record<RecordKind, string>>,
): readonly RecordKind[] {
  return RECORD_KINDS.filter((kind) => refusals[kind] === undefined);
}

/** Why the actor may not write each other kind of record now, for the interface to say. */
export function recordRefusals(
  caseView: CaseView,
  actor: Actor,
): Partial<Record<RecordKind, string>> {
  const refusals: Partial<Record<RecordKind, string>> = {};
  for (const kind of RECORD_KINDS) {
    const check =
      kind === 'evidence'
        ? checkEvidenceAccess(caseView, actor)
        : checkRecordAccess(caseView, actor, kind);
    if (!check.ok) refusals[kind] = check.error.message;
  }
  return refusals;
}

/**
 * A fact finding (事实认定). Whether the fact id and value are valid for the case's policy
 * is the determination contract's check (`checkInput`: UNKNOWN_FACT, INVALID_FACT_VALUE).
 */
export function checkRecordFact(caseView: CaseView, actor: Actor): CaseCheck {
  return checkRecordAccess(caseView, actor, 'fact');
}

export interface AssessmentInput {
  readonly factor: string;
  readonly finding: string;
}

/** One factor of 综合分析研判 (第十四条), each a non-empty text finding. */
export function checkRecordAssessment(
  caseView: CaseView,
  actor: Actor,
  input: AssessmentInput,
): CaseCheck {
  const access = checkRecordAccess(caseView, actor, 'assessment');
  if (!access.ok) return access;
  if (!isAssessmentFactor(input.factor)) {
    return refusal('INVALID_INPUT', `不是综合分析研判的要素：${String(input.factor)}`);
  }
  if (isBlank(input.finding)) {
    return refusal(
      'FINDING_REQUIRED',
      `请填写“${ASSESSMENT_FACTOR_LABELS[input.factor]}”的分析意见`,
    );
  }
  return CHECK_OK;
}

export interface EvidenceInput {
  /** As declared by the upload; the adapter should also check the bytes' signature. */
  readonly contentType: string;
  /** Bytes. */
  readonly size: number;
  /** The fact the file bears on, if any: a link only the record keeper makes. */
  readonly factId?: string | null;
}

/** A file of evidence: its type is one of the allowed ones and it is at most 20 MiB. */
export function checkAttachEvidence(
  caseView: CaseView,
  actor: Actor,
  input: EvidenceInput,
): CaseCheck {
  const access = checkEvidenceAccess(caseView, actor);
  if (!access.ok) return access;
  if (
    input.factId !== undefined &&
    input.factId !== null &&
    !checkRecordAccess(caseView, actor, 'evidence').ok
  ) {
    return refusal('FORBIDDEN', '只有负责本案的调查人员可以将证据关联到事实');
  }
  const type = typeof input.contentType === 'string' ? normalizeContentType(input.contentType) : '';
  if (!isEvidenceType(type)) {
    return refusal(
      'EVIDENCE_TYPE_NOT_ALLOWED',
      `证据文件须为 ${EVIDENCE_TYPE_NAMES} 格式：${String(input.contentType)}`,
    );
  }
  if (!Number.isSafeInteger(input.size) || input.size < 0) {
    return refusal('INVALID_INPUT', `文件大小无效：${String(input.size)}`);
  }
  if (input.size > EVIDENCE_MAX_BYTES) {
    return refusal('EVIDENCE_TOO_LARGE', `证据文件不能超过 20 MiB：${input.size} 字节`);
  }
  return CHECK_OK;
}
