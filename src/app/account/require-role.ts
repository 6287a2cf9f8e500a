// The administrators' use cases each belong to one role (三员分立); the check, with the
// role's Chinese name in the refusal.

import type { Actor } from './sessions.ts';
import { UseCaseError } from '../app-context.ts';
import { ROLE_LABELS, type Role } from '../../domain/vocabulary.ts';

/** Refuses unless the actor holds one of the roles. */
export function requireRole(actor: Actor, ...roles: readonly Role[]): void {
  if (!roles.some((role) => actor.roles.includes(role)))
    throw new UseCaseError(
      'FORBIDDEN',
      `需要${roles.map((role) => ROLE_LABELS[role]).join('或')}角色`,
    );
}
