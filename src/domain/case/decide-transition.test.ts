import { describe, expect, it } from 'vitest';
import { TRANSITION_NAMES, TRANSITIONS } from './case-transitions.ts';
import { decideTransition } from './decide-transition.ts';
import { contextFor, entitledActor, subject, validAction } from './test-fixtures.ts';
import { effectsOf } from './test-helpers.ts';

describe('every transition from each of its states by each of its roles', () => {
  const rows = TRANSITION_NAMES.flatMap((name) =>
    TRANSITIONS[name].from.flatMap((from) =>
      TRANSITIONS[name].roles.map((role) => ({ name, from, role })),
    ),
  );
  it.each(rows)('$name from $from by $role', ({ name, from, role }) => {
    const effects = effectsOf(
      decideTransition(subject(from), validAction(name), entitledActor(role), contextFor(name)),
    );
    expect(effects.action).toBe(name);
    expect(effects.from).toBe(from);
    const to = TRANSITIONS[name].to;
    // caseIn puts an objection_review case back to `published`; the fixture's decided case
    // has one notification left, so sending it is the last one.
    expect(effects.state).toBe(to === 'previous' ? 'published' : to);
  });
});
