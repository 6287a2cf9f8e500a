// Everything recorded on one case, for the case page: the records of each step, the
// timeline from the audit log, and the names of the units and people they mention.

import type { Conn } from './transaction.ts';
import { auditRowsOf } from './audit.repository.ts';

export async function caseRecords(db: Conn, caseId: string) {
  const [
    facts,
    evidence,
    assessments,
    decisions,
    notifications,
    publications,
    objections,
    corrections,
    errorRecords,
    timeline,
  ] = await Promise.all([
    db
      .selectFrom('case_facts')
      .select(['fact_id', 'value', 'note', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId)
      .execute(),
    db
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
    db
      .selectFrom('assessments')
      .select(['factor', 'finding', 'recorded_at'])
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('decisions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('decided_at')
      .execute(),
    db
      .selectFrom('notifications')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('due')
      .execute(),
    db
      .selectFrom('publications')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('published_at')
      .execute(),
    db
      .selectFrom('objections')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('raised_at')
      .execute(),
    db
      .selectFrom('corrections')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('opened_at')
      .execute(),
    db
      .selectFrom('enforcement_error_records')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute(),
    auditRowsOf(db, 'case', caseId),
  ]);
  return {
    facts,
    evidence,
    assessments,
    decisions,
    notifications,
    publications,
    objections,
    corrections,
    errorRecords,
    timeline,
  };
}

export type CaseRecords = Awaited<ReturnType<typeof caseRecords>>;

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
