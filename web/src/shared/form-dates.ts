// The days and texts of the action forms: what a date picker holds sent as YYYY-MM-DD,
// the formats a day is shown and typed in, and a text sent trimmed.

import type { Dayjs } from 'dayjs';

/** A picked day as the API takes it: 2026-03-01. */
export const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Days shown as 2026年3月1日; typed either so or as 2026-03-01. */
export const DAY_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD'];

/** A text as sent: trimmed, '' for none. */
export const trim = (s: string | undefined | null) => (s ?? '').trim();
