// `rongcuo keys rotate` through the real binary on an embedded database, as an operator
// runs it with `rongcuo serve` stopped: every reporter's identity re-sealed under a new
// key and the old key dropped from the file, the identities still read through the API,
// the old key file no longer opening any of them; a rotation cut short after its new key
// was written finished by the next run; with the keys in the environment, a re-seal from
// RONGCUO_IDENTITY_KEY_PREVIOUS to RONGCUO_IDENTITY_KEY, refused (changing nothing) when
// an identity needs a key it was not given. One audit event per run, with counts and key
// ids only, and the chain still verifies.

import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo-data.ts';
import { assemble } from '../src/main.ts';
import {
  IDENTITY_KEY_FILE,
  identityKeyId,
  loadIdentityKeys,
  newIdentityKey,
  readIdentityKeyFile,
  writeIdentityKeyFile,
} from '../src/secret-files/identity-key-ring.ts';
import { HttpClient } from './support/http-client.ts';
import { runCli } from './support/run-cli.ts';
import { makeTempDir, pristineDataDir } from './support/test-databases.ts';

const REPORTERS = [
  { name: '乌日娜·轮换测试', contact: '13947900001', address: '锡林浩特市团结大街一号' },
  { name: '巴图·轮换测试', contact: '13947900002', address: '二连浩特市前进路二号' },
];
const ENV_KEY = 'c3'.repeat(32);

interface SealedRow {
  id: string;
  reporter_sealed: string;
  reporter_key_id: string;
}

/** The application as `rongcuo serve` puts it together on `dataDir`, for `work`, then stopped. */
async function withServer<T>(
  dataDir: string,
  work: (
    login: (username: string) => Promise<HttpClient>,
    rows: () => Promise<SealedRow[]>,
    userId: (username: string) => Promise<string>,
  ) => Promise<T>,
): Promise<T> {
  const app = await assemble({ dataDir });
  try {
    if ((await app.ctx.db.selectFrom('users').select('id').executeTakeFirst()) === undefined)
      await seedDemo(app.ctx);
    const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
    const login = async (username: string) => {
      const client = new HttpClient(url);
      const res = await client.post('/api/v1/session', { username, password: DEMO_PASSWORD });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      client.csrfToken = res.body.csrfToken;
      return client;
    };
    const rows = async () =>
      (await app.ctx.db
        .selectFrom('reports')
        .select(['id', 'reporter_sealed', 'reporter_key_id'])
        .where('reporter_sealed', 'is not', null)
        .orderBy('id')
        .execute()) as SealedRow[];
    const userId = async (username: string) =>
      (
        await app.ctx.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    return await work(login, rows, userId);
  } finally {
    await app.close();
  }
}

/** Each report's identity as the petitions staff read it through the API. */
async function identities(petitions: HttpClient, ids: readonly string[]) {
  const read = [];
  for (const id of ids) {
    const res = await petitions.get(`/api/v1/reports/${id}/reporter`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    read.push(res.body);
  }
  return read;
}

describe('rongcuo keys rotate', () => {
  it('re-seals every identity under a new key, resumably, from the file or the environment', async () => {
    const { dataDir, remove } = await pristineDataDir();
    const keyDir = path.join(path.dirname(dataDir), 'keys');
    const keyFile = path.join(keyDir, IDENTITY_KEY_FILE);
    const {
      DATABASE_URL: _url,
      DATABASE_OWNER_URL: _owner,
      RONGCUO_KEY_DIR: _keys,
      RONGCUO_CHECKPOINT_DIR: _checkpoints,
      RONGCUO_IDENTITY_KEY: _key,
      RONGCUO_IDENTITY_KEY_PREVIOUS: _previous,
      ...rest
    } = process.env;
    const env = { ...rest, RONGCUO_DATA_DIR: dataDir };
    const rotate = (extra: NodeJS.ProcessEnv = {}) =>
      runCli(['keys', 'rotate'], undefined, { ...env, ...extra });
    try {
      // The first start: the demo, a key file, two named reports and an anonymous one.
      const first = await withServer(dataDir, async (login, rows, userId) => {
        const xuqing = await login('xuqing');
        const officerId = await userId('zhaoli');
        const ids: string[] = [];
        for (const [index, reporter] of [...REPORTERS, null].entries()) {
          const res = await xuqing.post('/api/v1/reports', {
            receivedOn: '2026-11-20',
            channel: 'letter',
            named: reporter !== null,
            ...(reporter === null ? {} : { reporter }),
            summary: `反映执法人员检查时态度生硬（轮换测试 ${index + 1}）`,
            officerIds: [officerId],
          });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          ids.push(res.body.id as string);
        }
        const named = ids.slice(0, 2);
        expect(await identities(xuqing, named)).toEqual(REPORTERS);
        return { named, sealed: await rows() };
      });
      const oldFile = await readFile(keyFile, 'utf8');
      const oldKeyId = (await readIdentityKeyFile(keyDir))!.current;
      // Every identity of the database: the two above and the demo's named reports.
      const total = first.sealed.length;
      expect(total).toBeGreaterThanOrEqual(2);
      expect(new Set(first.sealed.map((r) => r.reporter_key_id))).toEqual(new Set([oldKeyId]));

      const rotated = await rotate();
      expect(rotated.code, rotated.stderr).toBe(0);
      const outcome = JSON.parse(rotated.stdout) as Record<string, unknown>;
      expect(outcome).toMatchObject({
        source: 'file',
        retiredKeyIds: [oldKeyId],
        resealed: total,
        alreadyCurrent: 0,
        resumed: false,
      });
      expect(rotated.stderr).toContain(`重新加密 ${total} 条`);
      const newKeyId = outcome.keyId as string;
      expect(newKeyId).not.toBe(oldKeyId);
      const file = await readIdentityKeyFile(keyDir);
      expect(file?.keys.map((k) => k.id)).toEqual([newKeyId]);
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

      // The old key file's content opens none of them now.
      const oldDir = path.join(await makeTempDir(), 'old-keys');
      await mkdir(oldDir, { mode: 0o700 });
      await writeFile(path.join(oldDir, IDENTITY_KEY_FILE), oldFile, { mode: 0o600 });
      const oldRing = (await loadIdentityKeys(oldDir, {}))!;
      expect(oldRing.currentKeyId).toBe(oldKeyId);

      await withServer(dataDir, async (login, rows) => {
        const now = await rows();
        expect(now.map((r) => r.id)).toEqual(first.sealed.map((r) => r.id));
        for (const row of now) {
          expect(row.reporter_key_id).toBe(newKeyId);
          expect(row.reporter_sealed).not.toBe(
            first.sealed.find((r) => r.id === row.id)!.reporter_sealed,
          );
          expect(() => oldRing.open(row.reporter_sealed, row.id)).toThrow(/本机没有该密钥/);
        }
        expect(await identities(await login('xuqing'), first.named)).toEqual(REPORTERS);
        // One audit event, counts and key ids only; the chain holds.
        const auditor = await login('auditadmin');
        const listed = await auditor.get('/api/v1/audit?action=keys.rotate');
        expect(listed.body.items).toHaveLength(1);
        expect(listed.body.items[0]).toMatchObject({
          actionLabel: '轮换举报人身份密钥',
          data: { keyId: newKeyId, retiredKeyIds: [oldKeyId], resealed: total },
        });
        const text = JSON.stringify(listed.body);
        for (const r of REPORTERS) for (const v of Object.values(r)) expect(text).not.toContain(v);
        expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
      });

      // Cut short after step 1 of a run: the file holds the new key current beside the old.
      const next = newIdentityKey();
      await writeIdentityKeyFile(keyDir, [...file!.keys, next], next.id);
      const resumed = await rotate();
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(resumed.stdout)).toMatchObject({
        keyId: next.id,
        retiredKeyIds: [newKeyId],
        resealed: total,
        resumed: true,
      });
      expect((await readIdentityKeyFile(keyDir))?.keys.map((k) => k.id)).toEqual([next.id]);

      // The environment: without the previous key nothing can be re-sealed, nothing changes.
      const refused = await rotate({ RONGCUO_IDENTITY_KEY: ENV_KEY });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(next.id);
      expect(refused.stderr).toContain('未作任何更改');
      const fromEnvironment = await rotate({
        RONGCUO_IDENTITY_KEY: ENV_KEY,
        RONGCUO_IDENTITY_KEY_PREVIOUS: next.secret,
      });
      expect(fromEnvironment.code, fromEnvironment.stderr).toBe(0);
      expect(JSON.parse(fromEnvironment.stdout)).toMatchObject({
        source: 'environment',
        keyId: identityKeyId(ENV_KEY),
        retiredKeyIds: [next.id],
        resealed: total,
      });
      expect(fromEnvironment.stderr).toContain('RONGCUO_IDENTITY_KEY_PREVIOUS');
      // The file is the environment's business no more: left as it was.
      expect((await readIdentityKeyFile(keyDir))?.current).toBe(next.id);

      const envKeyBefore = process.env.RONGCUO_IDENTITY_KEY;
      process.env.RONGCUO_IDENTITY_KEY = ENV_KEY;
      try {
        await withServer(dataDir, async (login, rows) => {
          for (const row of await rows()) expect(row.reporter_key_id).toBe(identityKeyId(ENV_KEY));
          expect(await identities(await login('xuqing'), first.named)).toEqual(REPORTERS);
          const auditor = await login('auditadmin');
          const listed = await auditor.get('/api/v1/audit?action=keys.rotate');
          expect(listed.body.items).toHaveLength(3);
          expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
        });
      } finally {
        if (envKeyBefore === undefined) delete process.env.RONGCUO_IDENTITY_KEY;
        else process.env.RONGCUO_IDENTITY_KEY = envKeyBefore;
      }

      // The key lost (a data folder moved without it): the server does not start with a new
      // key that would leave every sealed identity unreadable, and says why.
      await rm(keyFile);
      const lost = await runCli(['serve', '--port', '0', '--no-demo'], undefined, env);
      expect(lost.code, lost.stdout).toBe(1);
      expect(lost.stderr).toContain('请恢复密钥文件或设置该环境变量后再启动');
      expect(lost.stderr).not.toMatch(/\n\s+at /);
      await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
    } finally {
      await remove();
    }
  }, 240_000);
});
