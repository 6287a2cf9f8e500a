// 容错认定申请表: only a case the officer applied for (origin `application`) has one.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildApplication,
  type ApplicationInput,
} from '../../../domain/document/kinds/application.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { dayOf, loadCasePapers } from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS.application.title;

export const applicationSource: DocumentSource<ApplicationInput> = {
  kind: 'application',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    if (papers.basics.origin !== 'application')
      throw notApplicable(TITLE, '本案由单位启动，没有执法人员的申请');
    return {
      organ: papers.organ,
      policy: papers.casePolicy,
      case: papers.basics,
      // The case is opened by the application itself, in the same transaction.
      appliedOn: dayOf(papers.row.created_at),
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    subjectId: input.case.id,
    on: input.appliedOn,
  }),
  build: buildApplication,
};
