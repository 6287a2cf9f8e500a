// What every paper of a case reads (the sources of application … service-receipt): the
// case row and its records, the snapshot under the case's own policy version, the organ
// of the case's unit and the deciding body, the officer, and the names the records
// mention. Authorisation is the caller's; this only reads.

import { organOf } from '../../../domain/account/unit-scope.ts';
import { todayInChina, type CalendarDate } from '../../../domain/calendar-date.ts';
import type { CaseDetermination } from '../../../domain/case/case-view.ts';
import {
  casePolicyOf,
  caseConclusion,
  decidingBodyName,
  provisionOfFact,
  type CaseBasics,
  type CaseConclusion,
  type CaseOrgan,
  type CasePolicy,
  type FoundFact,
} from '../../../domain/document/kinds/case-document-parts.ts';
import type { CompiledPolicy } from '../../../domain/policy/compile-policy.ts';
import type { NoticeTo } from '../../../domain/document/kinds/decision-notice.ts';
import { isAssessmentFactor } from '../../../domain/vocabulary.ts';
import type {
  AssessmentFactor,
  CaseOrigin,
  CaseState,
  DeadlineCounting,
  EnforcementAction,
  RecipientKind,
} from '../../../domain/vocabulary.ts';
import {
  caseRecords,
  namesOf,
  viewRowsFrom,
  type CaseRecords,
} from '../../../store/case-detail.queries.ts';
import { findCase } from '../../../store/case.repository.ts';
import { officerWithUnit } from '../../../store/document-case.queries.ts';
import type { CaseRow } from '../../../store/schema.ts';
import type { Conn } from '../../../store/transaction.ts';
import { unitLineage } from '../../../store/unit.repository.ts';
import type { AppContext } from '../../app-context.ts';
import { caseNotFound } from '../../case/case-actor.ts';
import { snapshotOf } from '../../case/case-snapshot.ts';

type NotificationRow = CaseRecords['notifications'][number];

export interface CasePapers {
  readonly row: CaseRow;
  readonly state: CaseState;
  readonly records: CaseRecords;
  readonly policy: CompiledPolicy;
  readonly determination: CaseDetermination;
  readonly organ: CaseOrgan;
  readonly casePolicy: CasePolicy;
  readonly basics: CaseBasics;
  /** Names of the units and people the records mention (recipients, reviewers, servers…). */
  readonly units: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, { name: string; badge: string | null }>;
}

export async function loadCasePapers(
  conn: Conn,
  ctx: AppContext,
  caseId: string,
): Promise<CasePapers> {
  const row = await findCase(conn, caseId);
  if (!row) throw caseNotFound();
  const [records, lineage, officer] = await Promise.all([
    caseRecords(conn, caseId),
    unitLineage(conn, row.unit_id),
    officerWithUnit(conn, row.officer_id),
  ]);
  if (lineage === null) throw new Error(`the unit of case ${row.id} does not exist`);
  const organId = organOf(lineage.units);
  const { policy, view } = snapshotOf(ctx, row, viewRowsFrom(records));
  const unitIds = [
    organId,
    ...records.notifications.filter((n) => n.recipient_kind === 'unit').map((n) => n.recipient),
  ];
  const userIds = [
    ...records.notifications.flatMap((n) => (n.sent_by === null ? [] : [n.sent_by])),
    ...records.recusals.map((r) => r.user_id),
    ...records.reviews.map((r) => r.reviewed_by),
  ];
  const { units, people } = await namesOf(conn, unitIds, userIds);
  const organName = units.get(organId) ?? '';
  return {
    row,
    state: view.state,
    records,
    policy,
    determination: view.determination,
    organ: {
      name: organName,
      decidingBody: decidingBodyName(policy.def.procedure.decidingBody.name, organName),
    },
    casePolicy: casePolicyOf(policy),
    basics: {
      id: row.id,
      unitId: row.unit_id,
      number: row.number,
      title: row.title,
      conduct: row.conduct,
      conductDate: row.conduct_date,
      conductEndDate: row.conduct_end_date,
      enforcementAction: row.enforcement_action as EnforcementAction,
      origin: row.origin as CaseOrigin,
      officer: {
        name: officer?.name ?? '',
        badge: officer?.badge ?? null,
        unitName: officer?.unitName ?? '',
      },
    },
    units,
    people,
  };
}

/** The day in China of an instant the store recorded. */
export function dayOf(at: Date): CalendarDate {
  return todayInChina(at);
}

/** The last audit event of the case with this action (case.accept…), if there is one. */
export function lastEvent(papers: CasePapers, action: string) {
  return papers.records.timeline.filter((e) => e.action === action).at(-1);
}

/** The facts recorded true, in the policy's order, each by its provision and note. */
export function factsFound(papers: CasePapers): FoundFact[] {
  const { policy } = papers;
  return papers.records.facts
    .filter((f) => f.value === true && policy.factIndex.has(f.fact_id))
    .sort((a, b) => policy.factIndex.get(a.fact_id)! - policy.factIndex.get(b.fact_id)!)
    .flatMap((f) => {
      const p = provisionOfFact(policy, f.fact_id);
      return p === null ? [] : [{ ...p, note: f.note }];
    });
}

/** The conclusion as the papers state it, by its ground under the case's determination. */
export function conclusionOf(papers: CasePapers, code: string): CaseConclusion {
  return caseConclusion(papers.policy, papers.determination, code);
}

/** The findings of 综合分析研判 recorded, by factor. */
export function assessmentsOf(papers: CasePapers): Partial<Record<AssessmentFactor, string>> {
  const out: Partial<Record<AssessmentFactor, string>> = {};
  for (const a of papers.records.assessments)
    if (isAssessmentFactor(a.factor)) out[a.factor] = a.finding;
  return out;
}

/** The explanation of a ground that held (explain.ts), as the reasons of a paper. */
export function reasonsFor(papers: CasePapers, code: string): string[] {
  const g = papers.determination.explanation.grounds.find((x) => x.code === code);
  return g !== undefined && g.state === 'holds' ? [g.text] : [];
}

/** The case's current decision (the latest row: a review that changed it appends one). */
export function currentDecision(papers: CasePapers) {
  return papers.records.decisions.at(-1);
}

/** The notifications as the papers name them: the officer's first, then each related unit's. */
export function noticesOf(papers: CasePapers): (NoticeTo & { readonly row: NotificationRow })[] {
  const rank = (kind: string) => (kind === 'party' ? 0 : 1);
  return [...papers.records.notifications]
    .sort((a, b) => rank(a.recipient_kind) - rank(b.recipient_kind))
    .map((n) => ({
      row: n,
      recipientKind: n.recipient_kind as RecipientKind,
      recipient:
        n.recipient_kind === 'party'
          ? papers.basics.officer.name
          : (papers.units.get(n.recipient) ?? ''),
      from: n.from_date,
      days: n.days,
      counting: n.counting as DeadlineCounting,
      due: n.due,
      extendedFrom: n.extended_from,
      extensionRest:
        n.extension_rest === 'holiday' || n.extension_rest === 'weekend' ? n.extension_rest : null,
    }));
}

/** Who is told of the decision: the officer, then each related unit, by name. */
export function recipientNames(papers: CasePapers): string[] {
  return noticesOf(papers).map((n) => n.recipient);
}

/** The related units told of the decision, by name. */
export function relatedUnitNames(papers: CasePapers): string[] {
  return noticesOf(papers)
    .filter((n) => n.recipientKind === 'unit')
    .map((n) => n.recipient);
}
