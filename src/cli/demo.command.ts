// `rongcuo demo [--reset]`: load the demo data; --reset wipes the database first.

import { assemble } from '../main.ts';
import { demoAccountsTable, hasData, seedDemo } from '../app/demo-data.ts';
import { setCheckpointsAside } from '../app/audit/audit-checkpoints.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const USAGE = '用法 / usage: rongcuo demo [--reset]';

export async function runDemo(args: string[], io: CliIO): Promise<number> {
  const options = { reset: { type: 'boolean' } } as const;
  const parsed = parseCommandLine(io, args, options, USAGE, { positionals: false });
  if (!parsed) return 2;
  const { values } = parsed;
  const app = await assemble();
  try {
    if (values.reset) {
      // As the schema's owner: the application role may not drop tables.
      await app.store.reset();
      // The old chain is gone on purpose: its signed checkpoints are kept, set aside.
      await setCheckpointsAside(app.ctx.auditFiles, app.ctx.now());
    } else if (await hasData(app.ctx)) {
      io.stderr.write(
        '数据库已有数据；用 --reset 清空后重新写入演示数据 / the database has data; use --reset\n',
      );
      return 1;
    }
    await seedDemo(app.ctx);
    io.stdout.write(demoAccountsTable());
    return 0;
  } finally {
    await app.close();
  }
}
