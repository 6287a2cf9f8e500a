// A worker thread of `evaluate --batch` (evaluate-pool.ts starts it under tsx): compiles
// the policies the main thread read and checked, then answers chunks of JSON Lines with
// their output text, one message per chunk, tagged with the chunk's id.

import { parentPort, workerData } from 'node:worker_threads';
import { compilePolicy } from '../domain/policy/compile-policy.ts';
import type { PolicyDef } from '../domain/policy/policy-model.ts';
import { createRegistry, type PolicyRegistry } from '../domain/policy/policy-registry.ts';
import { evaluateLines } from './evaluate-lines.ts';
import type { ChunkAnswer, WorkerRequest, WorkerSettings } from './evaluate-pool.ts';

const port = parentPort!;
const { today, explain } = workerData as WorkerSettings;
let registry: PolicyRegistry | null = null;
const encoder = new TextEncoder();

/** The same registry as the main thread's: compilePolicy is a pure function of the definition. */
function compileAll(defs: readonly PolicyDef[]): PolicyRegistry {
  return createRegistry(
    defs.map((def) => {
      const result = compilePolicy(def);
      // The main thread compiled these very definitions already; failing here is a bug.
      if (!result.ok) throw new Error(`policy ${def.id} does not compile in a worker`);
      return result.policy;
    }),
  );
}

// Messages are handled one at a time in the order sent: the policies always come first.
port.on('message', (message: WorkerRequest) => {
  if (message.type === 'policies') {
    registry = compileAll(message.defs);
    return;
  }
  if (!registry) throw new Error('a chunk arrived before the policies');
  const bytes = message.bytes;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const { out, lines } = evaluateLines(registry, text, today, explain);
  // Encoded here, and moved: the main thread, which reads and writes for every job, is the
  // batch's narrow part (a string would be copied to it, then encoded there).
  // TextEncoder's array has a buffer of its own (a small Buffer's would be the shared pool).
  const bytesOut = encoder.encode(out as string);
  const answer: ChunkAnswer = { id: message.id, out: bytesOut, lines };
  port.postMessage(answer, [bytesOut.buffer]);
});
