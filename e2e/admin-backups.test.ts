// 数据备份 in Debian's chromium: a backup written as `rongcuo backup` writes it (a real
// file, and the system.backup event in the audit log), then the system administrator finds
// it on the page the menu opens; the security administrator has no such entry, and the
// server refuses the list to them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup, type BackupResult } from '../src/app/backup/backup-writer.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
let dir: string;
let backup: BackupResult;
const FILE = 'rongcuo-e2e.rcbak';

beforeAll(async () => {
  web = await startWebApp();
  dir = await mkdtemp(path.join(tmpdir(), 'rongcuo-e2e-backup-'));
  backup = await writeBackup(web.app.store, {
    out: path.join(dir, FILE),
    checkpointDir: web.app.ctx.auditFiles.checkpointDir,
    now: new Date(),
  });
}, 120_000);
afterAll(async () => {
  await web?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('数据备份', () => {
  it('shows the system administrator the backup just written, from the menu', async () => {
    const seq = backup.chainHead?.seq;
    expect(seq).toBeGreaterThan(0);
    const sys = await web.signIn('sysadmin');
    await sys.getByRole('menuitem', { name: '数据备份' }).click();
    await sys.getByRole('heading', { name: '数据备份' }).waitFor();
    const row = sys
      .getByRole('table')
      .getByRole('row')
      .filter({ has: sys.getByRole('cell', { name: FILE, exact: true }) });
    await row.waitFor();
    await expect(row.getByRole('cell', { name: '手动', exact: true }).count()).resolves.toBe(1);
    await expect(
      row.getByRole('cell', { name: `第 ${seq} 条`, exact: true }).count(),
    ).resolves.toBe(1);
    await expect(row.locator('.ant-tag').innerText()).resolves.toBe('成功');
    // The digest shortened, the whole of it on hover and to copy.
    await expect(row.innerText()).resolves.toContain(`${backup.sha256.slice(0, 12)}…`);
    await expect(row.getByTitle(backup.sha256).count()).resolves.toBe(1);
    await expect(row.getByRole('button', { name: /复制/ }).count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toMatch(/\d+(\.\d)? (字节|KB|MB)/);
    // What the backups leave out, said on the page.
    await expect(sys.getByRole('alert').innerText()).resolves.toMatch(
      /密钥目录[\s\S]*rongcuo restore 文件/,
    );
    await sys.context().close();
  });

  it('is not offered to the security administrator, and the server refuses it', async () => {
    const sec = await web.signIn('secadmin');
    // The menu is there (the secadmin's own page in it) without 数据备份.
    await sec.getByRole('menuitem', { name: '角色授权' }).waitFor();
    await expect(sec.getByRole('menuitem', { name: '数据备份' }).count()).resolves.toBe(0);
    const answer = await sec.request.get(`${web.url}/api/v1/system/backups`);
    expect(answer.status()).toBe(403);
    const body = (await answer.json()) as { error: { code: string } };
    expect(body.error.code).toBe('FORBIDDEN');
    await sec.context().close();
  });
});
