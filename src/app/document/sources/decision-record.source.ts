// 集体研究决定记录: the meeting of the case's current decision (the latest decisions row),
// with the reviews and recusals recorded before it; dated the meeting's day.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildDecisionRecord,
  type DecisionRecordInput,
  type ReviewOpinion,
} from '../../../domain/document/kinds/decision-record.ts';
import { isCodeOf, isReviewKind, RECUSAL_KIND_LABELS } from '../../../domain/vocabulary.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import {
  conclusionOf,
  currentDecision,
  loadCasePapers,
  recipientNames,
} from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['decision-record'].title;

export const decisionRecordSource: DocumentSource<DecisionRecordInput> = {
  kind: 'decision-record',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    const decision = currentDecision(papers);
    if (decision === undefined) throw notApplicable(TITLE, '尚未作出认定决定');
    const { records, people } = papers;
    const nameOf = (id: string) => people.get(id)?.name ?? '';
    return {
      organ: papers.organ,
      policy: papers.casePolicy,
      case: papers.basics,
      meetingDate: decision.meeting_date,
      members: decision.members,
      recusedMembers: decision.recused_members,
      caseRecusals: records.recusals.flatMap((r) =>
        isCodeOf(RECUSAL_KIND_LABELS, r.kind)
          ? [{ name: nameOf(r.user_id), kind: r.kind, reason: r.reason }]
          : [],
      ),
      reviews: records.reviews.flatMap((r): ReviewOpinion[] =>
        isReviewKind(r.kind)
          ? [
              {
                kind: r.kind,
                opinion: r.opinion,
                agrees: r.agrees,
                reviewedOn: r.reviewed_on,
                reviewer: nameOf(r.reviewed_by),
              },
            ]
          : [],
      ),
      engine:
        decision.engine_outcome === null ? null : conclusionOf(papers, decision.engine_outcome),
      conclusion: conclusionOf(papers, decision.conclusion),
      departureReason: decision.departure_reason,
      onReview: decision.on_review,
      recipients: recipientNames(papers),
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    subjectId: input.case.id,
    on: input.meetingDate,
  }),
  build: buildDecisionRecord,
};
