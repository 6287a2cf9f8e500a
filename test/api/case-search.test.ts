// The case list's search through the n-gram index of migration 0019 finds exactly what the
// plain substring search (ilike on number, title and conduct) found before it: for each
// query, the list with `q` is the list without it, filtered by that ilike in SQL. That holds
// whichever way a search is read (case-list.queries.ts): through the cases its grams name
// when they are few, or by walking the list when they are many; and the total is exact up
// to the count cap, `totalCapped` past it. A second instance of the application with tiny
// limits (3 counted, 2 candidates) takes the other branch for most queries of the demo.
// Each query runs without the n-grams' statistics (all grams read) and with them (after an
// ANALYZE: the rarest grams read, or the walk).
// And the grams follow a case's texts when they change, in the writer's transaction.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/main.ts';
import type { CaseListLimits } from '../../src/store/case-list.queries.ts';
import type { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { apiAs, CLASSIFIED } from '../support/procedure-api.ts';
import { useHarness } from './api-harness.ts';

interface Listed {
  readonly total: number;
  readonly totalCapped: boolean;
  readonly items: readonly { id: string }[];
}

/** Every case of the reader's list for a query, all pages, and the first page's count. */
async function listAll(
  client: HttpClient,
  query: string,
): Promise<{ total: number; totalCapped: boolean; ids: string[] }> {
  const ids: string[] = [];
  let counted: Pick<Listed, 'total' | 'totalCapped'> | undefined;
  for (let offset = 0; ; offset += 200) {
    const res = await client.get(`/api/v1/cases?limit=200&offset=${offset}${query}`);
    expect(res.status).toBe(200);
    const page = res.body as Listed;
    counted ??= page;
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < 200) break;
  }
  return { total: counted!.total, totalCapped: counted!.totalCapped, ids };
}

const TINY: CaseListLimits = {
  countCap: 3,
  searchCountCap: 2,
  gramCandidates: 2,
  gramPostings: 4,
  // A reader of at most 10 cases has a walking search's cases sorted; more, walked.
  ownCasesSorted: 10,
};

const MIXED_TITLE = "ABC执法检查 x_y%z 单引号'与反斜杠\\";

describe.each(storeTargets())('case search on $name', (target) => {
  const h = useHarness(target);

  it('finds through the n-grams exactly what the substring search found', async () => {
    const officer = await h.as('wangqiang');
    const opened = await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId: await h.unitId('综合行政执法大队'),
      title: MIXED_TITLE,
      conduct: '2026年1月在Mixed文本 Test 中检查',
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
      ...CLASSIFIED,
    });
    expect(opened.status).toBe(201);
    const numbers = (
      await sql<{ number: string }>`select number from cases order by number`.execute(h.admin)
    ).rows.map((r) => r.number);
    const queries = [
      // single characters: Chinese, ASCII either case, punctuation, a like wildcard
      '危',
      '号',
      '〔',
      'a',
      'X',
      '%',
      '_',
      '\\',
      "'",
      ' ',
      // words, mixed Chinese and ASCII, case folding
      '执法',
      '检查',
      '应急管理',
      'abc执法',
      'aBc执',
      'x_y%z',
      "单引号'与反斜杠\\",
      'mixed文本 test',
      '2026年',
      '危险化学品经营许可延续审查中未发现企业提供的虚假安全评价报告',
      // case numbers, whole and in part
      numbers[0]!,
      numbers.at(-1)!,
      '〔2026〕',
      '号 ',
      // no match
      '不存在的词语组合',
      'zzzz',
      '执法执法执法',
    ];
    // Another instance on the same database, with tiny limits.
    const tiny = await assemble({
      store: h.app.store,
      auditFiles: h.app.ctx.auditFiles,
      caseListLimits: TINY,
    });
    const searched = { found: 0, empty: 0, capped: 0 };
    const readers = { sorted: 0, walked: 0 };
    try {
      const tinyUrl = await tiny.server.listen({ port: 0, host: '127.0.0.1' });
      for (const [round, username] of ['zhangmin', 'zhouyan', 'wangqiang', 'zhangmin'].entries()) {
        // The last round with the statistics PostgreSQL keeps of the grams.
        if (round === 3) {
          await sql`analyze case_search`.execute(h.admin);
          const listed = await sql<{ n: number }>`
            select count(*)::int as n from pg_stats
             where schemaname = current_schema() and tablename = 'case_search'
               and attname = 'grams' and most_common_elems is not null`.execute(h.admin);
          expect(listed.rows[0]!.n).toBe(1);
        }
        const reader = await h.as(username);
        const tinyReader = await apiAs(tinyUrl, username);
        const all = await listAll(reader, '');
        expect(all.ids.length).toBeGreaterThan(0);
        expect(all).toMatchObject({ total: all.ids.length, totalCapped: false });
        readers[all.ids.length <= TINY.ownCasesSorted ? 'sorted' : 'walked']++;
        for (const q of queries) {
          const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          const expected = (
            await sql<{ id: string }>`
              select id from cases
               where id = any(${all.ids}::uuid[])
                 and (title ilike ${like} or conduct ilike ${like} or number ilike ${like})`.execute(
              h.admin,
            )
          ).rows.map((r) => r.id);
          // Same cases, in the list's own order (newest first), through either instance.
          const inOrder = all.ids.filter((id) => expected.includes(id));
          const got = await listAll(reader, `&q=${encodeURIComponent(q)}`);
          expect(got.ids, `${username} q=${JSON.stringify(q)}`).toEqual(inOrder);
          expect(got).toMatchObject({ total: expected.length, totalCapped: false });
          const gotTiny = await listAll(tinyReader, `&q=${encodeURIComponent(q)}`);
          expect(gotTiny.ids, `${username} q=${JSON.stringify(q)}, tiny limits`).toEqual(inOrder);
          expect(gotTiny).toMatchObject({
            total: Math.min(expected.length, TINY.searchCountCap),
            totalCapped: expected.length > TINY.searchCountCap,
          });
          if (expected.length > TINY.searchCountCap) searched.capped++;
          if (expected.length > 0) searched.found++;
          else searched.empty++;
        }
        // Without a search, the tiny instance counts to its cap too.
        expect(await listAll(tinyReader, '')).toMatchObject({
          ids: all.ids,
          total: Math.min(all.ids.length, TINY.countCap),
          totalCapped: all.ids.length > TINY.countCap,
        });
      }
    } finally {
      await tiny.close();
    }
    // The queries cover every side: some find cases, some more than the tiny cap, some none.
    expect(searched.found).toBeGreaterThan(20);
    expect(searched.capped).toBeGreaterThan(10);
    expect(searched.empty).toBeGreaterThan(5);
    // Readers on both sides of the tiny ownCasesSorted: a walking search of a reader with few
    // cases sorts that reader's own, of one with more walks the list; both answered alike.
    expect(readers.sorted).toBeGreaterThan(0);
    expect(readers.walked).toBeGreaterThan(0);
  });

  it('keeps the grams of a case in step with its texts', async () => {
    const secretary = await h.as('zhangmin');
    const [row] = (
      await sql<{ id: string }>`select id from cases where title = ${MIXED_TITLE}`.execute(h.admin)
    ).rows;
    const find = async (q: string) =>
      ((await secretary.get(`/api/v1/cases?q=${encodeURIComponent(q)}`)).body as Listed).items.map(
        (c) => c.id,
      );
    expect(await find('改过的标题')).toEqual([]);
    await sql`update cases set title = '改过的标题' where id = ${row!.id}`.execute(h.admin);
    expect(await find('改过的标题')).toEqual([row!.id]);
    expect(await find('ABC执法')).toEqual([]);
    // A state change leaves the grams as they are.
    const before = await sql<{ grams: string }>`
      select grams::text from case_search where case_id = ${row!.id}`.execute(h.admin);
    await sql`update cases set updated_at = now() where id = ${row!.id}`.execute(h.admin);
    const after = await sql<{ grams: string }>`
      select grams::text from case_search where case_id = ${row!.id}`.execute(h.admin);
    expect(after.rows).toEqual(before.rows);
  });
});
