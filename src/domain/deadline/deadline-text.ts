// How a due date was counted, in the words a notice uses: from which day, how many days,
// and, where the last day fell on a rest day, that the limit ran on past it
// (民法典第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).

import { formatChineseDate, type CalendarDate } from '../calendar-date.ts';
import type { DeadlineCounting } from '../vocabulary.ts';
import type { DeadlineExtension } from './deadline.ts';

/** What the text reads: the request, the due date, and the extension as far as it is known. */
export interface CountedDeadline {
  readonly from: CalendarDate;
  readonly days: number;
  readonly counting: DeadlineCounting;
  readonly due: CalendarDate;
  /**
   * The extension; `restDay` null when only the day is known (a notice computed before
   * the kind of rest day was kept).
   */
  readonly extension:
    | (Omit<DeadlineExtension, 'restDay'> & {
        readonly restDay: DeadlineExtension['restDay'] | null;
      })
    | null;
}

const REST_DAY_TEXT = {
  holiday: '为法定节假日，顺延至节后第一个工作日',
  weekend: '为休息日，顺延至其后第一个工作日',
  unknown: '为法定休假日，顺延至其后第一个工作日',
} as const;

/**
 * 自2026年9月30日起7日，期限届满日（2026年10月7日）为法定节假日，顺延至节后第一个工作日2026年10月8日;
 * 自2026年9月30日起7个工作日，至2026年10月15日届满; 自2026年3月2日起7日，至2026年3月9日届满.
 */
export function deadlineText(d: CountedDeadline): string {
  const start = `自${formatChineseDate(d.from)}起${d.days}${d.counting === 'working' ? '个工作日' : '日'}`;
  if (d.extension === null) return `${start}，至${formatChineseDate(d.due)}届满`;
  const why = REST_DAY_TEXT[d.extension.restDay ?? 'unknown'];
  return `${start}，期限届满日（${formatChineseDate(d.extension.lastDay)}）${why}${formatChineseDate(d.due)}`;
}
