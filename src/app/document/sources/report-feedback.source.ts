// 信访举报处理结果反馈函 from a report: to its named reporter, whose name is opened from the
// sealed identity with the identity keys (as readReporterIdentity opens it); an anonymous
// report is explained within a scope instead (第十九条), and has no such letter. The
// letter carries the report's own words and finding, nothing else of the accused.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildReportFeedback,
  type ReportFeedbackInput,
} from '../../../domain/document/kinds/report-feedback.ts';
import type { FeedbackChannel, ReportChannel, ReportFinding } from '../../../domain/vocabulary.ts';
import { findReportRow, sealedReporterOf } from '../../../store/report.repository.ts';
import type { Conn } from '../../../store/transaction.ts';
import { UseCaseError } from '../../app-context.ts';
import { pinnedPolicy } from '../../policy/pinned-policy.ts';
import { reportNotFound, underIdentityKey } from '../../report/report-context.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { basisOf, issuingOrganName } from './oversight-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['report-feedback'].title;

export type ReportFeedbackSourceInput = ReportFeedbackInput & {
  readonly unitId: string;
  readonly reportId: string;
};

/** The report, if it has a letter to its named reporter: feedback given. */
async function feedbackReport(conn: Conn, reportId: string) {
  const row = await findReportRow(conn, reportId);
  if (!row) throw reportNotFound();
  if (!row.named) throw notApplicable(TITLE, '匿名举报不向举报人反馈结果，在一定范围内说明情况');
  const { feedback_channel, feedback_content, closed_on, finding, feedback_due } = row;
  if (
    feedback_channel === null ||
    feedback_content === null ||
    closed_on === null ||
    finding === null ||
    feedback_due === null
  )
    throw notApplicable(TITLE, '该举报尚未向举报人反馈处理结果');
  return { row, feedback_channel, feedback_content, closed_on, finding, feedback_due };
}

export const reportFeedbackSource: DocumentSource<ReportFeedbackSourceInput> = {
  kind: 'report-feedback',
  readsReporterIdentity: true,
  async available(conn, _ctx, ownerId) {
    return (await feedbackReport(conn, ownerId)).row.id;
  },
  async load(conn, ctx, ownerId) {
    const { row, ...given } = await feedbackReport(conn, ownerId);
    const sealed = await sealedReporterOf(conn, row.id);
    if (!sealed?.reporter_sealed) throw new UseCaseError('NOT_NAMED', '匿名举报没有举报人身份信息');
    const opened = underIdentityKey(() => ctx.identityKeys.open(sealed.reporter_sealed!, row.id));
    // Only the name is taken: the contact and address are not printed on the letter.
    const identity = JSON.parse(opened) as { name?: unknown };
    const policy = pinnedPolicy(ctx, row);
    const { reports } = policy.def.procedure;
    return {
      unitId: row.unit_id,
      reportId: row.id,
      unitName: await issuingOrganName(conn, row.unit_id),
      reporterName: String(identity.name ?? ''),
      reportNumber: row.number,
      receivedOn: row.received_on,
      channel: row.channel as ReportChannel,
      summary: row.summary,
      finding: given.finding as ReportFinding,
      findingReasons: row.finding_reasons ?? '',
      feedback: {
        givenOn: given.closed_on,
        channel: given.feedback_channel as FeedbackChannel,
        content: given.feedback_content,
        lateReason: row.late_reason,
      },
      limit: {
        days: reports.feedback.days,
        counting: reports.feedback.counting,
        due: given.feedback_due,
      },
      basis: basisOf(policy, [reports.article]),
    };
  },
  numbering: (input) => ({
    unitId: input.unitId,
    subjectId: input.reportId,
    on: input.feedback.givenOn,
  }),
  build: (input, number) => buildReportFeedback(input, number),
};
