// Publications in the API's shape: the published text with its heading, the organ that
// published it, the scope and the 公示期 in words, whether it has ended today in China;
// and the draft a secretary is shown, each mask with its kind in words.

import type { CalendarDate } from '../../domain/calendar-date.ts';
import { formatChineseDate } from '../../domain/calendar-date.ts';
import { isPublicationCircle } from '../../domain/case/publication-audience.ts';
import { PERSONAL_INFORMATION_LABELS, type RedactedText } from '../../domain/case/redaction.ts';
import { limitText, type DeadlineCounting } from '../../domain/vocabulary.ts';
import type { Publication, PublicationDraft } from '../../contract/publication.schemas.ts';
import { iso } from '../route-kit.ts';

export function presentDraft(draft: RedactedText): PublicationDraft {
  return {
    text: draft.text,
    redactions: draft.redactions.map((r) => ({
      kind: r.kind,
      kindLabel: PERSONAL_INFORMATION_LABELS[r.kind],
      start: r.start,
      end: r.end,
      masked: r.masked,
    })),
  };
}

/** What the presenter reads of a publication row (src/store/publication.queries.ts). */
interface PublicationFields {
  readonly id: string;
  readonly scope: string;
  readonly circle: string;
  readonly text: string;
  readonly published_on: CalendarDate;
  readonly published_at: Date;
  readonly period_end: CalendarDate | null;
  readonly period_days: number | null;
  readonly period_counting: string | null;
  readonly organ_unit_id: string;
  readonly organ_name: string;
  readonly case_number: string;
}

function periodText(p: PublicationFields): string {
  if (p.period_end === null) return '公示期：未记录';
  const limit =
    p.period_days === null || p.period_counting === null
      ? ''
      : `（${limitText(p.period_days, p.period_counting as DeadlineCounting)}）`;
  return `公示期：${formatChineseDate(p.published_on)}至${formatChineseDate(p.period_end)}${limit}`;
}

export function presentPublication(p: PublicationFields, today: CalendarDate): Publication {
  const heading = p.text.split('\n').find((line) => line.trim() !== '') ?? '';
  return {
    id: p.id,
    heading: heading.trim(),
    text: p.text,
    caseNumber: p.case_number,
    unit: { id: p.organ_unit_id, name: p.organ_name },
    scope: p.scope,
    circle: isPublicationCircle(p.circle) ? p.circle : 'organ',
    publishedOn: p.published_on,
    publishedAt: iso(p.published_at),
    periodEnd: p.period_end,
    periodText: periodText(p),
    ended: p.period_end !== null && today > p.period_end,
  };
}
