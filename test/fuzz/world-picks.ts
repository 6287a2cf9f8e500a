// Valid-looking choices from what the fuzzer knows of the application's data
// (fuzz-world.ts): ids that exist, a case the identity may read in a state where the
// route does something, an officer within reach, a policy's facts and outcomes, days and
// Chinese text. Every choice draws from the run's one seeded stream, in a fixed order.

import { randomUUID } from 'node:crypto';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import type { Identity } from './fuzz-request.ts';
import type { CaseRef, FuzzWorld, PolicyRef, UserRef } from './fuzz-world.ts';
import type { Operation } from './openapi-operations.ts';
import type { Prng } from './prng.ts';

const CHINESE = '执法检查记录当事人陈述情况说明整改落实到位依法依规调查核实';

export class WorldPicks {
  constructor(
    readonly world: FuzzWorld,
    readonly rng: Prng,
    private readonly now: () => Date,
    /** Accounts the fuzzer signs in as; their roles are not changed by its requests. */
    private readonly identityNames: readonly string[],
  ) {}

  /** The account an identity signs in as. */
  userOf(identity: Identity): UserRef | undefined {
    return identity.username === null ? undefined : this.world.user(identity.username);
  }

  /** The id of one of the items, or of nothing that exists when there are none. */
  idOf(items: readonly { readonly id: string }[]): string {
    return items.length > 0 ? this.rng.pick(items).id : randomUUID();
  }

  /**
   * Mostly a case the identity may read, in a state where the route does something (an
   * investigation for facts and evidence, an assessment for its factors); sometimes any.
   */
  caseFor(op: Operation, me: UserRef | undefined): CaseRef | undefined {
    const cases = this.world.cases;
    if (cases.length === 0) return undefined;
    if (!me || this.rng.chance(0.1)) return this.rng.pick(cases);
    const scope = this.world.subtree(me.unitId);
    const mine = cases.filter((c) =>
      me.roles.includes('officer')
        ? c.officerId === me.id || c.applicantId === me.id
        : scope.has(c.unitId),
    );
    const withFiles = new Set(this.world.evidence.map((e) => e.caseId));
    const fits = (c: CaseRef) =>
      op.path.includes('/facts/') || (op.path.includes('/evidence') && op.method === 'POST')
        ? c.state === 'investigating'
        : op.path.includes('/assessment/')
          ? c.state === 'assessing'
          : op.path.includes('/evidence/')
            ? withFiles.has(c.id)
            : true;
    const fitting = mine.filter(fits);
    if (fitting.length > 0 && this.rng.chance(0.85)) return this.rng.pick(fitting);
    return this.rng.pick(mine.length > 0 ? mine : cases);
  }

  /** The case's policy, or any. */
  policyOf(caseRef: CaseRef | undefined): PolicyRef {
    return (caseRef && this.world.policy(caseRef.policyId)) ?? this.rng.pick(this.world.policies);
  }

  policyId(): string {
    return this.rng.pick(this.world.policies).id;
  }

  today(): string {
    return todayInChina(this.now());
  }

  pastDay(): string {
    const day = new Date(this.now().getTime() - this.rng.int(400) * 86_400_000);
    return todayInChina(day);
  }

  chinese(min = 2, max = 12): string {
    return this.rng.text(this.rng.between(min, max), CHINESE);
  }

  strongPassword(): string {
    return `Fz#${this.rng.text(6, 'abcdefghjkmnpqrstuvwxyz')}${this.rng.between(10, 99)}Q`;
  }

  /** An account the fuzzer does not sign in as: a role or password change would end its sessions. */
  otherUserId(): string {
    const identities = new Set(this.identityNames);
    return this.idOf(this.world.users.filter((u) => !identities.has(u.username)));
  }

  /** Mostly an officer in the identity's units. */
  officerId(me: UserRef | undefined): string {
    const officers = this.world.users.filter((u) => u.roles.includes('officer'));
    if (me && this.rng.chance(0.8)) {
      const scope = this.world.subtree(me.unitId);
      const near = officers.filter((o) => scope.has(o.unitId));
      if (near.length > 0) return this.rng.pick(near).id;
    }
    return this.idOf(officers);
  }

  unitId(): string {
    return this.idOf(this.world.units);
  }
}
