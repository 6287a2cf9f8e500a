// The case page read in one statement, with the determination stored when facts change
// (issue 13), answers exactly as the read before it did (test/support/case-read-oracle.ts):
// for every demo case, in whatever state the demo left it, and every demo user, the
// GET /api/v1/cases/:id?include=nextQuestion body equals the old assembly's, presented
// the same way; without `include` it differs only in the next question, null. Then the
// same with no evaluation stored (a database migrated from 0016), with stored ones whose
// inputs no longer hold (another policy text, another determination day, other facts),
// and the stored row refreshed when a fact is recorded.

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/account/sessions.ts';
import { factsKey, policyDigest } from '../../src/app/case/case-evaluation.ts';
import { factVector } from '../../src/app/case/case-snapshot.ts';
import { DEMO_USERS } from '../../src/app/demo-data.ts';
import { pinnedPolicy } from '../../src/app/policy/pinned-policy.ts';
import { determineCase } from '../../src/domain/case/case-determination.ts';
import type { Role } from '../../src/domain/vocabulary.ts';
import { presentCase } from '../../src/http/case/case.presenter.ts';
import { caseRecords, viewRowsFrom } from '../../src/store/case-detail.queries.ts';
import { viewRows, viewRowsOf, type CaseViewRows } from '../../src/store/case.repository.ts';
import type { HttpClient } from '../support/http-client.ts';
import { oracleReadCase } from '../support/case-read-oracle.ts';
import { storeTargets } from '../support/test-databases.ts';
import { applyAs } from '../support/procedure-api.ts';
import { useHarness } from './api-harness.ts';

describe.each(storeTargets())('the case read against the read before it on $name', (target) => {
  const h = useHarness(target);

  const actors = async (): Promise<Actor[]> => {
    const rows = await h.admin
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'unit_id', 'roles'])
      .where(
        'username',
        'in',
        DEMO_USERS.map((u) => u.username),
      )
      .orderBy('username')
      .execute();
    return rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      unitId: u.unit_id,
      roles: u.roles as Role[],
      sessionId: 'oracle',
      csrfToken: 'oracle',
      mustChangePassword: false,
    }));
  };
  const caseIds = async () =>
    (await h.admin.selectFrom('cases').select('id').orderBy('number').execute()).map((c) => c.id);

  /** The old read's answer as the route would send it, or its error's code. */
  const oracle = async (actor: Actor, id: string) => {
    try {
      return {
        status: 200,
        body: JSON.parse(
          JSON.stringify(presentCase(await oracleReadCase(h.app.ctx, actor, id))),
        ) as Record<string, unknown>,
      };
    } catch (error) {
      return {
        status: 404,
        body: { code: (error as { code?: string }).code, message: (error as Error).message },
      };
    }
  };

  const clients = new Map<string, HttpClient>();
  const clientOf = async (username: string) => {
    let client = clients.get(username);
    if (!client) {
      client = await h.as(username);
      clients.set(username, client);
    }
    return client;
  };

  /** Every case for every user: the same answer; the number of pages compared. */
  const compareAll = async (users: readonly Actor[]) => {
    let pages = 0;
    const states = new Set<string>();
    for (const id of await caseIds())
      for (const actor of users) {
        const client = await clientOf(actor.username);
        const asked = await client.get(`/api/v1/cases/${id}?include=nextQuestion`);
        const expected = await oracle(actor, id);
        const where = `${actor.username} reading ${id}`;
        expect(asked.status, where).toBe(expected.status);
        if (expected.status !== 200) {
          expect(expected.body, where).toEqual({ code: 'NOT_FOUND', message: '案件不存在' });
          expect(asked.body.error, where).toEqual(expected.body);
          continue;
        }
        expect(asked.body, where).toEqual(expected.body);
        const plain = await client.get(`/api/v1/cases/${id}`);
        const evaluation = expected.body.evaluation as Record<string, unknown>;
        expect(plain.body, where).toEqual({
          ...expected.body,
          evaluation: { ...evaluation, nextQuestion: null, interviewOrder: null },
        });
        // Read again with nothing written: the answer kept (case-answer-cache.ts), the same.
        const hits = h.app.caseAnswers.hits;
        const again = await client.get(`/api/v1/cases/${id}`);
        expect(h.app.caseAnswers.hits, where).toBe(hits + 1);
        expect(again.body, where).toEqual(plain.body);
        expect(again.headers.get('content-type'), where).toBe(plain.headers.get('content-type'));
        states.add(asked.body.state);
        pages++;
      }
    return { pages, states };
  };

  it('answers every demo case to every demo user as the read before it did', async () => {
    const users = await actors();
    expect(users).toHaveLength(DEMO_USERS.length);
    // The demo's cases each have the evaluation their last fact left.
    const stored = await h.admin.selectFrom('case_evaluations').select('case_id').execute();
    expect(stored.length).toBe((await caseIds()).length);
    const { pages, states } = await compareAll(users);
    expect(pages).toBeGreaterThan(50);
    expect([...states].sort()).toEqual(
      expect.arrayContaining(['closed', 'decided', 'investigating', 'published', 'submitted']),
    );
  }, 300_000);

  it('gives a write the rows below each case that the per-table reads give, in one statement', async () => {
    // What a write locks and reads (viewRows, and viewRowsOf for a list) against the rows
    // the case page's records hold, read a table at a time: for every demo case.
    const ids = await caseIds();
    const db = h.app.ctx.db;
    const comparable = (v: CaseViewRows) => ({
      facts: [...v.facts]
        .map((f) => ({ fact_id: f.fact_id, value: f.value }))
        .sort((a, b) => a.fact_id.localeCompare(b.fact_id)),
      factors: [...v.factors].sort(),
      latestDecision: v.latestDecision && {
        conclusion: v.latestDecision.conclusion,
        meeting_date: v.latestDecision.meeting_date,
      },
      notifications: v.notifications.map((n) => ({
        id: n.id,
        recipient_kind: n.recipient_kind,
        recipient: n.recipient,
        due: n.due,
        sent_on: n.sent_on,
        sent_at: n.sent_at?.getTime() ?? null,
      })),
      openObjection: v.openObjection && { return_to: v.openObjection.return_to },
      recusedIds: [...v.recusedIds].sort(),
      reviews: v.reviews
        .map((r) => ({ kind: r.kind, agrees: r.agrees }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    });
    const listed = await viewRowsOf(db, ids);
    expect(listed.size).toBe(ids.length);
    let withRecords = 0;
    for (const id of ids) {
      const expected = comparable(viewRowsFrom(await caseRecords(db, id)));
      expect(comparable(await viewRows(db, id)), id).toEqual(expected);
      expect(comparable(listed.get(id)!), id).toEqual(expected);
      if (expected.latestDecision && expected.notifications.some((n) => n.sent_at !== null))
        withRecords++;
    }
    // The demo holds decided cases with notices sent, so the comparison reaches past facts.
    expect(withRecords).toBeGreaterThan(0);
  });

  it('answers the same with no evaluation stored, and with one whose inputs no longer hold', async () => {
    const users = (await actors()).filter((a) =>
      ['lina', 'zhangmin', 'wangqiang', 'sunhao'].includes(a.username),
    );
    const kept = await h.admin.selectFrom('case_evaluations').selectAll().execute();
    try {
      // As in a database migrated from 0016: nothing stored, every read computes.
      await h.admin.deleteFrom('case_evaluations').execute();
      await compareAll(users);
      // Stored rows that answer other inputs, each wrong if it were used: another text
      // of the policy version (or engine revision), another day, other facts.
      const bogus = JSON.stringify({ status: 'bogus' });
      const wrong = [
        { policy_digest: 'another policy text' },
        { as_of: '1999-01-01' },
        { facts_key: '2' },
        { policy_version: 99 },
      ];
      for (const [i, row] of kept.entries())
        await h.admin
          .insertInto('case_evaluations')
          .values({
            ...row,
            ...wrong[i % wrong.length],
            determination: bogus,
          })
          .execute();
      await compareAll(users);
    } finally {
      await h.admin.deleteFrom('case_evaluations').execute();
      for (const row of kept)
        await h.admin
          .insertInto('case_evaluations')
          .values({ ...row, determination: JSON.stringify(row.determination) })
          .execute();
    }
  }, 300_000);

  it('uses the stored evaluation when its inputs hold: the comparison sees it', async () => {
    // A stored determination whose inputs match is what the read answers, so a wrong one
    // (here, its explanation changed in the database) shows, and the oracle's differs.
    const [lina] = (await actors()).filter((a) => a.username === 'lina');
    const row = await h.admin
      .selectFrom('cases')
      .innerJoin('case_evaluations', 'case_evaluations.case_id', 'cases.id')
      .select(['cases.id', 'case_evaluations.determination'])
      .where('cases.state', '=', 'investigating')
      .executeTakeFirstOrThrow();
    const changed = {
      ...(row.determination as Record<string, unknown>),
      explanation: { summary: '数据库中被改动的说明', grounds: [] },
    };
    await h.admin
      .updateTable('case_evaluations')
      .set({ determination: JSON.stringify(changed) })
      .where('case_id', '=', row.id)
      .execute();
    // Changed behind the application's back, with no audit event: its kept pages go.
    h.app.caseAnswers.clear();
    try {
      const read = await (await clientOf('lina')).get(`/api/v1/cases/${row.id}`);
      expect(read.body.evaluation.explanation.summary).toBe('数据库中被改动的说明');
      const expected = await oracle(lina!, row.id);
      expect(read.body).not.toEqual({
        ...expected.body,
        evaluation: {
          ...(expected.body.evaluation as object),
          nextQuestion: null,
          interviewOrder: null,
        },
      });
    } finally {
      await h.admin
        .updateTable('case_evaluations')
        .set({ determination: JSON.stringify(row.determination) })
        .where('case_id', '=', row.id)
        .execute();
      h.app.caseAnswers.clear();
    }
  });

  it('stores the evaluation with the fact that changed it, and refreshes one of another policy text', async () => {
    const investigator = await clientOf('lina');
    // A new application, accepted: every fact still to find.
    const opened = await applyAs(await clientOf('wangqiang'), '事实变更时保存评估');
    const accepted = await investigator.post(`/api/v1/cases/${opened.id}/actions/accept`, {
      version: opened.version,
    });
    expect(accepted.status).toBe(200);
    const id = opened.id;
    // Read through the application's pool: dates as the application reads them.
    const storedRow = () =>
      h.app.ctx.db
        .selectFrom('case_evaluations')
        .selectAll()
        .where('case_id', '=', id)
        .executeTakeFirstOrThrow();
    /** What the engine says on the case's facts as they are in the database now. */
    const expectedNow = async () => {
      const c = await h.app.ctx.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const facts = await h.app.ctx.db
        .selectFrom('case_facts')
        .select(['fact_id', 'value'])
        .where('case_id', '=', id)
        .execute();
      const policy = pinnedPolicy(h.app.ctx, c);
      const values = factVector(policy, facts);
      const day = c.conduct_end_date ?? c.conduct_date;
      return {
        policy_id: policy.id,
        policy_version: policy.version,
        policy_digest: policyDigest(policy),
        as_of: day,
        facts_key: factsKey(values),
        determination: JSON.parse(JSON.stringify(determineCase(policy, values, day))),
      };
    };
    // A stored row of another text of the policy version: not used, and replaced by the
    // next fact recorded.
    await h.admin
      .updateTable('case_evaluations')
      .set({ policy_digest: 'the text before', determination: JSON.stringify({ status: 'old' }) })
      .where('case_id', '=', id)
      .execute();
    const before = await investigator.get(`/api/v1/cases/${id}`);
    expect(before.body.evaluation.status).not.toBe('old');
    const missing: string[] = before.body.evaluation.missing;
    expect(missing.length).toBeGreaterThan(0);
    const recorded = await investigator.request('PUT', `/api/v1/cases/${id}/facts/${missing[0]}`, {
      version: before.body.version,
      value: false,
      note: '调查核实',
    });
    expect(recorded.status).toBe(200);
    const after = await storedRow();
    expect(after).toMatchObject(await expectedNow());
    expect(after.computed_at.getTime()).toBeGreaterThan(Date.now() - 600_000);
    // The live determination on the page is the stored one, and the engine's.
    expect(recorded.body.evaluation).toMatchObject({
      status: after.determination && (after.determination as { status: string }).status,
      missing: (after.determination as { missing: string[] }).missing,
    });
    // A second finding on the same fact moves the stored row with it.
    const again = await investigator.request('PUT', `/api/v1/cases/${id}/facts/${missing[0]}`, {
      version: recorded.body.version,
      value: true,
    });
    expect(again.status).toBe(200);
    expect(await storedRow()).toMatchObject(await expectedNow());
    expect((await storedRow()).facts_key).not.toBe(after.facts_key);
  });

  it('stores the evaluation of a new case with the case', async () => {
    const officer = await clientOf('wangqiang');
    const opened = await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId: await h.unitId('综合行政执法大队'),
      title: '新案件的评估随案件保存',
      conduct: '详见申请书',
      conductDate: '2025-03-01',
      conductEndDate: '2025-03-05',
      enforcementAction: 'penalty',
    });
    expect(opened.status).toBe(201);
    const { rows } = await sql<{ as_of: string; facts_key: string }>`
      select as_of::text, facts_key from case_evaluations where case_id = ${opened.body.id}`.execute(
      h.admin,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.as_of).toBe('2025-03-05');
    expect(rows[0]!.facts_key).toMatch(/^2+$/);
  });
});
