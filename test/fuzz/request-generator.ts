// Builds the fuzzer's requests from the OpenAPI document: for an operation, an identity
// and a mutation class, first a request that looks valid (valid-request.ts), then one
// part of it broken: one value (value-mutations.ts), the fields as a set
// (field-mutations.ts), the whole body (body-mutations.ts), the session
// (auth-mutations.ts), the method or the bytes on the wire (raw-wire-mutations.ts). Each
// request says whether the application must refuse it, and what was done to it.

import { badAuth } from './auth-mutations.ts';
import { badBody, badContentType } from './body-mutations.ts';
import { badPercent, extraField, longParam, missingField } from './field-mutations.ts';
import {
  MUTATIONS,
  type AuthNames,
  type FuzzRequest,
  type Identity,
  type Mutation,
} from './fuzz-request.ts';
import type { FuzzWorld } from './fuzz-world.ts';
import { VALUE_CLASSES, type ValueClass } from './malformed-values.ts';
import type { Operation } from './openapi-operations.ts';
import type { Prng } from './prng.ts';
import { rawRequest, wrongMethod } from './raw-wire-mutations.ts';
import { renderRequest, type Draft } from './request-draft.ts';
import { ValidRequestBuilder } from './valid-request.ts';
import { breakValue, crossReference, uuidSlots } from './value-mutations.ts';
import { WorldPicks } from './world-picks.ts';

export interface GeneratorOptions {
  readonly world: FuzzWorld;
  /** The run's one seeded stream: every choice of every request draws from it. */
  readonly rng: Prng;
  readonly auth: AuthNames;
  readonly now: () => Date;
  /** Accounts the fuzzer signs in as; their roles and passwords are not changed by it. */
  readonly identityNames: readonly string[];
  /** Every operation of the document, for the methods each path has. */
  readonly operations: readonly Operation[];
}

export class RequestGenerator {
  private readonly picks: WorldPicks;
  private readonly valid: ValidRequestBuilder;
  private readonly methods = new Map<string, string[]>();

  constructor(private readonly options: GeneratorOptions) {
    this.picks = new WorldPicks(options.world, options.rng, options.now, options.identityNames);
    this.valid = new ValidRequestBuilder(this.picks);
    for (const op of options.operations)
      this.methods.set(op.path, [...(this.methods.get(op.path) ?? []), op.method]);
  }

  /** The mutation classes that mean something for an operation. */
  applicable(op: Operation): Mutation[] {
    return MUTATIONS.filter((m) => m !== 'cross-reference' || uuidSlots(op).length > 0);
  }

  generate(op: Operation, identity: Identity, mutation: Mutation): FuzzRequest {
    const d = this.valid.draft(op, identity);
    this.mutate(d, op, identity, mutation);
    return renderRequest(d, op, identity, mutation);
  }

  private mutate(d: Draft, op: Operation, identity: Identity, mutation: Mutation): void {
    const { rng } = this.options;
    if ((VALUE_CLASSES as readonly string[]).includes(mutation))
      return breakValue(d, op, mutation as ValueClass, rng);
    switch (mutation) {
      case 'bad-percent':
        return badPercent(d, op, rng);
      case 'long-param':
        return longParam(d, op, rng);
      case 'missing-field':
        return missingField(d, op, rng);
      case 'extra-field':
        return extraField(d, op, rng);
      case 'cross-reference':
        return crossReference(d, op, identity, this.picks);
      case 'bad-body':
        return badBody(d, op, rng);
      case 'bad-content-type':
        return badContentType(d, op, rng);
      case 'bad-auth':
        return badAuth(d, op, identity, rng, this.options.auth);
      case 'wrong-method':
        return wrongMethod(d, rng, [op.method, ...(this.methods.get(op.path) ?? [])]);
      case 'raw-request':
        return rawRequest(d, op, rng);
      case 'valid':
        return;
    }
  }
}
