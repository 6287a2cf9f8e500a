// Every write to a case: open one, fire a transition, record a fact, an assessment factor
// or evidence. Each runs in one transaction: lock the case, check the version the client
// read (optimistic concurrency), ask the domain, write its effects, append the audit
// event. A refusal writes nothing.

import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { todayInChina } from '../../domain/calendar-date.ts';
import type { CaseError } from '../../domain/case/case-errors.ts';
import {
  checkAttachEvidence,
  checkRecordAssessment,
  checkRecordFact,
  normalizeContentType,
} from '../../domain/case/case-records.ts';
import type { AssessmentFactor, EnforcementAction } from '../../domain/case/case-state.ts';
import {
  decideTransition,
  outcomeCodesOf,
  type Actor as CaseActor,
  type CaseAction,
  type CaseChange,
  type CaseContext,
  type CaseView,
} from '../../domain/case/case-transitions.ts';
import { matchesSignature } from '../../domain/case/evidence-signature.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { explain } from '../../domain/policy/explain.ts';
import { versionInForce } from '../../domain/policy/policy-registry.ts';
import type { Database } from '../../store/schema.ts';
import type { Actor } from '../accounts/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit-log.ts';
import { loadSnapshot, type CaseSnapshot } from './case-snapshot.ts';
import { isWithin, loadUnitTree, policyOfUnit, type UnitTree } from './unit-scope.ts';

type Trx = Transaction<Database>;

function refuse(error: CaseError): never {
  throw new UseCaseError(error.code, error.message);
}

function caseActor(actor: Actor, tree: UnitTree, unitId: string): CaseActor {
  return { id: actor.id, roles: actor.roles, inUnitScope: isWithin(tree, unitId, actor.unitId) };
}

function caseContext(ctx: AppContext, policy: CompiledPolicy): CaseContext {
  return {
    today: todayInChina(ctx.now()),
    procedure: policy.def.procedure,
    outcomes: outcomeCodesOf(policy),
    calendar: ctx.calendar,
  };
}

function checkVersion(snapshot: CaseSnapshot, expected: number): void {
  if (snapshot.row.version !== expected) {
    throw new UseCaseError(
      'STALE_VERSION',
      `案件已被他人修改（当前版本 ${snapshot.row.version}，提交版本 ${expected}），请刷新后重试`,
    );
  }
}

async function bumpVersion(
  trx: Trx,
  snapshot: CaseSnapshot,
  state: string,
  now: Date,
): Promise<number> {
  const updated = await trx
    .updateTable('cases')
    .set({ state, version: snapshot.row.version + 1, updated_at: now })
    .where('id', '=', snapshot.row.id)
    .where('version', '=', snapshot.row.version)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw new UseCaseError('STALE_VERSION', '案件已被他人修改，请刷新后重试');
  return updated.version;
}

export interface OpenCaseInput {
  readonly origin: 'application' | 'initiation';
  readonly unitId: string;
  /** For an initiated case: the officer whose conduct is in question. */
  readonly officerId?: string;
  readonly title: string;
  readonly conduct: string;
  readonly enforcementAction: EnforcementAction;
}

/** Opens a case by application (officer) or initiation (investigator), at most once per idempotency key. */
export async function openCase(
  ctx: AppContext,
  actor: Actor,
  input: OpenCaseInput,
  idempotencyKey?: string,
) {
  const now = ctx.now();
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  return ctx.db.transaction().execute(async (trx) => {
    if (idempotencyKey !== undefined) {
      // A concurrent request with the same key waits here until the first commits.
      const fresh = await trx
        .insertInto('idempotency_keys')
        .values({ user_id: actor.id, key: idempotencyKey, request_hash: requestHash })
        .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!fresh) {
        const earlier = await trx
          .selectFrom('idempotency_keys')
          .select(['request_hash', 'response'])
          .where('user_id', '=', actor.id)
          .where('key', '=', idempotencyKey)
          .executeTakeFirstOrThrow();
        if (earlier.request_hash !== requestHash) {
          throw new UseCaseError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一请求');
        }
        return {
          ...(earlier.response as { id: string; number: string; version: number }),
          replayed: true,
        };
      }
    }

    const tree = await loadUnitTree(trx);
    if (!tree.parentOf.has(input.unitId)) throw new UseCaseError('NOT_FOUND', '单位不存在');
    const policyId = policyOfUnit(tree, input.unitId);
    const today = todayInChina(now);
    const versions = policyId === null ? undefined : ctx.registry.byId.get(policyId);
    const policy = versions ? versionInForce(versions, today) : null;
    if (!policy) throw new UseCaseError('POLICY_NOT_IN_FORCE', '该单位没有施行中的容错纠错制度');

    const action: CaseAction =
      input.origin === 'application'
        ? {
            kind: 'submit_application',
            unitId: input.unitId,
            title: input.title,
            conduct: input.conduct,
            enforcementAction: input.enforcementAction,
          }
        : {
            kind: 'initiate',
            officerId: input.officerId ?? '',
            unitId: input.unitId,
            title: input.title,
            conduct: input.conduct,
            enforcementAction: input.enforcementAction,
          };
    if (input.origin === 'initiation') {
      if (input.officerId === undefined) {
        throw new UseCaseError('INVALID_INPUT', '单位启动核查须指明被核查的执法人员');
      }
      const officer = await trx
        .selectFrom('users')
        .select(['id', 'roles'])
        .where('id', '=', input.officerId)
        .executeTakeFirst();
      if (!officer || !officer.roles.includes('officer')) {
        throw new UseCaseError('NOT_FOUND', '被核查的执法人员不存在');
      }
    } else if (input.unitId !== actor.unitId) {
      throw new UseCaseError('FORBIDDEN', '执法人员只能向本单位提出申请');
    }
    const result = decideTransition(
      null,
      action,
      caseActor(actor, tree, input.unitId),
      caseContext(ctx, policy),
    );
    if (!result.ok) refuse(result.error);
    const opening = result.effects.changes.find((c) => c.kind === 'create_case');
    if (!opening || opening.kind !== 'create_case')
      throw new Error('the state machine opened no case');

    const row = await trx
      .insertInto('cases')
      .values({
        unit_id: opening.unitId,
        officer_id: opening.officerId,
        applicant_id: opening.applicantId,
        origin: opening.origin,
        policy_id: policy.id,
        policy_version: policy.version,
        state: result.effects.state,
        title: opening.title,
        conduct: opening.conduct,
        enforcement_action: opening.enforcementAction,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'number', 'version'])
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: `case.${result.effects.action}`,
        entityType: 'case',
        entityId: row.id,
        data: {
          number: row.number,
          state: result.effects.state,
          policy: policy.id,
          policyVersion: policy.version,
          title: opening.title,
        },
      },
      now,
    );
    const response = { id: row.id, number: row.number, version: row.version };
    if (idempotencyKey !== undefined) {
      await trx
        .updateTable('idempotency_keys')
        .set({ response: JSON.stringify(response) })
        .where('user_id', '=', actor.id)
        .where('key', '=', idempotencyKey)
        .execute();
    }
    return { ...response, replayed: false };
  });
}

/** Fires a transition on an existing case. */
export async function fireTransition(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  expectedVersion: number,
) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const snapshot = await loadSnapshot(ctx, trx, caseId, true);
    const tree = await loadUnitTree(trx);
    const who = caseActor(actor, tree, snapshot.row.unit_id);
    const result = decideTransition(snapshot.view, action, who, caseContext(ctx, snapshot.policy));
    if (!result.ok) refuse(result.error);
    checkVersion(snapshot, expectedVersion);
    if (action.kind === 'record_decision') {
      for (const unitId of action.relatedUnitIds) {
        if (!tree.parentOf.has(unitId))
          throw new UseCaseError('NOT_FOUND', `相关单位不存在：${unitId}`);
      }
    }
    for (const change of result.effects.changes)
      await applyChange(trx, snapshot, actor, change, now);
    const version = await bumpVersion(trx, snapshot, result.effects.state, now);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: `case.${result.effects.action}`,
        entityType: 'case',
        entityId: caseId,
        data: {
          from: result.effects.from,
          to: result.effects.state,
          reason: result.effects.reason,
          payload: actionPayload(action),
        },
      },
      now,
    );
    return { id: caseId, state: result.effects.state, version };
  });
}

function actionPayload(action: CaseAction): Record<string, unknown> {
  const { kind: _kind, ...payload } = action;
  return payload;
}

async function applyChange(
  trx: Trx,
  snapshot: CaseSnapshot,
  actor: Actor,
  change: CaseChange,
  now: Date,
): Promise<void> {
  const caseId = snapshot.row.id;
  switch (change.kind) {
    case 'create_case':
      throw new Error('create_case outside openCase');
    case 'record_determination': {
      const { policy, values, evaluation } = snapshot;
      const recorded = {
        policy: policy.id,
        policyVersion: policy.version,
        asOf: todayInChina(now),
        ...evaluation,
        explanation: explain(policy, values, evaluation),
      };
      await trx
        .updateTable('cases')
        .set({ determination: JSON.stringify(recorded) })
        .where('id', '=', caseId)
        .execute();
      return;
    }
    case 'record_decision':
      await trx
        .insertInto('decisions')
        .values({
          case_id: caseId,
          meeting_date: change.meetingDate,
          members: [...change.members],
          conclusion: change.conclusion,
          engine_outcome: change.engineOutcome,
          departure_reason: change.departureReason,
          on_review: change.onReview,
          decided_by: actor.id,
          decided_at: now,
        })
        .execute();
      return;
    case 'create_notification':
      await trx
        .insertInto('notifications')
        .values({
          case_id: caseId,
          recipient_kind: change.recipientKind,
          recipient: change.recipient,
          from_date: change.deadline.from,
          days: change.deadline.days,
          counting: change.deadline.counting,
          due: change.deadline.due,
          provisional: change.deadline.provisional,
        })
        .execute();
      return;
    case 'mark_notification_sent':
      await trx
        .updateTable('notifications')
        .set({ sent_on: change.sentOn, sent_at: now, sent_by: actor.id })
        .where('id', '=', change.notificationId)
        .where('case_id', '=', caseId)
        .execute();
      return;
    case 'open_objection_period':
      await trx
        .updateTable('cases')
        .set({ objection_due: change.deadline.due })
        .where('id', '=', caseId)
        .execute();
      return;
    case 'create_publication':
      await trx
        .insertInto('publications')
        .values({
          case_id: caseId,
          scope: change.scope,
          published_on: change.publishedOn,
          published_at: now,
          published_by: actor.id,
        })
        .execute();
      return;
    case 'create_objection':
      await trx
        .insertInto('objections')
        .values({
          case_id: caseId,
          raised_by: change.raisedBy,
          raised_on: change.raisedOn,
          raised_at: now,
          reason: change.reason,
          due: change.due,
          return_to: change.returnTo,
        })
        .execute();
      return;
    case 'resolve_objection':
      await trx
        .updateTable('objections')
        .set({
          result: change.result,
          reviewed_by: actor.id,
          reviewed_on: change.reviewedOn,
          reviewed_at: now,
        })
        .where('case_id', '=', caseId)
        .where('result', 'is', null)
        .execute();
      return;
    case 'create_enforcement_error_record':
      await trx
        .insertInto('enforcement_error_records')
        .values({
          case_id: caseId,
          officer_id: change.officerId,
          article: change.article,
          created_at: now,
        })
        .execute();
      return;
    case 'revoke_enforcement_error_record':
      await trx
        .updateTable('enforcement_error_records')
        .set({ revoked_at: now })
        .where('case_id', '=', caseId)
        .where('officer_id', '=', change.officerId)
        .where('revoked_at', 'is', null)
        .execute();
      return;
    case 'open_correction':
      await trx
        .insertInto('corrections')
        .values({ case_id: caseId, article: change.article, opened_at: now })
        .execute();
      return;
    case 'cancel_correction':
      await trx
        .updateTable('corrections')
        .set({ state: 'cancelled' })
        .where('case_id', '=', caseId)
        .where('state', '=', 'open')
        .execute();
      return;
    default: {
      const unreachable: never = change;
      throw new Error(`unhandled change ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Writes within a state (facts, assessment, evidence): same lock, version and audit as a transition. */
async function recordOnCase<T>(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  check: (view: CaseView, who: CaseActor, snapshot: CaseSnapshot) => void,
  write: (trx: Trx, snapshot: CaseSnapshot, now: Date) => Promise<T>,
  audit: (result: T) => { action: string; data: Record<string, unknown> },
) {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const snapshot = await loadSnapshot(ctx, trx, caseId, true);
    const tree = await loadUnitTree(trx);
    check(snapshot.view, caseActor(actor, tree, snapshot.row.unit_id), snapshot);
    checkVersion(snapshot, expectedVersion);
    const result = await write(trx, snapshot, now);
    const version = await bumpVersion(trx, snapshot, snapshot.row.state, now);
    const event = audit(result);
    await appendAudit(
      trx,
      {
        actorId: actor.id,
        action: event.action,
        entityType: 'case',
        entityId: caseId,
        data: event.data,
      },
      now,
    );
    return { result, version };
  });
}

export async function recordFact(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  factId: string,
  input: { value: boolean | null; note: string | null },
  expectedVersion: number,
) {
  return recordOnCase(
    ctx,
    actor,
    caseId,
    expectedVersion,
    (view, who, snapshot) => {
      const check = checkRecordFact(view, who);
      if (!check.ok) refuse(check.error);
      if (!snapshot.policy.factIndex.has(factId))
        throw new UseCaseError('UNKNOWN_FACT', `制度 ${snapshot.policy.id} 没有事实 ${factId}`);
    },
    async (trx, _snapshot, now) => {
      await trx
        .insertInto('case_facts')
        .values({
          case_id: caseId,
          fact_id: factId,
          value: input.value,
          note: input.note,
          recorded_by: actor.id,
          recorded_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['case_id', 'fact_id']).doUpdateSet({
            value: input.value,
            note: input.note,
            recorded_by: actor.id,
            recorded_at: now,
          }),
        )
        .execute();
      return { factId, value: input.value };
    },
    (r) => ({
      action: 'case.record_fact',
      data: { factId: r.factId, value: r.value, note: input.note },
    }),
  );
}

export async function recordAssessment(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  factor: AssessmentFactor,
  finding: string,
  expectedVersion: number,
) {
  return recordOnCase(
    ctx,
    actor,
    caseId,
    expectedVersion,
    (view, who) => {
      const check = checkRecordAssessment(view, who, { factor, finding });
      if (!check.ok) refuse(check.error);
    },
    async (trx, _snapshot, now) => {
      await trx
        .insertInto('assessments')
        .values({ case_id: caseId, factor, finding, recorded_by: actor.id, recorded_at: now })
        .onConflict((oc) =>
          oc
            .columns(['case_id', 'factor'])
            .doUpdateSet({ finding, recorded_by: actor.id, recorded_at: now }),
        )
        .execute();
      return { factor };
    },
    () => ({ action: 'case.record_assessment', data: { factor, finding } }),
  );
}

export interface EvidenceUpload {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
  readonly factId: string | null;
}

export async function attachEvidence(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  upload: EvidenceUpload,
  expectedVersion: number,
) {
  const contentType = normalizeContentType(upload.contentType);
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  return recordOnCase(
    ctx,
    actor,
    caseId,
    expectedVersion,
    (view, who, snapshot) => {
      const check = checkAttachEvidence(view, who, { contentType, size: upload.content.length });
      if (!check.ok) refuse(check.error);
      if (!matchesSignature(contentType, upload.content)) {
        throw new UseCaseError(
          'EVIDENCE_TYPE_NOT_ALLOWED',
          `文件内容与声明的类型 ${contentType} 不符`,
        );
      }
      if (upload.factId !== null && !snapshot.policy.factIndex.has(upload.factId)) {
        throw new UseCaseError(
          'UNKNOWN_FACT',
          `制度 ${snapshot.policy.id} 没有事实 ${upload.factId}`,
        );
      }
    },
    async (trx, _snapshot, now) =>
      trx
        .insertInto('evidence')
        .values({
          case_id: caseId,
          fact_id: upload.factId,
          filename: upload.filename,
          content_type: contentType,
          size: upload.content.length,
          sha256,
          content: upload.content,
          uploaded_by: actor.id,
          uploaded_at: now,
        })
        .returning(['id', 'sha256', 'size'])
        .executeTakeFirstOrThrow(),
    (r) => ({
      action: 'case.attach_evidence',
      data: {
        evidenceId: r.id,
        filename: upload.filename,
        sha256: r.sha256,
        size: r.size,
        factId: upload.factId,
      },
    }),
  );
}
