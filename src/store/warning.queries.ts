// What warnings are evaluated on and how they are read: the classified decided cases
// (src/domain/warning/warning-evaluation.ts says which count and why), the cases already
// warned of, and the warnings addressed to a reader's unit subtree.

import type { ExpressionBuilder } from 'kysely';
import type { CalendarDate } from '../domain/calendar-date.ts';
import type { DecidedCase } from '../domain/warning/warning-evaluation.ts';
import type { WarningRuleKind } from '../domain/vocabulary.ts';
import type { Database } from './schema.ts';
import type { Conn } from './transaction.ts';

/**
 * Which decided cases to read: those of a regime (or of all), of one unit, field or error
 * type where given, and none a rule has warned of already.
 */
export interface DecidedCaseFilter {
  readonly policyId: string | null;
  readonly unitId?: string;
  readonly field?: string;
  readonly errorType?: string;
  /** Leave out the cases behind a warning of this rule: they count no more for it. */
  readonly notWarnedBy: string;
}

/**
 * The classified cases decided after `since`, each with the day of its first decision
 * (the deciding body's meeting; a review's later row does not move it). Once a rule has
 * warned of a window's cases they are left out here, so an evaluation reads the cases
 * not yet warned of, few however many were decided.
 */
export async function decidedCases(
  db: Conn,
  filter: DecidedCaseFilter,
  since: CalendarDate,
): Promise<DecidedCase[]> {
  let query = db
    .selectFrom('cases')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('decisions')
          .select((d) => ['case_id', d.fn.min('meeting_date').as('decided_on')])
          .where('on_review', '=', false)
          .groupBy('case_id')
          .as('d'),
      (join) => join.onRef('d.case_id', '=', 'cases.id'),
    )
    .select([
      'cases.id',
      'cases.policy_id',
      'cases.unit_id',
      'cases.field',
      'cases.error_type',
      'd.decided_on',
    ])
    .where('cases.field', 'is not', null)
    .where('cases.error_type', 'is not', null)
    .where('d.decided_on', '>', since)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('warning_cases')
            .select('warning_cases.case_id')
            .whereRef('warning_cases.case_id', '=', 'cases.id')
            .where('warning_cases.rule_id', '=', filter.notWarnedBy),
        ),
      ),
    );
  if (filter.policyId !== null) query = query.where('cases.policy_id', '=', filter.policyId);
  if (filter.unitId !== undefined) query = query.where('cases.unit_id', '=', filter.unitId);
  if (filter.field !== undefined) query = query.where('cases.field', '=', filter.field);
  if (filter.errorType !== undefined)
    query = query.where('cases.error_type', '=', filter.errorType);
  const rows = await query.execute();
  return rows.map((r) => ({
    caseId: r.id,
    policyId: r.policy_id,
    unitId: r.unit_id,
    field: r.field!,
    errorType: r.error_type!,
    decidedOn: r.decided_on,
  }));
}

export interface WarningListFilter {
  readonly kind?: WarningRuleKind;
  /** pending: a unit of the reader's has not acknowledged it; acknowledged: all of them have. */
  readonly status?: 'pending' | 'acknowledged';
  readonly limit: number;
  readonly offset: number;
}

/** Addressed to a unit of `units`, or (with `waiting`) to one that has not acknowledged it. */
function addressedTo(units: readonly string[], waiting = false) {
  return (eb: ExpressionBuilder<Database, 'warnings'>) => {
    let recipients = eb
      .selectFrom('warning_recipients as r')
      .select('r.unit_id')
      .whereRef('r.warning_id', '=', 'warnings.id')
      .where('r.unit_id', 'in', [...units]);
    if (waiting) recipients = recipients.where('r.acknowledged_at', 'is', null);
    return eb.exists(recipients);
  };
}

const WARNING_COLUMNS = [
  'warnings.id',
  'warnings.rule_id',
  'warnings.kind',
  'warnings.policy_id',
  'warnings.unit_id',
  'warnings.field',
  'warnings.error_type',
  'warnings.threshold',
  'warnings.months',
  'warnings.window_from',
  'warnings.window_to',
  'warnings.raised_at',
] as const;

/** The warnings addressed to the reader's units (`units`, their subtree), newest first. */
export async function listWarnings(db: Conn, units: readonly string[], filter: WarningListFilter) {
  if (units.length === 0) return { total: 0, rows: [] };
  let query = db.selectFrom('warnings').where(addressedTo(units));
  if (filter.kind !== undefined) query = query.where('warnings.kind', '=', filter.kind);
  if (filter.status === 'pending') query = query.where(addressedTo(units, true));
  if (filter.status === 'acknowledged')
    query = query.where((eb) => eb.not(addressedTo(units, true)(eb)));
  const { total } = await query
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select(WARNING_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('warning_cases')
        .select((c) => c.fn.countAll<string>().as('n'))
        .whereRef('warning_cases.warning_id', '=', 'warnings.id')
        .as('case_count'),
    )
    .orderBy('warnings.raised_at', 'desc')
    .orderBy('warnings.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total: Number(total), rows };
}

export type WarningRow = Awaited<ReturnType<typeof listWarnings>>['rows'][number];

/** One warning, if it is addressed to one of `units`. */
export async function findWarning(db: Conn, units: readonly string[], id: string) {
  if (units.length === 0) return undefined;
  return db
    .selectFrom('warnings')
    .where('warnings.id', '=', id)
    .where(addressedTo(units))
    .select(WARNING_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('warning_cases')
        .select((c) => c.fn.countAll<string>().as('n'))
        .whereRef('warning_cases.warning_id', '=', 'warnings.id')
        .as('case_count'),
    )
    .executeTakeFirst();
}

/** The recipients of warnings, with who acknowledged and what they will do. */
export function recipientsOf(db: Conn, warningIds: readonly string[]) {
  if (warningIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('warning_recipients as r')
    .innerJoin('units', 'units.id', 'r.unit_id')
    .leftJoin('users', 'users.id', 'r.acknowledged_by')
    .select([
      'r.warning_id',
      'r.unit_id',
      'units.name as unit_name',
      'r.acknowledged_at',
      'r.acknowledged_by',
      'users.display_name as acknowledged_by_name',
      'r.measures',
    ])
    .where('r.warning_id', 'in', [...warningIds])
    .orderBy('units.name')
    .execute();
}

/** The cases behind a warning, oldest decision first. */
export function casesOfWarning(db: Conn, warningId: string) {
  return db
    .selectFrom('warning_cases as w')
    .innerJoin('cases', 'cases.id', 'w.case_id')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('decisions')
          .select((d) => ['case_id', d.fn.min('meeting_date').as('decided_on')])
          .where('on_review', '=', false)
          .groupBy('case_id')
          .as('d'),
      (join) => join.onRef('d.case_id', '=', 'cases.id'),
    )
    .select([
      'cases.id',
      'cases.number',
      'cases.title',
      'cases.unit_id',
      'units.name as unit_name',
      'cases.field',
      'cases.error_type',
      'd.decided_on',
    ])
    .where('w.warning_id', '=', warningId)
    .orderBy('d.decided_on')
    .orderBy('cases.number')
    .execute();
}
