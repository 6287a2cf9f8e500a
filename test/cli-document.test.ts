// `rongcuo document` through the real binary on an embedded data directory, as an operator
// runs it with `rongcuo serve` stopped: a decided demo case's 决定书 written to --out with its
// SHA-256 and 文号 printed, the same bytes and number again; --help lists every kind; an
// unknown kind, a kind the case does not have yet, a missing case and a directory the
// server holds are each told in Chinese with the exit code a script can test.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/app/demo-data.ts';
import { DOCUMENT_KINDS } from '../src/domain/document/document-kinds.ts';
import { assemble } from '../src/main.ts';
import { runCli } from './support/run-cli.ts';
import { pristineDataDir } from './support/test-databases.ts';

describe('rongcuo document', () => {
  it('writes a case’s document, the same again, and refuses clearly', async () => {
    const { dataDir, remove } = await pristineDataDir();
    try {
      const app = await assemble({ dataDir });
      let decided: string;
      let submitted: string;
      try {
        await seedDemo(app.ctx);
        const pick = async (where: string) =>
          (
            await sql<{ number: string }>`select number from cases c where ${sql.raw(where)}
              and number like '锡盟应急容〔%' order by created_at limit 1`.execute(app.ctx.db)
          ).rows[0]!.number;
        decided = await pick(`exists (select 1 from decisions d where d.case_id = c.id)`);
        submitted = await pick(`state = 'submitted'`);
      } finally {
        await app.close();
      }

      const { DATABASE_URL: _url, ...rest } = process.env;
      const env = { ...rest, RONGCUO_DATA_DIR: dataDir };
      const out = path.join(path.dirname(dataDir), '决定书.docx');
      const run = (args: string[]) => runCli(['document', ...args], undefined, env);

      const help = await run(['--help']);
      expect(help.code).toBe(0);
      for (const kind of DOCUMENT_KINDS) expect(help.stdout).toContain(kind);

      const first = await run(['--case', decided, '--kind', 'decision', '--out', out]);
      expect(first.code, first.stderr).toBe(0);
      const printed = JSON.parse(first.stdout) as { number: string; sha256: string; file: string };
      expect(printed.number).toMatch(/^锡盟应急容决〔\d{4}〕[1-9]\d*号$/u);
      const bytes = await readFile(out);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(printed.sha256);
      expect(first.stderr).toContain(`已生成容错免责认定决定书（${printed.number}）`);

      const again = await run(['--case', decided, '--kind', 'decision', '--out', out]);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        number: printed.number,
        sha256: printed.sha256,
      });
      expect((await readFile(out)).equals(bytes)).toBe(true);

      const html = await run([
        '--case',
        decided,
        '--kind',
        'decision',
        '--format',
        'html',
        '--out',
        `${out}.html`,
      ]);
      expect(html.code, html.stderr).toBe(0);
      expect(await readFile(`${out}.html`, 'utf8')).toContain(printed.number);

      const unknown = await run(['--case', decided, '--kind', 'verdict']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('未知的公文种类 verdict');

      const early = await run(['--case', submitted, '--kind', 'decision', '--out', out]);
      expect(early.code).toBe(1);
      expect(early.stderr).toMatch(/无法生成容错免责认定决定书：.*\(DOCUMENT_NOT_APPLICABLE\)/u);

      const missing = await run(['--case', '锡盟应急容〔1999〕9号', '--kind', 'decision']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('不存在');

      // While the server holds the directory: told where to get it instead.
      const serving = await assemble({ dataDir });
      try {
        const held = await run(['--case', decided, '--kind', 'decision', '--out', out]);
        expect(held.code).toBe(1);
        expect(held.stderr).toContain('请在案件页面的“公文”中下载');
      } finally {
        await serving.close();
      }
    } finally {
      await remove();
    }
  }, 240_000);
});
