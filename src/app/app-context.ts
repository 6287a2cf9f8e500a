// What every use case needs: the database, the policies, the work calendar, a clock,
// where the audit log's checkpoints are kept, and the keys of reporters' identities.
// Passed explicitly; no use case reaches for a global.

import type { AuditFileLocations } from '../audit-files/audit-file-locations.ts';
import type { WorkCalendar } from '../domain/deadline/work-calendar.ts';
import type { PolicyRegistry } from '../domain/policy/policy-registry.ts';
import type { IdentityKeyRing } from '../secret-files/identity-key-ring.ts';
import type { InterviewGuides } from './determination/interview-guide.ts';
import type { Db } from '../store/transaction.ts';

export interface AppContext {
  readonly db: Db;
  readonly registry: PolicyRegistry;
  readonly calendar: WorkCalendar;
  readonly now: () => Date;
  /** Where the audit log's signing key and signed checkpoints are kept, outside the database. */
  readonly auditFiles: AuditFileLocations;
  /** Seals and opens reporters' identities (SM4), with keys kept outside the database. */
  readonly identityKeys: IdentityKeyRing;
  /** What orders each unit's interview: its decided cases' estimate, kept a while. */
  readonly interviewGuides: InterviewGuides;
}

/** A use case's failure with a stable code; `src/http` maps it to a status. */
export class UseCaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * STALE_VERSION: `what` (案件, 纠错记录, 信访举报…) was changed by someone else since the client
 * read it, as version `expected`; it is now at `version`.
 */
export function staleVersion(what: string, version: number, expected: number): UseCaseError {
  return new UseCaseError(
    'STALE_VERSION',
    `${what}已被他人修改（当前版本 ${version}，提交版本 ${expected}），请刷新后重试`,
  );
}
