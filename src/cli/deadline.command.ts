// `rongcuo deadline --from YYYY-MM-DD --days N --counting calendar|working`: parse the
// flags, compute with the loaded work calendar, print one JSON object (docs: the
// deadline contract). Bad input prints the INVALID_INPUT error object and exits 2.

import { parseArgs } from 'node:util';
import { CalendarSourceError } from '../calendar/overrides-file.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import {
  computeDeadline,
  InvalidDeadlineRequestError,
  isDeadlineCounting,
  isDeadlineDays,
  MAX_DEADLINE_DAYS,
  MIN_DEADLINE_DAYS,
  type DeadlineRequest,
} from '../domain/deadline/deadline.ts';
import { describeParseError, printError, type CliIO } from './cli-io.ts';

const USAGE =
  '用法 / usage: rongcuo deadline --from YYYY-MM-DD --days N --counting calendar|working';

const FLAGS = ['from', 'days', 'counting'] as const;

type Parsed = { ok: true; request: DeadlineRequest } | { ok: false; message: string };

export async function runDeadline(args: string[], io: CliIO): Promise<number> {
  const parsed = parseDeadlineArgs(args);
  if (!parsed.ok) return printError(io, 'INVALID_INPUT', `${parsed.message}；${USAGE}`);

  let deadline;
  try {
    deadline = computeDeadline(await loadWorkCalendar(), parsed.request);
  } catch (error) {
    if (error instanceof InvalidDeadlineRequestError) {
      return printError(io, 'INVALID_INPUT', error.message);
    }
    if (error instanceof CalendarSourceError) {
      // Not the caller's input but the installation's data: a distinct code and exit 1.
      printError(io, 'CALENDAR_ERROR', error.message);
      return 1;
    }
    throw error;
  }
  // Spelled out so that the key order is the contract's, whatever the domain adds later.
  const { from, days, counting, due, provisional } = deadline;
  io.stdout.write(`${JSON.stringify({ from, days, counting, due, provisional })}\n`);
  return 0;
}

/** The flags as a request, or the first thing wrong with them in words for the user. */
export function parseDeadlineArgs(args: readonly string[]): Parsed {
  let values: Partial<Record<(typeof FLAGS)[number], string>>;
  try {
    const { tokens, values: parsedValues } = parseArgs({
      args: [...args],
      options: {
        from: { type: 'string' },
        days: { type: 'string' },
        counting: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
    // parseArgs keeps the last of a repeated flag; two answers to one question is an error.
    const seen = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== 'option') continue;
      if (seen.has(token.name)) return { ok: false, message: `参数 --${token.name} 重复` };
      seen.add(token.name);
    }
    values = parsedValues;
  } catch (error) {
    return { ok: false, message: describeParseError(error) };
  }

  const missing = FLAGS.filter((flag) => values[flag] === undefined);
  if (missing.length > 0) {
    return { ok: false, message: `缺少参数 ${missing.map((f) => `--${f}`).join('、')}` };
  }
  const { from = '', days = '', counting = '' } = values;
  if (!isCalendarDate(from)) {
    return { ok: false, message: `--from 不是真实的日期 YYYY-MM-DD：${from}` };
  }
  // Digits only: "7.0", "1e1", "+7" and " 7" all name a number, but not as a person writes a day count.
  const dayCount = /^[0-9]+$/.test(days) ? Number(days) : Number.NaN;
  if (!isDeadlineDays(dayCount)) {
    return {
      ok: false,
      message: `--days 须为 ${MIN_DEADLINE_DAYS} 至 ${MAX_DEADLINE_DAYS} 的整数：${days}`,
    };
  }
  if (!isDeadlineCounting(counting)) {
    return {
      ok: false,
      message: `--counting 须为 calendar（自然日）或 working（工作日）：${counting}`,
    };
  }
  return { ok: true, request: { from, days: dayCount, counting } };
}
