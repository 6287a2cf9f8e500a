import { describe, expect, it } from 'vitest';
import { documentSeriesKey, formatDocumentNumber } from './document-number.ts';

describe('文号 of official documents', () => {
  it('writes the prefix, the kind’s mark, the year in 六角括号 and the number without zeros', () => {
    expect(formatDocumentNumber('锡盟应急容', 'decision', 2026, 3)).toBe('锡盟应急容决〔2026〕3号');
    expect(formatDocumentNumber('锡盟教育容', 'refusal', 2027, 12)).toBe(
      '锡盟教育容不受〔2027〕12号',
    );
  });

  it('counts two heads that write alike in one series, so no 文号 is printed twice', () => {
    expect(documentSeriesKey('P', 'refusal')).toBe(documentSeriesKey('P不', 'acceptance'));
    expect(documentSeriesKey('锡盟应急容', 'decision')).not.toBe(
      documentSeriesKey('锡盟应急容', 'decision-notice'),
    );
  });

  it('refuses a kind that is not numbered', () => {
    expect(() => formatDocumentNumber('锡盟应急容', 'application', 2026, 1)).toThrow();
  });
});
