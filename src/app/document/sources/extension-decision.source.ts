// 延长整改期限审批表 from a correction: the latest decided extension request, with the due
// date in force when it was asked (the notice's, or the one an earlier approval set).

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildExtensionDecision,
  type ExtensionDecisionInput,
} from '../../../domain/document/kinds/extension-decision.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { basisOf, correctionRows } from './oversight-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['extension-decision'].title;

export type ExtensionDecisionSourceInput = ExtensionDecisionInput & {
  readonly unitId: string;
  readonly extensionId: string;
};

export const extensionDecisionSource: DocumentSource<ExtensionDecisionSourceInput> = {
  kind: 'extension-decision',
  async load(conn, ctx, ownerId) {
    const { row, records, policy, organName } = await correctionRows(conn, ctx, ownerId);
    const notice = records.notice;
    if (notice === undefined) throw notApplicable(TITLE, '该纠错尚未下发纠错通知');
    // In the order asked; the paper is the latest decided one's.
    const asked = records.extensions;
    const decided = asked.filter((e) => e.state !== 'pending' && e.decided_on !== null);
    const extension = decided[decided.length - 1];
    if (extension === undefined) throw notApplicable(TITLE, '该纠错没有已审批的延长整改期限申请');
    const index = asked.indexOf(extension);
    const approvedBefore = asked
      .slice(0, index)
      .filter((e) => e.state === 'approved' && e.new_due !== null);
    const dueBefore = approvedBefore[approvedBefore.length - 1]?.new_due ?? notice.due;
    return {
      unitId: row.unit_id,
      extensionId: extension.id,
      unitName: organName,
      officerName: row.officer_name,
      caseNumber: row.case_number,
      caseTitle: row.case_title,
      notifiedOn: notice.notified_on,
      dueBefore,
      sequence: index + 1,
      request: {
        reason: extension.reason,
        requestedDue: extension.requested_due,
        requestedOn: extension.requested_on,
        requestedBy: extension.requested_by_name,
      },
      decision: {
        approved: extension.state === 'approved',
        newDue: extension.new_due,
        reason: extension.decision_reason,
        decidedOn: extension.decided_on!,
        decidedBy: extension.decided_by_name ?? '',
      },
      basis: basisOf(policy, [policy.def.procedure.correction.detailsArticle]),
    };
  },
  numbering: (input) => ({
    unitId: input.unitId,
    subjectId: input.extensionId,
    on: input.decision.decidedOn,
  }),
  build: (input, number) => buildExtensionDecision(input, number),
};
