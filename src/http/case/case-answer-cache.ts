// The case page's answers, kept as the JSON sent, while nothing they were made from can
// have changed (issue 13: a case read near the cost of one query). A case page is made
// from the database, the day and the reader. Every change to the database that a page
// shows appends an audit event in the same transaction (test/audit-every-write.test.ts
// holds the application to it), so an answer holds as long as the audit log's stamp
// (AUDIT_STAMP) and the day are those it was made under: a read then costs the session's
// statement, which reads the stamp too (SessionActor.auditStamp), and nothing is computed.
// Any event anywhere makes every kept answer stale, which is crude under writes but cannot
// go wrong, and offices read their cases far more often than they change them. The stamp is in the database, so a write
// through another instance of the application is seen like one through this.
//
// An answer is stored under the stamp read before its case was read: a change committed
// in between is then in the answer but not in its stamp, and the next read, seeing a newer
// stamp, makes the answer again. Never the other way round.

/** How many answers are kept at most, and their size in all: the oldest go first. */
export interface CaseAnswerCacheLimits {
  readonly entries: number;
  readonly bytes: number;
}

/** About 1,000 case pages of the demo's largest size, 28 kB. */
export const DEFAULT_CASE_ANSWER_LIMITS: CaseAnswerCacheLimits = {
  entries: 1_000,
  bytes: 32 * 1024 * 1024,
};

export class CaseAnswerCache {
  /** What every kept answer was made under; a read under anything else clears them. */
  private made: string | null = null;
  private readonly answers = new Map<string, string>();
  private bytes = 0;
  /** Counted for the benchmark and the tests: reads answered from here, and not. */
  hits = 0;
  misses = 0;

  constructor(private readonly limits: CaseAnswerCacheLimits = DEFAULT_CASE_ANSWER_LIMITS) {}

  /**
   * The answer kept for `key` if it was made under `stamp` and `day`; else undefined (and,
   * when they are new, every kept answer is dropped: none can be used again).
   */
  get(stamp: string, day: string, key: string): string | undefined {
    const made = `${stamp}|${day}`;
    if (made !== this.made) {
      this.answers.clear();
      this.bytes = 0;
      this.made = made;
    }
    const answer = this.answers.get(key);
    if (answer === undefined) this.misses++;
    else this.hits++;
    return answer;
  }

  /** Keeps `answer` for `key`, if the answers kept were made under `stamp` and `day`. */
  set(stamp: string, day: string, key: string, answer: string): void {
    // Another read saw a newer stamp meanwhile: this answer may be older than the others.
    if (`${stamp}|${day}` !== this.made) return;
    if (sizeOf(answer) > this.limits.bytes) return;
    this.drop(key);
    this.answers.set(key, answer);
    this.bytes += sizeOf(answer);
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.drop(oldest);
    }
  }

  /** Drops every kept answer: the database was changed behind the application's back. */
  clear(): void {
    this.answers.clear();
    this.bytes = 0;
    this.made = null;
  }

  get size(): number {
    return this.answers.size;
  }

  private drop(key: string) {
    const kept = this.answers.get(key);
    if (kept === undefined) return;
    this.answers.delete(key);
    this.bytes -= sizeOf(kept);
  }
}

/** What a kept answer holds in memory: two bytes a UTF-16 code unit. */
const sizeOf = (answer: string) => answer.length * 2;

/**
 * Whose answer it is: the reader's account, unit and roles (what the domain decides by),
 * the case as addressed, and what was asked beyond the case.
 */
export function caseAnswerKey(
  reader: { readonly id: string; readonly unitId: string; readonly roles: readonly string[] },
  caseAddress: string,
  nextQuestion: boolean,
): string {
  return JSON.stringify([
    reader.id,
    reader.unitId,
    [...reader.roles].sort(),
    caseAddress,
    nextQuestion,
  ]);
}
