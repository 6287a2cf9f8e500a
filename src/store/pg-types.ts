// How `pg` turns PostgreSQL values into JavaScript ones, for this application's pools
// only (never the process-wide `pg.types`, which other code may rely on).

import pg from 'pg';

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * A `date` is a day on the calendar, not an instant: `pg`'s default turns it into a Date
 * at local midnight, which a time zone can move to the day before. The domain's
 * `CalendarDate` is the 'YYYY-MM-DD' text, so keep PostgreSQL's own.
 */
const parseDate = (value: string): string => value;

/**
 * `bigint` (bigserial, count(*)) as a number: the values this application stores stay far
 * below 2^53, and one that did not must fail loudly rather than round silently.
 */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`bigint ${value} is beyond Number.MAX_SAFE_INTEGER`);
  }
  return n;
}

export const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === undefined || format === 'text') {
      if (oid === DATE_OID) return parseDate;
      if (oid === INT8_OID) return parseInt8;
    }
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};
