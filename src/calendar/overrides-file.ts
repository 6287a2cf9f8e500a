// The local override table (calendar/overrides.yaml): what the maintained holiday data
// lacks or gets wrong, kept by the agency's administrator. Read and validated here so
// that a typo is reported with the file and the entry, never silently ignored.

import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { isCalendarDate, type CalendarDate } from '../domain/calendar-date.ts';

export type OverrideKind = 'holiday' | 'workday' | 'rest';

export interface CalendarOverride {
  readonly date: CalendarDate;
  /**
   * `holiday`: a public holiday (e.g. from a State Council notice the package lacks);
   * `workday`: a working day (a make-up workday, or a wrongly listed holiday);
   * `rest`: a local rest day decided by the local government.
   */
  readonly kind: OverrideKind;
  readonly note: string;
}

export interface CalendarOverrides {
  readonly overrides: readonly CalendarOverride[];
  /** Years the administrator declares complete once their entries are added. */
  readonly coveredYears: readonly number[];
}

/** A broken calendar source: the message names the file and, where it can, the entry. */
export class CalendarSourceError extends Error {
  override readonly name = 'CalendarSourceError';
}

const entrySchema = z.strictObject({
  date: z
    .string({ error: '缺少日期 date，或日期未写成 YYYY-MM-DD' })
    .refine(isCalendarDate, { error: '不是真实的日期 YYYY-MM-DD' }),
  kind: z.enum(['holiday', 'workday', 'rest'], {
    error: 'kind 须为 holiday（法定节假日）、workday（工作日/调休上班）或 rest（本地休息日）',
  }),
  note: z
    .string({ error: '缺少说明 note（依据文件或原因）' })
    .trim()
    .min(1, { error: '说明 note 为空' }),
});

const fileSchema = z.strictObject(
  {
    overrides: z.array(entrySchema, { error: '须有 overrides 列表（可为空 []）' }),
    coveredYears: z
      .array(z.int({ error: '年份须为整数' }).min(1).max(9999), {
        error: 'coveredYears 须为年份列表',
      })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? '文件须为含 overrides 列表的映射（可为 overrides: []）'
        : undefined,
  },
);

/** Reads and validates an override file; `CalendarSourceError` names what is wrong where. */
export async function readOverridesFile(path: string): Promise<CalendarOverrides> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CalendarSourceError(`${path}: 无法读取工作日历修正表 (${describe(error)})`, {
      cause: error,
    });
  }
  return parseOverrides(text, path);
}

/** Validates the text of an override file; `file` only labels the messages. */
export function parseOverrides(text: string, file: string): CalendarOverrides {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new CalendarSourceError(`${file}: YAML 格式错误: ${describe(error)}`, { cause: error });
  }
  const result = fileSchema.safeParse(data);
  if (!result.success) {
    const messages = result.error.issues.map((issue) => `${where(issue.path)}: ${issue.message}`);
    throw new CalendarSourceError(`${file}: 工作日历修正表有误\n  ${messages.join('\n  ')}`);
  }
  const { overrides, coveredYears = [] } = result.data;
  // Two entries for one date would make the outcome depend on their order.
  const firstIndex = new Map<string, number>();
  overrides.forEach((entry, index) => {
    const earlier = firstIndex.get(entry.date);
    if (earlier !== undefined) {
      throw new CalendarSourceError(
        `${file}: ${where(['overrides', index])}: 日期 ${entry.date} 与 ${where(['overrides', earlier])} 重复`,
      );
    }
    firstIndex.set(entry.date, index);
  });
  return { overrides, coveredYears };
}

/** `overrides[2]（第 3 条）.date`: the array index, and the entry's number for people. */
function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '文件内容';
  return path
    .map((part, i) => {
      if (typeof part === 'number') {
        return path[i - 1] === 'overrides' ? `[${part}]（第 ${part + 1} 条）` : `[${part}]`;
      }
      return i === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
