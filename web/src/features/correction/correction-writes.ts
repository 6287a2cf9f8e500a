// The writes on a correction, each with the version the page read; each answers with the
// correction as the writer now sees it (a progress report with it and the new report's id,
// an evidence upload with the file's row and the version it made).

import type {
  CloseBody,
  CompletionBody,
  CorrectionDetail,
  CorrectionEvidenceRow,
  ExtensionBody,
  ExtensionDecisionBody,
  FollowUpBody,
  IssueNoticeBody,
  ProgressAnswer,
  ProgressBody,
  SendBackBody,
} from '../../../../src/contract/correction.schemas.ts';
import { evidenceContentType } from '../../../../src/contract/evidence.ts';
import { api, post } from '@shared/api-client.ts';

type Versioned = Pick<CorrectionDetail, 'id' | 'version'>;
type Payload<B> = Omit<B, 'expectedVersion'>;

const base = (c: Pick<CorrectionDetail, 'id'>) => `/api/v1/corrections/${encodeURIComponent(c.id)}`;

function write<B extends { expectedVersion: number }, A = CorrectionDetail>(
  c: Versioned,
  path: string,
  payload: Payload<B>,
) {
  return post<A>(`${base(c)}${path}`, { ...payload, expectedVersion: c.version });
}

export type NoticePayload = Payload<IssueNoticeBody>;
export const issueNotice = (c: Versioned, p: NoticePayload) =>
  write<IssueNoticeBody>(c, '/notice', p);

export type ProgressPayload = Payload<ProgressBody>;
export const reportProgress = (c: Versioned, p: ProgressPayload) =>
  write<ProgressBody, ProgressAnswer>(c, '/progress', p);

export type CompletionPayload = Payload<CompletionBody>;
export const claimCompletion = (c: Versioned, p: CompletionPayload) =>
  write<CompletionBody>(c, '/completion', p);

export type ClosePayload = Payload<CloseBody>;
export const closeCorrection = (c: Versioned, p: ClosePayload) => write<CloseBody>(c, '/close', p);

export type SendBackPayload = Payload<SendBackBody>;
export const sendBack = (c: Versioned, p: SendBackPayload) =>
  write<SendBackBody>(c, '/send-back', p);

export type ExtensionPayload = Payload<ExtensionBody>;
export const requestExtension = (c: Versioned, p: ExtensionPayload) =>
  write<ExtensionBody>(c, '/extensions', p);

export type DecisionPayload = Payload<ExtensionDecisionBody>;
export const decideExtension = (c: Versioned, extensionId: string, p: DecisionPayload) =>
  write<ExtensionDecisionBody>(c, `/extensions/${encodeURIComponent(extensionId)}/decision`, p);

export type FollowUpPayload = Payload<FollowUpBody>;
export const recordFollowUp = (c: Versioned, p: FollowUpPayload) =>
  write<FollowUpBody>(c, '/follow-ups', p);

/** An evidence file of a progress report: the file as the body, its name in the query. */
export function uploadProgressEvidence(
  c: Pick<CorrectionDetail, 'id'>,
  reportId: string,
  file: File,
) {
  const query = new URLSearchParams({ filename: file.name });
  return api<CorrectionEvidenceRow>(
    'POST',
    `${base(c)}/progress/${encodeURIComponent(reportId)}/evidence?${query.toString()}`,
    file,
    { 'content-type': evidenceContentType(file.name, file.type) || 'application/octet-stream' },
  );
}

/** Where an evidence file of a progress report is downloaded. */
export const evidenceHref = (c: Pick<CorrectionDetail, 'id'>, evidenceId: string) =>
  `${base(c)}/evidence/${encodeURIComponent(evidenceId)}`;
