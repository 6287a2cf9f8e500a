// The deciding body's decision (党委/党组研究决定, 第十四条): the meeting, dated between the
// submission for decision and today; its members, who may not include the officer
// concerned or a recused person (回避), and those recorded as recused; the conclusion, a
// reason where it departs from the engine; the related units of the case's system; the
// notices it starts (告知, counted from the meeting) and what 第十五、十六条 attach to the
// conclusion.

import { formatChineseDate, isCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { computeDeadline } from '../deadline/deadline.ts';
import { GROUND_LABELS, type OutcomeCode } from '../policy/policy-model.ts';
import type { ActionOf, DecisionPayload, RecusedMember } from './case-actions.ts';
import { isBlank, refusal, type CaseError } from './case-errors.ts';
import { succeed, type CaseChange, type TransitionResult } from './case-effects.ts';
import type { CaseContext, CaseView, ExcludedMember } from './case-view.ts';
import { conclusionChanges } from './conclusion-effects.ts';
import type { RecipientKind } from '../vocabulary.ts';

/** The days a meeting may be dated: from `earliest` (when known) to today, in words. */
export function meetingRangeText(earliest: CalendarDate | null, today: CalendarDate): string {
  return earliest === null
    ? `不晚于${formatChineseDate(today)}`
    : `${formatChineseDate(earliest)}至${formatChineseDate(today)}之间`;
}

/** A name as written in a list of members: without spaces and a bracketed title (王强（局长）). */
export function memberName(text: string): string {
  return text.replace(/[（(][^）)]*[）)]/g, '').replace(/\s+/g, '');
}

/** The member present who may not sit on this decision, and why; null when none. */
function excludedAmong(
  members: readonly string[],
  excluded: readonly ExcludedMember[],
): { member: string; why: ExcludedMember['why'] } | null {
  for (const member of members) {
    const name = memberName(member);
    const hit = excluded.find((e) => name !== '' && memberName(e.name) === name);
    if (hit) return { member: member.trim(), why: hit.why };
  }
  return null;
}

/** The members recorded as recused, checked; or the refusal. */
function checkRecusedMembers(
  recused: unknown,
  members: readonly string[],
): { ok: true; members: RecusedMember[] } | { ok: false; error: CaseError } {
  if (recused === undefined || recused === null) return { ok: true, members: [] };
  if (!Array.isArray(recused)) return refusal('INVALID_INPUT', '回避人员列表无效');
  const out: RecusedMember[] = [];
  for (const r of recused as unknown[]) {
    const { name, reason } = (r ?? {}) as { name?: unknown; reason?: unknown };
    if (isBlank(name)) return refusal('INVALID_INPUT', '请填写回避人员的姓名');
    if (isBlank(reason)) {
      return refusal('REASON_REQUIRED', `请说明${String(name).trim()}回避的理由`);
    }
    out.push({ name: (name as string).trim(), reason: (reason as string).trim() });
  }
  const names = out.map((m) => memberName(m.name));
  if (new Set(names).size !== names.length) return refusal('INVALID_INPUT', '回避人员有重复');
  const present = excludedAmong(
    members,
    out.map((m) => ({ name: m.name, why: 'recused' as const })),
  );
  if (present) {
    return refusal('MEMBER_RECUSED', `${present.member}已回避，不能同时列为参会人员`);
  }
  return { ok: true, members: out };
}

/**
 * Checks a committee decision's payload; the conclusion as an outcome code, or a refusal.
 * `earliest` is the first day the meeting may be dated: the submission for decision, or
 * for a review the decision reviewed; null when the case does not know it.
 */
export function checkDecisionPayload(
  payload: DecisionPayload,
  context: CaseContext,
  earliest: CalendarDate | null,
): { ok: true; conclusion: OutcomeCode } | { ok: false; error: CaseError } {
  const { meetingDate, members, conclusion } = payload;
  if (typeof meetingDate !== 'string' || !isCalendarDate(meetingDate)) {
    return refusal('INVALID_INPUT', `会议日期无效：${String(meetingDate)}`);
  }
  if (meetingDate > context.today || (earliest !== null && meetingDate < earliest)) {
    return refusal(
      'INVALID_INPUT',
      `会议日期应在${meetingRangeText(earliest, context.today)}：${formatChineseDate(meetingDate)}`,
    );
  }
  if (!Array.isArray(members) || members.length === 0 || members.some(isBlank)) {
    return refusal('INVALID_INPUT', '请列明参会人员');
  }
  // 回避: the officer concerned, or a person recused from the case, does not decide it.
  const excluded = excludedAmong(members, context.excludedMembers);
  if (excluded) {
    return refusal(
      'MEMBER_RECUSED',
      excluded.why === 'officer'
        ? `参会人员${excluded.member}是本案当事人，应当回避`
        : `参会人员${excluded.member}已回避本案，不能参加研究决定`,
    );
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
  recusedMembers: readonly RecusedMember[] = [],
): CaseChange {
  return {
    kind: 'record_decision',
    meetingDate: payload.meetingDate,
    members: payload.members.map((m) => m.trim()),
    conclusion,
    engineOutcome,
    departureReason,
    onReview,
    recusedMembers,
  };
}

function checkRelatedUnits(related: readonly string[], context: CaseContext): CaseError | null {
  if (!Array.isArray(related) || related.some(isBlank) || new Set(related).size !== related.length)
    return { code: 'INVALID_INPUT', message: '相关单位列表有空项或重复' };
  const unknown = related.find((unitId) => !context.knownUnitIds.has(unitId));
  if (unknown !== undefined) return { code: 'NOT_FOUND', message: `相关单位不存在：${unknown}` };
  // 相关单位 are drawn from the case's own system (本系统), not from other bureaus.
  const outside = related.find((unitId) => !context.systemUnitIds.has(unitId));
  if (outside !== undefined) {
    return { code: 'UNIT_OUTSIDE_SYSTEM', message: '相关单位只能从本系统的单位中选择' };
  }
  return null;
}

export function decideRecordDecision(
  caseView: CaseView,
  action: ActionOf<'record_decision'>,
  context: CaseContext,
): TransitionResult {
  const checked = checkDecisionPayload(action, context, caseView.submittedForDecisionOn);
  if (!checked.ok) return checked;
  const { conclusion } = checked;
  const recused = checkRecusedMembers(action.recusedMembers, action.members);
  if (!recused.ok) return recused;
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
      recused.members,
    ),
    ...recipients.map((r): CaseChange => ({ kind: 'create_notification', ...r, deadline })),
    ...conclusionChanges(procedure, caseView.officerId, null, conclusion),
  ]);
}
