// `npm run bench:batch`: `rongcuo evaluate --batch` against a hand-written single-threaded
// JSON Lines pipeline (read lines, JSON.parse, determine(), JSON.stringify, write), both
// run as whole processes on the same generated files, the outputs checked byte for byte.
// Prints wall time, CPU time and peak RSS of each run, the ratio, a PASS/FAIL line for
// the target (the command no slower than the pipeline), and the same as markdown.
//
//   node bin/run-ts.js bench/batch.ts [--lines N] [--runs R]
//   node bin/run-ts.js bench/batch.ts --baseline FILE     (the pipeline itself, to stdout)

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { determine } from '../src/domain/determination/determine.ts';
import { loadRegistry } from '../src/policy-files/load-policies.ts';
import type { BenchInput } from './fact-sets.ts';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    baseline: { type: 'string' },
    lines: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
  },
});

// ---------------------------------------------------------------------------------------
// The comparison.

interface Run {
  readonly wallS: number;
  readonly cpuS: number;
  readonly peakRssMb: number;
  readonly sha256: string;
}

/** Runs a command under /usr/bin/time with stdout to a file; its wall, CPU and peak RSS. */
async function timed(args: string[], out: string): Promise<Run> {
  const stats = `${out}.time`;
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      '/usr/bin/time',
      ['-f', '%M %U %S', '-o', stats, process.execPath, ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout.pipe(createWriteStream(out));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallS = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  const [rssKb, user, sys] = (await readFile(stats, 'utf8')).trim().split(/\s+/).slice(-3);
  const sha256 = createHash('sha256')
    .update(await readFile(out))
    .digest('hex');
  return {
    wallS,
    cpuS: Number(user) + Number(sys),
    peakRssMb: Number(rssKb) / 1024,
    sha256,
  };
}

/** `count` lines cycling through the seeded fact sets (bench/fact-sets.ts). */
async function writeLines(file: string, sets: readonly BenchInput[], count: number) {
  const out = createWriteStream(file);
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `${JSON.stringify(sets[i % sets.length])}\n`;
    if (text.length >= 1 << 20) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'finish');
}

const loadavg = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function compare(lines: number, runs: number): Promise<void> {
  const dir = await mkdtemp(join(os.tmpdir(), 'rongcuo-bench-batch-'));
  // Loaded here, so that the baseline's process loads no more than it needs.
  const { generateFactSets } = await import('./fact-sets.ts');
  const { full, partial } = generateFactSets({
    seed: 0x5eed2024,
    perPolicy: 2500,
    pTrue: 0.2,
    unknown: 10,
  });
  const inputs = [
    { name: 'fully known', file: join(dir, 'known.jsonl'), sets: full },
    { name: '10 unknown', file: join(dir, 'unknown.jsonl'), sets: partial },
  ];
  for (const input of inputs) await writeLines(input.file, input.sets, lines);

  const jobs = os.availableParallelism();
  const commands = (file: string) => [
    {
      label: 'hand-written pipeline, 1 thread',
      args: ['bin/run-ts.js', 'bench/batch.ts', '--baseline', file],
    },
    {
      label: `rongcuo evaluate --batch (--jobs ${jobs}, the default)`,
      args: ['bin/rongcuo.js', 'evaluate', '--batch', file],
    },
    {
      label: 'rongcuo evaluate --batch --jobs 1',
      args: ['bin/rongcuo.js', 'evaluate', '--batch', '--jobs', '1', file],
    },
  ];

  const loadBefore = loadavg();
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const input of inputs) {
    const cmds = commands(input.file);
    const results = cmds.map(() => [] as Run[]);
    for (let r = 0; r < runs; r++) {
      // Interleaved, so a burst of load on the shared machine falls on all of them alike.
      for (let c = 0; c < cmds.length; c++) {
        console.error(`bench: ${input.name}, run ${r + 1}/${runs}: ${cmds[c]!.label}`);
        results[c]!.push(await timed(cmds[c]!.args, join(dir, `out-${c}.jsonl`)));
      }
      const hashes = new Set(results.map((rs) => rs[r]!.sha256));
      if (hashes.size !== 1) throw new Error(`${input.name}: the outputs differ`);
    }
    const base = results[0]!;
    const ratios = results.map((rs) => rs.map((run, r) => run.wallS / base[r]!.wallS));
    cmds.forEach((cmd, c) => {
      const rs = results[c]!;
      rows.push([
        input.name,
        cmd.label,
        rs.map((x) => x.wallS.toFixed(2)).join(' / '),
        median(rs.map((x) => x.cpuS)).toFixed(2),
        c === 0
          ? '1'
          : `${median(ratios[c]!).toFixed(2)} (${Math.min(...ratios[c]!).toFixed(2)}–${Math.max(...ratios[c]!).toFixed(2)})`,
        Math.max(...rs.map((x) => x.peakRssMb)).toFixed(0),
      ]);
    });
    const ratio = median(ratios[1]!);
    verdicts.push(
      `${ratio <= 1 ? 'PASS' : 'FAIL'} ${input.name}: rongcuo evaluate --batch ${ratio.toFixed(2)}x the hand-written single-threaded pipeline's wall time (median of ${runs}; target: at most 1.0x)`,
    );
  }
  const loadAfter = loadavg();
  await rm(dir, { recursive: true, force: true });

  const cpus = os.cpus();
  const machine =
    `Node ${process.version}, ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} logical CPUs), ` +
    `${os.platform()} ${os.arch()}, ${new Date().toISOString()}; load average ${loadBefore} before, ${loadAfter} after`;
  const header = [
    'input',
    'command',
    'wall s (each run)',
    'CPU s (median)',
    'wall ratio (median, range)',
    'peak RSS MB',
  ];
  const table = [header, header.map((_, i) => (i < 2 ? '---' : '---:')), ...rows]
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n');
  console.log(
    [
      `Batch benchmark: ${lines.toLocaleString('en-US')} lines per input, ${runs} runs each`,
      `Machine: ${machine}`,
      '',
      table,
      '',
      ...verdicts.map((v) => `- ${v}`),
      '',
      'Each command is a whole process (start-up, policy loading and the work), stdout to a file; ' +
        'the outputs of all commands were checked to be identical in every run.',
    ].join('\n'),
  );
}

// ---------------------------------------------------------------------------------------
// The baseline: what one would write by hand for one thread. Every input is valid, so it
// needs no error handling; its output must still equal the command's byte for byte.

async function baseline(file: string): Promise<void> {
  const registry = await loadRegistry();
  const options = { today: '2025-03-01' };
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let out = '';
  for await (const line of rl) {
    if (line === '') continue;
    out += `${JSON.stringify(determine(registry, JSON.parse(line), options))}\n`;
    if (out.length >= 1 << 16) {
      if (!process.stdout.write(out)) await once(process.stdout, 'drain');
      out = '';
    }
  }
  process.stdout.write(out);
}

if (values.baseline !== undefined) await baseline(values.baseline);
else await compare(Number(values.lines), Number(values.runs));
