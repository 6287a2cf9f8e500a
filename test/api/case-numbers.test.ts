// Case numbers as offices write them (锡盟应急容〔2026〕5号), on both databases: per prefix
// and year without gaps or repeats however many are opened at once, none lost to a
// rolled-back opening, a new series each year in China, a prefix set by the system
// administrator that applies to new cases only, a default where none is set; and a case
// opened by its number in the address, any address that names nothing a Chinese 404.

import { describe, expect, it } from 'vitest';
import { allocateCaseNumber } from '../../src/app/case/case-number.ts';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { storeTargets } from '../support/test-databases.ts';
import type { HttpClient } from '../support/http-client.ts';
import { useHarness } from './api-harness.ts';

const LATIN = /[A-Za-z]/;

describe.each(storeTargets())('case numbers ($name)', (target) => {
  const h = useHarness(target);
  const year = () => Number(todayInChina(h.app.ctx.now()).slice(0, 4));

  /** A new section under the emergency bureau, with its own prefix, and an officer in it. */
  async function numberedSection(name: string, prefix: string | null) {
    const sys = await h.as('sysadmin');
    const unit = await sys.post('/api/v1/units', {
      name,
      parentId: await h.unitId('锡林郭勒盟应急管理局'),
      kind: 'section',
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    if (prefix !== null) {
      const set = await sys.request('PUT', `/api/v1/units/${unit.body.id}/case-number-prefix`, {
        prefix,
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
    }
    return unit.body.id as string;
  }

  const application = (unitId: string, title: string) => ({
    origin: 'application',
    unitId,
    title,
    conduct: '详见申请书',
    conductDate: '2025-03-01',
    enforcementAction: 'penalty',
  });

  async function apply(officer: HttpClient, unitId: string, title: string) {
    const res = await officer.post('/api/v1/cases', application(unitId, title));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; number: string };
  }

  it('numbers the demo cases in each bureau’s series, one series a year', async () => {
    const y = year();
    const lina = await h.as('lina');
    const numbers = (await lina.get('/api/v1/cases?limit=100')).body.items.map(
      (c: { number: string }) => c.number,
    );
    // The first three demo cases, opened today, begin this year's series.
    expect(numbers).toEqual(
      expect.arrayContaining([1, 2, 3].map((n) => `锡盟应急容〔${y}〕${n}号`)),
    );
    const sunhao = await h.as('sunhao');
    const education = (await sunhao.get('/api/v1/cases?limit=100')).body.items.map(
      (c: { number: string }) => c.number,
    );
    expect(education).toEqual(
      expect.arrayContaining([1, 2].map((n) => `锡盟教育容〔${y}〕${n}号`)),
    );
    // The demo's cases opened in earlier years (the statistics' quarters) are numbered in
    // those years' series: every series, of every bureau and year, runs 1, 2, 3… without
    // a gap or a repeat.
    const all = await h.admin.selectFrom('cases').select('number').execute();
    const series = new Map<string, number[]>();
    for (const { number } of all) {
      const m = /^(.+〔\d{4}〕)(\d+)号$/.exec(number);
      expect(m, number).not.toBe(null);
      series.set(m![1]!, [...(series.get(m![1]!) ?? []), Number(m![2])]);
    }
    expect([...series.keys()]).toEqual(
      expect.arrayContaining([`锡盟应急容〔${y}〕`, `锡盟教育容〔${y}〕`]),
    );
    for (const [prefix, ns] of series)
      expect(
        ns.sort((a, b) => a - b),
        prefix,
      ).toEqual(ns.map((_, i) => i + 1));
  });

  it('gives 20 cases opened at once the numbers 1 to 20, without gaps or repeats', async () => {
    const unitId = await numberedSection('并发测试科', '并发容');
    const officer = await h.newUser('concurrent.officer', '并发测试科', ['officer']);
    const opened = await Promise.all(
      Array.from({ length: 20 }, (_, i) => apply(officer, unitId, `并发申请${i + 1}`)),
    );
    const numbers = opened
      .map((c) => c.number)
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `并发容〔${year()}〕${i + 1}号`));
    expect(new Set(opened.map((c) => c.id)).size).toBe(20);
  });

  it('leaves no gap when an opening is rolled back, and starts a new series each year in China', async () => {
    const unitId = await numberedSection('回滚测试科', '回滚容');
    const { db } = h.app.ctx;
    // The last second of 2030 in China, and the first of 2031 (UTC+8).
    const lastSecond = new Date('2030-12-31T15:59:59Z');
    const newYear = new Date('2030-12-31T16:00:00Z');
    expect(await inTransaction(db, (tx) => allocateCaseNumber(tx, unitId, lastSecond))).toBe(
      '回滚容〔2030〕1号',
    );
    await expect(
      inTransaction(db, async (tx) => {
        expect(await allocateCaseNumber(tx, unitId, lastSecond)).toBe('回滚容〔2030〕2号');
        throw new Error('the opening fails after its number was taken');
      }),
    ).rejects.toThrow('the opening fails');
    expect(await inTransaction(db, (tx) => allocateCaseNumber(tx, unitId, lastSecond))).toBe(
      '回滚容〔2030〕2号',
    );
    expect(await inTransaction(db, (tx) => allocateCaseNumber(tx, unitId, newYear))).toBe(
      '回滚容〔2031〕1号',
    );
    expect(await inTransaction(db, (tx) => allocateCaseNumber(tx, unitId, lastSecond))).toBe(
      '回滚容〔2030〕3号',
    );
  });

  it('applies a new prefix to new cases only, and shares a unit’s prefix with the units below it', async () => {
    const unitId = await numberedSection('前缀变更科', '前缀甲容');
    const officer = await h.newUser('prefix.officer', '前缀变更科', ['officer']);
    const first = await apply(officer, unitId, '变更前的申请');
    expect(first.number).toBe(`前缀甲容〔${year()}〕1号`);

    const sys = await h.as('sysadmin');
    const units = await sys.request('PUT', `/api/v1/units/${unitId}/case-number-prefix`, {
      prefix: '  前缀乙容 ',
    });
    expect(units.status).toBe(200);
    const mine = units.body.find((u: { id: string }) => u.id === unitId);
    expect(mine).toMatchObject({
      caseNumberPrefix: '前缀乙容',
      caseNumberPrefixInEffect: '前缀乙容',
      caseNumberPrefixIsDefault: false,
    });
    const second = await apply(officer, unitId, '变更后的申请');
    expect(second.number).toBe(`前缀乙容〔${year()}〕1号`);
    const lina = await h.as('lina');
    expect((await lina.get(`/api/v1/cases/${first.id}`)).body.number).toBe(first.number);

    // A section without its own prefix numbers in its bureau's series.
    const listed = (await sys.get('/api/v1/units')).body as {
      name: string;
      caseNumberPrefix: string | null;
      caseNumberPrefixInEffect: string;
      caseNumberPrefixIsDefault: boolean;
    }[];
    expect(listed.find((u) => u.name === '执法监督科')).toMatchObject({
      caseNumberPrefix: null,
      caseNumberPrefixInEffect: '锡盟应急容',
      caseNumberPrefixIsDefault: false,
    });
    // The league has none in its lineage: the default, shown as unset.
    expect(listed.find((u) => u.name === '锡林郭勒盟')).toMatchObject({
      caseNumberPrefix: null,
      caseNumberPrefixInEffect: '锡林郭勒盟容',
      caseNumberPrefixIsDefault: true,
    });

    // Clearing it: the bureau's series again.
    await sys.request('PUT', `/api/v1/units/${unitId}/case-number-prefix`, { prefix: null });
    expect((await apply(officer, unitId, '清除后的申请')).number).toMatch(
      new RegExp(`^锡盟应急容〔${year()}〕\\d+号$`),
    );
  });

  it('numbers a unit without a prefix in its lineage under its organ’s name and 容', async () => {
    const sys = await h.as('sysadmin');
    const root = await sys.post('/api/v1/units', {
      name: '阿巴嘎旗应急管理局',
      parentId: null,
      kind: 'county_bureau',
    });
    const section = await sys.post('/api/v1/units', {
      name: '执法股',
      parentId: root.body.id,
      kind: 'section',
    });
    const number = await inTransaction(h.app.ctx.db, (tx) =>
      allocateCaseNumber(tx, section.body.id, h.app.ctx.now()),
    );
    expect(number).toBe(`阿巴嘎旗应急管理局容〔${year()}〕1号`);
  });

  it('refuses a prefix taken, malformed, or set by anyone but the system administrator, in Chinese', async () => {
    const sys = await h.as('sysadmin');
    const unitId = await h.unitId('执法监督科');
    const path = `/api/v1/units/${unitId}/case-number-prefix`;
    const taken = await sys.request('PUT', path, { prefix: '锡盟教育容' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toEqual({
      code: 'CASE_NUMBER_PREFIX_TAKEN',
      message: '案号前缀已由其他单位使用：锡盟教育容',
    });
    for (const prefix of ['锡盟〔应急〕', '锡盟 应急', '   ']) {
      const bad = await sys.request('PUT', path, { prefix });
      expect(bad.status, prefix).toBe(400);
      expect(bad.body.error.code).toBe('INVALID_INPUT');
      expect(bad.body.error.message).not.toMatch(LATIN);
    }
    const secadmin = await h.as('secadmin');
    const refused = await secadmin.request('PUT', path, { prefix: '监督容' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('需要系统管理员角色');
  });

  it('opens a case by its number in the address, in the new form and the old', async () => {
    const lina = await h.as('lina');
    const [c] = (await lina.get('/api/v1/cases')).body.items as { id: string; number: string }[];
    const byNumber = await lina.get(`/api/v1/cases/${encodeURIComponent(c!.number)}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.id).toBe(c!.id);

    // A case opened before migration 0007 keeps its number, and opens by it.
    await h.admin
      .updateTable('cases')
      .set({ number: 'RC-2026-000004' })
      .where('id', '=', c!.id)
      .execute();
    const old = await lina.get('/api/v1/cases/RC-2026-000004');
    expect(old.status).toBe(200);
    expect(old.body.id).toBe(c!.id);
    await h.admin.updateTable('cases').set({ number: c!.number }).where('id', '=', c!.id).execute();

    // A number the reader may not read is as one that does not exist.
    const chenjing = await h.as('chenjing');
    const hidden = await chenjing.get(`/api/v1/cases/${encodeURIComponent(c!.number)}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
  });

  it('answers every address with an id that names nothing with a Chinese NOT_FOUND', async () => {
    const lina = await h.as('lina');
    const doc = (await lina.get('/api/v1/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.includes('{id}'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), path]));
    expect(routes.length).toBeGreaterThan(5);
    for (const bad of ['RC-2026-999999', 'not-an-id', '锡盟应急容〔2026〕999号', '1']) {
      for (const [method, path] of routes) {
        const url = path!.replace(/\{[^}]+\}/g, encodeURIComponent(bad));
        const evidence = method === 'POST' && url.includes('/evidence');
        const res = await lina.request(
          method!,
          url,
          method === 'GET' ? undefined : evidence ? new Uint8Array([37, 80, 68, 70]) : {},
          evidence ? { 'content-type': 'application/pdf' } : {},
        );
        const where = `${method} ${url}`;
        expect(res.status, where).toBe(404);
        expect(res.body.error.code, where).toBe('NOT_FOUND');
        // Chinese, but for the address itself where the message quotes it.
        expect(res.body.error.message.replaceAll(bad, ''), where).not.toMatch(LATIN);
      }
    }
  });
});
