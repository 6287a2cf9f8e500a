import { describe, expect, it } from 'vitest';
import {
  isTransitionName,
  OPENING_TRANSITIONS,
  TRANSITION_LABELS,
  TRANSITION_NAMES,
  transitionDef,
  TRANSITIONS,
  type TransitionName,
} from './case-transitions.ts';
import type { Role } from '../vocabulary.ts';
import { CASE_STATES } from '../vocabulary.ts';

const EXPECTED_TABLE: Record<TransitionName, [string[], string, Role[]]> = {
  submit_application: [['none'], 'submitted', ['officer']],
  initiate: [['none'], 'investigating', ['investigator']],
  accept: [['submitted'], 'investigating', ['investigator']],
  refuse: [['submitted'], 'refused', ['investigator']],
  complete_investigation: [['investigating'], 'assessing', ['investigator']],
  submit_for_decision: [['assessing'], 'awaiting_decision', ['investigator']],
  record_decision: [['awaiting_decision'], 'decided', ['secretary']],
  send_notification: [['decided'], 'notified', ['secretary']],
  publish: [['notified'], 'published', ['secretary']],
  raise_objection: [['notified', 'published'], 'objection_review', ['officer']],
  review_objection: [['objection_review'], 'previous', ['secretary']],
  close: [['notified', 'published'], 'closed', ['secretary']],
  withdraw: [
    ['submitted', 'investigating', 'assessing', 'awaiting_decision'],
    'withdrawn',
    ['officer'],
  ],
};

describe('the transition table', () => {
  it('is the one of docs/design/case-procedure.md', () => {
    const actual = Object.fromEntries(
      TRANSITION_NAMES.map((n) => [
        n,
        [[...TRANSITIONS[n].from], TRANSITIONS[n].to, [...TRANSITIONS[n].roles]],
      ]),
    );
    expect(actual).toEqual(EXPECTED_TABLE);
  });

  it('recognizes its names', () => {
    expect(isTransitionName('record_decision')).toBe(true);
    expect(isTransitionName('toString')).toBe(false);
    expect(transitionDef('close').label).toBe('办结');
  });

  it('labels every transition in Chinese', () => {
    for (const name of TRANSITION_NAMES) expect(TRANSITIONS[name].label).toMatch(/\p{Script=Han}/u);
  });

  it('gives each label by name and the transitions that open a case', () => {
    for (const name of TRANSITION_NAMES)
      expect(TRANSITION_LABELS[name]).toBe(TRANSITIONS[name].label);
    expect(OPENING_TRANSITIONS).toEqual(['submit_application', 'initiate']);
  });

  it('leaves the terminal states by no transition and reaches every state', () => {
    const from = new Set<string>(TRANSITION_NAMES.flatMap((n) => TRANSITIONS[n].from));
    for (const terminal of ['closed', 'refused', 'withdrawn'])
      expect(from.has(terminal)).toBe(false);
    const to = new Set<string>(TRANSITION_NAMES.map((n) => TRANSITIONS[n].to));
    for (const state of CASE_STATES) expect(to.has(state) || from.has(state)).toBe(true);
  });
});
