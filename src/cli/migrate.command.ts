// `rongcuo migrate`: bring the database's schema up to date as its owner and grant the
// application role its privileges, then check that role. On a server this is the deploy
// step: DATABASE_OWNER_URL names the owner, DATABASE_URL the application role that the
// running system uses (and that `serve` then needs alone). On the embedded database
// `serve` does it at every start; the command is there for symmetry.

import { openDatabase } from '../store/database.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const USAGE = '用法 / usage: rongcuo migrate   (DATABASE_URL=应用角色 DATABASE_OWNER_URL=所有者)';

export async function runMigrate(args: string[], io: CliIO): Promise<number> {
  if (!parseCommandLine(io, args, {}, USAGE, { positionals: false })) return 2;
  if (process.env.DATABASE_URL && !process.env.DATABASE_OWNER_URL) {
    io.stderr.write(
      '请设置 DATABASE_OWNER_URL（数据库结构的所有者）与 DATABASE_URL（应用角色） / set DATABASE_OWNER_URL (the schema owner) and DATABASE_URL (the application role)\n',
    );
    return 2;
  }
  const store = await openDatabase();
  try {
    const applied = await store.migrate();
    io.stdout.write(
      applied.length === 0
        ? '数据库结构已是最新 / the schema is up to date\n'
        : `已执行迁移 / migrations applied: ${applied.join(', ')}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
