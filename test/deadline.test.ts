// The deadline calculus with the real calendar (chinese-days + calendar/overrides.yaml):
// the contract's worked examples, every 2025 and 2026 holiday boundary checked against a
// table written by hand from the State Council notices, provisional years, the override
// file, and the CLI through its real interface.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkCalendar } from '../src/calendar/load-work-calendar.ts';
import { CalendarSourceError } from '../src/calendar/overrides-file.ts';
import { runDeadline } from '../src/cli/deadline.command.ts';
import { addDays, weekday, type CalendarDate } from '../src/domain/calendar-date.ts';
import { computeDeadline, type DeadlineRequest } from '../src/domain/deadline/deadline.ts';
import { isWorkingDay, type WorkCalendar } from '../src/domain/deadline/work-calendar.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const calendar = await loadWorkCalendar();

function compute(
  from: CalendarDate,
  days: number,
  counting: DeadlineRequest['counting'],
  cal: WorkCalendar = calendar,
) {
  return computeDeadline(cal, { from, days, counting });
}

describe('worked examples of the contract (2026 calendar)', () => {
  it.each([
    ['working', '2026-10-15', '10-10 is a make-up workday'],
    ['calendar', '2026-10-08', '10-07 is a holiday'],
  ] as const)('2026-09-30 + 7 %s days is %s (%s)', (counting, due, _why) => {
    const request = { from: '2026-09-30', days: 7, counting } as const;
    expect(computeDeadline(calendar, request)).toMatchObject({
      ...request,
      due,
      provisional: false,
    });
  });
});

interface HolidayPeriod {
  readonly name: string;
  readonly first: CalendarDate;
  readonly last: CalendarDate;
  /** The first working day after the period, by hand. */
  readonly resumes: CalendarDate;
  /** Make-up workdays (调休上班) the notice attaches to the period. */
  readonly makeUp: readonly CalendarDate[];
}

// Written by hand from 国务院办公厅关于2025年部分节假日安排的通知 and
// 国务院办公厅关于2026年部分节假日安排的通知; deliberately not derived from chinese-days.
const SCHEDULES: readonly HolidayPeriod[] = [
  { name: '2025 元旦', first: '2025-01-01', last: '2025-01-01', resumes: '2025-01-02', makeUp: [] },
  {
    name: '2025 春节',
    first: '2025-01-28',
    last: '2025-02-04',
    resumes: '2025-02-05',
    makeUp: ['2025-01-26', '2025-02-08'],
  },
  {
    name: '2025 清明节',
    first: '2025-04-04',
    last: '2025-04-06',
    resumes: '2025-04-07',
    makeUp: [],
  },
  {
    name: '2025 劳动节',
    first: '2025-05-01',
    last: '2025-05-05',
    resumes: '2025-05-06',
    makeUp: ['2025-04-27'],
  },
  {
    name: '2025 端午节',
    first: '2025-05-31',
    last: '2025-06-02',
    resumes: '2025-06-03',
    makeUp: [],
  },
  {
    name: '2025 国庆节、中秋节',
    first: '2025-10-01',
    last: '2025-10-08',
    resumes: '2025-10-09',
    makeUp: ['2025-09-28', '2025-10-11'],
  },
  {
    name: '2026 元旦',
    first: '2026-01-01',
    last: '2026-01-03',
    resumes: '2026-01-04', // the make-up Sunday itself
    makeUp: ['2026-01-04'],
  },
  {
    name: '2026 春节',
    first: '2026-02-15',
    last: '2026-02-23',
    resumes: '2026-02-24',
    makeUp: ['2026-02-14', '2026-02-28'],
  },
  {
    name: '2026 清明节',
    first: '2026-04-04',
    last: '2026-04-06',
    resumes: '2026-04-07',
    makeUp: [],
  },
  {
    name: '2026 劳动节',
    first: '2026-05-01',
    last: '2026-05-05',
    resumes: '2026-05-06',
    makeUp: ['2026-05-09'],
  },
  {
    name: '2026 端午节',
    first: '2026-06-19',
    last: '2026-06-21',
    resumes: '2026-06-22',
    makeUp: [],
  },
  {
    name: '2026 中秋节',
    first: '2026-09-25',
    last: '2026-09-27',
    resumes: '2026-09-28',
    makeUp: [],
  },
  {
    name: '2026 国庆节',
    first: '2026-10-01',
    last: '2026-10-07',
    resumes: '2026-10-08',
    makeUp: ['2026-09-20', '2026-10-10'],
  },
];

function daysOf({ first, last }: HolidayPeriod): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('2025 and 2026 holiday boundaries (hand-written State Council table)', () => {
  it('the calendar lists exactly the table’s holidays and make-up workdays', () => {
    const in2025or2026 = (d: string) => d.startsWith('2025-') || d.startsWith('2026-');
    expect([...calendar.holidays].filter(in2025or2026).sort()).toEqual(
      SCHEDULES.flatMap(daysOf).sort(),
    );
    expect([...calendar.makeUpWorkdays].filter(in2025or2026).sort()).toEqual(
      SCHEDULES.flatMap((p) => p.makeUp).sort(),
    );
  });

  describe.each(SCHEDULES)('$name ($first – $last)', (period) => {
    const { first, last, resumes, makeUp } = period;

    it('the table itself is consistent: make-up days are weekends', () => {
      for (const d of makeUp) expect([0, 6]).toContain(weekday(d));
    });

    it(`a calendar deadline on the first day (${first}) moves to ${resumes}`, () => {
      expect(compute(addDays(first, -7), 7, 'calendar')).toMatchObject({
        due: resumes,
        provisional: false,
      });
    });

    it(`a calendar deadline on the last day (${last}) moves to ${resumes}`, () => {
      expect(compute(addDays(last, -7), 7, 'calendar').due).toBe(resumes);
      expect(compute(addDays(last, -1), 1, 'calendar').due).toBe(resumes);
    });

    it('a working-day count skips the whole period', () => {
      expect(compute(addDays(first, -1), 1, 'working').due).toBe(resumes);
      for (const d of daysOf(period)) expect(isWorkingDay(calendar, d)).toBe(false);
    });

    for (const d of makeUp) {
      it(`a calendar deadline on make-up workday ${d} stays there`, () => {
        expect(compute(addDays(d, -7), 7, 'calendar').due).toBe(d);
      });
      it(`a working-day count counts make-up workday ${d}`, () => {
        expect(compute(addDays(d, -1), 1, 'working').due).toBe(d);
      });
    }
  });
});

describe('years the calendar does not cover', () => {
  it('2027 and later: weekends only, provisional', () => {
    expect(compute('2027-03-01', 5, 'calendar')).toMatchObject({
      due: '2027-03-08', // Sat 03-06 -> Mon 03-08
      provisional: true,
    });
    // 2027-01-01 will be 元旦, but without its notice only weekends rest.
    expect(compute('2026-12-31', 1, 'calendar')).toMatchObject({
      due: '2027-01-01',
      provisional: true,
    });
    expect(compute('2026-12-31', 1, 'working').provisional).toBe(true);
    expect(compute('2026-12-30', 1, 'working')).toMatchObject({
      due: '2026-12-31',
      provisional: false,
    });
  });

  it('before 2004: weekends only, provisional', () => {
    // 2003-05-02 lay in that year's May holiday; the calendar has no data for 2003.
    expect(compute('2003-05-01', 1, 'calendar')).toMatchObject({
      due: '2003-05-02',
      provisional: true,
    });
    expect(compute('2003-05-02', 1, 'calendar').due).toBe('2003-05-05');
  });
});

describe('calendar/overrides.yaml', () => {
  let dir: string;
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text, 'utf8');
    return path;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rongcuo-calendar-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('overrides win over the package and can declare a year covered', async () => {
    const path = await write(
      'overrides.yaml',
      [
        'coveredYears: [2027]',
        'overrides:',
        '  - { date: 2027-01-01, kind: holiday, note: 测试用：元旦 }',
        '  - { date: 2026-10-07, kind: workday, note: 测试用：更正为工作日 }',
        '  - { date: 2026-03-10, kind: rest, note: 测试用：本地休息日 }',
        '  - { date: 2026-10-10, kind: rest, note: 测试用：取消调休 }',
      ].join('\n'),
    );
    const local = await loadWorkCalendar({ overridesPath: path });
    expect(compute('2026-12-31', 1, 'calendar', local)).toMatchObject({
      due: '2027-01-04',
      provisional: false,
    });
    expect(compute('2026-09-30', 7, 'calendar', local).due).toBe('2026-10-07');
    expect(compute('2026-03-09', 1, 'working', local).due).toBe('2026-03-11');
    expect(compute('2026-10-09', 1, 'calendar', local).due).toBe('2026-10-12');
    // The shared calendar is untouched.
    expect(compute('2026-09-30', 7, 'calendar').due).toBe('2026-10-08');
  });

  it.each([
    [
      'an impossible date',
      'overrides:\n  - { date: 2026-01-01, kind: rest, note: a }\n  - { date: 2026-02-30, kind: rest, note: b }',
      /overrides\[1\].*date/,
    ],
    [
      'an unknown kind',
      'overrides:\n  - { date: 2026-03-10, kind: vacation, note: a }',
      /overrides\[0\].*kind/,
    ],
    ['a missing note', 'overrides:\n  - { date: 2026-03-10, kind: rest }', /overrides\[0\].*note/],
    [
      'a repeated date',
      'overrides:\n  - { date: 2026-03-10, kind: rest, note: a }\n  - { date: 2026-03-10, kind: workday, note: b }',
      /overrides\[1\].*overrides\[0\]/,
    ],
    ['a missing list', 'coveredYears: [2027]', /overrides/],
    ['broken YAML', 'overrides: [ { date: 2026-03-10', /YAML/],
  ])('reports %s with the file and the entry', async (_what, text, pattern) => {
    const path = await write('bad.yaml', text);
    const failure = loadWorkCalendar({ overridesPath: path });
    await expect(failure).rejects.toThrow(CalendarSourceError);
    await expect(failure).rejects.toThrow(path);
    await expect(failure).rejects.toThrow(pattern);
  });

  it('reports a missing file by name', async () => {
    const path = join(dir, 'missing.yaml');
    await expect(loadWorkCalendar({ overridesPath: path })).rejects.toThrow(path);
  });
});

/** Runs the command in-process with captured streams (cheap, for the many bad inputs). */
async function runInProcess(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await runDeadline(args, {
    stdin: Readable.from([]),
    stdout: sink((s) => (stdout += s)),
    stderr: sink(() => undefined),
  });
  return { code, stdout };
}

const GOOD = ['--from', '2026-09-30', '--days', '7', '--counting', 'calendar'];

describe('rongcuo deadline, in process', () => {
  it.each([
    [['--from', '2026-09-30', '--days', '7']],
    [['--from', '2026-02-30', '--days', '7', '--counting', 'calendar']],
    [['--from', '2026-9-30', '--days', '7', '--counting', 'calendar']],
    [['--from', '2026-09-30', '--days', '0', '--counting', 'calendar']],
    [['--from', '2026-09-30', '--days', '3651', '--counting', 'calendar']],
    [['--from', '2026-09-30', '--days', '1.5', '--counting', 'calendar']],
    [['--from', '2026-09-30', '--days', '1e1', '--counting', 'calendar']],
    [['--from', '2026-09-30', '--days=-1', '--counting', 'calendar']],
    [['--from', '2026-09-30', '--days', 'seven', '--counting', 'calendar']],
    [['--from', '2026-09-30', '--days', '7', '--counting', 'workdays']],
    [[...GOOD, '--verbose']],
    [[...GOOD, 'extra']],
    [[...GOOD, '--days', '8']],
    [['--from', '9999-12-31', '--days', '1', '--counting', 'calendar']],
  ])('%j is INVALID_INPUT, exit 2', async (args) => {
    const { code, stdout } = await runInProcess(args);
    expect(code).toBe(2);
    expect(stdout.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(stdout) as { error: { code: string; message: string } };
    expect(parsed.error.code).toBe('INVALID_INPUT');
    expect(parsed.error.message.length).toBeGreaterThan(0);
  });

  it('accepts --flag=value and the bounds 1 and 3650', async () => {
    const one = await runInProcess(['--from=2026-09-30', '--days=1', '--counting=working']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ due: '2026-10-08' });
    const max = await runInProcess([
      '--from',
      '2026-09-30',
      '--days',
      '3650',
      '--counting',
      'calendar',
    ]);
    expect(max.code).toBe(0);
    expect(JSON.parse(max.stdout)).toMatchObject({ days: 3650, provisional: true });
  });
});

/** Spawns the real command from the repository root, as a user would run it. */
function runCli(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/rongcuo.js', 'deadline', ...args],
      { cwd: ROOT },
      (error, stdout) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout });
      },
    );
  });
}

const SPAWNED_EXAMPLES: readonly (readonly [string[], string])[] = [
  [
    ['--from', '2026-09-30', '--days', '7', '--counting', 'working'],
    '{"from":"2026-09-30","days":7,"counting":"working","due":"2026-10-15","provisional":false}\n',
  ],
  [
    ['--from', '2026-09-30', '--days', '7', '--counting', 'calendar'],
    '{"from":"2026-09-30","days":7,"counting":"calendar","due":"2026-10-08","provisional":false}\n',
  ],
];

const SPAWNED_BAD_INPUTS: readonly (readonly [string, string[]])[] = [
  ['a missing flag', ['--from', '2026-09-30', '--days', '7']],
  ['an impossible date', ['--from', '2026-02-30', '--days', '7', '--counting', 'calendar']],
  ['days out of range', ['--from', '2026-09-30', '--days', '3651', '--counting', 'calendar']],
  ['days not whole', ['--from', '2026-09-30', '--days', '1.5', '--counting', 'working']],
  ['another counting word', ['--from', '2026-09-30', '--days', '7', '--counting', 'natural']],
  ['an unknown flag', [...GOOD, '--verbose']],
];

// Each spawn starts Node and tsx, so only the contract's examples and one case per kind
// of bad input go through the real binary; the other variants run in process above.
describe('rongcuo deadline, spawned (bin/rongcuo.js)', () => {
  it.concurrent.for(SPAWNED_EXAMPLES)(
    '%j prints the contract’s JSON',
    async ([args, expected], { expect }) => {
      const { code, stdout } = await runCli(args);
      expect(stdout).toBe(expected);
      expect(code).toBe(0);
    },
  );

  it.concurrent.for(SPAWNED_BAD_INPUTS)(
    '%s prints INVALID_INPUT and exits 2',
    async ([, args], { expect }) => {
      const { code, stdout } = await runCli(args);
      expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
      expect(code).toBe(2);
    },
  );
});

describe('the extension over a rest day, with the real calendar', () => {
  it('2026-09-30 + 7 calendar days: 10-07 is 国庆节, moved to 10-08', () => {
    const d = computeDeadline(calendar, { from: '2026-09-30', days: 7, counting: 'calendar' });
    expect(d.extension).toEqual({ lastDay: '2026-10-07', restDay: 'holiday' });
    expect(
      computeDeadline(calendar, { from: '2026-09-30', days: 7, counting: 'working' }).extension,
    ).toBeNull();
  });
});
