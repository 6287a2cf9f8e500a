// The administrators' use cases each belong to one role (三员分立); the check, with the
// role's Chinese name in the refusal.

import type { Actor } from './sessions.ts';
import { UseCaseError } from '../app-context.ts';
import { ROLE_LABELS, type Role } from '../../domain/vocabulary.ts';

export function requireRole(actor: Actor, role: Role): void {
  if (!actor.roles.includes(role))
    throw new UseCaseError('FORBIDDEN', `需要${ROLE_LABELS[role]}角色`);
}
