// Publication (公示, 第十四条 一定范围内公开) over real HTTP: the secretary is shown a draft
// with the conduct's personal information masked, publishes an edit of it, and a text
// that brings personal information back is refused; the published text is read back in
// each scope by exactly its readers, anonymous readers the public ones only, and for
// every demo user the list holds exactly the publications whose page opens.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/app/demo-data.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { HttpClient } from '../support/http-client.ts';
import { notifiedCase } from '../support/notified-case.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const CONDUCT =
  '执法人员对某加油站检查，站长张三丰（身份证号152501198805061234，联系电话13912345678）拒不整改。';

describe.each(storeTargets())('publication on $name', (target) => {
  const h = useHarness(target);
  /** The three publications of the test, by scope. */
  const published: Record<string, string> = {};
  /** A case notified and not yet published, for the draft and the refusals. */
  let pending: { id: string; version: number };

  const act = (client: HttpClient, id: string, action: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/cases/${id}/actions/${action}`, body);

  /** A case about 赵丽 of the bureau's section, taken to 已告知 by each role as an office does. */
  const notified = async (title: string) =>
    notifiedCase(h.url, {
      unitId: await h.unitId('危险化学品安全监督管理科'),
      officerId: await h.userId('zhaoli'),
      title,
      conduct: CONDUCT,
      today: todayInChina(h.app.ctx.now()),
    });

  beforeAll(async () => {
    const secretary = await h.as('zhangmin');
    for (const scope of ['本单位', '本系统', '社会公开']) {
      const c = await notified(`${scope}公开的案件`);
      const res = await act(secretary, c.id, 'publish', { version: c.version, scope });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      published[scope] = res.body.publications.at(-1).id;
    }
    pending = await notified('待公开的案件');
  }, 120_000);

  it('shows the secretary a draft with the personal information masked, and each mask', async () => {
    const secretary = await h.as('zhangmin');
    const detail = (await secretary.get(`/api/v1/cases/${pending.id}`)).body;
    expect(detail.allowedActions).toContain('publish');
    const { draft, periodText } = detail.forms.publication;
    expect(periodText).toBe('5 个工作日');
    expect(draft.text).toContain('执法人员：赵*（危险化学品安全监督管理科）');
    expect(draft.text).toContain('站长张**（身份证号152501********1234，联系电话139****5678）');
    expect(draft.text).toContain('认定结论：不予追究行政执法责任（依据《');
    expect(draft.text).toContain('第十条第（三）项');
    expect(draft.text).toContain('决定机关：锡林郭勒盟应急管理局党委');
    for (const raw of ['13912345678', '152501198805061234', '赵丽', '张三丰'])
      expect(draft.text).not.toContain(raw);
    expect(
      draft.redactions.map((r: { kindLabel: string; masked: string }) => [r.kindLabel, r.masked]),
    ).toEqual(
      expect.arrayContaining([
        ['姓名', '赵*'],
        ['身份证号', '152501********1234'],
        ['电话号码', '139****5678'],
      ]),
    );
    for (const r of draft.redactions) expect(draft.text.slice(r.start, r.end)).toBe(r.masked);
    // Only whoever may publish is given a draft.
    const investigator = await h.as('lina');
    expect(
      (await investigator.get(`/api/v1/cases/${pending.id}`)).body.forms.publication.draft,
    ).toBe(null);
  });

  it('refuses a text that brings back a phone number, saying which kind and where', async () => {
    const secretary = await h.as('zhangmin');
    const res = await act(secretary, pending.id, 'publish', {
      version: pending.version,
      scope: '本单位',
      text: '关于某案件认定结果的公示\n如有异议请联系13912345678',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'PERSONAL_INFORMATION_IN_PUBLICATION',
      message: expect.stringContaining('第2行第8字起疑似电话号码（139****5678）'),
    });
    const named = await act(secretary, pending.id, 'publish', {
      version: pending.version,
      scope: '本单位',
      text: '执法人员赵丽履职尽责',
    });
    expect(named.body.error.code).toBe('PERSONAL_INFORMATION_IN_PUBLICATION');
    expect(named.body.error.message).toContain('疑似姓名（赵*）');
    // Nothing was written.
    const detail = (await secretary.get(`/api/v1/cases/${pending.id}`)).body;
    expect(detail.state).toBe('notified');
    expect(detail.version).toBe(pending.version);
  });

  it('publishes the edited text and reads it back as stored, with its period', async () => {
    const secretary = await h.as('zhangmin');
    const draft = (await secretary.get(`/api/v1/cases/${pending.id}`)).body.forms.publication.draft;
    const edited = `${draft.text}\n\n如对公示内容有异议，请于公示期内向本局执法监督科反映。`;
    const res = await act(secretary, pending.id, 'publish', {
      version: pending.version,
      scope: '社会公开',
      text: `${edited}\r\n`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('published');
    const publication = res.body.publications.at(-1);
    expect(publication.text).toBe(edited);
    const today = todayInChina(h.app.ctx.now());
    expect(publication.publishedOn).toBe(today);
    expect(publication.periodEnd > today).toBe(true);

    const read = (await secretary.get(`/api/v1/publications/${publication.id}`)).body;
    expect(read).toMatchObject({
      id: publication.id,
      heading: '关于“待公开的案件”认定结果的公示',
      text: edited,
      unit: { name: '锡林郭勒盟应急管理局' },
      scope: '社会公开',
      circle: 'public',
      publishedOn: today,
      periodEnd: publication.periodEnd,
      ended: false,
    });
    expect(read.periodText).toMatch(/^公示期：\d{4}年\d+月\d+日至\d{4}年\d+月\d+日（5 个工作日）$/);
    const stored = await h.admin
      .selectFrom('publications')
      .select(['text', sql<string>`period_end::text`.as('period_end'), 'organ_unit_id'])
      .where('id', '=', publication.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      text: edited,
      period_end: publication.periodEnd,
      organ_unit_id: await h.unitId('锡林郭勒盟应急管理局'),
    });
    // Anyone reads it without signing in.
    const anonymous = new HttpClient(h.url);
    expect((await anonymous.get(`/api/v1/public/publications/${publication.id}`)).body.text).toBe(
      edited,
    );
  });

  it('shows each publication to exactly the readers of its scope', async () => {
    const sameBureau = await h.newUser('jiandu', '执法监督科', ['officer']);
    const county = await h.as('wangqiang');
    const education = await h.as('sunhao');
    const admin = await h.as('auditadmin');
    const anonymous = new HttpClient(h.url);
    const status = async (client: HttpClient, scope: string) =>
      (await client.get(`/api/v1/publications/${published[scope]}`)).status;
    // 本单位: another section of the same bureau, not the county bureau below it.
    expect(await status(sameBureau, '本单位')).toBe(200);
    expect(await status(county, '本单位')).toBe(404);
    // 本系统: the county bureau under the bureau that adopted the regime.
    expect(await status(county, '本系统')).toBe(200);
    expect(await status(sameBureau, '本系统')).toBe(200);
    // Another system reads neither; the 社会公开 one, as anyone does.
    expect(await status(education, '本单位')).toBe(404);
    expect(await status(education, '本系统')).toBe(404);
    expect(await status(education, '社会公开')).toBe(200);
    // The three administrators read what the public reads.
    expect(await status(admin, '本单位')).toBe(404);
    expect(await status(admin, '社会公开')).toBe(200);
    // Without signing in: the public endpoint, the 社会公开 ones only.
    const anon = (scope: string) =>
      anonymous.get(`/api/v1/public/publications/${published[scope]}`);
    expect((await anon('社会公开')).status).toBe(200);
    expect((await anon('本系统')).status).toBe(404);
    expect((await anon('本单位')).status).toBe(404);
    expect((await anonymous.get(`/api/v1/publications/${published['社会公开']}`)).status).toBe(401);
    const list = (await anonymous.get('/api/v1/public/publications?limit=100')).body;
    expect(list.items.every((p: { circle: string }) => p.circle === 'public')).toBe(true);
    expect(list.items.map((p: { id: string }) => p.id)).toContain(published['社会公开']);
  });

  it('lists, newest first, exactly the publications whose page opens, for every demo user', async () => {
    const all = (await h.admin.selectFrom('publications').select('id').execute()).map((p) => p.id);
    expect(all.length).toBeGreaterThanOrEqual(4);
    let seen = 0;
    for (const { username } of DEMO_USERS) {
      const client = await h.as(username);
      const page = (await client.get('/api/v1/publications?limit=100')).body;
      const listed: string[] = page.items.map((p: { id: string }) => p.id);
      expect(page.total, username).toBe(listed.length);
      const published = page.items.map((p: { publishedAt: string }) => p.publishedAt);
      expect(published, username).toEqual([...published].sort().reverse());
      const openable: string[] = [];
      for (const id of all) {
        const res = await client.get(`/api/v1/publications/${id}`);
        expect([200, 404], `${username} ${id}`).toContain(res.status);
        if (res.status === 200) {
          openable.push(id);
          expect(res.body, username).toEqual(page.items.find((p: { id: string }) => p.id === id));
        }
      }
      expect([...listed].sort(), username).toEqual(openable.sort());
      seen += openable.length;
    }
    // Not vacuous: some read more than the public ones, none reads them all.
    expect(seen).toBeGreaterThan(DEMO_USERS.length);
    expect(seen).toBeLessThan(all.length * DEMO_USERS.length);
    // Pages: newest first, in steps.
    const secretary = await h.as('zhangmin');
    const first = (await secretary.get('/api/v1/publications?limit=1')).body;
    const second = (await secretary.get('/api/v1/publications?limit=1&offset=1')).body;
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(first.items[0].publishedAt >= second.items[0].publishedAt).toBe(true);
  });
});
