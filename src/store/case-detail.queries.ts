// Everything recorded on one case, for the case page: the records of each step, the
// timeline from the audit log, and the names of the units and people they mention.

import { sql, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { Conn } from './transaction.ts';
import { allOf } from './all-of.ts';
import { auditRowsOf } from './audit.repository.ts';
import type { CaseViewRows } from './case.repository.ts';

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
function childRows<T extends CaseChild>(
  db: Conn,
  table: T,
  caseId: string,
): Promise<Selectable<Database[T]>[]> {
  return db
    .selectFrom(table as CaseChild)
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy(sql.ref(CHILD_ORDER[table]))
    .execute() as Promise<Selectable<Database[T]>[]>;
}

export function caseRecords(db: Conn, caseId: string) {
  return allOf({
    facts: db
      .selectFrom('case_facts')
      .select(['fact_id', 'value', 'note', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId)
      .execute(),
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
      .orderBy('uploaded_at')
      .execute(),
    assessments: db
      .selectFrom('assessments')
      .select(['factor', 'finding', 'recorded_at'])
      .where('case_id', '=', caseId)
      .execute(),
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
      .where('corrections.case_id', '=', caseId)
      .execute(),
    errorRecords: childRows(db, 'enforcement_error_records', caseId),
    recusals: db
      .selectFrom('case_recusals')
      .select(['user_id', 'kind', 'reason', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId)
      .orderBy('recorded_at')
      .execute(),
    reviews: db
      .selectFrom('case_reviews')
      .select(['kind', 'opinion', 'agrees', 'reviewed_on', 'reviewed_by', 'reviewed_at'])
      .where('case_id', '=', caseId)
      .orderBy('kind')
      .execute(),
    timeline: auditRowsOf(db, 'case', caseId),
  });
}

export type CaseRecords = Awaited<ReturnType<typeof caseRecords>>;

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
