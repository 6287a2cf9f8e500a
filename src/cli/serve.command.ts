// `rongcuo serve`: start the whole system. Without DATABASE_URL it runs on the embedded
// PostgreSQL in ./data and loads the demo data on the first start. It runs until a
// signal, or until the database is gone for good (the embedded server died and could not
// be started again): then it says so and exits 1 rather than answer 503 for ever.

import { assemble } from '../main.ts';
import { demoAccountsTable, hasData, seedDemo } from '../app/demo-data.ts';
import { ensureScheduled, startJobWorker } from '../app/jobs/job-runner.ts';
import { hostname } from 'node:os';
import type { StoreError } from '../store/store-error.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const USAGE = '用法 / usage: rongcuo serve [--port N] [--host H] [--no-demo]';

export async function runServe(args: string[], io: CliIO): Promise<number> {
  const options = {
    port: { type: 'string' },
    host: { type: 'string' },
    'no-demo': { type: 'boolean' },
  } as const;
  const parsed = parseCommandLine(io, args, options, USAGE, { positionals: false });
  if (!parsed) return 2;
  const { values } = parsed;
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const app = await assemble({
    logger: process.env.LOG_LEVEL !== undefined,
    secureCookies: process.env.SECURE_COOKIES === '1',
  });
  if (!values['no-demo'] && app.store.kind === 'embedded' && !(await hasData(app.ctx))) {
    io.stdout.write('首次启动：写入演示数据 / first start: loading demo data…\n');
    await seedDemo(app.ctx);
    io.stdout.write(demoAccountsTable());
  }
  await ensureScheduled(app.ctx);
  const stopJobs = startJobWorker(app.ctx, `${hostname()}:${process.pid}`);
  const url = await app.server.listen({ port, host });
  io.stdout.write(
    `容错系统已启动，访问地址 ${url}（数据库：${app.store.kind === 'embedded' ? '内置' : '服务器'} ${app.store.url}）\n` +
      `Rongcuo 容错 serving on ${url} (database: ${app.store.kind} ${app.store.url})\n`,
  );
  io.stdout.write(`API 文档 / API docs: ${url}/api/v1/docs\n`);
  const lost = await new Promise<StoreError | null>((resolve) => {
    const stop = () => resolve(null);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    app.store.onLost(resolve);
  });
  if (lost) io.stderr.write(`${lost.message}\n`);
  await stopJobs();
  await app.close();
  return lost ? 1 : 0;
}
