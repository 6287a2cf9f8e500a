// 整改情况跟踪记录 from a correction: its follow-ups (第十八条), the officer's progress reports
// and the closing check, if any. Dated by its last record, so it is the same paper until
// a new record is made.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildFollowUpRecord,
  followUpRecordDate,
  type FollowUpRecordInput,
} from '../../../domain/document/kinds/follow-up-record.ts';
import type { FollowUpMethod } from '../../../domain/vocabulary.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { basisOf, correctionRows } from './oversight-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['follow-up-record'].title;

export type FollowUpRecordSourceInput = FollowUpRecordInput & {
  readonly unitId: string;
  readonly correctionId: string;
};

export const followUpRecordSource: DocumentSource<FollowUpRecordSourceInput> = {
  kind: 'follow-up-record',
  async load(conn, ctx, ownerId) {
    const { row, records, policy, organName } = await correctionRows(conn, ctx, ownerId);
    const notice = records.notice;
    if (notice === undefined) throw notApplicable(TITLE, '该纠错尚未下发纠错通知');
    if (records.followUps.length === 0) throw notApplicable(TITLE, '该纠错尚无跟踪了解记录');
    const closing = records.closing;
    return {
      unitId: row.unit_id,
      correctionId: row.id,
      unitName: organName,
      officerName: row.officer_name,
      caseNumber: row.case_number,
      caseTitle: row.case_title,
      notifiedOn: notice.notified_on,
      due: row.due ?? notice.due,
      followUps: records.followUps.map((f) => ({
        checkedOn: f.checked_on,
        method: f.method as FollowUpMethod,
        findings: f.findings,
        recordedBy: f.by_name,
      })),
      reports: records.reports.map((r) => ({
        reportedOn: r.reported_on,
        text: r.text,
        reportedBy: r.by_name,
      })),
      closing:
        closing === undefined
          ? null
          : {
              closedOn: closing.closed_on,
              result: closing.result,
              causeAnalysis: closing.cause_analysis,
              improvements: closing.improvements,
              closedBy: closing.by_name,
            },
      basis: basisOf(policy, [policy.def.procedure.followUp.article]),
    };
  },
  numbering: (input) => ({
    unitId: input.unitId,
    subjectId: input.correctionId,
    on: followUpRecordDate(input),
  }),
  build: (input, number) => buildFollowUpRecord(input, number),
};
