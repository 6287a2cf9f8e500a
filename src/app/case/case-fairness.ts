// Fairness of the procedure on a case: recusal (回避) and the review opinions before the
// decision (法制审核, 纪检监察), each a write like a transition (the same lock, version
// check and audit event); what the decision reads besides the case (the units of its
// system, the names that may not sit on it); and the choices of their forms.

import { systemOf } from '../../domain/account/unit-scope.ts';
import { standsAside } from '../../domain/case/case-access.ts';
import { checkRecordReview } from '../../domain/case/case-reviews.ts';
import type { CaseView, ExcludedMember } from '../../domain/case/case-view.ts';
import { checkRecordRecusal, isRecusable } from '../../domain/case/recusal.ts';
import { isRole, type ReviewKind, type Role } from '../../domain/vocabulary.ts';
import {
  displayNames,
  insertRecusal,
  peopleOfUnits,
  personById,
  unitsUnder,
  upsertReview,
  type PersonRow,
} from '../../store/fairness.repository.ts';
import type { CaseRow } from '../../store/schema.ts';
import type { Conn } from '../../store/transaction.ts';
import { unitLineage } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { readableCase } from './case-detail.ts';
import { snapshotOf } from './case-snapshot.ts';
import { viewRows } from '../../store/case.repository.ts';
import { refuse, writeOnCase, type DecisionContext } from './case-write.ts';
import { todayInChina } from '../../domain/calendar-date.ts';

const rolesOf = (p: PersonRow): Role[] => p.roles.filter(isRole);

/** The units of the case's system (本系统): the subtree of the unit that adopted the regime. */
async function systemUnits(conn: Conn, caseUnitId: string) {
  const lineage = await unitLineage(conn, caseUnitId);
  if (!lineage) throw new UseCaseError('NOT_FOUND', '单位不存在');
  return unitsUnder(conn, systemOf(lineage.units));
}

/**
 * What the decision reads besides the case: the units its related units are chosen from,
 * and the names of those who may not sit on it (the officer concerned, the recused).
 */
export async function decisionContext(
  conn: Conn,
  row: Pick<CaseRow, 'unit_id' | 'officer_id'>,
  view: Pick<CaseView, 'recusedIds'>,
): Promise<DecisionContext> {
  const [units, officer, recused] = await Promise.all([
    systemUnits(conn, row.unit_id),
    displayNames(conn, [row.officer_id]),
    displayNames(conn, view.recusedIds),
  ]);
  const excludedMembers: ExcludedMember[] = [
    ...officer.map((name) => ({ name, why: 'officer' as const })),
    ...recused.map((name) => ({ name, why: 'recused' as const })),
  ];
  return { systemUnitIds: new Set(units.map((u) => u.id)), excludedMembers };
}

/** The person named for recusal, as the domain sees them. */
async function candidate(conn: Conn, row: Pick<CaseRow, 'unit_id'>, userId: string) {
  const person = await personById(conn, userId);
  if (!person) return null;
  const lineage = await unitLineage(conn, row.unit_id);
  return {
    id: person.id,
    roles: rolesOf(person),
    inUnitScope: lineage?.ids.includes(person.unit_id) ?? false,
  };
}

/** 回避: the officer concerned asks it, or the unit records it. */
export function recordRecusal(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: { userId: string; reason: string },
  expectedVersion: number,
) {
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who, tx) => {
    const person = await candidate(tx, snapshot.row, input.userId);
    const check = checkRecordRecusal(snapshot.view, who, { person, reason: input.reason });
    if (!check.ok) refuse(check.error);
    const reason = input.reason.trim();
    return {
      action: 'case.record_recusal',
      state: snapshot.row.state,
      async write(trx, at) {
        await insertRecusal(trx, {
          caseId,
          userId: input.userId,
          kind: check.kind,
          reason,
          recordedBy: actor.id,
          at,
        });
        return { userId: input.userId, kind: check.kind, reason };
      },
    };
  });
}

/** 法制审核意见 / 纪检监察意见, by a reviewer of the unit while the case awaits the decision. */
export function recordReview(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  kind: ReviewKind,
  input: { opinion: string; agrees: boolean; reviewedOn: string },
  expectedVersion: number,
) {
  return writeOnCase(ctx, actor, caseId, expectedVersion, async (snapshot, who) => {
    const today = todayInChina(ctx.now());
    const check = checkRecordReview(snapshot.view, who, { kind, ...input }, today);
    if (!check.ok) refuse(check.error);
    const opinion = input.opinion.trim();
    return {
      action: 'case.record_review',
      state: snapshot.row.state,
      async write(tx, at) {
        await upsertReview(tx, {
          caseId,
          kind,
          opinion,
          agrees: input.agrees,
          reviewedOn: input.reviewedOn,
          reviewedBy: actor.id,
          at,
        });
        return { kind, opinion, agrees: input.agrees, reviewedOn: input.reviewedOn };
      },
    };
  });
}

export interface UnitChoice {
  readonly id: string;
  readonly name: string;
  /** null for the system's own unit. */
  readonly parentId: string | null;
}

/** The units a decision's related units are chosen from: the case's system, by name. */
export async function relatedUnitChoices(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<UnitChoice[]> {
  const { row } = await readableCase(ctx.db, actor, caseId);
  const units = await systemUnits(ctx.db, row.unit_id);
  const ids = new Set(units.map((u) => u.id));
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    parentId: u.parent_id !== null && ids.has(u.parent_id) ? u.parent_id : null,
  }));
}

export interface RecusalChoice {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

/**
 * The people who may be named for recusal on the case: the accounts of the case's unit
 * and the units above it that act on cases (investigators, secretaries, reviewers), but
 * the officer concerned and those already recused.
 */
export async function recusalChoices(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<RecusalChoice[]> {
  const { row } = await readableCase(ctx.db, actor, caseId);
  const [lineage, parts] = await Promise.all([
    unitLineage(ctx.db, row.unit_id),
    viewRows(ctx.db, row.id),
  ]);
  const { view } = snapshotOf(ctx, row, parts);
  const people = await peopleOfUnits(ctx.db, lineage?.ids ?? []);
  return people
    .map((p) => ({
      id: p.id,
      username: p.username,
      displayName: p.display_name,
      roles: rolesOf(p),
    }))
    .filter(
      (p) =>
        !standsAside(view, p.id) &&
        isRecusable(view, { id: p.id, roles: p.roles, inUnitScope: true }),
    );
}
