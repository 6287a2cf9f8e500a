// 澄清正名通报 from a report: the notice text of each clearance decided on it, as decided,
// one to a page in one file, numbered once for the report. A report with no decided
// clearance has no such paper.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildClearanceNotice,
  type ClearanceNoticeInput,
} from '../../../domain/document/kinds/clearance-notice.ts';
import type { ClearanceMethod, DisclosureScope } from '../../../domain/vocabulary.ts';
import { clearancesOfReport } from '../../../store/clearance.queries.ts';
import { findClearance } from '../../../store/clearance.repository.ts';
import { findReportRow } from '../../../store/report.repository.ts';
import { reportNotFound } from '../../report/report-context.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { issuingOrganName } from './oversight-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['clearance-notice'].title;

export type ClearanceNoticeSourceInput = ClearanceNoticeInput & {
  readonly unitId: string;
  readonly reportId: string;
};

export const clearanceNoticeSource: DocumentSource<ClearanceNoticeSourceInput> = {
  kind: 'clearance-notice',
  async load(conn, _ctx, ownerId) {
    const report = await findReportRow(conn, ownerId);
    if (!report) throw reportNotFound();
    const summaries = await clearancesOfReport(conn, report.id);
    if (summaries.length === 0) throw notApplicable(TITLE, '该举报尚未作出澄清正名决定');
    const rows = await Promise.all(summaries.map((s) => findClearance(conn, s.id)));
    const clearances = rows
      .filter((c) => c !== undefined)
      // In the order they were decided, then by officer as the report's page lists them.
      .sort((a, b) => (a.decided_on < b.decided_on ? -1 : a.decided_on > b.decided_on ? 1 : 0));
    const organs = new Map<string, string>();
    for (const c of clearances)
      if (!organs.has(c.unit_id)) organs.set(c.unit_id, await issuingOrganName(conn, c.unit_id));
    return {
      unitId: clearances[0]?.unit_id ?? report.unit_id,
      reportId: report.id,
      clearances: clearances.map((c) => ({
        unitName: organs.get(c.unit_id) ?? c.unit_name,
        deciderName: c.unit_name,
        officerName: c.officer_name,
        noticeText: c.notice_text,
        findings: c.findings,
        scope: c.scope as DisclosureScope,
        methods: c.methods as ClearanceMethod[],
        decidedOn: c.decided_on,
      })),
    };
  },
  numbering: (input) => ({
    unitId: input.unitId,
    subjectId: input.reportId,
    on: input.clearances.map((c) => c.decidedOn).reduce((a, b) => (a > b ? a : b)),
  }),
  build: (input, number) => buildClearanceNotice(input, number),
};
