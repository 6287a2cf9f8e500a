import { describe, expect, it } from 'vitest';
import {
  BackupFormatError,
  loadOrder,
  parseSectionLine,
  schemaCheck,
  sectionLine,
} from './backup-format.ts';

describe('the tables’ load order', () => {
  it('puts a table after those it refers to, keeping the given order otherwise', () => {
    expect(
      loadOrder(
        ['audit_events', 'cases', 'evidence', 'units', 'users'],
        [
          { from: 'cases', to: 'units' },
          { from: 'cases', to: 'users' },
          { from: 'evidence', to: 'cases' },
          { from: 'users', to: 'units' },
          { from: 'units', to: 'units' },
        ],
      ),
    ).toEqual(['audit_events', 'units', 'users', 'cases', 'evidence']);
  });

  it('refuses a cycle rather than loop', () => {
    expect(() =>
      loadOrder(
        ['a', 'b'],
        [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'a' },
        ],
      ),
    ).toThrow(/cycle among: a, b/);
  });
});

describe('the schema check', () => {
  const known = ['0001_initial', '0002_more', '0003_latest'];
  it('takes a backup of this release or an older one', () => {
    expect(schemaCheck(known, known)).toEqual({ ok: true });
    expect(schemaCheck(known.slice(0, 2), known)).toEqual({ ok: true });
  });
  it('refuses a newer release’s backup, naming what it does not know', () => {
    const check = schemaCheck([...known, '0004_future'], known);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toContain('0004_future');
    expect(!check.ok && check.message).toContain('更新的版本');
  });
  it('refuses migrations in another order', () => {
    expect(schemaCheck(['0002_more'], known).ok).toBe(false);
  });
});

describe('section lines', () => {
  it('read back what was written', () => {
    const section = { kind: 'table', name: 'cases', columns: ['id', 'title'] } as const;
    expect(parseSectionLine(sectionLine(section).trimEnd())).toEqual(section);
  });
  it('call anything else damage', () => {
    for (const line of ['12\tabc', '@@ {not json', '@@ {"kind":"other"}']) {
      expect(() => parseSectionLine(line)).toThrow(BackupFormatError);
    }
  });
});
