// What the clearance use cases share: the one answer for a clearance or report one may not
// read, and the actor as the domain sees them for a unit.

import type { Actor as DomainActor } from '../../domain/case/case-view.ts';
import type { Conn } from '../../store/transaction.ts';
import { isWithinUnit } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { UseCaseError } from '../app-context.ts';

/** Does not exist, or the reader may not read it: the same answer, so that it does not leak. */
export const clearanceNotFound = () =>
  new UseCaseError('CLEARANCE_NOT_FOUND', '澄清正名记录不存在');

export const reportNotFound = () => new UseCaseError('REPORT_NOT_FOUND', '信访举报不存在');

/** The actor for a clearance or report of `unitId`: whether that unit is theirs or below it. */
export async function clearanceActor(
  conn: Conn,
  actor: Actor,
  unitId: string,
): Promise<DomainActor> {
  return {
    id: actor.id,
    roles: actor.roles,
    inUnitScope: await isWithinUnit(conn, unitId, actor.unitId),
  };
}

export function staleVersion(version: number, expected: number) {
  return new UseCaseError(
    'STALE_VERSION',
    `澄清正名记录已被他人修改（当前版本 ${version}，提交版本 ${expected}），请刷新后重试`,
  );
}
