// `rongcuo policy reevaluate [--policy ID] [--page N] [--json]`: every open case's facts
// against the version of its regime in force on its conduct day, compared with what the
// case shows now (src/app/policy/reevaluate-open-cases.ts); progress on stderr, the
// counts, the rate and each case that would change on stdout.

import { SingleBar } from 'cli-progress';
import { UseCaseError } from '../app/app-context.ts';
import { reevaluateOpenCases } from '../app/policy/reevaluate-open-cases.ts';
import { assemble } from '../main.ts';
import type { CliIO } from './cli-io.ts';

const DEFAULT_PAGE = 2000;

export async function reevaluate(
  positionals: string[],
  flags: { json?: boolean; policy?: string; page?: string },
  io: CliIO,
): Promise<number> {
  const pageSize = flags.page === undefined ? DEFAULT_PAGE : Number(flags.page);
  if (positionals.length > 0 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100_000) {
    io.stderr.write(
      '用法 / usage: rongcuo policy reevaluate [--policy ID] [--page 1..100000] [--json]\n',
    );
    return 2;
  }
  const app = await assemble();
  const bar = io.stderr.isTTY
    ? new SingleBar({
        stream: io.stderr as NodeJS.WriteStream,
        format: '重新认定 [{bar}] {percentage}% | {value}/{total} 件 | {rate} 件/秒',
        hideCursor: true,
      })
    : null;
  const started = Date.now();
  let lastLine = 0;
  try {
    const result = await reevaluateOpenCases(app.ctx, {
      policyId: flags.policy ?? null,
      pageSize,
      progress: (done, total) => {
        const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
        if (bar) {
          if (done === pageSize || bar.getTotal() !== total) bar.start(Math.max(total, 1), 0);
          bar.update(done, { rate });
        } else if (Date.now() - lastLine > 1000 || done === total) {
          lastLine = Date.now();
          io.stderr.write(`重新认定 / reevaluated ${done}/${total} (${rate} cases/s)\n`);
        }
      },
    });
    bar?.stop();
    const rate = Math.round(result.open / Math.max(result.seconds, 0.001));
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ...result, casesPerSecond: rate }, null, 2)}\n`);
    } else {
      io.stdout.write(
        `未办结案件 ${result.open} 件（提请研究决定前 ${result.live} 件，已记录认定 ${result.recorded} 件），` +
          `按现行版本认定结论将变化 ${result.changed.length} 件；用时 ${result.seconds.toFixed(1)} 秒，${rate} 件/秒\n` +
          `open cases ${result.open} (live ${result.live}, recorded ${result.recorded}), ` +
          `would change ${result.changed.length}; ${result.seconds.toFixed(1)} s, ${rate} cases/s\n`,
      );
      for (const c of result.changed)
        io.stdout.write(
          `  ${c.caseId} ${c.state}: v${c.before.version} ${c.before.outcome ?? c.before.status} → v${c.after.version} ${c.after.outcome ?? c.after.status}\n`,
        );
    }
    return 0;
  } catch (e) {
    bar?.stop();
    if (e instanceof UseCaseError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await app.close();
  }
}
