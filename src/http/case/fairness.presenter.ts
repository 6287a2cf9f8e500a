// Fairness of the procedure in the API's shape: the recusals and review opinions of a
// case, each notice's delivery and how its due date was counted, and what the forms of
// recusal, review, the decision and delivery need.

import type { CaseReading } from '../../app/case/case-detail.ts';
import type { CaseNotification } from '../../contract/case.schemas.ts';
import type { CaseRecusal, CaseReview, FairnessForms } from '../../contract/fairness.schemas.ts';
import { requiredReviews } from '../../domain/case/case-reviews.ts';
import { deadlineText } from '../../domain/deadline/deadline-text.ts';
import {
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  RECUSAL_KIND_LABELS,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  isCodeOf,
  isDeliveryMethod,
  isReviewKind,
  type RecusalKind,
} from '../../domain/vocabulary.ts';
import { iso } from '../route-kit.ts';

type NotificationRow = CaseReading['records']['notifications'][number];

const nameOf = (reading: CaseReading, id: string) => reading.names.people.get(id)?.name ?? '';

export function presentRecusals(reading: CaseReading): CaseRecusal[] {
  return reading.records.recusals.map((r) => {
    const kind: RecusalKind = isCodeOf(RECUSAL_KIND_LABELS, r.kind) ? r.kind : 'decided';
    return {
      userId: r.user_id,
      name: nameOf(reading, r.user_id),
      kind,
      kindLabel: RECUSAL_KIND_LABELS[kind],
      reason: r.reason,
      recordedAt: iso(r.recorded_at),
    };
  });
}

export function presentReviews(reading: CaseReading): CaseReview[] {
  const rows = reading.records.reviews;
  return REVIEW_KINDS.flatMap((kind) => {
    const r = rows.find((row) => row.kind === kind);
    if (!r || !isReviewKind(r.kind)) return [];
    return [
      {
        kind,
        label: REVIEW_KIND_LABELS[kind],
        opinion: r.opinion,
        agrees: r.agrees,
        reviewedOn: r.reviewed_on,
        reviewerName: nameOf(reading, r.reviewed_by),
        reviewedAt: iso(r.reviewed_at),
      },
    ];
  });
}

/** A notice's delivery, and how its due date was counted, in words. */
export function presentDelivery(
  n: NotificationRow,
): Pick<
  CaseNotification,
  | 'limitText'
  | 'extendedFrom'
  | 'deliveryMethod'
  | 'deliveryMethodLabel'
  | 'deliveredTo'
  | 'lateReason'
> {
  const counting = n.counting === 'working' ? 'working' : 'calendar';
  const rest =
    n.extension_rest === 'holiday' || n.extension_rest === 'weekend' ? n.extension_rest : null;
  const method = isDeliveryMethod(n.delivery_method) ? n.delivery_method : null;
  return {
    limitText: deadlineText({
      from: n.from_date,
      days: n.days,
      counting,
      due: n.due,
      extension: n.extended_from === null ? null : { lastDay: n.extended_from, restDay: rest },
    }),
    extendedFrom: n.extended_from,
    deliveryMethod: method,
    deliveryMethodLabel: method === null ? null : DELIVERY_METHOD_LABELS[method],
    deliveredTo: n.delivered_to,
    lateReason: n.late_reason,
  };
}

export function presentFairnessForms(reading: CaseReading): FairnessForms {
  const { view, policy } = reading.snapshot;
  const { procedure } = policy.def;
  const required = requiredReviews(procedure);
  return {
    meetingDateFrom: view.submittedForDecisionOn,
    reviews: REVIEW_KINDS.map((kind) => ({
      kind,
      label: REVIEW_KIND_LABELS[kind],
      required: required.includes(kind),
      recorded: view.reviews.some((r) => r.kind === kind),
    })),
    allowedReviews: [...reading.allowedReviews],
    recusal: reading.recusal,
    deliveryMethods: DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] })),
  };
}
