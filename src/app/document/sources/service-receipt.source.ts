// 送达回证: one for each notice served so far, in one file; dated the last delivery.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildServiceReceipt,
  lastDelivery,
  type Delivery,
  type ServiceReceiptInput,
} from '../../../domain/document/kinds/service-receipt.ts';
import { isDeliveryMethod } from '../../../domain/vocabulary.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { loadCasePapers, noticesOf } from './case-document-load.ts';

const TITLE = DOCUMENT_KIND_DEFS['service-receipt'].title;

export const serviceReceiptSource: DocumentSource<ServiceReceiptInput> = {
  kind: 'service-receipt',
  async load(conn, ctx, caseId) {
    const papers = await loadCasePapers(conn, ctx, caseId);
    const deliveries = noticesOf(papers).flatMap(({ row, ...notice }): Delivery[] =>
      row.sent_on === null
        ? []
        : [
            {
              ...notice,
              method: isDeliveryMethod(row.delivery_method) ? row.delivery_method : null,
              deliveredTo: row.delivered_to,
              deliveredOn: row.sent_on,
              deliveredBy:
                row.sent_by === null ? null : (papers.people.get(row.sent_by)?.name ?? null),
              lateReason: row.late_reason,
            },
          ],
    );
    if (deliveries.length === 0) throw notApplicable(TITLE, '认定结论告知书尚未送达');
    return {
      organ: papers.organ,
      case: papers.basics,
      servedDocument: DOCUMENT_KIND_DEFS['decision-notice'].title,
      deliveries,
    };
  },
  numbering: (input) => ({
    unitId: input.case.unitId,
    subjectId: input.case.id,
    on: lastDelivery(input),
  }),
  build: buildServiceReceipt,
};
