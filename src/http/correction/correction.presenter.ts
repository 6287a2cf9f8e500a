// Corrections in the API's shape (src/contract/correction.schemas.ts): labels, citations,
// the deadline's words, and the people by name.

import type { CorrectionReading, DueWatch } from '../../app/correction/correction-reads.ts';
import type { CorrectionDetail, CorrectionSummary } from '../../contract/correction.schemas.ts';
import { MAX_CORRECTION_ITEMS } from '../../contract/correction.schemas.ts';
import {
  CORRECTION_ACTION_LABELS,
  type CorrectionAction,
} from '../../domain/correction/correction-actions.ts';
import { noticeDeadlineText } from '../../domain/correction/correction-deadline.ts';
import { articleCitation } from '../../domain/policy/citation.ts';
import {
  CORRECTION_STATE_LABELS,
  DEADLINE_STATUS_LABELS,
  EXTENSION_STATE_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  FOLLOW_UP_METHODS,
  limitText,
  type CorrectionState,
  type DeadlineCounting,
  type ExtensionState,
  type FollowUpMethod,
} from '../../domain/vocabulary.ts';
import { iso } from '../route-kit.ts';

interface SummaryRow {
  readonly id: string;
  readonly case_id: string;
  readonly case_number: string;
  readonly case_title: string;
  readonly officer_id: string;
  readonly officer_name: string;
  readonly unit_id: string;
  readonly unit_name: string;
  readonly state: string;
  readonly notified_on: string | null;
  readonly due: string | null;
  readonly closed_on: string | null;
  readonly version: number;
}

export function presentCorrectionSummary(
  row: SummaryRow,
  watch: DueWatch & { readonly pendingExtension: boolean; readonly todo: CorrectionAction | null },
): CorrectionSummary {
  const state = row.state as CorrectionState;
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    caseTitle: row.case_title,
    officer: { id: row.officer_id, name: row.officer_name },
    unit: { id: row.unit_id, name: row.unit_name },
    state,
    stateLabel: CORRECTION_STATE_LABELS[state],
    notifiedOn: row.notified_on,
    due: row.due,
    dueStatus: watch.dueStatus,
    dueStatusLabel: watch.dueStatus === null ? null : DEADLINE_STATUS_LABELS[watch.dueStatus],
    daysLeft: watch.daysLeft,
    closedOn: row.closed_on,
    pendingExtension: watch.pendingExtension,
    todo: watch.todo === null ? null : CORRECTION_ACTION_LABELS[watch.todo],
    todoAction: watch.todo,
    version: row.version,
  };
}

const someone = (id: string, name: string) => ({ id, name });

export function presentCorrection(reading: CorrectionReading): CorrectionDetail {
  const { row, records, policy } = reading;
  const { procedure } = policy.def;
  const {
    notice,
    items,
    reports,
    evidence,
    extensions,
    followUps,
    completions,
    sendBacks,
    closing,
  } = records;
  const state = row.state as CorrectionState;
  const claim = completions.at(-1);
  const showsClaim =
    claim !== undefined && (state === 'completion_claimed' || state === 'completed');
  return {
    ...presentCorrectionSummary(row, {
      dueStatus: reading.dueStatus,
      daysLeft: reading.daysLeft,
      pendingExtension: reading.pendingExtensionId !== null,
      todo: null,
    }),
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    citations: {
      correction: articleCitation(row.article),
      details: articleCitation(procedure.correction.detailsArticle),
      followUp: articleCitation(procedure.followUp.article),
    },
    openedAt: iso(row.opened_at),
    notice:
      notice === undefined
        ? null
        : {
            reason: notice.reason,
            items: items.map((i) => ({ id: i.id, text: i.text, done: i.done, note: i.note })),
            requirements: notice.requirements,
            responsible: notice.responsible,
            days: notice.days,
            counting: notice.counting as DeadlineCounting,
            countingText: noticeDeadlineText({
              from: notice.notified_on,
              days: notice.days,
              counting: notice.counting as DeadlineCounting,
              due: notice.due,
              extendedFrom: notice.extended_from,
            }),
            notifiedOn: notice.notified_on,
            due: notice.due,
            issuedBy: someone(notice.issued_by, notice.by_name),
          },
    progressReports: reports.map((r) => ({
      id: r.id,
      reportedOn: r.reported_on,
      text: r.text,
      itemIds: r.item_ids,
      by: someone(r.reported_by, r.by_name),
      evidence: evidence
        .filter((e) => e.report_id === r.id)
        .map((e) => ({ id: e.id, fileName: e.filename, size: e.size })),
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      reason: e.reason,
      requestedDue: e.requested_due,
      requestedOn: e.requested_on,
      requestedBy: someone(e.requested_by, e.requested_by_name),
      state: e.state as ExtensionState,
      stateLabel: EXTENSION_STATE_LABELS[e.state as ExtensionState],
      decidedOn: e.decided_on,
      newDue: e.new_due,
      decisionReason: e.decision_reason,
      decidedBy: e.decided_by === null ? null : someone(e.decided_by, e.decided_by_name ?? ''),
    })),
    followUps: followUps.map((f) => ({
      id: f.id,
      method: f.method as FollowUpMethod,
      methodLabel: FOLLOW_UP_METHOD_LABELS[f.method as FollowUpMethod],
      checkedOn: f.checked_on,
      findings: f.findings,
      by: someone(f.recorded_by, f.by_name),
    })),
    completion: showsClaim
      ? {
          summary: claim.summary,
          claimedOn: claim.claimed_on,
          by: someone(claim.claimed_by, claim.by_name),
        }
      : null,
    sendBacks: sendBacks.map((s) => ({
      reason: s.reason,
      on: s.sent_back_on,
      by: someone(s.sent_back_by, s.by_name),
    })),
    closing:
      closing === undefined
        ? null
        : {
            closedOn: closing.closed_on,
            result: closing.result,
            causeAnalysis: closing.cause_analysis,
            improvements: closing.improvements,
            by: someone(closing.closed_by, closing.by_name),
          },
    allowedActions: [...reading.allowedActions],
    forms: {
      today: reading.today,
      defaultDays: procedure.correction.deadline.days,
      counting: procedure.correction.deadline.counting,
      defaultLimitText: limitText(
        procedure.correction.deadline.days,
        procedure.correction.deadline.counting,
      ),
      extensionAllowed: procedure.correction.extensionAllowed,
      pendingExtensionId: reading.pendingExtensionId,
      followUpMethods: FOLLOW_UP_METHODS.map((value) => ({
        value,
        label: FOLLOW_UP_METHOD_LABELS[value],
      })),
      maxItems: MAX_CORRECTION_ITEMS,
    },
  };
}
