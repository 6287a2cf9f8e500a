// A case in the API's shape, as its reader sees it: records named and labelled, the
// engine's determinations with the citations of what is missing, each unsent notice's
// deadline against today in China, and what the forms of the case page need, from the
// domain's own rules (closing, outcomes, publication with the name redacted).

import type { CaseReadOptions, CaseReading } from '../../app/case/case-detail.ts';
import type { CaseDetermination } from '../../contract/case-determination.schemas.ts';
import type { CaseDetail, CaseNotification } from '../../contract/case.schemas.ts';
import { factValueLabel } from '../../contract/labels.ts';
import { closeNeedsReason } from '../../domain/case/case-guards.ts';
import {
  outcomeCodesOf,
  type CaseDetermination as DomainDetermination,
} from '../../domain/case/case-view.ts';
import { presentDraft } from '../publication/publication.presenter.ts';
import { daysBetween, deadlineStatus } from '../../domain/deadline/deadline-watch.ts';
import { articleCitation } from '../../domain/policy/citation.ts';
import { factOf, type CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { GROUND_LABELS, outcomeLabel } from '../../domain/policy/policy-model.ts';
import { iso, isoOrNull } from '../route-kit.ts';
import { presentTimeline } from './case-timeline.presenter.ts';
import {
  presentDelivery,
  presentFairnessForms,
  presentRecusals,
  presentReviews,
} from './fairness.presenter.ts';
import { presentClassification } from './classification.presenter.ts';
import { presentNextStep } from './next-step.presenter.ts';
import {
  ASSESSMENT_FACTORS,
  ASSESSMENT_FACTOR_LABELS,
  CASE_ORIGIN_LABELS,
  CASE_STATE_LABELS,
  CORRECTION_STATE_LABELS,
  ENFORCEMENT_ACTION_LABELS,
  OBJECTION_RESULT_LABELS,
  isCorrectionState,
  limitText,
  type EnforcementAction,
  type ObjectionResult,
} from '../../domain/vocabulary.ts';

/**
 * What the request asks beyond the case (CaseReadQuery): the interview's next question. A
 * write's query may carry the same `include`; one without a schema for it is read as text.
 */
export function caseReadOptions(query: unknown): CaseReadOptions {
  const include =
    typeof query === 'object' && query !== null ? (query as { include?: unknown }).include : null;
  return { nextQuestion: include === 'nextQuestion' };
}

function label(code: string | null): string | null {
  return code === null ? null : outcomeLabel(code);
}

function citationOf(policy: CompiledPolicy, factId: string): string {
  return factOf(policy, factId)?.citation ?? factId;
}

function presentDetermination(policy: CompiledPolicy, d: DomainDetermination): CaseDetermination {
  return {
    policy: d.policy,
    policyVersion: d.policyVersion,
    asOf: d.asOf,
    status: d.status,
    outcome: d.outcome,
    outcomeLabel: label(d.outcome),
    basis: [...d.basis],
    citation: d.citation,
    grounds: d.grounds.map((g) => ({ code: g.code, basis: [...g.basis], blocked: g.blocked })),
    missing: [...d.missing],
    missingCitations: d.missing.map((f) => citationOf(policy, f)),
    explanation: {
      summary: d.explanation.summary,
      grounds: d.explanation.grounds.map((g) => ({ ...g })),
    },
  };
}

function presentNotifications(reading: CaseReading, officerName: string): CaseNotification[] {
  const { records, names, today } = reading;
  return records.notifications.map((n) => {
    const counting = n.counting === 'working' ? 'working' : 'calendar';
    return {
      id: n.id,
      recipientKind: n.recipient_kind === 'unit' ? 'unit' : 'party',
      recipient: n.recipient,
      recipientName:
        n.recipient_kind === 'unit'
          ? (names.units.get(n.recipient) ?? n.recipient)
          : `当事人 ${officerName}`.trim(),
      fromDate: n.from_date,
      days: n.days,
      counting,
      due: n.due,
      ...presentDelivery(n),
      provisional: n.provisional,
      sentOn: n.sent_on,
      deadlineStatus: n.sent_at === null ? deadlineStatus(n.due, today) : null,
      daysLeft: daysBetween(today, n.due),
    };
  });
}

export function presentCase(reading: CaseReading): CaseDetail {
  const { snapshot, records, names, live } = reading;
  const { row, policy, view } = snapshot;
  const { procedure } = policy.def;
  const officer = names.people.get(row.officer_id);
  const officerName = officer?.name ?? '';
  const recorded = row.determination as DomainDetermination | null;
  const conclusion = view.decision?.conclusion ?? null;
  const factOrder = (id: string) => policy.factIndex.get(id) ?? Number.MAX_SAFE_INTEGER;
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    state: view.state,
    stateLabel: CASE_STATE_LABELS[view.state],
    origin: view.origin,
    originLabel: CASE_ORIGIN_LABELS[view.origin],
    unit: { id: row.unit_id, name: names.units.get(row.unit_id) ?? '' },
    officer: { id: row.officer_id, displayName: officerName, badgeNumber: officer?.badge ?? null },
    applicantId: row.applicant_id,
    title: row.title,
    conduct: row.conduct,
    conductDate: row.conduct_date,
    conductEndDate: row.conduct_end_date,
    enforcementAction: row.enforcement_action,
    enforcementActionLabel:
      ENFORCEMENT_ACTION_LABELS[row.enforcement_action as EnforcementAction] ??
      row.enforcement_action,
    policy: { id: policy.id, version: policy.version, title: policy.def.title },
    classification: presentClassification(reading),
    objectionDue: row.objection_due,
    createdAt: iso(row.created_at),
    facts: [...records.facts]
      .sort((a, b) => factOrder(a.fact_id) - factOrder(b.fact_id))
      .map((f) => {
        const fact = factOf(policy, f.fact_id);
        return {
          factId: f.fact_id,
          citation: fact?.citation ?? f.fact_id,
          text: fact?.text ?? '',
          value: f.value,
          valueLabel: factValueLabel(f.value),
          note: f.note,
          recordedBy: f.recorded_by,
          recordedAt: iso(f.recorded_at),
        };
      }),
    evidence: records.evidence.map((e) => ({
      id: e.id,
      factId: e.fact_id,
      factCitation: e.fact_id === null ? null : citationOf(policy, e.fact_id),
      filename: e.filename,
      contentType: e.content_type,
      size: e.size,
      sha256: e.sha256,
      uploadedBy: e.uploaded_by,
      uploadedByName: names.people.get(e.uploaded_by)?.name ?? '',
      uploadedAt: iso(e.uploaded_at),
    })),
    assessment: ASSESSMENT_FACTORS.map((factor) => {
      const found = records.assessments.find((a) => a.factor === factor);
      return {
        factor,
        label: ASSESSMENT_FACTOR_LABELS[factor],
        finding: found?.finding ?? null,
        recordedAt: found ? iso(found.recorded_at) : null,
      };
    }),
    evaluation: {
      ...presentDetermination(policy, live),
      nextQuestion: reading.nextQuestion
        ? {
            ...reading.nextQuestion,
            probabilities: { ...reading.nextQuestion.probabilities },
          }
        : null,
      interviewOrder: reading.interviewOrder ? [...reading.interviewOrder] : null,
    },
    determination: recorded ? presentDetermination(policy, recorded) : null,
    decisions: records.decisions.map((d) => ({
      id: d.id,
      meetingDate: d.meeting_date,
      members: d.members,
      conclusion: d.conclusion,
      conclusionLabel: label(d.conclusion) ?? d.conclusion,
      engineOutcome: d.engine_outcome,
      engineOutcomeLabel: label(d.engine_outcome),
      departureReason: d.departure_reason,
      onReview: d.on_review,
      recusedMembers: d.recused_members.map((m) => ({ name: m.name, reason: m.reason })),
      decidedAt: iso(d.decided_at),
    })),
    notifications: presentNotifications(reading, officerName),
    recusals: presentRecusals(reading),
    reviews: presentReviews(reading),
    publications: records.publications.map((p) => ({
      id: p.id,
      scope: p.scope,
      publishedOn: p.published_on,
      publishedAt: iso(p.published_at),
      text: p.text,
      periodEnd: p.period_end,
    })),
    objections: records.objections.map((o) => {
      const result = o.result as ObjectionResult | null;
      return {
        id: o.id,
        reason: o.reason,
        due: o.due,
        raisedOn: o.raised_on,
        raisedAt: iso(o.raised_at),
        result,
        resultLabel: result === null ? '待复核' : OBJECTION_RESULT_LABELS[result],
        reviewedOn: o.reviewed_on,
      };
    }),
    corrections: records.corrections.map((c) => ({
      id: c.id,
      article: c.article,
      citation: articleCitation(c.article),
      state: c.state,
      stateLabel: isCorrectionState(c.state) ? CORRECTION_STATE_LABELS[c.state] : c.state,
      openedAt: iso(c.opened_at),
      notifiedOn: c.notified_on,
      due: c.due,
      closedOn: c.closed_on,
      lessons: lessonsOf(records.correctionClosings, c.id),
    })),
    enforcementErrorRecords: records.errorRecords.map((r) => ({
      id: r.id,
      officerId: r.officer_id,
      article: r.article,
      citation: articleCitation(r.article),
      createdAt: iso(r.created_at),
      revokedAt: isoOrNull(r.revoked_at),
    })),
    timeline: presentTimeline(reading),
    allowedActions: [...reading.allowedActions],
    allowedRecords: [...reading.allowedRecords],
    recordRefusals: { ...reading.recordRefusals },
    forms: {
      today: reading.today,
      closeNeedsReason: closeNeedsReason(view),
      outcomes: outcomeCodesOf(policy).map((code) => ({ value: code, label: GROUND_LABELS[code] })),
      engineOutcome: view.determination.outcome,
      conclusion,
      fairness: presentFairnessForms(reading),
      publication: {
        scopes: [...procedure.publication.scopes],
        defaultScope: procedure.publication.defaultScope,
        draft: reading.publicationDraft === null ? null : presentDraft(reading.publicationDraft),
        periodText: limitText(
          procedure.publication.period.days,
          procedure.publication.period.counting,
        ),
      },
    },
    nextStep: presentNextStep(reading),
  };
}

/** The lessons of a closed correction (第十七条), or null while it is not closed. */
function lessonsOf(
  closings: readonly { correction_id: string; cause_analysis: string; improvements: string }[],
  correctionId: string,
) {
  const closing = closings.find((c) => c.correction_id === correctionId);
  return closing === undefined
    ? null
    : { causeAnalysis: closing.cause_analysis, improvements: closing.improvements };
}
