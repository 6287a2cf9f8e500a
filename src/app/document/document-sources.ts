// Every kind of official document with the source that makes it (./sources/): the one
// table generate-document.ts, the routes and `rongcuo document` read.

import type { DocumentKind } from '../../domain/document/document-kinds.ts';
import type { DocumentSource } from './document-source.ts';
import { acceptanceSource } from './sources/acceptance.source.ts';
import { applicationSource } from './sources/application.source.ts';
import { clearanceNoticeSource } from './sources/clearance-notice.source.ts';
import { correctionNoticeSource } from './sources/correction-notice.source.ts';
import { decisionNoticeSource } from './sources/decision-notice.source.ts';
import { decisionRecordSource } from './sources/decision-record.source.ts';
import { decisionSource } from './sources/decision.source.ts';
import { extensionDecisionSource } from './sources/extension-decision.source.ts';
import { followUpRecordSource } from './sources/follow-up-record.source.ts';
import { investigationReportSource } from './sources/investigation-report.source.ts';
import { refusalSource } from './sources/refusal.source.ts';
import { reportFeedbackSource } from './sources/report-feedback.source.ts';
import { serviceReceiptSource } from './sources/service-receipt.source.ts';
import { warningNoticeSource } from './sources/warning-notice.source.ts';

// Each source's input type is its own; the table holds them as sources of something.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySource = DocumentSource<any>;

export const DOCUMENT_SOURCES: Readonly<Record<DocumentKind, AnySource>> = {
  application: applicationSource,
  acceptance: acceptanceSource,
  refusal: refusalSource,
  'investigation-report': investigationReportSource,
  'decision-record': decisionRecordSource,
  decision: decisionSource,
  'decision-notice': decisionNoticeSource,
  'service-receipt': serviceReceiptSource,
  'correction-notice': correctionNoticeSource,
  'extension-decision': extensionDecisionSource,
  'follow-up-record': followUpRecordSource,
  'warning-notice': warningNoticeSource,
  'report-feedback': reportFeedbackSource,
  'clearance-notice': clearanceNoticeSource,
};
