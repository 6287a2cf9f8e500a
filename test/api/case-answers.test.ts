// The case page's answer kept while nothing it was made from changed (issue 13,
// src/http/case/case-answer-cache.ts): a second read is answered from it, each reader
// has their own, and a write shows on the next read at once, whoever made it and through
// whichever instance of the application; a new day makes the page again.

import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/main.ts';
import { apiAs } from '../support/procedure-api.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

/** A fact as the case page shows it. */
const factOn = (page: { facts: { factId: string }[] }, factId: string) =>
  page.facts.find((f) => f.factId === factId);

describe.each(storeTargets())('the case page kept between writes on $name', (target) => {
  const h = useHarness(target);

  const investigatingCase = async () =>
    (
      await h.admin
        .selectFrom('cases')
        .select('id')
        .where('state', '=', 'investigating')
        .executeTakeFirstOrThrow()
    ).id;

  it('answers a second read from what it kept, and each reader with their own page', async () => {
    const id = await investigatingCase();
    const lina = await h.as('lina');
    const first = await lina.get(`/api/v1/cases/${id}`);
    expect(first.status).toBe(200);
    const hits = h.app.caseAnswers.hits;
    const second = await lina.get(`/api/v1/cases/${id}`);
    expect(h.app.caseAnswers.hits).toBe(hits + 1);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(second.headers.get('cache-control')).toBe('no-store');
    // By its number too, kept apart from the read by id.
    const byNumber = await lina.get(`/api/v1/cases/${encodeURIComponent(first.body.number)}`);
    expect(byNumber.body).toEqual(first.body);

    // The investigator records facts on it; the secretary reading it may not.
    const secretary = await (await h.as('zhangmin')).get(`/api/v1/cases/${id}`);
    expect(secretary.status).toBe(200);
    expect(h.app.caseAnswers.hits).toBe(hits + 1);
    expect(first.body.allowedRecords).toContain('fact');
    expect(secretary.body.allowedRecords).not.toContain('fact');
    // An officer of another unit may not read it: no answer kept for him shows it.
    const other = await h.newUser('kept_answer_other', '锡林郭勒盟教育局', ['officer']);
    expect((await other.get(`/api/v1/cases/${id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/cases/${id}`)).status).toBe(404);
  });

  it('shows a write at once, made through this instance or another on the same database', async () => {
    const id = await investigatingCase();
    const lina = await h.as('lina');
    const before = await lina.get(`/api/v1/cases/${id}`);
    await lina.get(`/api/v1/cases/${id}`);
    const fact = before.body.facts[0] as { factId: string; value: boolean | null };

    // Here: the answer to the write and the next read agree.
    const here = await lina.request('PUT', `/api/v1/cases/${id}/facts/${fact.factId}`, {
      version: before.body.version,
      value: fact.value !== true,
      note: '本实例记录',
    });
    expect(here.status).toBe(200);
    const afterHere = await lina.get(`/api/v1/cases/${id}`);
    expect(afterHere.body.version).toBe(here.body.version);
    expect(factOn(afterHere.body, fact.factId)).toMatchObject({
      value: fact.value !== true,
      note: '本实例记录',
    });

    // Another instance of the application on the same database, as behind a balancer.
    const second = await assemble({ store: h.app.store, auditFiles: h.app.ctx.auditFiles });
    try {
      const url = await second.server.listen({ port: 0, host: '127.0.0.1' });
      const there = await apiAs(url, 'lina');
      const written = await there.request('PUT', `/api/v1/cases/${id}/facts/${fact.factId}`, {
        version: afterHere.body.version,
        value: fact.value === true,
        note: '另一实例记录',
      });
      expect(written.status).toBe(200);
      const seenHere = await lina.get(`/api/v1/cases/${id}`);
      expect(seenHere.body.version).toBe(written.body.version);
      expect(factOn(seenHere.body, fact.factId)).toMatchObject({
        value: fact.value === true,
        note: '另一实例记录',
      });
      expect(seenHere.body.timeline.length).toBe(afterHere.body.timeline.length + 1);
    } finally {
      await second.close();
    }
  });

  it('makes the page again on a new day', async () => {
    const id = await investigatingCase();
    const lina = await h.as('lina');
    const today = await lina.get(`/api/v1/cases/${id}`);
    h.advance(24 * 3600_000);
    // The session has lapsed with the day: signed in again.
    const again = await h.as('lina');
    const misses = h.app.caseAnswers.misses;
    const tomorrow = await again.get(`/api/v1/cases/${id}`);
    expect(h.app.caseAnswers.misses).toBe(misses + 1);
    expect(tomorrow.body.forms.today).not.toBe(today.body.forms.today);
  });
});
