// A server left running while the identity keys rotate (possible with DATABASE_URL): it
// follows the key file, so what it received before opens after, and what it receives
// after is sealed under the new key, which survives the old key's removal.

import { describe, expect, it } from 'vitest';
import { rotateIdentityKeys } from '../../src/app/secrets/rotate-identity-keys.ts';
import { readIdentityKeyFile } from '../../src/secret-files/identity-key-ring.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
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
  });
});
