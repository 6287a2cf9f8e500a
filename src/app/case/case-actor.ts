// The signed-in user as the case procedure sees them: for one case, whether its unit is
// in theirs (the unit tree walked by one recursive query); for a list, their read scope.

import { canRead, readScopeOf } from '../../domain/case/case-access.ts';
import type { Actor as DomainActor } from '../../domain/case/case-view.ts';
import type { Reader } from '../../store/case-read-scope.sql.ts';
import type { CaseRow } from '../../store/schema.ts';
import type { Conn } from '../../store/transaction.ts';
import { isWithinUnit } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { UseCaseError } from '../app-context.ts';

/**
 * The one answer for a case that does not exist and for a case the reader may not read,
 * to a read and to a write alike: its existence must not leak.
 */
export const caseNotFound = () => new UseCaseError('NOT_FOUND', '案件不存在');

/**
 * The actor for a record of `unitId` (a case or one to be opened there, a correction, a
 * report, a clearance): whether that unit is theirs or below it.
 */
export async function caseActor(conn: Conn, actor: Actor, unitId: string): Promise<DomainActor> {
  return {
    id: actor.id,
    roles: actor.roles,
    inUnitScope: await isWithinUnit(conn, unitId, actor.unitId),
  };
}

/**
 * The actor for a case they may read; NOT_FOUND, as if it did not exist, otherwise. A
 * reader who may read but not act is refused by the domain (FORBIDDEN) after this.
 */
export async function readingActor(
  conn: Conn,
  actor: Actor,
  row: Pick<CaseRow, 'unit_id' | 'officer_id' | 'applicant_id'>,
): Promise<DomainActor> {
  return mayRead(actor, row, await isWithinUnit(conn, row.unit_id, actor.unitId));
}

/**
 * readingActor, once whether the case's unit is the actor's or below it is known (the case
 * page reads that in the statement that reads the case).
 */
export function mayRead(
  actor: Actor,
  row: Pick<CaseRow, 'officer_id' | 'applicant_id'>,
  inUnitScope: boolean,
): DomainActor {
  const who: DomainActor = { id: actor.id, roles: actor.roles, inUnitScope };
  if (!canRead({ officerId: row.officer_id, applicantId: row.applicant_id }, who))
    throw caseNotFound();
  return who;
}

/** The actor as a reader of lists: what their roles let them read, from their unit down. */
export function readerOf(actor: Actor): Reader {
  return { id: actor.id, unitId: actor.unitId, scope: readScopeOf(actor.roles) };
}
