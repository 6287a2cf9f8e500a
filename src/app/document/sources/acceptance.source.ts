// 受理通知书: an application once accepted; dated the day of the accept step.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildAcceptance,
  type AcceptanceInput,
} from '../../../domain/document/kinds/acceptance.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { dayOf, lastEvent, loadCasePapers } from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS.acceptance.title;

export const acceptanceSource: DocumentSource<AcceptanceInput> = {
  kind: 'acceptance',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    if (papers.basics.origin !== 'application')
      throw notApplicable(TITLE, '本案由单位启动，无需受理');
    const accepted = lastEvent(papers, 'case.accept');
    if (papers.state === 'submitted' || accepted === undefined)
      throw notApplicable(TITLE, papers.state === 'refused' ? '申请已不予受理' : '申请尚未受理');
    return {
      organ: papers.organ,
      policy: papers.casePolicy,
      case: papers.basics,
      appliedOn: dayOf(papers.row.created_at),
      acceptedOn: dayOf(accepted.at),
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    subjectId: input.case.id,
    on: input.acceptedOn,
  }),
  build: buildAcceptance,
};
