// Official documents over HTTP (issue 12), on the embedded PostgreSQL and on the server:
// every kind the demo's cases, corrections, warnings and reports have is generated as a
// DOCX and as printable HTML by a reader of its owner; its SHA-256 is sent and audited;
// generated again it is the same bytes with the same 文号; numbers run per unit, kind and
// year; a paper that does not exist yet, an unknown kind, a reader of another unit and a
// feedback letter asked by one who may not read the reporter's name are refused in Chinese.

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../src/domain/document/document-kinds.ts';
import type { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const NUMBER = /^\S+〔\d{4}〕[1-9]\d*号$/u;

const disposition = (res: { headers: Headers }) =>
  decodeURIComponent(res.headers.get('content-disposition') ?? '');

interface Listed {
  kind: DocumentKind;
  title: string;
  available: boolean;
  reason: string | null;
  number: string | null;
}

describe.each(storeTargets())('official documents on $name', (target) => {
  const h = useHarness(target);
  const sessions = new Map<string, Promise<HttpClient>>();
  const as = (username: string): Promise<HttpClient> => {
    if (!sessions.has(username)) sessions.set(username, h.as(username));
    return sessions.get(username)!;
  };

  const idsOf = async (table: 'cases' | 'corrections' | 'warnings' | 'reports') =>
    (
      await sql<{ id: string }>`select id from ${sql.table(table)} order by id`.execute(h.admin)
    ).rows.map((r) => r.id);

  async function listed(client: HttpClient, path: string): Promise<Listed[]> {
    const res = await client.get(`${path}/documents`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Listed[];
  }

  /** Generates one document and checks what every generation must hold; its bytes and number. */
  async function generated(client: HttpClient, path: string, item: Listed) {
    const res = await client.getBytes(`${path}/documents/${item.kind}`);
    expect(res.status, `${path} ${item.kind}: ${res.bytes.toString('utf8', 0, 300)}`).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(res.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const sha = createHash('sha256').update(res.bytes).digest('hex');
    expect(res.headers.get('x-content-sha256')).toBe(sha);
    // Saved under its title (a 通报 may have its own) and 文号.
    expect(disposition(res)).toMatch(/^attachment; filename\*=UTF-8''[^/\\]+\.docx$/u);
    const audited = await sql<{ data: { kind: string; sha256: string; number: string | null } }>`
      select data from audit_events where action = 'document.generate'
      and data->>'sha256' = ${sha} and data->>'kind' = ${item.kind}`.execute(h.admin);
    expect(audited.rows.length).toBeGreaterThan(0);
    return { bytes: res.bytes, number: audited.rows[0]!.data.number };
  }

  async function everyKindOf(
    client: HttpClient,
    owner: 'cases' | 'corrections' | 'warnings' | 'reports',
    covered: Set<DocumentKind>,
  ) {
    for (const id of await idsOf(owner)) {
      const path = `/api/v1/${owner}/${id}`;
      if ((await client.get(path)).status !== 200) continue;
      for (const item of await listed(client, path)) {
        if (!item.available) {
          expect(item.reason, `${owner} ${item.kind}`).toMatch(/[\u4e00-\u9fff]/u);
          continue;
        }
        // Each kind once, from the first owner that has it: the rest only listed.
        if (covered.has(item.kind)) continue;
        const first = await generated(client, path, item);
        if (item.number === null && first.number !== null) expect(first.number).toMatch(NUMBER);
        // Again: the same bytes, the same number, now listed.
        const again = await generated(client, path, item);
        expect(again.bytes.equals(first.bytes), `${owner} ${item.kind} is reproducible`).toBe(true);
        expect(again.number).toBe(first.number);
        const after = (await listed(client, path)).find((i) => i.kind === item.kind)!;
        expect(after.number).toBe(first.number);
        const html = await client.get(`${path}/documents/${item.kind}?format=html`);
        expect(html.status).toBe(200);
        expect(html.headers.get('content-type')).toMatch(/^text\/html/);
        expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
        expect(String(html.body)).toContain('@page');
        expect(String(html.body)).toContain(item.title.slice(0, 4));
        if (first.number !== null) {
          expect(String(html.body)).toContain(first.number);
          expect(disposition(await client.getBytes(`${path}/documents/${item.kind}`))).toContain(
            first.number,
          );
        }
        covered.add(item.kind);
      }
    }
  }

  it('generates every paper the demo has, as DOCX and HTML, audited and reproducible', async () => {
    const covered = new Set<DocumentKind>();
    await everyKindOf(await as('zhangmin'), 'cases', covered);
    await everyKindOf(await as('zhangmin'), 'corrections', covered);
    await everyKindOf(await as('zhangmin'), 'warnings', covered);
    await everyKindOf(await as('xuqing'), 'reports', covered);
    // The demo's data reaches these; the rest have tests of their own below and in
    // test/documents/.
    for (const kind of [
      'acceptance',
      'investigation-report',
      'decision-record',
      'decision',
      'decision-notice',
      'service-receipt',
      'correction-notice',
      'report-feedback',
    ] as const)
      expect(covered, kind).toContain(kind);
    expect(DOCUMENT_KINDS.filter((k) => covered.has(k)).length).toBeGreaterThanOrEqual(10);
  }, 240_000);

  it('numbers each unit’s documents per kind and year, once', async () => {
    const secretary = await as('zhangmin');
    const decided = (
      await sql<{ id: string }>`select c.id from cases c
        where exists (select 1 from decisions d where d.case_id = c.id)
        and c.number like '锡盟应急容〔%' order by c.created_at`.execute(h.admin)
    ).rows.map((r) => r.id);
    const numbers: string[] = [];
    for (const id of decided) {
      const res = await secretary.getBytes(`/api/v1/cases/${id}/documents/decision`);
      if (res.status !== 200) continue;
      const item = (await listed(secretary, `/api/v1/cases/${id}`)).find(
        (i) => i.kind === 'decision',
      )!;
      numbers.push(item.number!);
    }
    expect(numbers.length).toBeGreaterThanOrEqual(2);
    for (const n of numbers) expect(n).toMatch(/^锡盟应急容决〔\d{4}〕[1-9]\d*号$/u);
    expect(new Set(numbers).size).toBe(numbers.length);
    const kept = await sql<{ number: string }>`
      select number from document_numbers where kind = 'decision' order by number`.execute(h.admin);
    expect(kept.rows.map((r) => r.number).sort()).toEqual(expect.arrayContaining(numbers.sort()));
  });

  it('refuses in Chinese what cannot be generated, and who may not have it', async () => {
    const secretary = await as('zhangmin');
    const submitted = (
      await sql<{ id: string }>`select id from cases
        where state = 'submitted' and number like '锡盟应急容〔%' limit 1`.execute(h.admin)
    ).rows[0]!.id;
    const early = await secretary.get(`/api/v1/cases/${submitted}/documents/decision`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('DOCUMENT_NOT_APPLICABLE');
    expect(early.body.error.message).toMatch(/^无法生成容错免责认定决定书：/u);

    const unknown = await secretary.get(`/api/v1/cases/${submitted}/documents/verdict`);
    // An address that names no kind leads nowhere, as any mistyped address does.
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect(unknown.body.error.message).toMatch(/[\u4e00-\u9fff]/u);

    const badFormat = await secretary.get(
      `/api/v1/cases/${submitted}/documents/application?format=pdf`,
    );
    expect(badFormat.status).toBe(400);

    const [correction] = await idsOf('corrections');
    const wrongOwner = await secretary.get(`/api/v1/corrections/${correction}/documents/decision`);
    expect(wrongOwner.status).toBe(400);
    expect(wrongOwner.body.error.code).toBe('DOCUMENT_KIND_NOT_OWNED');

    // The education bureau's secretary reads none of the emergency bureau's cases.
    const other = await as('zhouyan');
    const hidden = await other.get(`/api/v1/cases/${submitted}/documents/application`);
    expect(hidden.status).toBe(404);
    expect((await other.get(`/api/v1/cases/${submitted}/documents`)).status).toBe(404);

    // The feedback letter names the reporter: the petitions staff have it, no one else.
    const named = (
      await sql<{ id: string }>`select id from reports where named and feedback_content is not null
        and unit_id = (select id from units where name = '锡林郭勒盟应急管理局') limit 1`.execute(
        h.admin,
      )
    ).rows[0]!.id;
    expect(
      (await (await as('xuqing')).getBytes(`/api/v1/reports/${named}/documents/report-feedback`))
        .status,
    ).toBe(200);
    const refused = await secretary.get(`/api/v1/reports/${named}/documents/report-feedback`);
    expect([403, 404]).toContain(refused.status);
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('opens the reporter’s name for the letter only, and records it as a reading', async () => {
    const petitions = await as('xuqing');
    const named = (
      await sql<{ id: string }>`select id from reports where named and feedback_content is not null
        and unit_id = (select id from units where name = '锡林郭勒盟应急管理局') limit 1`.execute(
        h.admin,
      )
    ).rows[0]!.id;
    const readings = async () =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from audit_events
            where action = 'report.read_identity' and entity_id = ${named}`.execute(h.admin)
        ).rows[0]!.n,
      );
    const before = await readings();
    const list = await listed(petitions, `/api/v1/reports/${named}`);
    expect(list.find((i) => i.kind === 'report-feedback')?.available).toBe(true);
    expect(await readings()).toBe(before);
    const letter = await petitions.getBytes(`/api/v1/reports/${named}/documents/report-feedback`);
    expect(letter.status).toBe(200);
    expect(await readings()).toBe(before + 1);
  });
});
