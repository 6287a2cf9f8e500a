// What the clients were told: every write answered 2xx with what it wrote, the writes whose
// answer never came (their outcome unknown, never counted as lost), and every error by
// kind. The checks hold the database to the acknowledged writes only.

import { RequestFailed } from '../procedure-client.ts';

/** One write the application acknowledged (2xx), and what must hold afterwards. */
export type AckedWrite =
  | { readonly kind: 'open_case'; readonly caseId: string }
  | {
      readonly kind: 'transition';
      readonly caseId: string;
      readonly action: string;
      /** The state the answer showed. */
      readonly state: string;
    }
  | {
      readonly kind: 'fact';
      readonly caseId: string;
      readonly factId: string;
      readonly value: boolean;
    }
  | { readonly kind: 'assessment'; readonly caseId: string; readonly factor: string }
  | { readonly kind: 'review'; readonly caseId: string; readonly review: string }
  | { readonly kind: 'notification'; readonly caseId: string; readonly notificationId: string }
  | { readonly kind: 'correction_notice'; readonly correctionId: string }
  | { readonly kind: 'receive_report'; readonly reportId: string }
  | { readonly kind: 'report_finding'; readonly reportId: string };

/** The kind of an error as the drill counts it: a socket error's code, or status and code. */
export function errorKind(error: unknown): string {
  if (error instanceof RequestFailed) {
    if (error.status === 0) return error.socketError ?? `network: ${error.code}`;
    return `${error.status} ${error.code}`;
  }
  return `client: ${(error as Error).message ?? String(error)}`;
}

/**
 * Whether a failed write may still have been committed: no answer, or an answer that does
 * not say it was refused before writing (a 5xx: the commit's fate may be unknown to the
 * server itself when its connection died at the commit).
 */
export function outcomeUnknown(error: unknown): boolean {
  return !(error instanceof RequestFailed) || error.status === 0 || error.status >= 500;
}

export class Ledger {
  readonly acked: AckedWrite[] = [];
  /**
   * Write attempts whose answer never came or was a 5xx, by what was attempted. The
   * client then re-reads (or retries with its Idempotency-Key) and goes on from what it
   * finds, so these are attempts, not lost writes.
   */
  readonly unknown = new Map<string, number>();
  readonly errors = new Map<string, number>();
  /** Every 500 (a finding: no fault should produce one), with where it was met. */
  readonly internalErrors: string[] = [];
  /** Every case any client opened or tried to, acknowledged or not (the checks read them all). */
  readonly caseIds = new Set<string>();
  readonly reportIds = new Set<string>();
  readonly correctionIds = new Set<string>();
  reads = 0;

  ack(write: AckedWrite): void {
    this.acked.push(write);
    if ('caseId' in write) this.caseIds.add(write.caseId);
    if ('reportId' in write) this.reportIds.add(write.reportId);
    if ('correctionId' in write) this.correctionIds.add(write.correctionId);
  }

  failed(error: unknown, write: string | null): void {
    const kind = errorKind(error);
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (error instanceof RequestFailed && error.status === 500)
      this.internalErrors.push(`${error.method} ${error.path}: ${error.code}`);
    if (write !== null && outcomeUnknown(error))
      this.unknown.set(write, (this.unknown.get(write) ?? 0) + 1);
  }

  get unknownCount(): number {
    let n = 0;
    for (const count of this.unknown.values()) n += count;
    return n;
  }
}
