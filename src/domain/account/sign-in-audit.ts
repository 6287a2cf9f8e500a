// Failed sign-ins are audited in aggregate: counted per subject (an account, or the keyed
// hash of a typed name that is no account) and per window, and each closed window
// becomes one audit event. A flood then adds one event a window however many requests
// it sends, where one event per attempt let it grow the chain without bound.

export const SIGN_IN_AUDIT_WINDOW_MINUTES = 15;

/** The subjects named in one window's event, the most tried first; the rest are counted. */
export const SUMMARY_SUBJECTS = 20;

export type SignInSubject =
  | { readonly kind: 'account'; readonly id: string }
  | { readonly kind: 'name'; readonly hash: string };

/** The subject as stored: `account:<user id>` or `name:<hash>`. */
export function subjectKey(subject: SignInSubject): string {
  return subject.kind === 'account' ? `account:${subject.id}` : `name:${subject.hash}`;
}

/** The start of the window `now` falls in. */
export function windowStartOf(now: Date): Date {
  const length = SIGN_IN_AUDIT_WINDOW_MINUTES * 60_000;
  return new Date(Math.floor(now.getTime() / length) * length);
}

export interface SubjectCount {
  readonly subject: string;
  readonly failures: number;
  readonly refusedLocked: number;
  readonly lockouts: number;
}

/** One subject in the event: which account, or which typed name by its hash. */
function named(subject: string): { account: string } | { nameHash: string } {
  const colon = subject.indexOf(':');
  const kind = subject.slice(0, colon);
  const value = subject.slice(colon + 1);
  return kind === 'account' ? { account: value } : { nameHash: value };
}

/** The audit event's data for one window's counts. */
export function summarizeWindow(windowStart: Date, counts: readonly SubjectCount[]) {
  const total = (field: 'failures' | 'refusedLocked' | 'lockouts') =>
    counts.reduce((sum, c) => sum + c[field], 0);
  const ranked = [...counts].sort(
    (a, b) =>
      b.failures + b.refusedLocked - (a.failures + a.refusedLocked) ||
      a.subject.localeCompare(b.subject),
  );
  const end = new Date(windowStart.getTime() + SIGN_IN_AUDIT_WINDOW_MINUTES * 60_000);
  return {
    from: windowStart.toISOString(),
    to: end.toISOString(),
    failures: total('failures'),
    refusedWhileLocked: total('refusedLocked'),
    lockouts: total('lockouts'),
    subjects: counts.length,
    mostTried: ranked.slice(0, SUMMARY_SUBJECTS).map((c) => ({
      ...named(c.subject),
      failures: c.failures,
      refusedWhileLocked: c.refusedLocked,
      lockouts: c.lockouts,
    })),
  };
}
