// The officers a unit may open a case about (单位启动核查): those of the reader's unit
// and the units below it, for whoever reads that subtree's cases.

import { readScopeOf } from '../../domain/case/case-access.ts';
import { officersBelow } from '../../store/user.repository.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import type { Actor } from './sessions.ts';

export async function listOfficers(ctx: AppContext, actor: Actor) {
  if (!readScopeOf(actor.roles).unitSubtree) {
    throw new UseCaseError('FORBIDDEN', '需要调查人员、秘书或审核人员角色');
  }
  return officersBelow(ctx.db, actor.unitId);
}
