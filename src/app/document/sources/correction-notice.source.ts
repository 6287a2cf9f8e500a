// 纠错通知书 from a correction: the notice as it was issued, with its items, and the articles
// that open a correction and set its requirements (第十六、十七条).

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import {
  buildCorrectionNotice,
  type CorrectionNoticeInput,
} from '../../../domain/document/kinds/correction-notice.ts';
import { type RestDayKind } from '../../../domain/document/kinds/oversight-document-parts.ts';
import type { DeadlineCounting } from '../../../domain/vocabulary.ts';
import type { WorkCalendar } from '../../../domain/deadline/work-calendar.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';
import { basisOf, correctionRows } from './oversight-document-load.ts';

/** What the rest day a deadline ran on past was, by the calendar it was counted with. */
export function restDayOf(calendar: WorkCalendar, day: string | null): RestDayKind | null {
  if (day === null) return null;
  return calendar.holidays.has(day) ? 'holiday' : 'weekend';
}

const TITLE = DOCUMENT_KIND_DEFS['correction-notice'].title;

export type CorrectionNoticeSourceInput = CorrectionNoticeInput & {
  readonly unitId: string;
  readonly correctionId: string;
};

export const correctionNoticeSource: DocumentSource<CorrectionNoticeSourceInput> = {
  kind: 'correction-notice',
  async load(conn, ctx, ownerId) {
    const { row, records, policy, organName } = await correctionRows(conn, ctx, ownerId);
    const notice = records.notice;
    if (notice === undefined) throw notApplicable(TITLE, '该纠错尚未下发纠错通知');
    const params = policy.def.procedure.correction;
    return {
      unitId: row.unit_id,
      correctionId: row.id,
      unitName: organName,
      officerName: row.officer_name,
      caseNumber: row.case_number,
      caseTitle: row.case_title,
      reason: notice.reason,
      items: records.items.map((i) => i.text),
      requirements: notice.requirements,
      responsible: notice.responsible,
      days: notice.days,
      counting: notice.counting as DeadlineCounting,
      notifiedOn: notice.notified_on,
      due: notice.due,
      extendedFrom: notice.extended_from,
      restDay: restDayOf(ctx.calendar, notice.extended_from),
      extensionAllowed: params.extensionAllowed,
      basis: basisOf(policy, [row.article, params.detailsArticle]),
    };
  },
  numbering: (input) => ({
    unitId: input.unitId,
    subjectId: input.correctionId,
    on: input.notifiedOn,
  }),
  build: (input, number) => buildCorrectionNotice(input, number),
};
