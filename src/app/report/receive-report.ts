// 受理信访举报: a petitions staffer records a report received by their unit or a unit below
// it. The reporter's identity of a named report is sealed (SM4, keys outside the database)
// under the report's id before anything is written, and never appears in clear in the
// database, the audit log or an answer. One transaction, one audit event (`report.receive`)
// whose data says whether the report is named, never by whom.

import { randomUUID } from 'node:crypto';
import { isAdminRole } from '../../domain/account/roles.ts';
import { versionInForce } from '../../domain/policy/policy-registry.ts';
import {
  authorizeIntake,
  decideIntake,
  type IntakeCommand,
} from '../../domain/report/decide-report.ts';
import { isRole } from '../../domain/vocabulary.ts';
import { insertReport, peopleByIds } from '../../store/report.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { subtreeIds } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { caseNamedBy } from './report-cases.ts';
import { reportContext, underIdentityKey } from './report-context.ts';
import { caseActor } from '../case/case-actor.ts';
import { allocateCaseNumber, type NumberSeries } from '../case/case-number.ts';
import { unitRegime } from '../policy/pinned-policy.ts';
import { lockReportsForSealing } from '../../store/reporter-identity.repository.ts';

export interface ReceiveReportInput extends IntakeCommand {
  /** The handling unit: the staffer's own when absent, else one of their subtree. */
  readonly unitId?: string | null;
  /** A 容错 case opened because of the report, when there is one already. */
  readonly caseId?: string | null;
}

export interface ReceivedReport {
  readonly id: string;
  readonly number: string;
  readonly version: number;
}

/**
 * The reports' series of the unit's numbers: 锡盟应急容举〔2026〕3号. The counter's key holds 〔,
 * which no case prefix may (CASE_NUMBER_PREFIX_PATTERN), so it never shares a case's.
 */
const REPORT_SERIES: NumberSeries = { key: (prefix) => `〔举报〕${prefix}`, mark: '举' };

/**
 * The accused are people of the receiving staffer's unit or a unit below it, and no
 * administrator: a section (执法监督科) may handle a report about any officer of its
 * bureau, so the handling unit's own subtree would be too narrow.
 */
async function checkOfficers(tx: Tx, actor: Actor, officerIds: readonly string[]) {
  const [people, units] = await Promise.all([
    peopleByIds(tx, officerIds),
    subtreeIds(tx, actor.unitId),
  ]);
  const known = new Map(people.map((p) => [p.id, p]));
  for (const id of officerIds) {
    const person = known.get(id);
    const admin = person?.roles.some((r) => isRole(r) && isAdminRole(r)) ?? false;
    if (!person || admin || !units.includes(person.unit_id))
      throw new UseCaseError('INVALID_INPUT', `被举报人不存在或不在本单位范围内：${id}`);
  }
}

export async function receiveReport(
  ctx: AppContext,
  actor: Actor,
  input: ReceiveReportInput,
): Promise<ReceivedReport> {
  const now = ctx.now();
  const unitId = input.unitId ?? actor.unitId;
  return inTransaction(ctx.db, async (tx) => {
    // Who first (authorizeIntake), then anything of the unit: whoever may not receive a
    // report learns neither whether the unit exists nor its regime. An unknown unit is in
    // no one's scope, so it is refused here too.
    const who = await caseActor(tx, actor, unitId);
    const allowed = authorizeIntake(input.officerIds, who);
    if (!allowed.ok) throw new UseCaseError(allowed.error.code, allowed.error.message);
    const { versions } = await unitRegime(tx, ctx, unitId);
    // The regime in force on the day of receipt sets the feedback limit; a report received
    // before the first version took effect is held to that first version.
    const policy = versionInForce(versions, input.receivedOn) ?? versions[0]!;
    const linked =
      input.caseId === undefined || input.caseId === null
        ? null
        : await caseNamedBy(tx, actor, input.caseId);
    const decided = decideIntake(input, who, reportContext(ctx, policy), linked);
    if (!decided.ok) throw new UseCaseError(decided.error.code, decided.error.message);
    const { change } = decided;
    await checkOfficers(tx, actor, change.officerIds);

    const id = randomUUID();
    const reporter = change.reporter;
    if (reporter !== null) await lockReportsForSealing(tx);
    const sealed =
      reporter === null
        ? null
        : underIdentityKey(() => ctx.identityKeys.seal(JSON.stringify(reporter), id));
    const number = await allocateCaseNumber(tx, unitId, now, REPORT_SERIES);
    await insertReport(tx, {
      id,
      number,
      unitId,
      policyId: policy.id,
      policyVersion: policy.version,
      receivedOn: change.receivedOn,
      channel: change.channel,
      named: change.named,
      reporterSealed: sealed,
      reporterKeyId:
        sealed === null ? null : underIdentityKey(() => ctx.identityKeys.keyIdOf(sealed)),
      summary: change.summary,
      caseId: change.caseId,
      feedbackDue: change.feedbackDue,
      officerIds: change.officerIds,
      createdBy: actor.id,
      at: now,
    });
    await appendAudit(
      tx,
      {
        actorId: actor.id,
        action: 'report.receive',
        entityType: 'report',
        entityId: id,
        // 第十九条: no identity, and no free text that a staffer might have written it into.
        data: {
          number,
          unitId,
          receivedOn: change.receivedOn,
          channel: change.channel,
          named: change.named,
          officerIds: change.officerIds,
          caseId: linked?.id ?? null,
          feedbackDue: change.feedbackDue,
          policy: { id: policy.id, version: policy.version },
        },
      },
      now,
    );
    return { id, number, version: 0 };
  });
}
