// The audit log as an auditor reads it, on both databases: every action the application
// appends has a Chinese label; each event names who (name and account), what, on which
// case (its number), when (China time) and from where (the client's address, hashed
// with the event; rows without one verify as before); the filters by actor, action, case
// and dates, a page at a time; the CSV export (UTF-8 with BOM, Chinese headers), itself
// an audited event; and no one but the audit administrator reads any of it.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  isAuditAction,
} from '../../src/domain/audit/audit-actions.ts';
import { TRANSITION_NAMES } from '../../src/domain/case/case-transitions.ts';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { tamperWithAudit } from '../support/audit-tamper.ts';
import { storeTargets } from '../support/test-databases.ts';
import type { HttpClient } from '../support/http-client.ts';
import { useHarness } from './api-harness.ts';

const LATIN = /[A-Za-z]/;
const DAY = 24 * 3_600_000;

interface Listed {
  seq: number;
  atText: string;
  actor: { username: string; displayName: string } | null;
  action: string;
  actionLabel: string;
  entityLabel: string;
  subject: string;
  caseNumber: string | null;
  clientAddress: string | null;
  data: Record<string, unknown>;
}

/** Every TypeScript file under a folder. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** RFC 4180 as the export writes it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

/** The export as the audit administrator's browser receives it, byte for byte. */
async function exported(url: string, query: string): Promise<Response> {
  const login = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'auditadmin', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return fetch(`${url}/api/v1/audit/export${query}`, { headers: { cookie } });
}

describe('audit action labels', () => {
  it('labels every action in Chinese, every step of the procedure included', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_ACTION_LABELS[action], action).toMatch(/\p{Script=Han}/u);
      expect(AUDIT_ACTION_LABELS[action], action).not.toMatch(LATIN);
    }
    for (const name of TRANSITION_NAMES) expect(isAuditAction(`case.${name}`), name).toBe(true);
  });

  it('has a label for every action code written in the application’s source', async () => {
    // appendAudit takes an AuditAction, so an unlabelled action does not compile; this
    // reads the source as well, for an action passed through a string somewhere.
    const literal = /\baction:\s*'([a-z_.]+)'/g;
    const found = new Set<string>();
    for (const file of await sourceFiles('src/app')) {
      for (const m of (await readFile(file, 'utf8')).matchAll(literal)) found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(10);
    const unlabelled = [...found].filter((a) => !isAuditAction(a));
    expect(unlabelled).toEqual([]);
  });
});

describe.each(storeTargets())('the audit log for an auditor ($name)', (target) => {
  const h = useHarness(target);
  const today = () => todayInChina(h.app.ctx.now());

  async function log(client: HttpClient, query = '') {
    const res = await client.get(`/api/v1/audit${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Listed[]; total: number };
  }

  /** Every event the filters find, read a page of 500 at a time: the demo alone writes more. */
  async function logAll(client: HttpClient, filters = '') {
    const items: Listed[] = [];
    for (;;) {
      const sep = filters === '' ? '?' : `${filters}&`;
      const page = await log(client, `${sep}limit=500&offset=${items.length}`);
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total)
        return { items, total: page.total };
    }
  }

  it('names who, what, on which case, when and from where', async () => {
    const lina = await h.as('lina');
    const [c] = (await lina.get('/api/v1/cases?state=submitted')).body.items as {
      id: string;
      number: string;
      version: number;
    }[];
    const accepted = await lina.post(`/api/v1/cases/${c!.id}/actions/accept`, {
      version: c!.version,
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    const auditor = await h.as('auditadmin');
    const { items } = await logAll(auditor);
    const accept = items.find((e) => e.action === 'case.accept')!;
    expect(accept).toMatchObject({
      actor: { username: 'lina', displayName: '李娜' },
      actionLabel: '受理',
      entityLabel: '案件',
      subject: c!.number,
      caseNumber: c!.number,
      clientAddress: '127.0.0.1',
    });
    expect(accept.atText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
    const login = items.find((e) => e.action === 'login' && e.actor?.username === 'auditadmin')!;
    expect(login).toMatchObject({ actionLabel: '登录', clientAddress: '127.0.0.1' });
    // The seed ran in no request: the system, from nowhere.
    const seeded = items.find((e) => e.action === 'demo_seeded')!;
    expect(seeded).toMatchObject({ actor: null, clientAddress: null, actionLabel: '载入演示数据' });
    // The demo's steps were fired in no request either; every action is labelled.
    for (const e of items) {
      expect(isAuditAction(e.action), e.action).toBe(true);
      expect(e.actionLabel).not.toMatch(LATIN);
    }
  });

  it('hashes the address with the event, and still verifies rows written without one', async () => {
    const auditor = await h.as('auditadmin');
    expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
    const { items } = await log(auditor, '?action=login&limit=1');
    const seq = items[0]!.seq;
    await tamperWithAudit(
      h.admin,
      `update audit_events set client_address = '10.9.8.7' where seq = ${seq}`,
    );
    const verdict = (await auditor.get('/api/v1/audit/verify')).body;
    expect(verdict.ok).toBe(false);
    expect(verdict.breaks).toEqual([expect.objectContaining({ seq, reason: 'hash_mismatch' })]);
    await tamperWithAudit(
      h.admin,
      `update audit_events set client_address = '127.0.0.1' where seq = ${seq}`,
    );
    expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('filters by actor, action, case number and dates, a page at a time, newest first', async () => {
    let auditor = await h.as('auditadmin');
    const all = await logAll(auditor);
    expect(all.total).toBe(all.items.length);
    expect(all.items.map((e) => e.seq)).toEqual(
      [...all.items.map((e) => e.seq)].sort((a, b) => b - a),
    );

    for (const actor of ['lina', '李娜']) {
      const byLina = await logAll(auditor, `?actor=${encodeURIComponent(actor)}`);
      expect(byLina.total).toBeGreaterThan(0);
      expect(byLina.items.every((e) => e.actor?.username === 'lina')).toBe(true);
    }

    const facts = await logAll(auditor, '?action=case.record_fact');
    expect(facts.total).toBeGreaterThan(5);
    expect(facts.items.every((e) => e.actionLabel === '记录事实')).toBe(true);

    const number = all.items.find((e) => e.action === 'case.record_decision')!.caseNumber!;
    const ofCase = await logAll(auditor, `?case=${encodeURIComponent(number)}`);
    expect(ofCase.total).toBeGreaterThan(10);
    expect(ofCase.items.every((e) => e.caseNumber === number)).toBe(true);
    // From its opening (the oldest) to its decision.
    expect(['case.submit_application', 'case.initiate']).toContain(ofCase.items.at(-1)!.action);
    expect(ofCase.items.map((e) => e.action)).toContain('case.record_decision');

    // Pages: the same events, in the same order, whatever the page size.
    const first = await log(auditor, `?case=${encodeURIComponent(number)}&limit=4`);
    const second = await log(auditor, `?case=${encodeURIComponent(number)}&limit=4&offset=4`);
    expect(first.total).toBe(ofCase.total);
    expect([...first.items, ...second.items].map((e) => e.seq)).toEqual(
      ofCase.items.slice(0, 8).map((e) => e.seq),
    );

    // Dates are days in China, both ends included: two days on, only the new events.
    const before = today();
    h.advance(2 * DAY);
    const later = today();
    // Two days idle ended every session: both sign in again, on the later day.
    await h.as('lina');
    auditor = await h.as('auditadmin');
    const onLater = await logAll(auditor, `?from=${later}`);
    expect(onLater.items.length).toBeGreaterThan(0);
    expect(onLater.items.every((e) => e.seq > all.items[0]!.seq)).toBe(true);
    const onBefore = await logAll(auditor, `?from=${before}&to=${before}`);
    // The demo dates some of its steps in the past (the statistics' quarters, an overdue
    // correction): the day's filter finds exactly the events of that day.
    const dayOf = (e: Listed) => {
      const [, y, m, d] = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(e.atText)!;
      return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    };
    expect(onBefore.items.every((e) => dayOf(e) === before)).toBe(true);
    expect(onBefore.total).toBe(all.items.filter((e) => dayOf(e) === before).length);
    expect(onBefore.total).toBeGreaterThan(0);
    const both = await log(auditor, `?actor=lina&action=login&from=${later}&to=${later}`);
    expect(both.total).toBe(1);

    const reversed = await auditor.get(`/api/v1/audit?from=${later}&to=${before}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toBe('起始日期不能晚于截止日期');
    expect((await log(auditor, '?actor=nobody')).total).toBe(0);
  });

  it('exports what the filters find as CSV that Excel opens, and records the export', async () => {
    const auditor = await h.as('auditadmin');
    const found = await logAll(auditor, '?action=case.record_fact');
    // The bytes as sent: a client's text() would drop the byte-order mark.
    const res = await exported(h.url, '?action=case.record_fact');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8').decode(bytes));
    expect(rows[0]).toEqual([
      '序号',
      '时间（北京时间）',
      '操作人',
      '账号',
      '操作',
      '对象类别',
      '对象',
      '案号',
      '来源地址',
    ]);
    expect(rows.length - 1).toBe(found.total);
    const [seq, at, actor, account, action, kind, subject, number, address] = rows[1]!;
    const first = found.items[0]!;
    expect(Number(seq)).toBe(first.seq);
    expect(at).toBe(first.atText);
    expect([actor, account]).toEqual([first.actor?.displayName, first.actor?.username]);
    expect([action, kind, subject, number]).toEqual([
      '记录事实',
      '案件',
      first.caseNumber,
      first.caseNumber,
    ]);
    expect(address).toBe(first.clientAddress ?? '');

    const exports = await log(auditor, '?action=audit.export');
    expect(exports.total).toBe(1);
    expect(exports.items[0]).toMatchObject({
      actor: { username: 'auditadmin' },
      actionLabel: '导出审计日志',
      subject: '审计日志',
      clientAddress: '127.0.0.1',
      data: { filters: { action: 'case.record_fact' }, rows: found.total },
    });
    expect((await auditor.get('/api/v1/audit/verify')).body.ok).toBe(true);
  });

  it('lets no one but the audit administrator read or export the log, and says so in Chinese', async () => {
    for (const username of ['lina', 'sysadmin', 'secadmin']) {
      const client = await h.as(username);
      for (const path of ['/api/v1/audit', '/api/v1/audit/export']) {
        const res = await client.get(path);
        expect(res.status, `${username} ${path}`).toBe(403);
        expect(res.body.error).toEqual({ code: 'FORBIDDEN', message: '需要审计管理员角色' });
      }
    }
  });
});
