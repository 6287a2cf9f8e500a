// 不予受理通知书: an application refused; the reason is the one recorded with the refusal.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import { buildRefusal, type RefusalInput } from '../../../domain/document/kinds/refusal.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { dayOf, lastEvent, loadCasePapers } from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS.refusal.title;

export const refusalSource: DocumentSource<RefusalInput> = {
  kind: 'refusal',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    const refused = lastEvent(papers, 'case.refuse');
    if (papers.state !== 'refused' || refused === undefined)
      throw notApplicable(TITLE, '本案申请未被不予受理');
    const data = refused.data as { reason?: unknown };
    return {
      organ: papers.organ,
      policy: papers.casePolicy,
      case: papers.basics,
      appliedOn: dayOf(papers.row.created_at),
      refusedOn: dayOf(refused.at),
      reason: typeof data.reason === 'string' ? data.reason : '',
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    subjectId: input.case.id,
    on: input.refusedOn,
  }),
  build: buildRefusal,
};
