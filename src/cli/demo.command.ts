// `rongcuo demo [--reset] [--scale N [--officers M]]`: load the demo data; --reset wipes the
// database first. With --scale, instead of the demo: a province with N generated cases
// (src/app/demo/scale-seed.ts), progress on stderr, the accounts and sizes on stdout.

import { assemble } from '../main.ts';
import { demoAccountsTable, hasData, seedDemo } from '../app/demo-data.ts';
import { SCALE_PASSWORD, seedScale, type ScaleResult } from '../app/demo/scale-seed.ts';
import { setCheckpointsAside } from '../app/audit/audit-checkpoints.ts';
import { parseCommandLine, type CliIO } from './cli-io.ts';

const USAGE = '用法 / usage: rongcuo demo [--reset] [--scale N [--officers M]]';
/** A million cases a run is the benchmark's size; ten million is the server's. */
const MAX_SCALE = 50_000_000;

function count(io: CliIO, value: string | undefined, name: string, max: number): number | null {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    io.stderr.write(`--${name} 须为 1 至 ${max} 的整数 / --${name} must be an integer 1..${max}\n`);
    return null;
  }
  return n;
}

export async function runDemo(args: string[], io: CliIO): Promise<number> {
  const options = {
    reset: { type: 'boolean' },
    scale: { type: 'string' },
    officers: { type: 'string' },
  } as const;
  const parsed = parseCommandLine(io, args, options, USAGE, { positionals: false });
  if (!parsed) return 2;
  const { values } = parsed;
  const scale = count(io, values.scale, 'scale', MAX_SCALE);
  const officers = count(io, values.officers, 'officers', 1_000_000);
  if (scale === null || officers === null) return 2;
  if (officers > 0 && scale === 0) {
    io.stderr.write(`--officers 须与 --scale 同用 / --officers goes with --scale\n${USAGE}\n`);
    return 2;
  }
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
    if (scale > 0) {
      const result = await seedScale(app.ctx, {
        cases: scale,
        ...(officers > 0 ? { officers } : {}),
        progress: (line) => io.stderr.write(`demo --scale: ${line}\n`),
      });
      io.stdout.write(scaleReport(result));
      return 0;
    }
    await seedDemo(app.ctx);
    io.stdout.write(demoAccountsTable());
    return 0;
  } finally {
    await app.close();
  }
}

function scaleReport(r: ScaleResult): string {
  const lines = [
    `规模测试数据 / scale data: ${r.cases} 件案件 (${r.templates} 件模板经完整程序), ${r.units} 个单位, ${r.officers} 名执法人员, ${r.staff} 名工作人员`,
    `用时 / took ${r.seconds.toFixed(1)} s; 数据库 / database ${(r.databaseBytes / 2 ** 30).toFixed(2)} GiB`,
    ...r.tables.map((t) => `  ${t.name.padEnd(28)} ${t.rows}`),
    `账号 / accounts (密码 / password ${SCALE_PASSWORD}):`,
    `  ${r.accounts.leagueSecretary.padEnd(28)} 盟市秘书 (reads a 盟市)`,
    `  ${r.accounts.countySecretary.padEnd(28)} 旗县局秘书 (reads one 旗县局)`,
    `  ${r.accounts.officer.padEnd(28)} 执法人员 (own cases)`,
  ];
  return `${lines.join('\n')}\n`;
}
