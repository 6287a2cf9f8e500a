// 认定结论告知书: one notice to each recipient of the current decision's notifications, in
// one file; dated the meeting's day, from which each notice's time limit counts.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildDecisionNotice,
  type DecisionNoticeInput,
} from '../../../domain/document/kinds/decision-notice.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { conclusionOf, currentDecision, loadCasePapers, noticesOf } from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['decision-notice'].title;

export const decisionNoticeSource: DocumentSource<DecisionNoticeInput> = {
  kind: 'decision-notice',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    const decision = currentDecision(papers);
    if (decision === undefined) throw notApplicable(TITLE, '尚未作出认定决定');
    const { procedure } = papers.policy.def;
    return {
      organ: papers.organ,
      policy: papers.casePolicy,
      case: papers.basics,
      meetingDate: decision.meeting_date,
      conclusion: conclusionOf(papers, decision.conclusion),
      notificationArticle: procedure.notification.article,
      objection: procedure.objection,
      notices: noticesOf(papers).map(({ row: _row, ...notice }) => notice),
      decisionId: decision.id,
      onReview: decision.on_review,
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    // Per decision row, as the 决定书: a review's changed conclusion is a new 告知书.
    subjectId: input.decisionId,
    on: input.meetingDate,
  }),
  build: buildDecisionNotice,
};
