// Why `evaluate --batch` reads chunks under 128 kB (src/cli/evaluate-batch.ts): the time to
// decode a file's bytes into strings, in pieces of each size. V8 makes a string of 128 kB or
// more in its large-object space, and that shows as a step between 127 and 128 kB.
//
//   node bin/run-ts.js bench/chunk-decode.ts FILE [KB ...]     (default sizes: 64 127 128 256)

import { readFileSync } from 'node:fs';

const [file, ...sizes] = process.argv.slice(2);
if (!file) {
  console.error('usage: chunk-decode.ts FILE [KB ...]');
  process.exit(2);
}
const bytes = readFileSync(file);
const ROUNDS = 3;
for (const kb of sizes.length > 0 ? sizes.map(Number) : [64, 127, 128, 256]) {
  const size = kb * 1024;
  let chars = 0;
  const started = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    for (let at = 0; at < bytes.length; at += size) {
      chars += bytes.subarray(at, Math.min(at + size, bytes.length)).toString('utf8').length;
    }
  }
  const ms = (performance.now() - started) / ROUNDS;
  console.log(`${kb} kB pieces: ${ms.toFixed(1)} ms per pass (${chars / ROUNDS} characters)`);
}
