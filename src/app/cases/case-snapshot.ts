// Loads a case and what the state machine needs about it (CaseView), and evaluates the
// recorded facts under the case's own policy version: the version recorded when the
// case was opened, never a later one.

import type { Transaction, Kysely } from 'kysely';
import type {
  CaseState,
  AssessmentFactor,
  RecipientKind,
  ObjectionReturnState,
  CaseOrigin,
} from '../../domain/case/case-state.ts';
import type { CaseView } from '../../domain/case/case-transitions.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { Tri } from '../../domain/policy/decision-diagram.ts';
import { evaluate, type Evaluation } from '../../domain/policy/evaluate.ts';
import type { OutcomeCode } from '../../domain/policy/policy-model.ts';
import type { CaseRow, Database } from '../../store/schema.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function policyOfCase(
  ctx: AppContext,
  row: Pick<CaseRow, 'policy_id' | 'policy_version'>,
): CompiledPolicy {
  const policy = ctx.registry.byId
    .get(row.policy_id)
    ?.find((p) => p.version === row.policy_version);
  if (!policy)
    throw new UseCaseError(
      'UNKNOWN_POLICY',
      `制度 ${row.policy_id} 版本 ${row.policy_version} 未载入`,
    );
  return policy;
}

/** The fact vector of a case's recorded facts; facts never recorded are unknown. */
export async function factVectorOf(
  db: Db,
  policy: CompiledPolicy,
  caseId: string,
): Promise<Uint8Array> {
  const rows = await db
    .selectFrom('case_facts')
    .select(['fact_id', 'value'])
    .where('case_id', '=', caseId)
    .execute();
  const values = new Uint8Array(policy.facts.length).fill(Tri.Unknown);
  for (const r of rows) {
    const index = policy.factIndex.get(r.fact_id);
    if (index !== undefined && r.value !== null) values[index] = r.value ? Tri.True : Tri.False;
  }
  return values;
}

export interface CaseSnapshot {
  readonly row: CaseRow;
  readonly policy: CompiledPolicy;
  readonly values: Uint8Array;
  readonly evaluation: Evaluation;
  readonly view: CaseView;
}

/** The case with the state machine's view of it; `forUpdate` locks the row for a write. */
export async function loadSnapshot(
  ctx: AppContext,
  db: Db,
  caseId: string,
  forUpdate: boolean,
): Promise<CaseSnapshot> {
  let query = db.selectFrom('cases').selectAll().where('id', '=', caseId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new UseCaseError('NOT_FOUND', '案件不存在');
  const policy = policyOfCase(ctx, row);
  const values = await factVectorOf(db, policy, caseId);
  const evaluation = evaluate(policy, values);

  const [factors, decision, notifications, objection] = await Promise.all([
    db.selectFrom('assessments').select('factor').where('case_id', '=', caseId).execute(),
    db
      .selectFrom('decisions')
      .select(['conclusion', 'meeting_date'])
      .where('case_id', '=', caseId)
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('notifications')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('due')
      .execute(),
    db
      .selectFrom('objections')
      .select('return_to')
      .where('case_id', '=', caseId)
      .where('result', 'is', null)
      .executeTakeFirst(),
  ]);

  // After submit_for_decision the recorded determination stands; before, the live one.
  const recorded = row.determination as {
    status: 'determined' | 'undetermined';
    outcome: OutcomeCode | null;
  } | null;
  const view: CaseView = {
    id: row.id,
    state: row.state as CaseState,
    origin: row.origin as CaseOrigin,
    unitId: row.unit_id,
    officerId: row.officer_id,
    applicantId: row.applicant_id,
    recordedFactors: factors.map((f) => f.factor as AssessmentFactor),
    determination: recorded
      ? { status: recorded.status, outcome: recorded.outcome }
      : { status: evaluation.status, outcome: evaluation.outcome },
    decision: decision
      ? { conclusion: decision.conclusion as OutcomeCode, meetingDate: decision.meeting_date }
      : null,
    notifications: notifications.map((n) => ({
      id: n.id,
      recipientKind: n.recipient_kind as RecipientKind,
      recipient: n.recipient,
      due: n.due,
      sent: n.sent_at !== null,
    })),
    objectionDue: row.objection_due,
    stateBeforeObjection: (objection?.return_to as ObjectionReturnState | undefined) ?? null,
  };
  return { row, policy, values, evaluation, view };
}
