// The case procedure's table of transitions (第十四至十九条, docs/design/case-procedure.md):
// from which states each action may be taken, the state it leads to, and the roles that
// take it. Access, guards and the deciders read this one table.

import type { CaseRole } from '../account/roles.ts';
import type { CaseState } from '../vocabulary.ts';

/** Before a case exists: the state the opening transitions start from. */
export const NO_CASE = 'none';
export type FromState = CaseState | typeof NO_CASE;

export interface TransitionDef {
  readonly from: readonly FromState[];
  /** The state after; `previous` returns to `stateBeforeObjection`. */
  readonly to: CaseState | 'previous';
  readonly roles: readonly CaseRole[];
  readonly label: string;
}

/**
 * Every transition of the procedure. `send_notification` moves to `notified` only with
 * the last unsent notification; before that it stays in `decided`.
 */
export const TRANSITIONS = {
  submit_application: {
    from: [NO_CASE],
    to: 'submitted',
    roles: ['officer'],
    label: '提出容错认定申请',
  },
  initiate: { from: [NO_CASE], to: 'investigating', roles: ['investigator'], label: '启动核查' },
  accept: { from: ['submitted'], to: 'investigating', roles: ['investigator'], label: '受理' },
  refuse: { from: ['submitted'], to: 'refused', roles: ['investigator'], label: '不予受理' },
  complete_investigation: {
    from: ['investigating'],
    to: 'assessing',
    roles: ['investigator'],
    label: '完成调查核实',
  },
  submit_for_decision: {
    from: ['assessing'],
    to: 'awaiting_decision',
    roles: ['investigator'],
    label: '提请研究决定',
  },
  record_decision: {
    from: ['awaiting_decision'],
    to: 'decided',
    roles: ['secretary'],
    label: '登记研究决定',
  },
  send_notification: {
    from: ['decided'],
    to: 'notified',
    roles: ['secretary'],
    label: '送达告知',
  },
  publish: { from: ['notified'], to: 'published', roles: ['secretary'], label: '公开' },
  raise_objection: {
    from: ['notified', 'published'],
    to: 'objection_review',
    roles: ['officer'],
    label: '提出异议',
  },
  review_objection: {
    from: ['objection_review'],
    to: 'previous',
    roles: ['secretary'],
    label: '异议复核',
  },
  close: { from: ['notified', 'published'], to: 'closed', roles: ['secretary'], label: '办结' },
  withdraw: {
    from: ['submitted', 'investigating', 'assessing', 'awaiting_decision'],
    to: 'withdrawn',
    roles: ['officer'],
    label: '撤回申请',
  },
} as const satisfies Record<string, TransitionDef>;

export type TransitionName = keyof typeof TRANSITIONS;

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as readonly TransitionName[];

/** The transitions that open a case, from NO_CASE. */
export const OPENING_TRANSITIONS = TRANSITION_NAMES.filter((name) =>
  (TRANSITIONS[name].from as readonly FromState[]).includes(NO_CASE),
);

export function transitionDef(name: TransitionName): TransitionDef {
  return TRANSITIONS[name];
}

export function isTransitionName(value: string): value is TransitionName {
  return Object.hasOwn(TRANSITIONS, value);
}

/** The Chinese label of each transition, for buttons, the timeline and messages. */
export const TRANSITION_LABELS: Readonly<Record<TransitionName, string>> = Object.fromEntries(
  TRANSITION_NAMES.map((name) => [name, TRANSITIONS[name].label]),
) as Record<TransitionName, string>;
