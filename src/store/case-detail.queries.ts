// Everything recorded on one case, for the case page: the records of each step, the
// timeline from the audit log, and the names of the units and people they mention. The
// case page reads it all in one statement (caseDetailOf): the case row, each table below
// it as a JSON array built by the same query the record's own read sends (recordQueries),
// the names, whether the reader's unit contains the case's, and the stored evaluation.

import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import pg from 'pg';
import type { CaseRow, Database } from './schema.ts';
import type { Conn } from './transaction.ts';
import { allOf } from './all-of.ts';
import { auditRowsQuery } from './audit.repository.ts';
import type { CaseViewRows } from './case.repository.ts';
import type { StoredEvaluation } from './case-evaluation.repository.ts';

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
export async function caseRecords(db: Conn, caseId: string): Promise<CaseRecords> {
  const q = recordQueries(db, caseId);
  return allOf({
    facts: q.facts.execute(),
    evidence: q.evidence.execute(),
    assessments: q.assessments.execute(),
    decisions: q.decisions.execute(),
    notifications: q.notifications.execute(),
    publications: q.publications.execute(),
    objections: q.objections.execute(),
    corrections: q.corrections.execute(),
    correctionClosings: q.correctionClosings.execute(),
    errorRecords: q.errorRecords.execute(),
    recusals: q.recusals.execute(),
    reviews: q.reviews.execute(),
    timeline: q.timeline.execute(),
  });
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

/** Guards the walk up the unit tree against a cycle (as unit.repository.ts unitLineage). */
const MAX_DEPTH = 64;

/**
 * The timestamp columns of each record: inside a JSON array they arrive as text, and are
 * turned into the Date that `pg` itself gives for a row's column, by its own parser.
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
const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;

/** JSON writes a timestamp 2026-03-01T09:30:00.123456+08:00; PostgreSQL's text has a space. */
function timestampOf(value: unknown): unknown {
  return typeof value === 'string' ? parseTimestamp(value.replace('T', ' ')) : value;
}

function revive<K extends keyof CaseRecords>(key: K, rows: unknown): CaseRecords[K] {
  const columns = TIMESTAMPS[key] as readonly string[];
  const list = rows as Record<string, unknown>[];
  if (columns.length > 0)
    for (const row of list) for (const c of columns) row[c] = timestampOf(row[c]);
  return list as unknown as CaseRecords[K];
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
  const q = recordQueries(db, caseId);
  const names = nameQueries(db, caseId);
  const found = await db
    .selectFrom('cases')
    .leftJoin('case_evaluations as ev', 'ev.case_id', 'cases.id')
    .selectAll('cases')
    .select([
      'ev.policy_id as ev_policy_id',
      'ev.policy_version as ev_policy_version',
      'ev.policy_digest as ev_policy_digest',
      'ev.as_of as ev_as_of',
      'ev.facts_key as ev_facts_key',
      'ev.determination as ev_determination',
      sql<boolean>`exists (
        with recursive lineage(id, parent_id, depth) as (
          select id, parent_id, 0 from units where id = cases.unit_id
          union all
          select u.id, u.parent_id, l.depth + 1
          from units u join lineage l on u.id = l.parent_id
          where l.depth < ${MAX_DEPTH}
        )
        select 1 from lineage where id = ${readerUnitId})`.as('in_reader_unit'),
      jsonArrayFrom(q.facts).as('r_facts'),
      jsonArrayFrom(q.evidence).as('r_evidence'),
      jsonArrayFrom(q.assessments).as('r_assessments'),
      jsonArrayFrom(q.decisions).as('r_decisions'),
      jsonArrayFrom(q.notifications).as('r_notifications'),
      jsonArrayFrom(q.publications).as('r_publications'),
      jsonArrayFrom(q.objections).as('r_objections'),
      jsonArrayFrom(q.corrections).as('r_corrections'),
      jsonArrayFrom(q.correctionClosings).as('r_correction_closings'),
      jsonArrayFrom(q.errorRecords).as('r_error_records'),
      jsonArrayFrom(q.recusals).as('r_recusals'),
      jsonArrayFrom(q.reviews).as('r_reviews'),
      jsonArrayFrom(q.timeline).as('r_timeline'),
      jsonArrayFrom(names.units).as('n_units'),
      jsonArrayFrom(names.people).as('n_people'),
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!found) return undefined;
  const {
    ev_policy_id,
    ev_policy_version,
    ev_policy_digest,
    ev_as_of,
    ev_facts_key,
    ev_determination,
    in_reader_unit,
    r_facts,
    r_evidence,
    r_assessments,
    r_decisions,
    r_notifications,
    r_publications,
    r_objections,
    r_corrections,
    r_correction_closings,
    r_error_records,
    r_recusals,
    r_reviews,
    r_timeline,
    n_units,
    n_people,
    ...row
  } = found;
  return {
    row,
    inReaderUnit: in_reader_unit,
    records: {
      facts: revive('facts', r_facts),
      evidence: revive('evidence', r_evidence),
      assessments: revive('assessments', r_assessments),
      decisions: revive('decisions', r_decisions),
      notifications: revive('notifications', r_notifications),
      publications: revive('publications', r_publications),
      objections: revive('objections', r_objections),
      corrections: revive('corrections', r_corrections),
      correctionClosings: revive('correctionClosings', r_correction_closings),
      errorRecords: revive('errorRecords', r_error_records),
      recusals: revive('recusals', r_recusals),
      reviews: revive('reviews', r_reviews),
      timeline: revive('timeline', r_timeline),
    },
    units: new Map(n_units.map((u) => [u.id, u.name])),
    people: new Map(n_people.map((u) => [u.id, { name: u.display_name, badge: u.badge_number }])),
    evaluation:
      ev_policy_id === null ||
      ev_policy_version === null ||
      ev_policy_digest === null ||
      ev_as_of === null ||
      ev_facts_key === null
        ? null
        : {
            policy_id: ev_policy_id,
            policy_version: ev_policy_version,
            policy_digest: ev_policy_digest,
            as_of: ev_as_of,
            facts_key: ev_facts_key,
            determination: ev_determination,
          },
  };
}
