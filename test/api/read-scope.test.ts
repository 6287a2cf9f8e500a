// The read scope's two interpreters held to each other over HTTP: for every user, the
// cases a list returns (the SQL filter) are exactly the cases whose page they may open
// (canRead), across a unit tree four levels deep, cases applied for and initiated, in
// every unit of the demo. Runs on the embedded database and on the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/app/demo-data.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

describe.each(storeTargets())('the read scope on $name', (target) => {
  const h = useHarness(target);
  let allCases: string[];

  beforeAll(async () => {
    // Cases about officers of other sections and bureaus, initiated from above them.
    const lina = await h.as('lina');
    const sunhao = await h.as('sunhao');
    for (const [client, unit, officer] of [
      [lina, '危险化学品安全监督管理科', 'zhaoli'],
      [lina, '锡林郭勒盟应急管理局', 'zhaoli'],
      [sunhao, '教育督导股', 'chenjing'],
      [sunhao, '二连浩特市教育局', 'chenjing'],
    ] as const) {
      const res = await client.post('/api/v1/cases', {
        origin: 'initiation',
        unitId: await h.unitId(unit),
        officerId: await h.userId(officer),
        title: `核查：${unit}`,
        conduct: '单位启动核查',
        conductDate: '2025-03-01',
        enforcementAction: 'inspection',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    allCases = (await h.app.ctx.db.selectFrom('cases').select('id').execute()).map((c) => c.id);
  }, 60_000);

  it('lists exactly the cases each user may open, for every demo user', async () => {
    let seenByAnyone = 0;
    for (const { username } of DEMO_USERS) {
      const client = await h.as(username);
      const listed = (await client.get('/api/v1/cases?limit=200')).body.items.map(
        (c: { id: string }) => c.id,
      );
      const openable: string[] = [];
      for (const id of allCases) {
        const res = await client.get(`/api/v1/cases/${id}`);
        expect([200, 404], `${username} ${id}`).toContain(res.status);
        if (res.status === 200) openable.push(id);
      }
      expect([...listed].sort(), username).toEqual(openable.sort());
      seenByAnyone += openable.length;
    }
    // Not vacuous: readers see cases, and not all of them see all.
    expect(seenByAnyone).toBeGreaterThan(0);
    expect(seenByAnyone).toBeLessThan(allCases.length * DEMO_USERS.length);
  });

  it('gives the officers’ records by the same scope', async () => {
    const zhaoli = await h.userId('zhaoli');
    for (const [username, status] of [
      ['zhaoli', 200], // the officer themself
      ['lina', 200], // the bureau above the section
      ['sunhao', 404], // another bureau
      ['wangqiang', 404], // another officer
      ['auditadmin', 404], // an administrator reads no case
    ] as const) {
      const client = await h.as(username);
      expect((await client.get(`/api/v1/officers/${zhaoli}/record`)).status, username).toBe(status);
    }
    // Only an officer has a record: a secretary of the reader's own bureau has none.
    const secretary = await h.userId('zhangmin');
    expect((await (await h.as('lina')).get(`/api/v1/officers/${secretary}/record`)).status).toBe(
      404,
    );
  });
});
