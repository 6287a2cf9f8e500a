// 纠错通知书 from a correction: the notice as it was issued, with its items, and the articles
// that open a correction and set its requirements (第十六、十七条). The correction-kind
// sources share the reading of a correction's rows, here.

import { DOCUMENT_KIND_DEFS } from '../../../domain/document/document-kinds.ts';
import { organOf } from '../../../domain/account/unit-scope.ts';
import type { CompiledPolicy } from '../../../domain/policy/compile-policy.ts';
import {
  buildCorrectionNotice,
  type CorrectionNoticeInput,
} from '../../../domain/document/kinds/correction-notice.ts';
import {
  policyArticle,
  type PolicyBasis,
  type RestDayKind,
} from '../../../domain/document/kinds/oversight-document-parts.ts';
import type { DeadlineCounting } from '../../../domain/vocabulary.ts';
import type { WorkCalendar } from '../../../domain/deadline/work-calendar.ts';
import { findCorrection, type CorrectionRow } from '../../../store/correction.repository.ts';
import { correctionRecords, type CorrectionRecords } from '../../../store/correction.queries.ts';
import { unitNames } from '../../../store/publication.queries.ts';
import type { Conn } from '../../../store/transaction.ts';
import { unitLineage } from '../../../store/unit.repository.ts';
import type { AppContext } from '../../app-context.ts';
import { correctionNotFound } from '../../correction/correction-context.ts';
import { pinnedPolicy } from '../../policy/pinned-policy.ts';
import { notApplicable, type DocumentSource } from '../document-source.ts';

/**
 * The name of the organ that issues a unit's papers: the unit itself, or the 局 a 科室 is
 * part of (a section issues nothing of its own), as the case's papers name it.
 */
export async function issuingOrganName(conn: Conn, unitId: string): Promise<string> {
  const lineage = await unitLineage(conn, unitId);
  const organId = lineage === null ? unitId : organOf(lineage.units);
  return (await unitNames(conn, [organId])).get(organId) ?? '';
}

/** A correction with every record of it and the policy version it is held to. */
export interface CorrectionRows {
  readonly row: CorrectionRow;
  readonly records: CorrectionRecords;
  readonly policy: CompiledPolicy;
  /** The organ that issues its papers. */
  readonly organName: string;
}

export async function correctionRows(
  conn: Conn,
  ctx: AppContext,
  correctionId: string,
): Promise<CorrectionRows> {
  const row = await findCorrection(conn, correctionId);
  if (!row) throw correctionNotFound();
  const records = await correctionRecords(conn, row.id);
  const organName = await issuingOrganName(conn, row.unit_id);
  return { row, records, policy: pinnedPolicy(ctx, row), organName };
}

/** The articles, each once, with their text from the correction's own policy version. */
export function basisOf(policy: CompiledPolicy, articles: readonly number[]): PolicyBasis {
  return {
    policyTitle: policy.def.title,
    articles: [...new Set(articles)].map((n) => policyArticle(policy.def, n)),
  };
}

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
