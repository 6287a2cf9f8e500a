// What a publication of a case is composed from (publication.ts in the domain): the case,
// its conclusion with the ground's citation, the organ that decided, the lineage of the
// case's unit (本单位, 本系统), and the people the case names, whose names are hidden.

import type { CaseContext, PublicationContext } from '../../domain/case/case-view.ts';
import { composePublication } from '../../domain/case/publication.ts';
import type { RedactedText } from '../../domain/case/redaction.ts';
import { organOf } from '../../domain/account/unit-scope.ts';
import { conclusionCitation } from '../../domain/case/conclusion-citation.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { outcomeLabel } from '../../domain/policy/policy-model.ts';
import { deciderUnitId, peopleOfCase, unitNames } from '../../store/publication.queries.ts';
import type { Conn } from '../../store/transaction.ts';
import { unitLineage } from '../../store/unit.repository.ts';
import type { CaseSnapshot } from '../case/case-snapshot.ts';

function policyTitle(policy: CompiledPolicy): string {
  return policy.def.title;
}

/** The publication's source and audience for a case, read in the write's transaction. */
export async function publicationContext(
  db: Conn,
  snapshot: CaseSnapshot,
): Promise<PublicationContext> {
  const { row, view, policy } = snapshot;
  const lineage = await unitLineage(db, row.unit_id);
  if (lineage === null) throw new Error(`the unit of case ${row.id} does not exist`);
  const organ = organOf(lineage.units);
  // The body that decided is the 党委/党组 of the organ of whoever recorded the decision
  // (a county officer's case may be decided at the bureau above).
  const decider = await deciderUnitId(db, row.id);
  const deciderLineage = decider === null ? null : await unitLineage(db, decider);
  const decidingOrgan = deciderLineage === null ? organ : organOf(deciderLineage.units);
  const subjects = [row.officer_id, ...(row.applicant_id === null ? [] : [row.applicant_id])];
  const [people, names, officer] = await Promise.all([
    peopleOfCase(db, row.id, subjects),
    unitNames(db, [row.unit_id, decidingOrgan]),
    db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', row.officer_id)
      .executeTakeFirst(),
  ]);
  const { decision } = view;
  return {
    lineage: lineage.units,
    source: {
      number: row.number,
      title: row.title,
      conduct: row.conduct,
      officerName: officer?.display_name ?? null,
      caseUnitName: names.get(row.unit_id) ?? '',
      organName: names.get(decidingOrgan) ?? '',
      decidingBody: policy.def.procedure.decidingBody.name,
      policyTitle: policyTitle(policy),
      decision:
        decision === null
          ? null
          : {
              conclusionLabel: outcomeLabel(decision.conclusion),
              citation: conclusionCitation(policy, view.determination, decision.conclusion),
              meetingDate: decision.meetingDate,
            },
      known: people,
    },
  };
}

/** The draft a secretary is shown before publishing: composed and redacted. */
export async function publicationDraft(db: Conn, snapshot: CaseSnapshot): Promise<RedactedText> {
  return composePublication((await publicationContext(db, snapshot)).source);
}

/** The context of `publish`, with what the publication is composed from. */
export async function withPublication(
  db: Conn,
  snapshot: CaseSnapshot,
  context: CaseContext,
): Promise<CaseContext> {
  return { ...context, publication: await publicationContext(db, snapshot) };
}
