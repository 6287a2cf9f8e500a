// An officer's record (履职档案): their cases, and enforcement errors only where a
// conclusion made one (第十五条). Read by the officer, and by whoever reads the cases of
// the officer's unit; each lists only the cases its reader may read.

import { canReadOfficerRecord, readScopeOf } from '../../domain/case/case-access.ts';
import { resolveReader } from '../../store/case-read-scope.sql.ts';
import { casesAbout, standingErrorRecords } from '../../store/officer-record.queries.ts';
import { isWithinUnit } from '../../store/unit.repository.ts';
import { findAccount } from '../../store/user.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { readerOf } from './case-actor.ts';

export async function officerRecord(ctx: AppContext, actor: Actor, officerId: string) {
  const found = await findAccount(ctx.db, officerId);
  // Only an officer (执法人员) has a record of enforcement.
  const officer = found?.roles.includes('officer') ? found : undefined;
  const mayRead =
    officer !== undefined &&
    canReadOfficerRecord(
      readScopeOf(actor.roles),
      actor.id,
      officerId,
      await isWithinUnit(ctx.db, officer.unit_id, actor.unitId),
    );
  if (!officer || !mayRead) throw new UseCaseError('NOT_FOUND', '执法人员不存在');
  const reader = await resolveReader(ctx.db, readerOf(actor));
  const [cases, errorRecords] = await Promise.all([
    casesAbout(ctx.db, officerId, reader),
    standingErrorRecords(ctx.db, officerId, reader),
  ]);
  return { officer, cases, errorRecords };
}
