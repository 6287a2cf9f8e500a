// A server left running while the identity keys rotate (possible with DATABASE_URL): it
// follows the key file, so what it received before opens after, and what it receives
// after is sealed under the new key, which survives the old key's removal.

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rotateIdentityKeys } from '../../src/app/secrets/rotate-identity-keys.ts';
import {
  IDENTITY_KEY_FILE,
  readIdentityKeyFile,
} from '../../src/secret-files/identity-key-ring.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { underRotationLock } from '../../src/store/reporter-identity.repository.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const BEFORE = { name: '其其格·轮换前', contact: '13904790011', address: '锡林浩特市一号' };
const AFTER = { name: '朝鲁·轮换后', contact: '13904790022', address: '锡林浩特市二号' };

describe.each(storeTargets())('a running server during a key rotation ($name)', (target) => {
  const h = useHarness(target);

  it('opens what it sealed before and seals under the new key after', async () => {
    const xuqing = await h.as('xuqing');
    const officerId = await h.userId('zhaoli');
    const receive = async (reporter: typeof BEFORE) => {
      const res = await xuqing.post('/api/v1/reports', {
        receivedOn: todayInChina(h.app.ctx.now()),
        channel: 'phone',
        named: true,
        reporter,
        summary: '反映执法人员检查中违规收费',
        officerIds: [officerId],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const keyOf = async (id: string) =>
      (
        await h.admin
          .selectFrom('reports')
          .select('reporter_key_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).reporter_key_id;

    const first = await receive(BEFORE);
    const keyDir = h.app.ctx.auditFiles.keyDir;
    const old = (await readIdentityKeyFile(keyDir))!.current;
    expect(await keyOf(first)).toBe(old);

    const outcome = await rotateIdentityKeys(h.app.ctx.db, keyDir, () => new Date(), {});
    expect(outcome.retiredKeyIds).toEqual([old]);
    expect(outcome.resealed).toBeGreaterThanOrEqual(1);
    expect((await readIdentityKeyFile(keyDir))!.keys.map((k) => k.id)).toEqual([outcome.keyId]);

    const second = await receive(AFTER);
    expect(await keyOf(first)).toBe(outcome.keyId);
    expect(await keyOf(second)).toBe(outcome.keyId);
    for (const [id, reporter] of [
      [first, BEFORE],
      [second, AFTER],
    ] as const) {
      const read = await xuqing.get(`/api/v1/reports/${id}/reporter`);
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect(read.body).toEqual(reporter);
    }
    expect(h.app.ctx.identityKeys.currentKeyId).toBe(outcome.keyId);

    // Two rotations at once: while one holds the lock, the other is refused and changes
    // nothing (the key file stays as it was); once the lock is free, a rotation runs, and
    // every identity ends under the one key the file holds.
    const file = path.join(keyDir, IDENTITY_KEY_FILE);
    const before = await readFile(file, 'utf8');
    const locked = await underRotationLock(h.app.ctx.db, async () => {
      await expect(rotateIdentityKeys(h.app.ctx.db, keyDir, () => new Date(), {})).rejects.toThrow(
        /另一次举报人身份密钥轮换正在进行/,
      );
      expect(await readFile(file, 'utf8')).toBe(before);
    });
    expect(locked.ran).toBe(true);
    const last = await rotateIdentityKeys(h.app.ctx.db, keyDir, () => new Date(), {});
    expect(last.retiredKeyIds).toEqual([outcome.keyId]);
    const held = (await readIdentityKeyFile(keyDir))!;
    expect(held.keys.map((k) => k.id)).toEqual([last.keyId]);
    expect(held.current).toBe(last.keyId);
    expect(await keyOf(first)).toBe(held.current);
    expect(await keyOf(second)).toBe(held.current);
    expect(h.app.ctx.identityKeys.currentKeyId).toBe(held.current);

    // The key file unreadable (damaged, or written by another owner): no identity is sealed
    // under a key that may be gone, the intake is refused whole, and what is sealed still opens.
    const kept = await readFile(file, 'utf8');
    const count = async () =>
      Number(
        (
          await h.admin
            .selectFrom('reports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const reports = await count();
    await writeFile(file, '{"damaged": true}');
    try {
      const refused = await xuqing.post('/api/v1/reports', {
        receivedOn: todayInChina(h.app.ctx.now()),
        channel: 'phone',
        named: true,
        reporter: AFTER,
        summary: '反映执法人员检查中违规收费',
        officerIds: [officerId],
      });
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('IDENTITY_KEY_UNAVAILABLE');
      expect(refused.body.error.message).toMatch(/^举报人身份密钥暂不可用，请联系系统管理员/);
      expect(await count()).toBe(reports);
      expect((await xuqing.get(`/api/v1/reports/${second}/reporter`)).body).toEqual(AFTER);
    } finally {
      await writeFile(file, kept, { mode: 0o600 });
    }
  });
});
