// The writes on a clearance (澄清正名): the decision, made on a report, and the record that
// it was carried out, with the version the page read. Each answers with the clearance.

import type {
  CarryOutBody,
  ClearanceDetail,
  ClearanceNoticeDraft,
  DecideClearanceBody,
  DraftNoticeBody,
} from '../../../../src/contract/clearance.schemas.ts';
import { post } from '@shared/api-client.ts';

export type DecidePayload = DecideClearanceBody;
export const decideClearance = (reportId: string, p: DecidePayload) =>
  post<ClearanceDetail>(`/api/v1/reports/${encodeURIComponent(reportId)}/clearances`, p);

/** The notice the decision would write, to edit before deciding; nothing is saved. */
export const draftNotice = (reportId: string, p: DraftNoticeBody) =>
  post<ClearanceNoticeDraft>(`/api/v1/reports/${encodeURIComponent(reportId)}/clearances/draft`, p);

export type CarryOutPayload = Omit<CarryOutBody, 'expectedVersion'>;
export const carryOut = (c: Pick<ClearanceDetail, 'id' | 'version'>, p: CarryOutPayload) =>
  post<ClearanceDetail>(`/api/v1/clearances/${encodeURIComponent(c.id)}/carried-out`, {
    ...p,
    expectedVersion: c.version,
  });
