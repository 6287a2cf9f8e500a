// Reports in the API's shape (src/contract/report.schemas.ts): labels, the feedback limit
// in words, the people by name. The reporter's identity is never read here: a report's
// row carries no sealed identity (report.repository.ts), only whether it is named.

import type { FeedbackWatch, ReportReading } from '../../app/report/report-reads.ts';
import type { ReportDetail, ReportSummary } from '../../contract/report.schemas.ts';
import { articleCitation } from '../../domain/policy/citation.ts';
import { outcomeLabel } from '../../domain/policy/policy-model.ts';
import { deadlineText } from '../../domain/deadline/deadline-text.ts';
import { nextReportStep } from '../../domain/report/report-machine.ts';
import { REPORT_STEP_LABELS, type ReportAction } from '../../domain/report/report-actions.ts';
import { CLEARANCE_BASIS_LABELS } from '../../domain/clearance/clearance-machine.ts';
import {
  CLEARANCE_STATE_LABELS,
  DEADLINE_STATUS_LABELS,
  DISCLOSURE_SCOPE_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  MALICE_KIND_LABELS,
  REPORT_CHANNEL_LABELS,
  REPORT_FINDING_LABELS,
  REPORT_STATE_LABELS,
  limitText,
  type ClearanceState,
  type DisclosureScope,
  type FeedbackChannel,
  type MaliceKind,
  type ReportChannel,
  type ReportFinding,
  type ReportState,
} from '../../domain/vocabulary.ts';
import { iso } from '../route-kit.ts';

type SummaryRow = Pick<
  ReportRow,
  | 'id'
  | 'number'
  | 'unit_id'
  | 'unit_name'
  | 'received_on'
  | 'channel'
  | 'named'
  | 'state'
  | 'finding'
  | 'feedback_due'
  | 'case_id'
  | 'version'
>;

type ReportRow = ReportReading['row'];

const named = (id: string, name: string) => ({ id, name });

export function presentReportSummary(
  row: SummaryRow,
  officers: readonly { readonly id: string; readonly name: string }[],
  caseNumber: string | null,
  watch: FeedbackWatch,
): ReportSummary {
  const state = row.state as ReportState;
  const channel = row.channel as ReportChannel;
  const finding = row.finding as ReportFinding | null;
  return {
    id: row.id,
    number: row.number,
    unit: named(row.unit_id, row.unit_name),
    receivedOn: row.received_on,
    channel,
    channelLabel: REPORT_CHANNEL_LABELS[channel],
    named: row.named,
    officers: officers.map((o) => named(o.id, o.name)),
    state,
    stateLabel: REPORT_STATE_LABELS[state],
    finding,
    findingLabel: finding === null ? null : REPORT_FINDING_LABELS[finding],
    feedbackDue: row.feedback_due,
    dueStatus: watch.dueStatus,
    dueStatusLabel: watch.dueStatus === null ? null : DEADLINE_STATUS_LABELS[watch.dueStatus],
    daysLeft: watch.daysLeft,
    caseId: row.case_id,
    caseNumber,
    ...presentNextStep(nextReportStep({ state, named: row.named, finding })),
    version: row.version,
  };
}

function presentNextStep(step: ReportAction | null) {
  return { nextStep: step, nextStepLabel: step === null ? null : REPORT_STEP_LABELS[step] };
}

function presentFinding(reading: ReportReading): ReportDetail['finding'] {
  const { row, records } = reading;
  if (row.finding === null || row.found_on === null) return null;
  const finding = row.finding as ReportFinding;
  const malice = row.malice as MaliceKind | null;
  const decided = records.cases.find((c) => c.id === row.decided_case_id);
  return {
    finding,
    findingLabel: REPORT_FINDING_LABELS[finding],
    reasons: row.finding_reasons ?? '',
    foundOn: row.found_on,
    malice,
    maliceLabel: malice === null ? null : MALICE_KIND_LABELS[malice],
    decidedCase:
      decided === undefined
        ? null
        : {
            id: decided.id,
            number: decided.number,
            conclusion: decided.conclusion,
            conclusionLabel: decided.conclusion === null ? null : outcomeLabel(decided.conclusion),
          },
  };
}

function presentClosing(row: ReportRow, withheld: boolean): ReportDetail['closing'] {
  if (row.closed_on === null) return null;
  const channel = row.feedback_channel as FeedbackChannel | null;
  const scope = row.explanation_scope as DisclosureScope | null;
  return {
    closedOn: row.closed_on,
    feedback:
      channel === null
        ? null
        : {
            channel,
            channelLabel: FEEDBACK_CHANNEL_LABELS[channel],
            content: withheld ? null : (row.feedback_content ?? ''),
            lateReason: withheld ? null : row.late_reason,
          },
    explanation:
      scope === null
        ? null
        : {
            scope,
            scopeLabel: DISCLOSURE_SCOPE_LABELS[scope],
            content: row.explanation_content ?? '',
          },
    closeReason: row.close_reason,
  };
}

export function presentReport(reading: ReportReading): ReportDetail {
  const { row, records, policy } = reading;
  const { feedback, article } = policy.def.procedure.reports;
  const linked = records.cases.find((c) => c.id === row.case_id);
  return {
    ...presentReportSummary(row, reading.officers, linked?.number ?? null, reading),
    summary: row.summary,
    createdBy: named(records.createdBy.id, records.createdBy.display_name),
    createdAt: iso(row.created_at),
    attachments: records.attachments.map((a, i) => ({
      id: a.id,
      fileName: reading.withheld ? `举报材料${i + 1}` : a.filename,
      contentType: a.content_type,
      sha256: a.sha256,
      size: a.size,
      uploadedAt: iso(a.uploaded_at),
      uploadedBy: named(a.by_id, a.by_name),
    })),
    finding: presentFinding(reading),
    closing: presentClosing(row, reading.withheld),
    referral:
      row.referred_on === null
        ? null
        : {
            referredOn: row.referred_on,
            referredTo: row.referred_to ?? '',
            note: reading.withheld ? null : row.referral_note,
          },
    reporter: { named: row.named, readable: reading.identityReadable },
    withheld: reading.withheld,
    clearances: reading.clearances.map((c) => ({
      id: c.id,
      officer: named(c.officer_id, c.officer_name),
      state: c.state,
      stateLabel: CLEARANCE_STATE_LABELS[c.state as ClearanceState] ?? c.state,
      decidedOn: c.decided_on,
    })),
    clearanceOffer: presentClearanceOffer(reading),
    actions: [...reading.allowedActions],
    policy: {
      id: policy.id,
      version: policy.version,
      article: articleCitation(article),
      feedbackDays: feedback.days,
      feedbackCounting: feedback.counting,
      feedbackLimitText: limitText(feedback.days, feedback.counting),
      feedbackCountingText:
        reading.feedbackDeadline === null ? null : deadlineText(reading.feedbackDeadline),
      feedbackNote: feedback.note ?? null,
    },
    today: reading.today,
  };
}

function presentClearanceOffer({ clearanceOffer: offer, officers }: ReportReading) {
  if (offer === null) return null;
  return {
    basis: offer.basis,
    basisLabel: CLEARANCE_BASIS_LABELS[offer.basis],
    officers: officers.filter((o) => offer.officerIds.includes(o.id)),
  };
}
