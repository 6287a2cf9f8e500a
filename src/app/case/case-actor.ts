// The signed-in user as the case procedure sees them: for one case, whether its unit is
// in theirs (the unit tree walked by one recursive query); for a list, their read scope.

import { readScopeOf } from '../../domain/case/case-access.ts';
import type { Actor as DomainActor } from '../../domain/case/case-view.ts';
import type { Reader } from '../../store/case-read-scope.sql.ts';
import type { Conn } from '../../store/transaction.ts';
import { isWithinUnit } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';

/** The actor for a case of `unitId` (or a case to be opened there). */
export async function caseActor(conn: Conn, actor: Actor, unitId: string): Promise<DomainActor> {
  return {
    id: actor.id,
    roles: actor.roles,
    inUnitScope: await isWithinUnit(conn, unitId, actor.unitId),
  };
}

/** The actor as a reader of lists: what their roles let them read, from their unit down. */
export function readerOf(actor: Actor): Reader {
  return { id: actor.id, unitId: actor.unitId, scope: readScopeOf(actor.roles) };
}
