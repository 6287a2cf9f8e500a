// 受理信访举报: a petitions staffer records a report received by their unit or a unit below
// it. The reporter's identity of a named report is sealed (SM4, keys outside the database)
// under the report's id before anything is written, and never appears in clear in the
// database, the audit log or an answer. One transaction, one audit event (`report.receive`)
// whose data says whether the report is named, never by whom.

import { randomUUID } from 'node:crypto';
import { isAdminRole } from '../../domain/account/roles.ts';
import { formatCaseNumber, numberSeries } from '../../domain/case/case-number.ts';
import { todayInChina } from '../../domain/calendar-date.ts';
import { versionInForce } from '../../domain/policy/policy-registry.ts';
import { decideIntake, type IntakeCommand } from '../../domain/report/decide-report.ts';
import { isRole } from '../../domain/vocabulary.ts';
import { nextInSeries, numberingLineage } from '../../store/case-number.repository.ts';
import { insertReport, peopleByIds } from '../../store/report.repository.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { isWithinUnit, unitLineage } from '../../store/unit.repository.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { caseNamedBy } from './report-cases.ts';
import { reportActor, reportContext, underIdentityKey } from './report-context.ts';
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

/** The mark that sets a report series apart from the unit's case series: 锡盟应急容举〔2026〕3号. */
const REPORT_MARK = '举';

/**
 * The next number of the unit's report series. The counter's key holds 〔, which no case
 * prefix may (CASE_NUMBER_PREFIX_PATTERN), so the report series never shares a case's.
 */
async function allocateReportNumber(tx: Tx, unitId: string, at: Date): Promise<string> {
  const { prefix } = numberSeries(await numberingLineage(tx, unitId));
  const year = Number(todayInChina(at).slice(0, 4));
  const n = await nextInSeries(tx, `〔举报〕${prefix}`, year);
  return formatCaseNumber(`${prefix}${REPORT_MARK}`, year, n);
}

/** The accused must be people of the staffer's units, and no administrator. */
/**
 * The accused are people of the receiving staffer's unit or a unit below it, and no
 * administrator: a section (执法监督科) may handle a report about any officer of its
 * bureau, so the handling unit's own subtree would be too narrow.
 */
async function checkOfficers(tx: Tx, actor: Actor, officerIds: readonly string[]) {
  const people = await peopleByIds(tx, officerIds);
  const known = new Map(people.map((p) => [p.id, p]));
  for (const id of new Set(officerIds)) {
    const person = known.get(id);
    const admin = person?.roles.some((r) => isRole(r) && isAdminRole(r)) ?? false;
    if (!person || admin || !(await isWithinUnit(tx, person.unit_id, actor.unitId)))
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
  // Whoever may receive no report is told so before anything about the unit: not whether
  // it exists, nor its regime.
  if (!actor.roles.includes('petitions'))
    throw new UseCaseError('FORBIDDEN', '需要本单位或上级单位的信访举报工作人员角色才能受理举报');
  return inTransaction(ctx.db, async (tx) => {
    const lineage = await unitLineage(tx, unitId);
    if (!lineage) throw new UseCaseError('NOT_FOUND', '单位不存在');
    const versions =
      lineage.policyId === null ? undefined : ctx.registry.byId.get(lineage.policyId);
    if (!versions || versions.length === 0)
      throw new UseCaseError('POLICY_NOT_IN_FORCE', '该单位没有施行中的容错纠错制度');
    // The regime in force on the day of receipt sets the feedback limit; a report received
    // before the first version took effect is held to that first version.
    const policy = versionInForce(versions, input.receivedOn) ?? versions[0]!;
    const who = await reportActor(tx, actor, unitId);
    const decided = decideIntake(input, who, reportContext(ctx, policy));
    if (!decided.ok) throw new UseCaseError(decided.error.code, decided.error.message);
    const { change } = decided;
    await checkOfficers(tx, actor, change.officerIds);
    const linked =
      input.caseId === undefined || input.caseId === null
        ? null
        : await caseNamedBy(tx, actor, input.caseId);
    if (linked !== null && !change.officerIds.includes(linked.officerId))
      throw new UseCaseError('INVALID_INPUT', '关联的容错案件须是关于被举报人的案件');

    const id = randomUUID();
    const reporter = change.reporter;
    if (reporter !== null) await lockReportsForSealing(tx);
    const sealed =
      reporter === null
        ? null
        : underIdentityKey(() => ctx.identityKeys.seal(JSON.stringify(reporter), id));
    const number = await allocateReportNumber(tx, unitId, now);
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
      caseId: linked?.id ?? null,
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
