// Everything recorded on one case, for the case page: the records of each step, the
// timeline from the audit log, and the names of the units and people they mention. The
// case page reads it all in one statement (caseDetailOf): the case row, each table below
// it as a JSON array built by the same query the record's own read sends (recordQueries),
// the names, whether the reader's unit contains the case's, and the stored evaluation.

import { sql, type Expression, type Selectable, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { CaseRow, Database } from './schema.ts';
import type { Conn } from './transaction.ts';
import { allOf } from './all-of.ts';
import { auditRowsQuery } from './audit.repository.ts';
import type { CaseViewRows } from './case.repository.ts';
import type { StoredEvaluation } from './case-evaluation.repository.ts';
import { typeParsers } from './pg-types.ts';
import { preparedQuery } from './prepared-statement.ts';
import { unitIsWithin } from './unit.repository.ts';

/** The tables of a case's steps, each with the column its rows are listed in order of. */
const CHILD_ORDER = {
  decisions: 'decided_at',
  notifications: 'due',
  publications: 'published_at',
  objections: 'raised_at',
  corrections: 'opened_at',
  enforcement_error_records: 'created_at',
} as const;
type CaseChild = keyof typeof CHILD_ORDER;

/** Every row one step wrote on the case, in the order it happened. */
function childRows<T extends CaseChild>(db: Conn, table: T, caseId: string) {
  return (
    db
      .selectFrom(table as CaseChild)
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy(sql.ref(CHILD_ORDER[table]))
      // Two rows of one instant (a decision's notices to the party and to a unit fall due the
      // same day) in a fixed order, so the page does not reorder between reads.
      .orderBy(
        table === 'notifications' ? sql`recipient_kind, recipient` : sql.ref('id'),
      ) as unknown as SelectQueryBuilder<Database, T, Selectable<Database[T]>>
  );
}

/** The query of each record kept on a case, not yet sent. */
function recordQueries(db: Conn, caseId: string) {
  return {
    facts: db
      .selectFrom('case_facts')
      .select(['fact_id', 'value', 'note', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId),
    evidence: db
      .selectFrom('evidence')
      .select([
        'id',
        'fact_id',
        'filename',
        'content_type',
        'size',
        'sha256',
        'uploaded_by',
        'uploaded_at',
      ])
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at'),
    assessments: db
      .selectFrom('assessments')
      .select(['factor', 'finding', 'recorded_at'])
      .where('case_id', '=', caseId),
    decisions: childRows(db, 'decisions', caseId),
    notifications: childRows(db, 'notifications', caseId),
    publications: childRows(db, 'publications', caseId),
    objections: childRows(db, 'objections', caseId),
    corrections: childRows(db, 'corrections', caseId),
    /** The lessons recorded when a correction closed (第十七条), shown on the case. */
    correctionClosings: db
      .selectFrom('correction_closings')
      .innerJoin('corrections', 'corrections.id', 'correction_closings.correction_id')
      .select([
        'correction_closings.correction_id',
        'correction_closings.cause_analysis',
        'correction_closings.improvements',
      ])
      .where('corrections.case_id', '=', caseId),
    errorRecords: childRows(db, 'enforcement_error_records', caseId),
    recusals: db
      .selectFrom('case_recusals')
      .select(['user_id', 'kind', 'reason', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId)
      .orderBy('recorded_at'),
    reviews: db
      .selectFrom('case_reviews')
      .select(['kind', 'opinion', 'agrees', 'reviewed_on', 'reviewed_by', 'reviewed_at'])
      .where('case_id', '=', caseId)
      .orderBy('kind'),
    /** The case's audit events, in the chain's order (audit.repository.ts auditRowsOf). */
    timeline: auditRowsQuery(db, 'case', caseId),
  };
}

type RecordQueries = ReturnType<typeof recordQueries>;
export type CaseRecords = {
  [K in keyof RecordQueries]: Awaited<ReturnType<RecordQueries[K]['execute']>>;
};

/** Each record's rows, one query per table. */
export function caseRecords(db: Conn, caseId: string): Promise<CaseRecords> {
  const sent = Object.entries(recordQueries(db, caseId)).map(([key, q]) => [key, q.execute()]);
  return allOf(Object.fromEntries(sent) as { [K in keyof CaseRecords]: Promise<CaseRecords[K]> });
}

/** The rows the state machine reads (viewRowsOf), taken from the records already read. */
export function viewRowsFrom(records: CaseRecords): CaseViewRows {
  return {
    facts: records.facts,
    factors: records.assessments.map((a) => a.factor),
    // Decisions come in the order they were taken: the last one stands.
    latestDecision: records.decisions.at(-1),
    notifications: records.notifications,
    openObjection: records.objections.find((o) => o.result === null),
    recusedIds: records.recusals.map((r) => r.user_id),
    reviews: records.reviews.map((r) => ({ kind: r.kind, agrees: r.agrees })),
  };
}

/** The names a case page shows: of the given units and people. */
export async function namesOf(
  db: Conn,
  unitIds: readonly string[],
  userIds: readonly string[],
): Promise<{
  units: Map<string, string>;
  people: Map<string, { name: string; badge: string | null }>;
}> {
  const units = [...new Set(unitIds)];
  const people = [...new Set(userIds)];
  const [unitRows, userRows] = await Promise.all([
    units.length === 0
      ? []
      : db.selectFrom('units').select(['id', 'name']).where('id', 'in', units).execute(),
    people.length === 0
      ? []
      : db
          .selectFrom('users')
          .select(['id', 'display_name', 'badge_number'])
          .where('id', 'in', people)
          .execute(),
  ]);
  return {
    units: new Map(unitRows.map((u) => [u.id, u.name])),
    people: new Map(userRows.map((u) => [u.id, { name: u.display_name, badge: u.badge_number }])),
  };
}

/**
 * The timestamp columns of each record: inside a JSON array they arrive as text, and are
 * turned into the Date the application's pool gives for a row's column, by its parser.
 */
const TIMESTAMPS: { readonly [K in keyof CaseRecords]: readonly (keyof CaseRecords[K][number])[] } =
  {
    facts: ['recorded_at'],
    evidence: ['uploaded_at'],
    assessments: ['recorded_at'],
    decisions: ['decided_at'],
    notifications: ['sent_at'],
    publications: ['published_at'],
    objections: ['raised_at', 'reviewed_at'],
    corrections: ['opened_at'],
    correctionClosings: [],
    errorRecords: ['created_at', 'revoked_at'],
    recusals: ['recorded_at'],
    reviews: ['reviewed_at'],
    timeline: ['at'],
  };

const TIMESTAMPTZ_OID = 1184;
const parseTimestamp = typeParsers.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;

/** JSON writes a timestamp 2026-03-01T09:30:00.123456+08:00; PostgreSQL's text has a space. */
function timestampOf(value: unknown): unknown {
  return typeof value === 'string' ? parseTimestamp(value.replace('T', ' ')) : value;
}

/** Each record's rows as read from their JSON arrays, the timestamps Dates again. */
function revived(arrays: Record<string, Record<string, unknown>[]>): CaseRecords {
  for (const [key, columns] of Object.entries(TIMESTAMPS) as [string, readonly string[]][])
    for (const row of arrays[key]!) for (const c of columns) row[c] = timestampOf(row[c]);
  return arrays as unknown as CaseRecords;
}

/** The units and people a case page names: its unit and the units notified; everyone acting. */
function nameQueries(db: Conn, caseId: string) {
  return {
    units: db
      .selectFrom('units')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        sql<string>`(select unit_id from cases where id = ${caseId}
          union all
          select recipient::uuid from notifications
          where case_id = ${caseId} and recipient_kind = 'unit')`,
      ),
    people: db
      .selectFrom('users')
      .select(['id', 'display_name', 'badge_number'])
      .where(
        'id',
        'in',
        sql<string>`(select officer_id from cases where id = ${caseId}
          union all
          select actor_id from audit_events
          where entity_type = 'case' and entity_id = ${caseId} and actor_id is not null
          union all select uploaded_by from evidence where case_id = ${caseId}
          union all select user_id from case_recusals where case_id = ${caseId}
          union all select reviewed_by from case_reviews where case_id = ${caseId})`,
      ),
  };
}

/** One case for its page, read in one statement. */
export interface CaseDetailRows {
  readonly row: CaseRow;
  /** Whether the case's unit is the reader's unit or below it (unit.repository.ts isWithinUnit). */
  readonly inReaderUnit: boolean;
  readonly records: CaseRecords;
  readonly units: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, { readonly name: string; readonly badge: string | null }>;
  /** The evaluation stored when its facts last changed, if any (migration 0017). */
  readonly evaluation: StoredEvaluation | null;
}

/**
 * The case, everything recorded on it, the names it shows, whether `readerUnitId` contains
 * its unit and its stored evaluation, in one statement; undefined when there is no such case.
 */
export async function caseDetailOf(
  db: Conn,
  caseId: string,
  readerUnitId: string,
): Promise<CaseDetailRows | undefined> {
  const [found] = await caseDetailStatement(db, { caseId, readerUnitId });
  if (!found) return undefined;
  const { in_reader_unit, records: arrays, n_units, n_people, evaluation, ...row } = found;
  return {
    row,
    inReaderUnit: in_reader_unit,
    records: revived(arrays),
    units: new Map(n_units.map((u) => [u.id, u.name])),
    people: new Map(n_people.map((u) => [u.id, { name: u.display_name, badge: u.badge_number }])),
    evaluation,
  };
}

/** The case page's one statement, prepared: it is the most read and the costliest to plan. */
const caseDetailStatement = preparedQuery(
  'case_detail',
  ['caseId', 'readerUnitId'],
  (db, { caseId, readerUnitId }: { caseId: string; readerUnitId: string }) => {
    // Every record as one JSON object of arrays, each by the query its own read sends.
    const records = Object.entries(recordQueries(db, caseId)).map(
      ([key, q]) => sql`${sql.lit(key)}, ${jsonArrayFrom(q as Expression<unknown>)}`,
    );
    const names = nameQueries(db, caseId);
    return db
      .selectFrom('cases')
      .selectAll('cases')
      .select([
        unitIsWithin(sql.ref('cases.unit_id'), readerUnitId).as('in_reader_unit'),
        sql<Record<string, Record<string, unknown>[]>>`json_build_object(${sql.join(records)})`.as(
          'records',
        ),
        jsonArrayFrom(names.units).as('n_units'),
        jsonArrayFrom(names.people).as('n_people'),
        jsonObjectFrom(
          db
            .selectFrom('case_evaluations')
            .select([
              'policy_id',
              'policy_version',
              'policy_digest',
              'as_of',
              'facts_key',
              'determination',
            ])
            .where('case_id', '=', caseId),
        ).as('evaluation'),
      ])
      .where('cases.id', '=', caseId);
  },
);
