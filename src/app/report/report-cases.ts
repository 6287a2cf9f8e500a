// The cases a report names: the 容错 case opened because of it, and the decided case a
// tolerated finding rests on. The petitions staff read their unit subtree's cases (their
// read scope, src/domain/case/case-access.ts); a case elsewhere answers as one that does
// not exist.

import type { CaseFound } from '../../domain/report/decide-report.ts';
import { caseForReport } from '../../store/report.repository.ts';
import type { Conn } from '../../store/transaction.ts';
import { isWithinUnit } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { caseNotFound } from '../case/case-actor.ts';

export async function caseNamedBy(conn: Conn, actor: Actor, caseId: string): Promise<CaseFound> {
  const found = await caseForReport(conn, caseId);
  if (!found || !(await isWithinUnit(conn, found.unit_id, actor.unitId))) throw caseNotFound();
  return { id: found.id, officerId: found.officer_id, conclusion: found.conclusion };
}
