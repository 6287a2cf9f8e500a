// Opening a case: the officer's own application (提出容错认定申请) or the unit's
// initiative (单位启动核查). Who may open it has been checked; here, what it must say,
// and under which version of the regime the conduct is judged.

import { formatChineseDate, isCalendarDate, type CalendarDate } from '../calendar-date.ts';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import { versionInForce } from '../policy/policy-registry.ts';
import type { ActionOf, CaseOpening } from './case-actions.ts';
import { isBlank, refusal, type CaseError } from './case-errors.ts';
import { succeed, type TransitionResult } from './case-effects.ts';
import { NO_CASE, TRANSITIONS } from './case-transitions.ts';
import type { Actor } from './case-view.ts';
import { isEnforcementAction, type CaseOrigin } from '../vocabulary.ts';

/** When the conduct happened: one day, or the first and last day of a conduct over a period. */
export interface ConductPeriod {
  readonly conductDate: CalendarDate;
  /** The last day of a conduct over a period; null (or absent) for a conduct on one day. */
  readonly conductEndDate?: CalendarDate | null;
}

/**
 * The day whose regime judges the conduct: its last day. A conduct that goes on after a
 * regime takes effect falls under it, as a continuing or repeated offence that runs past
 * the day a revised law takes effect is judged under the revised law (高检发释字〔1998〕6号),
 * and as the limitation period of such conduct counts from the day it ends (《行政处罚法》
 * 第三十六条第二款). Conduct wholly before a regime is not reached by it (不溯及既往,
 * 《立法法》第一百零四条).
 */
export function conductDay(period: ConductPeriod): CalendarDate {
  return period.conductEndDate ?? period.conductDate;
}

/** 2024年10月1日, or 2024年10月1日至2024年10月20日 for a period: as the conduct is shown. */
export function conductPeriodText(period: ConductPeriod): string {
  const start = formatChineseDate(period.conductDate);
  const end = period.conductEndDate;
  return end === undefined || end === null || end === period.conductDate
    ? start
    : `${start}至${formatChineseDate(end)}`;
}

/**
 * INVALID_INPUT for a conduct date that is not a real day, a period that ends before it
 * begins, or a day after today in China: a case is about conduct that has happened.
 */
export function checkConductPeriod(period: ConductPeriod, today: CalendarDate): CaseError | null {
  const { conductDate: start, conductEndDate: end = null } = period;
  if (typeof start !== 'string' || !isCalendarDate(start)) {
    return { code: 'INVALID_INPUT', message: `请填写行为发生日期（年-月-日）：${String(start)}` };
  }
  if (end !== null && (typeof end !== 'string' || !isCalendarDate(end))) {
    return { code: 'INVALID_INPUT', message: `行为结束日期无效：${String(end)}` };
  }
  if (end !== null && end < start) {
    return {
      code: 'INVALID_INPUT',
      message: `行为结束日期（${formatChineseDate(end)}）不能早于开始日期（${formatChineseDate(start)}）`,
    };
  }
  for (const [day, what] of [
    [start, '行为发生日期'],
    [end, '行为结束日期'],
  ] as const) {
    if (day !== null && day > today) {
      return {
        code: 'INVALID_INPUT',
        message: `${what}（${formatChineseDate(day)}）不能晚于今天（${formatChineseDate(today)}）`,
      };
    }
  }
  return null;
}

/**
 * The version of a regime that judges the conduct: the one in force on its last day
 * (`conductDay`). POLICY_NOT_IN_FORCE, naming the regime and the day it took effect,
 * when the conduct ended before any version was in force.
 */
export function versionForConduct(
  versions: readonly CompiledPolicy[],
  period: ConductPeriod,
): CompiledPolicy | CaseError {
  const version = versionInForce(versions, conductDay(period));
  if (version) return version;
  const first = versions
    .map((v) => v.effectiveFrom)
    .filter((d): d is CalendarDate => d !== null)
    .sort()[0];
  const title = versions[0]?.def.title ?? '本单位的容错纠错制度';
  const since = first === undefined ? '' : `自${formatChineseDate(first)}起施行，`;
  return {
    code: 'POLICY_NOT_IN_FORCE',
    message: `${title}${since}行为发生于${conductPeriodText(period)}，不适用该制度`,
  };
}

/** An application is about the applicant. */
export function decideSubmitApplication(
  action: ActionOf<'submit_application'>,
  actor: Actor,
  today: CalendarDate,
): TransitionResult {
  return open(action, 'application', actor.id, actor.id, today);
}

/** An initiated case is about the officer named, with no applicant. */
export function decideInitiate(
  action: ActionOf<'initiate'>,
  today: CalendarDate,
): TransitionResult {
  if (isBlank(action.officerId)) return refusal('INVALID_INPUT', '请指定被核查的执法人员');
  return open(action, 'initiation', action.officerId, null, today);
}

function open(
  opening: CaseOpening & { readonly kind: 'submit_application' | 'initiate' },
  origin: CaseOrigin,
  officerId: string,
  applicantId: string | null,
  today: CalendarDate,
): TransitionResult {
  if (isBlank(opening.unitId)) return refusal('INVALID_INPUT', '请指定案件所属单位');
  if (isBlank(opening.title)) return refusal('INVALID_INPUT', '请填写案件名称');
  if (isBlank(opening.conduct)) return refusal('INVALID_INPUT', '请说明所涉履职行为');
  const dates = checkConductPeriod(opening, today);
  if (dates) return { ok: false, error: dates };
  if (!isEnforcementAction(opening.enforcementAction)) {
    return refusal('INVALID_INPUT', `执法行为类别无效：${String(opening.enforcementAction)}`);
  }
  return succeed(opening.kind, NO_CASE, TRANSITIONS[opening.kind].to, null, [
    {
      kind: 'create_case',
      origin,
      unitId: opening.unitId,
      officerId,
      applicantId,
      title: opening.title.trim(),
      conduct: opening.conduct.trim(),
      conductDate: opening.conductDate,
      conductEndDate: opening.conductEndDate ?? null,
      enforcementAction: opening.enforcementAction,
      field: opening.field ?? null,
      errorType: opening.errorType ?? null,
    },
  ]);
}
