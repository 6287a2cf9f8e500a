// The writes on a report, each with the version the page read; each answers with the
// report as the writer now sees it (an attachment upload with the file's row and the
// version it made). The reporter's identity is read apart, on a click, never kept.

import type {
  CloseReportBody,
  ExplanationBody,
  FeedbackBody,
  FindingBody,
  LinkCaseBody,
  ReferralBody,
  ReportAttachmentRow,
  ReportDetail,
  ReporterIdentity,
} from '../../../../src/contract/report.schemas.ts';
import { evidenceContentType } from '../../../../src/contract/evidence.ts';
import { api, get, post, put } from '@shared/api-client.ts';

type Versioned = Pick<ReportDetail, 'id' | 'version'>;
type Payload<B> = Omit<B, 'expectedVersion'>;

export const reportPath = (r: Pick<ReportDetail, 'id'>) =>
  `/api/v1/reports/${encodeURIComponent(r.id)}`;

function write<B extends { expectedVersion: number }>(r: Versioned, path: string, p: Payload<B>) {
  return post<ReportDetail>(`${reportPath(r)}${path}`, { ...p, expectedVersion: r.version });
}

export type FindingPayload = Payload<FindingBody>;
export const recordFinding = (r: Versioned, p: FindingPayload) =>
  write<FindingBody>(r, '/finding', p);

export type FeedbackPayload = Payload<FeedbackBody>;
export const giveFeedback = (r: Versioned, p: FeedbackPayload) =>
  write<FeedbackBody>(r, '/feedback', p);

export type ExplanationPayload = Payload<ExplanationBody>;
export const explain = (r: Versioned, p: ExplanationPayload) =>
  write<ExplanationBody>(r, '/explanation', p);

export type ClosePayload = Payload<CloseReportBody>;
export const closeReport = (r: Versioned, p: ClosePayload) =>
  write<CloseReportBody>(r, '/close', p);

export type ReferralPayload = Payload<ReferralBody>;
export const refer = (r: Versioned, p: ReferralPayload) => write<ReferralBody>(r, '/referral', p);

export type LinkCasePayload = Payload<LinkCaseBody>;
export const linkCase = (r: Versioned, p: LinkCasePayload) =>
  put<ReportDetail>(`${reportPath(r)}/case`, { ...p, expectedVersion: r.version });

/** An attachment: the file as the body, its name in the query (as correction evidence). */
export function uploadAttachment(r: Pick<ReportDetail, 'id'>, file: File) {
  const query = new URLSearchParams({ filename: file.name });
  return api<ReportAttachmentRow>(
    'POST',
    `${reportPath(r)}/attachments?${query.toString()}`,
    file,
    {
      'content-type': evidenceContentType(file.name, file.type) || 'application/octet-stream',
    },
  );
}

export const attachmentHref = (r: Pick<ReportDetail, 'id'>, attachmentId: string) =>
  `${reportPath(r)}/attachments/${encodeURIComponent(attachmentId)}`;

/** The reporter's identity: petitions staff only; the server records each read. */
export const readReporter = (r: Pick<ReportDetail, 'id'>) =>
  get<ReporterIdentity>(`${reportPath(r)}/reporter`);
