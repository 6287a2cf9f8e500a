// The worker threads of `evaluate --batch`: each takes chunks of JSON Lines and returns
// their output text. A chunk goes to the worker with the fewest chunks outstanding; the
// caller keeps the order (each chunk's answer is a promise, awaited in turn).

import { Worker } from 'node:worker_threads';
import type { PolicyDef } from '../domain/policy/policy-model.ts';
import type { LinesResult } from './evaluate-lines.ts';

export interface WorkerSettings {
  readonly today: string;
  readonly explain: boolean;
}

export type WorkerRequest =
  | { readonly type: 'policies'; readonly defs: readonly PolicyDef[] }
  | { readonly type: 'chunk'; readonly id: number; readonly bytes: Uint8Array };

export interface ChunkAnswer extends LinesResult {
  readonly id: number;
}

interface Pending {
  resolve(result: LinesResult): void;
  reject(error: unknown): void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * The code a worker starts with. tsx's loader is not inherited by worker threads, so it is
 * registered there before the TypeScript entry is imported, from the same installation the
 * main thread runs on (the command may be started from any directory).
 */
function bootstrap(): string {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./evaluate-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
}

export class EvaluatePool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failure: unknown = null;
  private closing = false;

  /** Starts `size` workers now: they load while the main thread reads the policy files. */
  constructor(size: number, settings: WorkerSettings) {
    const code = bootstrap();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(code, { eval: true, workerData: settings });
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (answer: ChunkAnswer) => {
        const waiting = slot.pending.get(answer.id);
        slot.pending.delete(answer.id);
        waiting?.resolve({ out: answer.out, lines: answer.lines });
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('messageerror', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (slot.pending.size > 0 || !this.closing) {
          this.fail(new Error(`evaluate worker exited (code ${code})`));
        }
      });
      this.slots.push(slot);
    }
  }

  /** Hands every worker the checked policy definitions; must come before any chunk. */
  start(defs: readonly PolicyDef[]): void {
    const message: WorkerRequest = { type: 'policies', defs };
    for (const { worker } of this.slots) worker.postMessage(message);
  }

  /**
   * The output of one chunk of whole lines, from the worker with the fewest chunks
   * outstanding; null when every worker has `most` or more, for the caller to answer it.
   */
  run(bytes: Uint8Array, most: number): Promise<LinesResult> | null {
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    if (slot.pending.size >= most) return null;
    if (this.failure) return Promise.reject(this.failure);
    // A copy of the chunk alone, moved to the worker: posting the view itself would clone
    // the whole buffer under it (a read, or several joined), not just the chunk's bytes.
    const copy = new Uint8Array(bytes);
    const id = this.nextId++;
    return new Promise<LinesResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      const message: WorkerRequest = { type: 'chunk', id, bytes: copy };
      slot.worker.postMessage(message, [copy.buffer]);
    });
  }

  /** Stops every worker (at the end, or after a failure). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map(({ worker }) => worker.terminate()));
  }

  /** A worker that failed fails every chunk still outstanding, and every later one. */
  private fail(error: unknown): void {
    if (this.closing && this.slots.every((s) => s.pending.size === 0)) return;
    this.failure ??= error;
    for (const { pending } of this.slots) {
      for (const waiting of pending.values()) waiting.reject(this.failure);
      pending.clear();
    }
  }
}
