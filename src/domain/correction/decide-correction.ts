// One decider for every step of the correction procedure: the step as the client asked
// it, checked against the machine (role, state, guards) and its own rules, answers the
// change to write and the state after it, or a refusal with a stable code. Nothing here
// writes; the app layer writes the change as it is (src/app/correction/).

import type { CalendarDate } from '../calendar-date.ts';
import { InvalidDeadlineRequestError } from '../deadline/deadline.ts';
import type { CorrectionState, DeadlineCounting, FollowUpMethod } from '../vocabulary.ts';
import type { CorrectionAction } from './correction-actions.ts';
import { noticeDeadline } from './correction-deadline.ts';
import {
  correctionRefusal,
  type CorrectionError,
  type CorrectionRefusal,
} from './correction-errors.ts';
import {
  checkStep,
  itemsNotDoneRefusal,
  stateAfter,
  type Actor,
  type CorrectionContext,
  type CorrectionView,
} from './correction-machine.ts';
import { dayOutOfRange, isBlank } from '../input-checks.ts';

/** The most items a notice lists. */
export const MAX_ITEMS = 20;

/** Each step with what the client sent. */
export type CorrectionCommand =
  | {
      readonly kind: 'issue_notice';
      readonly reason: string;
      readonly items: readonly string[];
      readonly requirements: string;
      readonly responsible: string;
      readonly days: number | null;
      readonly notifiedOn: CalendarDate | null;
    }
  | {
      readonly kind: 'report_progress';
      readonly text: string;
      readonly itemIds: readonly string[];
      readonly reportedOn: CalendarDate | null;
    }
  | {
      readonly kind: 'claim_completion';
      readonly summary: string;
      readonly items: readonly { readonly id: string; readonly note: string | null }[];
    }
  | {
      readonly kind: 'close';
      readonly result: string;
      readonly causeAnalysis: string;
      readonly improvements: string;
      readonly closedOn: CalendarDate | null;
    }
  | { readonly kind: 'send_back'; readonly reason: string }
  | {
      readonly kind: 'request_extension';
      readonly reason: string;
      readonly requestedDue: CalendarDate;
    }
  | {
      readonly kind: 'decide_extension';
      readonly extensionId: string;
      readonly approved: boolean;
      readonly newDue: CalendarDate | null;
      readonly reason: string | null;
    }
  | {
      readonly kind: 'follow_up';
      readonly method: FollowUpMethod;
      readonly checkedOn: CalendarDate;
      readonly findings: string;
    };

/** What to write, one kind per step; dates are the step's own, decided here. */
export type CorrectionChange =
  | {
      readonly kind: 'issue_notice';
      readonly notifiedOn: CalendarDate;
      readonly days: number;
      readonly counting: DeadlineCounting;
      readonly due: CalendarDate;
      /** The N-th day, when it fell on a rest day and the deadline moved past it. */
      readonly extendedFrom: CalendarDate | null;
      readonly reason: string;
      readonly items: readonly string[];
      readonly requirements: string;
      readonly responsible: string;
    }
  | {
      readonly kind: 'report_progress';
      readonly reportedOn: CalendarDate;
      readonly text: string;
      readonly itemIds: readonly string[];
    }
  | {
      readonly kind: 'claim_completion';
      readonly claimedOn: CalendarDate;
      readonly summary: string;
      readonly items: readonly { readonly id: string; readonly note: string | null }[];
    }
  | {
      readonly kind: 'close';
      readonly closedOn: CalendarDate;
      readonly result: string;
      readonly causeAnalysis: string;
      readonly improvements: string;
    }
  | { readonly kind: 'send_back'; readonly on: CalendarDate; readonly reason: string }
  | {
      readonly kind: 'request_extension';
      readonly requestedOn: CalendarDate;
      readonly reason: string;
      readonly requestedDue: CalendarDate;
    }
  | {
      readonly kind: 'decide_extension';
      readonly extensionId: string;
      readonly decidedOn: CalendarDate;
      readonly approved: boolean;
      readonly newDue: CalendarDate | null;
      readonly reason: string | null;
    }
  | {
      readonly kind: 'follow_up';
      readonly method: FollowUpMethod;
      readonly checkedOn: CalendarDate;
      readonly findings: string;
    };

export type CorrectionDecision =
  | {
      readonly ok: true;
      readonly state: CorrectionState;
      /** The correction's deadline after the step (moved by an approved extension). */
      readonly due: CalendarDate | null;
      readonly change: CorrectionChange;
    }
  | { readonly ok: false; readonly error: CorrectionError };

function invalid(message: string) {
  return correctionRefusal('INVALID_INPUT', message);
}

/** INVALID_DATE when the day is outside its span (dayOutOfRange). */
function dayCheck(...span: Parameters<typeof dayOutOfRange>): CorrectionRefusal | null {
  const outside = dayOutOfRange(...span);
  return outside === null ? null : correctionRefusal('INVALID_DATE', outside);
}

function ok(
  view: CorrectionView,
  action: CorrectionAction,
  change: CorrectionChange,
  due: CalendarDate | null = view.due,
): CorrectionDecision {
  return { ok: true, state: stateAfter(action, view.state), due, change };
}

function unknownItems(view: CorrectionView, ids: readonly string[]): CorrectionRefusal | null {
  const known = new Set(view.items.map((i) => i.id));
  const unknown = ids.filter((id) => !known.has(id));
  return unknown.length === 0
    ? null
    : correctionRefusal('ITEM_NOT_FOUND', `纠错事项不存在：${unknown.join('、')}`);
}

/** Decides one step: the machine's check first (FORBIDDEN, INVALID_TRANSITION, guards), then the payload. */
export function decideCorrection(
  view: CorrectionView,
  actor: Actor,
  command: CorrectionCommand,
  ctx: CorrectionContext,
): CorrectionDecision {
  const allowed = checkStep(view, actor, command.kind, ctx);
  if (!allowed.ok) return allowed;
  const { today } = ctx;
  switch (command.kind) {
    case 'issue_notice': {
      const items = command.items.map((i) => i.trim());
      if (isBlank(command.reason)) return invalid('请填写纠错事由');
      if (items.length === 0 || items.length > MAX_ITEMS)
        return invalid(`纠错事项应为 1 至 ${MAX_ITEMS} 项`);
      if (items.some((i) => i === '')) return invalid('纠错事项不能为空');
      if (isBlank(command.requirements)) return invalid('请填写纠错要求或者建议');
      if (isBlank(command.responsible)) return invalid('请填写责任科室或个人');
      const notifiedOn = command.notifiedOn ?? today;
      const wrongDay = dayCheck(notifiedOn, '纠错通知日期', today, view.openedOn, '纠错启动之日');
      if (wrongDay) return wrongDay;
      let deadline;
      try {
        deadline = noticeDeadline(
          ctx.calendar,
          ctx.params.deadline,
          notifiedOn,
          command.days ?? undefined,
        );
      } catch (error) {
        if (error instanceof InvalidDeadlineRequestError) return invalid(error.message);
        throw error;
      }
      return ok(
        view,
        'issue_notice',
        {
          kind: 'issue_notice',
          notifiedOn,
          days: deadline.days,
          counting: deadline.counting,
          due: deadline.due,
          extendedFrom: deadline.extension?.lastDay ?? null,
          reason: command.reason.trim(),
          items,
          requirements: command.requirements.trim(),
          responsible: command.responsible.trim(),
        },
        deadline.due,
      );
    }
    case 'report_progress': {
      if (isBlank(command.text)) return invalid('请填写整改进展');
      const unknown = unknownItems(view, command.itemIds);
      if (unknown) return unknown;
      const reportedOn = command.reportedOn ?? today;
      const wrongDay = dayCheck(reportedOn, '报告日期', today, view.notifiedOn, '纠错通知日期');
      if (wrongDay) return wrongDay;
      return ok(view, 'report_progress', {
        kind: 'report_progress',
        reportedOn,
        text: command.text.trim(),
        itemIds: [...new Set(command.itemIds)],
      });
    }
    case 'claim_completion': {
      if (isBlank(command.summary)) return invalid('请填写整改完成情况');
      const unknown = unknownItems(
        view,
        command.items.map((i) => i.id),
      );
      if (unknown) return unknown;
      const marked = new Set(command.items.map((i) => i.id));
      const open = view.items.filter((i) => !i.done && !marked.has(i.id)).length;
      if (open > 0)
        return correctionRefusal(
          'ITEMS_NOT_DONE',
          `尚有 ${open} 项纠错事项未完成，不能报告整改完成`,
        );
      return ok(view, 'claim_completion', {
        kind: 'claim_completion',
        claimedOn: today,
        summary: command.summary.trim(),
        items: command.items.map((i) => ({
          id: i.id,
          note: isBlank(i.note) ? null : i.note!.trim(),
        })),
      });
    }
    case 'close': {
      if (isBlank(command.result)) return invalid('请填写验收结果');
      // 第十七条: 分析原因、深刻汲取教训，完善制度、健全机制, both recorded at closing.
      if (isBlank(command.causeAnalysis)) return invalid('请填写原因分析');
      if (isBlank(command.improvements)) return invalid('请填写完善制度、健全机制的措施');
      const open = view.items.filter((i) => !i.done).length;
      if (open > 0) return itemsNotDoneRefusal(open);
      const closedOn = command.closedOn ?? today;
      const wrongDay = dayCheck(closedOn, '验收日期', today, view.claimedOn, '报告整改完成之日');
      if (wrongDay) return wrongDay;
      return ok(view, 'close', {
        kind: 'close',
        closedOn,
        result: command.result.trim(),
        causeAnalysis: command.causeAnalysis.trim(),
        improvements: command.improvements.trim(),
      });
    }
    case 'send_back':
      if (isBlank(command.reason))
        return correctionRefusal('REASON_REQUIRED', '请填写退回整改的理由');
      return ok(view, 'send_back', { kind: 'send_back', on: today, reason: command.reason.trim() });
    case 'request_extension': {
      if (isBlank(command.reason))
        return correctionRefusal('REASON_REQUIRED', '请填写申请延期的理由');
      if (view.due !== null && command.requestedDue <= view.due)
        return correctionRefusal(
          'NEW_DUE_NOT_LATER',
          `申请的整改期限应晚于现整改期限（${view.due}）`,
        );
      return ok(view, 'request_extension', {
        kind: 'request_extension',
        requestedOn: today,
        reason: command.reason.trim(),
        requestedDue: command.requestedDue,
      });
    }
    case 'decide_extension': {
      const extension = view.extensions.find((e) => e.id === command.extensionId);
      if (extension === undefined)
        return correctionRefusal('EXTENSION_NOT_FOUND', '延期申请不存在');
      if (extension.state !== 'pending')
        return correctionRefusal('EXTENSION_NOT_PENDING', '该延期申请已审批');
      const reason = isBlank(command.reason) ? null : command.reason!.trim();
      if (!command.approved) {
        if (reason === null) return correctionRefusal('REASON_REQUIRED', '不予批准延期须说明理由');
        const change = {
          kind: 'decide_extension',
          extensionId: extension.id,
          decidedOn: today,
          approved: false,
          newDue: null,
          reason,
        } as const;
        return ok(view, 'decide_extension', change);
      }
      const newDue = command.newDue ?? extension.requestedDue;
      if (view.due !== null && newDue <= view.due)
        return correctionRefusal(
          'NEW_DUE_NOT_LATER',
          `延长后的整改期限应晚于现整改期限（${view.due}）`,
        );
      return ok(
        view,
        'decide_extension',
        {
          kind: 'decide_extension',
          extensionId: extension.id,
          decidedOn: today,
          approved: true,
          newDue,
          reason,
        },
        newDue,
      );
    }
    case 'follow_up': {
      if (isBlank(command.findings)) return invalid('请填写跟踪了解的情况');
      const wrongDay = dayCheck(
        command.checkedOn,
        '跟踪了解日期',
        today,
        view.notifiedOn,
        '纠错通知日期',
      );
      if (wrongDay) return wrongDay;
      return ok(view, 'follow_up', {
        kind: 'follow_up',
        method: command.method,
        checkedOn: command.checkedOn,
        findings: command.findings.trim(),
      });
    }
  }
}
