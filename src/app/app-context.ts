// What every use case needs: the database, the policies, the work calendar and a clock.
// Passed explicitly; no use case reaches for a global.

import type { WorkCalendar } from '../domain/deadline/work-calendar.ts';
import type { PolicyRegistry } from '../domain/policy/policy-registry.ts';
import type { Db } from '../store/transaction.ts';

export interface AppContext {
  readonly db: Db;
  readonly registry: PolicyRegistry;
  readonly calendar: WorkCalendar;
  readonly now: () => Date;
}

/** A use case's failure with a stable code; `src/http` maps it to a status. */
export class UseCaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
