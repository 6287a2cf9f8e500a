// The deciding body's decision (党委/党组研究决定, 第十四条): the meeting, its members and
// the conclusion, a reason where it departs from the engine, the notices it starts (告知,
// counted from the meeting) and what 第十五、十六条 attach to the conclusion.

import { isCalendarDate } from '../calendar-date.ts';
import { computeDeadline } from '../deadline/deadline.ts';
import { GROUND_LABELS, type OutcomeCode } from '../policy/policy-model.ts';
import type { ActionOf, DecisionPayload } from './case-actions.ts';
import { isBlank, refusal, type CaseError } from './case-errors.ts';
import { succeed, type CaseChange, type TransitionResult } from './case-effects.ts';
import type { CaseContext, CaseView } from './case-view.ts';
import { conclusionChanges } from './conclusion-effects.ts';
import type { RecipientKind } from '../vocabulary.ts';

/** Checks a committee decision's payload; the conclusion as an outcome code, or a refusal. */
export function checkDecisionPayload(
  payload: DecisionPayload,
  context: CaseContext,
): { ok: true; conclusion: OutcomeCode } | { ok: false; error: CaseError } {
  const { meetingDate, members, conclusion } = payload;
  if (typeof meetingDate !== 'string' || !isCalendarDate(meetingDate)) {
    return refusal('INVALID_INPUT', `会议日期无效：${String(meetingDate)}`);
  }
  if (meetingDate > context.today) {
    return refusal('INVALID_INPUT', `会议日期不能晚于今天：${meetingDate}`);
  }
  if (!Array.isArray(members) || members.length === 0 || members.some(isBlank)) {
    return refusal('INVALID_INPUT', '请列明参会人员');
  }
  const outcome = context.outcomes.find((code) => code === conclusion);
  if (outcome === undefined) {
    return refusal('INVALID_CONCLUSION', `认定结论不是本制度的认定结果：${String(conclusion)}`);
  }
  return { ok: true, conclusion: outcome };
}

/** The decision as recorded, first or on review: the engine's outcome kept beside the body's. */
export function decisionRecord(
  payload: DecisionPayload,
  conclusion: OutcomeCode,
  engineOutcome: OutcomeCode | null,
  departureReason: string | null,
  onReview: boolean,
): CaseChange {
  return {
    kind: 'record_decision',
    meetingDate: payload.meetingDate,
    members: payload.members.map((m) => m.trim()),
    conclusion,
    engineOutcome,
    departureReason,
    onReview,
  };
}

function checkRelatedUnits(related: readonly string[], context: CaseContext): CaseError | null {
  if (!Array.isArray(related) || related.some(isBlank) || new Set(related).size !== related.length)
    return { code: 'INVALID_INPUT', message: '相关单位列表有空项或重复' };
  const unknown = related.find((unitId) => !context.knownUnitIds.has(unitId));
  if (unknown !== undefined) return { code: 'NOT_FOUND', message: `相关单位不存在：${unknown}` };
  return null;
}

export function decideRecordDecision(
  caseView: CaseView,
  action: ActionOf<'record_decision'>,
  context: CaseContext,
): TransitionResult {
  const checked = checkDecisionPayload(action, context);
  if (!checked.ok) return checked;
  const { conclusion } = checked;
  const engineOutcome = caseView.determination.outcome;
  const departs = conclusion !== engineOutcome;
  if (departs && isBlank(action.departureReason)) {
    return refusal(
      'DEPARTURE_REASON_REQUIRED',
      `研究决定（${GROUND_LABELS[conclusion]}）与系统认定（${engineOutcome === null ? '无' : GROUND_LABELS[engineOutcome]}）不一致，应当说明理由`,
    );
  }
  const unitsRefused = checkRelatedUnits(action.relatedUnitIds, context);
  if (unitsRefused) return { ok: false, error: unitsRefused };
  const { procedure, calendar } = context;
  // 告知: counted from the decision, i.e. the committee's meeting, not the day it is entered.
  const deadline = computeDeadline(calendar, {
    from: action.meetingDate,
    days: procedure.notification.days,
    counting: procedure.notification.counting,
  });
  const recipients: { recipientKind: RecipientKind; recipient: string }[] = [
    { recipientKind: 'party', recipient: caseView.officerId },
    ...action.relatedUnitIds.map((unitId) => ({
      recipientKind: 'unit' as const,
      recipient: unitId,
    })),
  ];
  return succeed('record_decision', caseView.state, 'decided', null, [
    decisionRecord(
      action,
      conclusion,
      engineOutcome,
      departs ? action.departureReason!.trim() : null,
      false,
    ),
    ...recipients.map((r): CaseChange => ({ kind: 'create_notification', ...r, deadline })),
    ...conclusionChanges(procedure, caseView.officerId, null, conclusion),
  ]);
}
