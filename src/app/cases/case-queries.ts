// Reads of cases, each checked against the reader's role and unit subtree, object by
// object: a case the actor may not read is NOT_FOUND, so its existence does not leak.

import { sql } from 'kysely';
import { todayInChina } from '../../domain/calendar-date.ts';
import {
  ASSESSMENT_FACTORS,
  CASE_STATE_LABELS,
  type CaseState,
} from '../../domain/case/case-state.ts';
import { allowedRecords } from '../../domain/case/case-records.ts';
import {
  allowedActions,
  canRead,
  outcomeCodesOf,
  type CaseView,
} from '../../domain/case/case-transitions.ts';
import {
  deadlinesForUnits,
  deadlinesForUser,
  openDeadlinesOf,
  watchDeadlines,
} from '../../domain/case/deadline-watch.ts';
import { explain } from '../../domain/policy/explain.ts';
import { suggestNextQuestion } from '../../domain/policy/evaluate.ts';
import type { Actor } from '../accounts/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { loadSnapshot } from './case-snapshot.ts';
import { isWithin, loadUnitTree, subtreeOf } from './unit-scope.ts';

function domainActor(actor: Actor, inUnitScope: boolean) {
  return { id: actor.id, roles: actor.roles, inUnitScope };
}

/** The case's snapshot if the actor may read it; NOT_FOUND otherwise, so its existence does not leak. */
export async function readableSnapshot(ctx: AppContext, actor: Actor, caseId: string) {
  const snapshot = await loadSnapshot(ctx, ctx.db, caseId, false);
  const tree = await loadUnitTree(ctx.db);
  const who = domainActor(actor, isWithin(tree, snapshot.row.unit_id, actor.unitId));
  if (!canRead(snapshot.view, who)) throw new UseCaseError('NOT_FOUND', '案件不存在');
  return { snapshot, who };
}

export async function getCase(ctx: AppContext, actor: Actor, caseId: string) {
  const { snapshot, who } = await readableSnapshot(ctx, actor, caseId);
  const { row, policy, values, evaluation } = snapshot;
  const context = {
    today: todayInChina(ctx.now()),
    procedure: policy.def.procedure,
    outcomes: outcomeCodesOf(policy),
    calendar: ctx.calendar,
  };

  const [
    facts,
    evidence,
    assessments,
    decisions,
    notifications,
    publications,
    objections,
    corrections,
    errors,
    timeline,
  ] = await Promise.all([
    ctx.db
      .selectFrom('case_facts')
      .select(['fact_id', 'value', 'note', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId)
      .execute(),
    ctx.db
      .selectFrom('evidence')
      .select([
        'id',
        'fact_id',
        'filename',
        'content_type',
        'size',
        'sha256',
        'uploaded_by',
        'uploaded_at',
      ])
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at')
      .execute(),
    ctx.db
      .selectFrom('assessments')
      .select(['factor', 'finding', 'recorded_by', 'recorded_at'])
      .where('case_id', '=', caseId)
      .execute(),
    ctx.db
      .selectFrom('decisions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('decided_at')
      .execute(),
    ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('due')
      .execute(),
    ctx.db.selectFrom('publications').selectAll().where('case_id', '=', caseId).execute(),
    ctx.db
      .selectFrom('objections')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('raised_at')
      .execute(),
    ctx.db.selectFrom('corrections').selectAll().where('case_id', '=', caseId).execute(),
    ctx.db
      .selectFrom('enforcement_error_records')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute(),
    ctx.db
      .selectFrom('audit_events')
      .select(['seq', 'at', 'actor_id', 'action', 'data'])
      .where('entity_type', '=', 'case')
      .where('entity_id', '=', caseId)
      .orderBy('seq')
      .execute(),
  ]);

  return {
    id: row.id,
    number: row.number,
    version: row.version,
    state: row.state,
    stateLabel: CASE_STATE_LABELS[row.state as CaseState],
    origin: row.origin,
    unitId: row.unit_id,
    officerId: row.officer_id,
    applicantId: row.applicant_id,
    title: row.title,
    conduct: row.conduct,
    enforcementAction: row.enforcement_action,
    policy: { id: policy.id, version: policy.version, title: policy.def.title },
    objectionDue: row.objection_due,
    createdAt: row.created_at,
    facts,
    evidence,
    assessment: ASSESSMENT_FACTORS.map((factor) => ({
      factor,
      ...assessments.find((a) => a.factor === factor),
    })),
    // The engine on the facts recorded so far, for the interview and the case page.
    evaluation: {
      ...evaluation,
      explanation: explain(policy, values, evaluation),
      nextQuestion: suggestNextQuestion(policy, values),
    },
    determination: row.determination,
    decisions,
    notifications,
    publications,
    objections,
    corrections,
    enforcementErrorRecords: errors,
    timeline,
    allowedActions: allowedActions(snapshot.view, who, context),
    allowedRecords: allowedRecords(snapshot.view, who),
  };
}

export interface CaseFilter {
  readonly state?: string;
  readonly unitId?: string;
  readonly policyId?: string;
  readonly officerId?: string;
  /** The committee's current conclusion (the latest decision row). */
  readonly outcome?: string;
  readonly q?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly offset: number;
}

/** The cases the actor may read, newest first, filtered and paged in SQL. */
export async function listCases(ctx: AppContext, actor: Actor, filter: CaseFilter) {
  const tree = await loadUnitTree(ctx.db);
  const caseRole = actor.roles.some(
    (r) => r === 'investigator' || r === 'secretary' || r === 'reviewer',
  );
  const isOfficer = actor.roles.includes('officer');
  if (!caseRole && !isOfficer) return { total: 0, items: [] };
  const scope = subtreeOf(tree, actor.unitId);
  let query = ctx.db.selectFrom('cases').where((eb) => {
    const ors = [];
    if (caseRole) ors.push(eb('unit_id', 'in', scope));
    if (isOfficer) ors.push(eb('officer_id', '=', actor.id), eb('applicant_id', '=', actor.id));
    return eb.or(ors);
  });
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.unitId) query = query.where('unit_id', 'in', subtreeOf(tree, filter.unitId));
  if (filter.policyId) query = query.where('policy_id', '=', filter.policyId);
  if (filter.officerId) query = query.where('officer_id', '=', filter.officerId);
  if (filter.outcome) {
    const outcome = filter.outcome;
    query = query.where((eb) =>
      eb(
        eb
          .selectFrom('decisions')
          .select('conclusion')
          .whereRef('decisions.case_id', '=', 'cases.id')
          .orderBy('decided_at', 'desc')
          .limit(1),
        '=',
        outcome,
      ),
    );
  }
  if (filter.from)
    query = query.where('created_at', '>=', new Date(`${filter.from}T00:00:00+08:00`));
  if (filter.to)
    query = query.where(
      'created_at',
      '<',
      sql<Date>`${`${filter.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`,
    );
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('title', 'ilike', like),
        eb('conduct', 'ilike', like),
        eb('number', 'ilike', like),
      ]),
    );
  }
  const [{ total }, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    query
      .select([
        'id',
        'number',
        'state',
        'title',
        'unit_id',
        'officer_id',
        'origin',
        'policy_id',
        'policy_version',
        'created_at',
        'updated_at',
        'version',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: items.map((i) => ({ ...i, stateLabel: CASE_STATE_LABELS[i.state as CaseState] })),
  };
}

/** Time limits coming up (due_soon) or passed (overdue): the actor's own, and their unit subtree's. */
export async function listDeadlines(ctx: AppContext, actor: Actor) {
  const tree = await loadUnitTree(ctx.db);
  const scope = new Set(subtreeOf(tree, actor.unitId));
  const open = await ctx.db
    .selectFrom('cases')
    .select('id')
    .where('state', 'in', ['decided', 'notified', 'published'])
    .where((eb) => eb.or([eb('unit_id', 'in', [...scope]), eb('officer_id', '=', actor.id)]))
    .execute();
  const views: CaseView[] = [];
  for (const { id } of open) {
    const snapshot = await loadSnapshot(ctx, ctx.db, id, false);
    if (canRead(snapshot.view, domainActor(actor, scope.has(snapshot.row.unit_id))))
      views.push(snapshot.view);
  }
  const watched = watchDeadlines(views.flatMap(openDeadlinesOf), todayInChina(ctx.now()));
  return { mine: deadlinesForUser(watched, actor.id), unit: deadlinesForUnits(watched, scope) };
}

/** An officer's record: their cases, and enforcement errors only where a conclusion made one (第十五条). */
export async function officerRecord(ctx: AppContext, actor: Actor, officerId: string) {
  const tree = await loadUnitTree(ctx.db);
  const officer = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'unit_id', 'badge_number'])
    .where('id', '=', officerId)
    .executeTakeFirst();
  const mayRead =
    officer !== undefined &&
    (actor.id === officerId ||
      (actor.roles.some((r) => r === 'investigator' || r === 'secretary' || r === 'reviewer') &&
        isWithin(tree, officer.unit_id, actor.unitId)));
  if (!officer || !mayRead) throw new UseCaseError('NOT_FOUND', '执法人员不存在');
  const [cases, errors] = await Promise.all([
    ctx.db
      .selectFrom('cases')
      .select(['id', 'number', 'title', 'state'])
      .where('officer_id', '=', officerId)
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('enforcement_error_records')
      .select(['case_id', 'article', 'created_at'])
      .where('officer_id', '=', officerId)
      .where('revoked_at', 'is', null)
      .execute(),
  ]);
  return { officer, cases, enforcementErrors: errors.length, errorRecords: errors };
}

/** The officers a case role may open a case about (单位启动): those of its unit subtree. */
export async function listOfficers(ctx: AppContext, actor: Actor) {
  if (!actor.roles.some((r) => r === 'investigator' || r === 'secretary' || r === 'reviewer')) {
    throw new UseCaseError('FORBIDDEN', '需要调查人员、秘书或审核人员角色');
  }
  const tree = await loadUnitTree(ctx.db);
  const scope = subtreeOf(tree, actor.unitId);
  const rows = await ctx.db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.display_name',
      'users.badge_number',
      'users.unit_id',
      'units.name as unit_name',
    ])
    .where('users.unit_id', 'in', scope)
    .where('users.disabled', '=', false)
    .where(sql<boolean>`'officer' = any(users.roles)`)
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    badgeNumber: r.badge_number,
    unitId: r.unit_id,
    unitName: r.unit_name,
  }));
}
