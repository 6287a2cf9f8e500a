// What the papers of the 纠错, warning and 信访举报 halves read alike: the organ that issues
// them, a correction with its records and policy, and the articles they rest on.

import { organOf } from '../../../domain/account/unit-scope.ts';
import type { CompiledPolicy } from '../../../domain/policy/compile-policy.ts';
import {
  policyArticle,
  type PolicyBasis,
} from '../../../domain/document/kinds/oversight-document-parts.ts';
import { findCorrection, type CorrectionRow } from '../../../store/correction.repository.ts';
import { correctionRecords, type CorrectionRecords } from '../../../store/correction.queries.ts';
import { unitNames } from '../../../store/publication.queries.ts';
import type { Conn } from '../../../store/transaction.ts';
import { unitLineage } from '../../../store/unit.repository.ts';
import type { AppContext } from '../../app-context.ts';
import { correctionNotFound } from '../../correction/correction-context.ts';
import { pinnedPolicy } from '../../policy/pinned-policy.ts';

/**
 * The name of the organ that issues a unit's papers: the unit itself, or the 局 a 科室 is
 * part of (a section issues nothing of its own), as the case's papers name it.
 */
export async function issuingOrganName(conn: Conn, unitId: string): Promise<string> {
  const lineage = await unitLineage(conn, unitId);
  const organId = lineage === null ? unitId : organOf(lineage.units);
  return (await unitNames(conn, [organId])).get(organId) ?? '';
}

/** A correction with every record of it and the policy version it is held to. */
export interface CorrectionRows {
  readonly row: CorrectionRow;
  readonly records: CorrectionRecords;
  readonly policy: CompiledPolicy;
  /** The organ that issues its papers. */
  readonly organName: string;
}

export async function correctionRows(
  conn: Conn,
  ctx: AppContext,
  correctionId: string,
): Promise<CorrectionRows> {
  const row = await findCorrection(conn, correctionId);
  if (!row) throw correctionNotFound();
  const records = await correctionRecords(conn, row.id);
  const organName = await issuingOrganName(conn, row.unit_id);
  return { row, records, policy: pinnedPolicy(ctx, row), organName };
}

/** The articles, each once, with their text from the correction's own policy version. */
export function basisOf(policy: CompiledPolicy, articles: readonly number[]): PolicyBasis {
  return {
    policyTitle: policy.def.title,
    articles: [...new Set(articles)].map((n) => policyArticle(policy.def, n)),
  };
}
