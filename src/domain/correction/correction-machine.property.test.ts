// Random runs of the correction procedure: steps by random people on random days, with a
// valid payload, applied to the view as the store would. The oracle is the machine's own
// list: a step with a valid payload is accepted exactly when it was among the actor's
// allowed actions. And whatever happens, the deadline never moves earlier, a completed
// correction has every item done, and a correction at work has a notice and a deadline.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar-date.ts';
import { CORRECTION_ACTIONS, type CorrectionAction } from './correction-actions.ts';
import {
  allowedCorrectionActions,
  pendingExtension,
  type CorrectionView,
} from './correction-machine.ts';
import {
  decideCorrection,
  type CorrectionChange,
  type CorrectionCommand,
} from './decide-correction.ts';
import { correction, correctionContext, PEOPLE } from './test-fixtures.ts';

/** A valid payload for each step on this view and day. */
function command(action: CorrectionAction, view: CorrectionView, today: string): CorrectionCommand {
  switch (action) {
    case 'issue_notice':
      return {
        kind: action,
        reason: '事由',
        items: ['事项一', '事项二'],
        requirements: '要求',
        responsible: '一科',
        days: 5,
        notifiedOn: today,
      };
    case 'report_progress':
      return {
        kind: action,
        text: '进展',
        itemIds: view.items.slice(0, 1).map((i) => i.id),
        reportedOn: today,
      };
    case 'claim_completion':
      return {
        kind: action,
        summary: '完成',
        items: view.items.map((i) => ({ id: i.id, note: null })),
      };
    case 'close':
      return {
        kind: action,
        result: '合格',
        causeAnalysis: '原因',
        improvements: '措施',
        closedOn: today,
      };
    case 'send_back':
      return { kind: action, reason: '不合格' };
    case 'request_extension':
      return { kind: action, reason: '特殊情况', requestedDue: addDays(view.due ?? today, 10) };
    case 'decide_extension':
      return {
        kind: action,
        extensionId: pendingExtension(view)?.id ?? 'none',
        approved: true,
        newDue: null,
        reason: null,
      };
    case 'follow_up':
      return { kind: action, method: 'phone', checkedOn: today, findings: '了解' };
  }
}

let counter = 0;

function apply(
  view: CorrectionView,
  state: CorrectionView['state'],
  due: string | null,
  change: CorrectionChange,
): CorrectionView {
  const next = { ...view, state, due };
  switch (change.kind) {
    case 'issue_notice':
      return {
        ...next,
        notifiedOn: change.notifiedOn,
        items: change.items.map((_, i) => ({ id: `item-${i}`, done: false })),
      };
    case 'report_progress':
      return {
        ...next,
        items: view.items.map((i) => (change.itemIds.includes(i.id) ? { ...i, done: true } : i)),
      };
    case 'claim_completion':
      return {
        ...next,
        claimedOn: change.claimedOn,
        items: view.items.map((i) => ({ ...i, done: true })),
      };
    case 'send_back':
      return { ...next, claimedOn: null };
    case 'request_extension':
      counter += 1;
      return {
        ...next,
        extensions: [
          ...view.extensions,
          { id: `ext-${counter}`, state: 'pending', requestedDue: change.requestedDue },
        ],
      };
    case 'decide_extension':
      return {
        ...next,
        extensions: view.extensions.map((e) =>
          e.id === change.extensionId
            ? { ...e, state: change.approved ? 'approved' : 'refused' }
            : e,
        ),
      };
    case 'close':
    case 'follow_up':
      return next;
  }
}

const people = Object.values(PEOPLE);

describe('random runs of the correction procedure', () => {
  it('accepts a valid step exactly when it is allowed, and keeps its invariants', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: people.length - 1 }),
            action: fc.constantFrom(...CORRECTION_ACTIONS),
            /** Take one of the steps someone may take now, to reach the later states. */
            follow: fc.boolean(),
            pick: fc.nat(),
            days: fc.integer({ min: 0, max: 4 }),
          }),
          { maxLength: 40 },
        ),
        (steps) => {
          let view = correction('opened', { openedOn: '2030-09-01' });
          let today = '2030-09-02';
          for (const step of steps) {
            today = addDays(today, step.days);
            const ctx = correctionContext({ today });
            const open = people.flatMap((who) =>
              allowedCorrectionActions(view, who, ctx).map((action) => ({ who, action })),
            );
            const chosen =
              step.follow && open.length > 0
                ? open[step.pick % open.length]!
                : { who: people[step.who]!, action: step.action };
            const { who: actor, action } = chosen;
            const allowed = allowedCorrectionActions(view, actor, ctx).includes(action);
            const decided = decideCorrection(view, actor, command(action, view, today), ctx);
            expect(decided.ok).toBe(allowed);
            if (!decided.ok) continue;
            if (view.due !== null) expect(decided.due! >= view.due).toBe(true);
            view = apply(view, decided.state, decided.due, decided.change);
            if (view.state === 'completed') expect(view.items.every((i) => i.done)).toBe(true);
            if (view.state !== 'opened')
              expect(view.notifiedOn !== null && view.due !== null).toBe(true);
            expect(view.extensions.filter((e) => e.state === 'pending').length).toBeLessThanOrEqual(
              1,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
