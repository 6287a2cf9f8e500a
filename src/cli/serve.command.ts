// `rongcuo serve`: start the whole system. Without DATABASE_URL it runs on the embedded
// PostgreSQL in ./data and loads the demo data on the first start.

import { assemble } from '../main.ts';
import { demoAccountsTable, hasData, seedDemo } from '../app/demo-data.ts';
import { ensureScheduled, startJobWorker } from '../app/jobs/job-runner.ts';
import { hostname } from 'node:os';
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
    `Rongcuo 容错 serving on ${url} (database: ${app.store.kind} ${app.store.url})\n`,
  );
  io.stdout.write(`API 文档 / API docs: ${url}/api/v1/docs\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await stopJobs();
  await app.close();
  return 0;
}
