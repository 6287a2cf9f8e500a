// 容错免责认定决定书: the case's current decision, issued under the organ's 版头 and signed
// by the deciding body on the meeting's day.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import { buildDecision, type DecisionInput } from '../../../domain/document/kinds/decision.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { outcomeLabel } from '../../../domain/policy/policy-model.ts';
import {
  assessmentsOf,
  conclusionOf,
  currentDecision,
  factsFound,
  loadCasePapers,
  relatedUnitNames,
} from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS.decision.title;

export const decisionSource: DocumentSource<DecisionInput> = {
  kind: 'decision',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    const decision = currentDecision(papers);
    if (decision === undefined) throw notApplicable(TITLE, '尚未作出认定决定');
    return {
      organ: papers.organ,
      policy: papers.casePolicy,
      case: papers.basics,
      factsFound: factsFound(papers),
      meetingDate: decision.meeting_date,
      conclusion: conclusionOf(papers, decision.conclusion),
      assessments: assessmentsOf(papers),
      engineLabel: decision.engine_outcome === null ? null : outcomeLabel(decision.engine_outcome),
      departureReason: decision.departure_reason,
      objection: papers.policy.def.procedure.objection,
      relatedUnits: relatedUnitNames(papers),
      decisionId: decision.id,
      onReview: decision.on_review,
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    // Per decision row: a review that changes the conclusion is a new 决定书 with its own 文号.
    subjectId: input.decisionId,
    on: input.meetingDate,
  }),
  build: buildDecision,
};
