// The interview's chances from the unit's decided cases (issue 15), through the case read
// the interview page makes (`include=nextQuestion`): the policy's default until the unit
// has decided enough cases under the regime, and the question says so; then the unit's
// own, and the order of the facts (`interviewOrder`, which the article checklist lists by)
// follows them. A second instance on the same database asks for few decided cases and
// keeps no estimate, so the demo's emergency bureau crosses the line in the test.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/main.ts';
import { decidedFactCounts } from '../../src/store/interview.queries.ts';
import { advance, apiAs, applyAs, emergencyCrew } from '../support/procedure-api.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

interface Interview {
  evaluation: {
    missing: string[];
    nextQuestion: {
      fact: string;
      reason: string;
      probabilities: { source: string; decidedCases: number | null; note: string };
    } | null;
    interviewOrder: string[] | null;
  };
}

describe.each(storeTargets())('the interview’s chances on $name', (target) => {
  const h = useHarness(target);

  it('are the default until the unit has decided enough cases, then the unit’s own', async () => {
    const officer = await apiAs(h.url, 'wangqiang');
    // The officer's unit, where his applications are handled.
    const { unitId } = (await officer.get('/api/v1/session')).body.user as { unitId: string };
    const decided = async () =>
      Number(
        (
          await h.admin
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('unit_id', '=', unitId)
            .where('policy_id', '=', 'xilingol-emergency-2024')
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('decisions')
                  .select('decisions.id')
                  .whereRef('decisions.case_id', '=', 'cases.id'),
              ),
            )
            .executeTakeFirstOrThrow()
        ).n,
      );
    const already = await decided();
    const line = already + 2;
    // Another instance on the same database: `line` decided cases are enough, none kept.
    const other = await assemble({
      store: h.app.store,
      auditFiles: h.app.ctx.auditFiles,
      interviewGuideLimits: { keepMs: 0, entries: 0, minimumDecidedCases: line },
    });
    try {
      const otherUrl = await other.server.listen({ port: 0, host: '127.0.0.1' });
      const crew = await emergencyCrew(h.url);
      const fresh = await advance(
        crew,
        await applyAs(officer, '问询顺序：新案'),
        'submitted',
        'investigating',
      );
      const read = async (url: string) => {
        const res = await (
          await apiAs(url, 'lina')
        ).get(`/api/v1/cases/${fresh.id}?include=nextQuestion`);
        expect(res.status).toBe(200);
        return (res.body as Interview).evaluation;
      };

      // Below the line: the policy's default, and the question says how many there are.
      const before = await read(otherUrl);
      expect(before.nextQuestion!.probabilities).toEqual({
        source: 'policy_default',
        decidedCases: already,
        note: `本单位依本制度已决定的案件 ${already} 件，不足 ${line} 件，各事实成立的概率按政策文件的默认值（20%）估计`,
      });
      // The exclusion first, and the order lists every fact once.
      expect(before.nextQuestion!.fact).toBe('a13.c1');
      expect(before.interviewOrder![0]).toBe('a13.c1');
      const policy = (await crew.investigator.get('/api/v1/policies/xilingol-emergency-2024'))
        .body as { facts: { id: string }[] };
      expect([...before.interviewOrder!].sort()).toEqual(policy.facts.map((f) => f.id).sort());

      // Two more decided cases, each found as advance finds them: 第十条第（三）项 holds,
      // none of 第九条's items, nor 第十三条's first condition.
      for (const title of ['问询顺序：已决定一', '问询顺序：已决定二'])
        await advance(crew, await applyAs(officer, title), 'submitted', 'decided');
      expect(await decided()).toBe(line);

      const after = await read(otherUrl);
      expect(after.nextQuestion!.probabilities).toEqual({
        source: 'unit_decided_cases',
        decidedCases: line,
        note: `各事实成立的概率按本单位依本制度最近已决定的 ${line} 件案件中各事实的认定情况估计`,
      });
      expect(after.nextQuestion!.reason).toContain('先行查明');
      // What the unit usually finds comes earlier than the default puts it.
      expect(after.interviewOrder!.indexOf('a10.3')).toBeLessThan(
        before.interviewOrder!.indexOf('a10.3'),
      );
      // The estimate reads the newest decided cases only (RECENT_DECIDED_CASES), here one.
      const newest = await decidedFactCounts(h.app.ctx.db, unitId, 'xilingol-emergency-2024', 1);
      expect(newest.decidedCases).toBe(1);
      expect(newest.facts.get('a10.3')).toEqual({ known: 1, held: 1 });
      // The engine's answer is the same either way: only the order moved.
      expect(after.missing).toEqual(before.missing);

      // The application as started keeps the default (20 decided cases, more than the demo's).
      const kept = await read(h.url);
      expect(kept.nextQuestion!.probabilities.source).toBe('policy_default');
      expect(kept.nextQuestion!.probabilities.decidedCases).toBe(line);

      // A reader who may not record facts gets neither the question nor the order.
      const officerRead = await officer.get(`/api/v1/cases/${fresh.id}?include=nextQuestion`);
      expect(officerRead.status).toBe(200);
      expect((officerRead.body as Interview).evaluation).toMatchObject({
        nextQuestion: null,
        interviewOrder: null,
      });
    } finally {
      await other.close();
    }
  });
});
