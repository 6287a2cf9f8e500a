// 调查核实报告: once the investigation is complete and the six factors are being assessed
// (or were). Dated the day the case went to the deciding body, or before that the day of
// the last assessment recorded, so that it reads the same whenever it is generated.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildInvestigationReport,
  type InvestigationReportInput,
} from '../../../domain/document/kinds/investigation-report.ts';
import type { CaseState } from '../../../domain/vocabulary.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import {
  assessmentsOf,
  conclusionOf,
  dayOf,
  factsFound,
  loadCasePapers,
  reasonsFor,
} from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['investigation-report'].title;

/** States in which the investigation is not complete, or never was (不予受理). */
const BEFORE_ASSESSMENT: ReadonlySet<CaseState> = new Set([
  'submitted',
  'investigating',
  'refused',
]);

export const investigationReportSource: DocumentSource<InvestigationReportInput> = {
  kind: 'investigation-report',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    const { records, row, determination } = papers;
    if (BEFORE_ASSESSMENT.has(papers.state) || records.assessments.length === 0)
      throw notApplicable(TITLE, '调查核实尚未完成，综合分析研判尚未开始');
    const lastAssessed = records.assessments
      .map((a) => dayOf(a.recorded_at))
      .sort()
      .at(-1)!;
    const outcome = determination.status === 'determined' ? determination.outcome : null;
    return {
      organ: papers.organ,
      policy: papers.casePolicy,
      case: papers.basics,
      factsFound: factsFound(papers),
      factsNotHolding: records.facts.filter(
        (f) => f.value === false && papers.policy.factIndex.has(f.fact_id),
      ).length,
      assessments: assessmentsOf(papers),
      opinion: {
        conclusion: outcome === null ? null : conclusionOf(papers, outcome),
        summary: determination.explanation.summary,
        reasons: outcome === null ? [] : reasonsFor(papers, outcome),
      },
      reportedOn: row.submitted_for_decision_on ?? lastAssessed,
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    subjectId: input.case.id,
    on: input.reportedOn,
  }),
  build: buildInvestigationReport,
};
