// Losing the database's connections while requests are in flight: every answer is a
// success or a 503 in the error shape (never a 500, never a dead process), health says
// `degraded` while the database cannot be reached, and the service serves again after.

import { sql } from 'kysely';
import { setTimeout as delay } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { storeTargets, terminateBackends } from '../support/test-databases.ts';
import type { HttpClient } from '../support/http-client.ts';
import { useHarness } from './api-harness.ts';

const ROUNDS = 20;

describe.each(storeTargets())('a lost database on $name', (target) => {
  const h = useHarness(target);
  let role: string;
  let officer: HttpClient;
  let investigator: HttpClient;
  let unitId: string;

  beforeAll(async () => {
    role = (await sql<{ role: string }>`select current_user as role`.execute(h.app.ctx.db)).rows[0]!
      .role;
    officer = await h.as('wangqiang');
    investigator = await h.as('lina');
    unitId = await h.unitId('综合行政执法大队');
  });

  const apply = (n: number) =>
    officer.post('/api/v1/cases', {
      origin: 'application',
      unitId,
      title: `断线测试 ${n}`,
      conduct: '详见申请书',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
    });

  /** Every answer the loop may get, checked as it comes. */
  function check(where: string, res: { status: number; body: unknown }, ok: number) {
    if (res.status === ok) return 'ok';
    expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBe(503);
    if (where === 'health') {
      expect(res.body).toEqual({
        status: 'degraded',
        database: 'unavailable',
        pid: expect.any(Number),
      });
    } else {
      expect(res.body).toEqual({
        error: { code: 'DATABASE_UNAVAILABLE', message: '数据库暂时无法访问，请稍后重试' },
      });
    }
    return 'unavailable';
  }

  it('answers 2xx or 503 while its backends are terminated under load, and serves again', async () => {
    const seen = { ok: 0, unavailable: 0 };
    let stop = false;
    let done = 0;
    const loop = async (kind: number) => {
      for (let i = 0; !stop; i++) {
        const outcome =
          kind === 0
            ? check('list', await investigator.get('/api/v1/cases?limit=5'), 200)
            : kind === 1
              ? check('worklist', await officer.get('/api/v1/worklist'), 200)
              : kind === 2
                ? check('apply', await apply(i), 201)
                : check('health', await investigator.get('/api/v1/health'), 200);
        seen[outcome]++;
        done++;
      }
    };
    const loops = [0, 1, 2, 2, 3].map(loop);
    let terminated = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const before = done;
      terminated += await terminateBackends(h.admin, role);
      while (done < before + 5) await delay(5);
    }
    stop = true;
    await Promise.all(loops);
    expect(terminated).toBeGreaterThan(0);
    expect(seen.ok).toBeGreaterThan(0);

    // Afterwards everything is served, reads and writes alike.
    // The answering process's pid is there too (serve --workers, issue 13).
    expect((await investigator.get('/api/v1/health')).body).toEqual({
      status: 'ok',
      database: 'ok',
      pid: process.pid,
    });
    expect((await investigator.get('/api/v1/cases?limit=5')).status).toBe(200);
    expect((await apply(-1)).status).toBe(201);
  });

  it('says degraded, and 503 to every request, while the database refuses it; then ok again', async () => {
    // The application's role may not log in, and its connections are cut: to the
    // application the database is gone, while the test's superuser still reaches it.
    await sql`alter role ${sql.id(role)} nologin`.execute(h.admin);
    try {
      await terminateBackends(h.admin, role);
      const health = await investigator.get('/api/v1/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({
        status: 'degraded',
        database: 'unavailable',
        pid: expect.any(Number),
      });
      check('list', await investigator.get('/api/v1/cases'), 0);
      check('apply', await apply(-2), 0);
    } finally {
      await sql`alter role ${sql.id(role)} login`.execute(h.admin);
    }
    const health = await investigator.get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'ok', pid: expect.any(Number) });
    expect((await apply(-3)).status).toBe(201);
  });
});
