// No English and no raw code on any page (issue 9, item 9): every demo role of both
// bureaus signs in and visits every page its menu offers, every case it may read (opened
// by its number in the address), the interview and the assessment page, both policies,
// every tab, a correction of each state it may read (纠错), and a few dialogs that open
// with one click; the public 公示 page without signing in. On each, once its data has
// loaded, the visible text may hold Latin letters only where the whitelist below says why.
//
// A new page in the menu is visited without any change here; a page reached otherwise is
// one line in EXTRA_PAGES.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/app/demo-data.ts';
import { ROLE_LABELS } from '../src/contract/labels.ts';
import { startWebApp, type WebApp } from './support/web-app.ts';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp();
}, 120_000);
afterAll(async () => web?.close());

/**
 * Latin text a user may read, and why. Everything else (role codes, state codes, fact ids
 * such as a9.1, warning codes, English messages) fails the test.
 */
const ALLOWED_PATTERNS: readonly RegExp[] = [
  // Case numbers opened before migration 0007 keep their form.
  /RC-\d{4}-\d{6,}/g,
  // File names of evidence, as the user named them.
  /[\p{L}\p{N}_.()\- ]+\.(?:pdf|jpe?g|png|docx|ofd|txt|csv)\b/giu,
  // 数据备份 (the system administrator's): the commands an administrator runs at the
  // server, the backup files' names and their digests, shortened or whole.
  /\brongcuo (?:backup verify|backup|restore)\b/g,
  /[\w.-]+\.rcbak\b/g,
  /\b[0-9a-f]{12,64}…?/g,
];
const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // The file types and sizes evidence may have, as every office names them.
  'PDF',
  'JPEG',
  'PNG',
  'DOCX',
  'OFD',
  'TXT',
  'CSV',
  // The spreadsheet format statistics download as: 下载 Excel, as offices call it.
  'Excel',
  // The digest a backup's checksum is, by its standard's name (数据备份).
  'SHA-256',
  'MB',
  'MiB',
  'KB',
]);

/**
 * The demo accounts' names: what a user types to sign in, shown as 账号 beside a name, in
 * parentheses or a table cell of their own; never inside a sentence (需要auditadmin角色).
 */
const ACCOUNT_NAME = new RegExp(
  `(?<=^|[\\t\\n（(])(?:${DEMO_USERS.map((u) => u.username).join('|')})(?=$|[\\t\\n）)])`,
  'gm',
);

/** Pages no menu item leads to, by the role that may open them. */
const EXTRA_PAGES: readonly { path: string; roles: 'all' | readonly string[] }[] = [
  { path: '/password', roles: 'all' },
];

/** The Latin words of a text that the whitelist does not explain, each with its context. */
function unexplainedLatin(text: string): string[] {
  let rest = text;
  for (const pattern of [...ALLOWED_PATTERNS, ACCOUNT_NAME]) rest = rest.replace(pattern, ' ');
  const found: string[] = [];
  for (const m of rest.matchAll(/[A-Za-z][A-Za-z0-9_.-]*/g)) {
    const word = m[0].replace(/[.-]+$/, '');
    if (ALLOWED_WORDS.has(word)) continue;
    const at = m.index;
    found.push(`${word} 〈${rest.slice(Math.max(0, at - 20), at + word.length + 20)}〉`);
  }
  return found;
}

// Run in the page. The test's own TypeScript has no DOM types: the little it reads is
// declared here; each function stands alone, as it is sent to the page by its text.
// (Functions, not code in strings: the page's CSP refuses text evaluated as code.)
interface PageElement {
  readonly innerText: string;
  getBoundingClientRect(): { width: number; height: number };
}
interface PageDocument {
  readonly body: PageElement;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** The page has loaded its data: no spinner or skeleton, and the content shows something. */
function SETTLED(): boolean {
  const { document } = globalThis as unknown as { document: PageDocument };
  const busy = document.querySelector(
    '.ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]',
  );
  const content = document.querySelector('.ant-layout-content') ?? document.body;
  return busy === null && content.innerText.trim().length > 0;
}

/**
 * The page's text as a reader sees it: innerText, without antd's zero-size listbox that
 * mirrors a select's options by their values for assistive technology (it reads each by
 * its aria-label, the option's Chinese label).
 */
function VISIBLE_TEXT(): string {
  const { document } = globalThis as unknown as { document: PageDocument };
  let text = document.body.innerText;
  for (const el of document.querySelectorAll('[role="listbox"]')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) text = text.replace(el.innerText, '');
  }
  return text;
}

/** Whether the selected tab is the one named. */
function TAB_SELECTED(name: string): boolean {
  const { document } = globalThis as unknown as { document: PageDocument };
  const tabs = document.querySelectorAll('[role="tab"][aria-selected="true"]');
  return [...tabs].some((t) => t.innerText.trim() === name);
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(SETTLED);
}

interface Finding {
  readonly where: string;
  readonly words: readonly string[];
}

/** Reads the visible text of the page as it is now, and of each of its tabs in turn. */
async function inspect(page: Page, where: string, findings: Finding[]): Promise<void> {
  await settled(page);
  const check = async (label: string) => {
    const words = unexplainedLatin(await page.evaluate(VISIBLE_TEXT));
    if (words.length > 0) findings.push({ where: label, words });
  };
  await check(where);
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i += 1) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible()) || (await tab.getAttribute('aria-disabled')) === 'true') continue;
    const name = (await tab.innerText()).trim();
    await tab.click();
    await page.waitForFunction(TAB_SELECTED, name);
    await settled(page);
    await check(`${where} 〔${name}〕`);
  }
}

/** Goes to a path of the application and inspects it. */
async function visit(page: Page, path: string, findings: Finding[], ready?: string) {
  await page.goto(`${web.url}${path}`);
  if (ready) await page.getByText(ready, { exact: false }).first().waitFor();
  await inspect(page, path, findings);
}

interface CaseListed {
  id: string;
  number: string;
  title: string;
  state: string;
}

/** The cases the signed-in user may read, as the page's own session reads them. */
async function readableCases(page: Page): Promise<CaseListed[]> {
  const res = await page.request.get(`${web.url}/api/v1/cases?limit=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: CaseListed[] }).items;
}

interface CorrectionListed {
  id: string;
  caseTitle: string;
  state: string;
  pendingExtension: boolean;
}

/**
 * The corrections (纠错) the signed-in user may read, as the page's own session reads
 * them: one of each state, with and without an extension waiting (their pages differ by
 * those; the demo has a score of corrections in one state).
 */
async function readableCorrections(page: Page): Promise<CorrectionListed[]> {
  const res = await page.request.get(`${web.url}/api/v1/corrections?pageSize=200`);
  expect(res.status()).toBe(200);
  const { items } = (await res.json()) as { items: CorrectionListed[] };
  const kind = (c: CorrectionListed) => `${c.state}:${c.pendingExtension}`;
  return items.filter((c, i) => items.findIndex((d) => kind(d) === kind(c)) === i);
}

/** One-click dialogs and results worth reading, by the path where they open. */
const CLICKS: Readonly<Record<string, (page: Page) => Promise<void>>> = {
  '/admin/audit': async (page) => {
    await page.getByRole('button', { name: /校验审计链/ }).click();
    await page.getByText('审计链完整').waitFor();
  },
};

async function walkAs(username: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const page = await web.signIn(username);
  const session = (await (await page.request.get(`${web.url}/api/v1/session`)).json()) as {
    user: { roles: string[] };
  };
  const roles = session.user.roles;

  // Every page the menu offers, by clicking it.
  const items = (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
  expect(items.length).toBeGreaterThan(0);
  for (const [i, item] of items.entries()) {
    // By place: an item's accessible name begins with its icon's.
    const entry = page.getByRole('menuitem').nth(i);
    await entry.click();
    await entry.and(page.locator('.ant-menu-item-selected')).waitFor();
    const path = new URL(page.url()).pathname;
    await inspect(page, `${item}（${path}）`, findings);
    const click = CLICKS[path];
    if (click) {
      await click(page);
      await inspect(page, `${item}（${path}，操作后）`, findings);
    }
    if (path === '/policies') {
      // The other policy too: the browser opens on the first.
      const pick = page.locator('#policy-pick');
      await page.getByRole('tab', { name: '条文' }).click();
      await pick.click();
      const options = page.locator('.ant-select-item-option');
      const n = await options.count();
      for (let i = 1; i < n; i += 1) {
        if (i > 1) await pick.click();
        const title = (await options.nth(i).innerText()).trim().replace(/（第 \d+ 版）$/, '');
        await options.nth(i).click();
        await page.locator('.ant-descriptions-title', { hasText: title }).waitFor();
        await inspect(page, `制度（${title}）`, findings);
      }
    }
  }

  for (const { path, roles: who } of EXTRA_PAGES) {
    if (who === 'all' || who.some((r) => roles.includes(r))) await visit(page, path, findings);
  }

  // Every case the user may read, opened by its number in the address, and its interview
  // and assessment pages.
  for (const c of await readableCases(page)) {
    await visit(page, `/cases/${encodeURIComponent(c.number)}`, findings, c.title);
    if (roles.includes('investigator') && c.state === 'investigating')
      await visit(page, `/cases/${c.id}/interview`, findings);
    if (roles.includes('investigator') || roles.includes('secretary'))
      await visit(page, `/cases/${c.id}/assessment`, findings);
  }
  // A correction of each kind the user may read, on its page: its object's, the unit's.
  if (['officer', 'investigator', 'secretary'].some((r) => roles.includes(r)))
    for (const c of await readableCorrections(page))
      await visit(page, `/corrections/${c.id}`, findings, c.caseTitle);
  await page.context().close();
  return findings;
}

/** One demo account for each set of roles in each unit: every role of both bureaus. */
const WALKERS = DEMO_USERS.filter(
  (u, i) =>
    DEMO_USERS.findIndex((v) => v.unit === u.unit && v.roles.join() === u.roles.join()) === i,
).map((u) => [u.username, `${u.name}，${u.roles.map((r) => ROLE_LABELS[r]).join('、')}`] as const);

describe('Chinese on every page', () => {
  it('finds English by its own whitelist, and lets the whitelist through', () => {
    const words = (text: string) => unexplainedLatin(text).map((f) => f.split(' ')[0]);
    expect(words('案件 a9.1 已受理')).toEqual(['a9.1']);
    expect(words('需要auditadmin角色 状态 submitted，EFFECTIVE_DATE_UNKNOWN')).toEqual([
      'auditadmin',
      'submitted',
      'EFFECTIVE_DATE_UNKNOWN',
    ]);
    expect(
      words('RC-2026-000004 报告.pdf 支持 PDF、JPEG，不超过 20 MB\t李娜（lina）\nlina\t'),
    ).toEqual([]);
  });

  it.each(WALKERS)(
    'shows %s (%s) no Latin-letter codes on any page',
    async (username) => {
      const findings = await walkAs(username);
      expect(findings).toEqual([]);
    },
    240_000,
  );

  it('shows the public 公示 page without signing in, in Chinese', async () => {
    const context = await web.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const findings: Finding[] = [];
    await page.goto(`${web.url}/gongshi`);
    await inspect(page, '/gongshi', findings);
    await context.close();
    expect(findings).toEqual([]);
  });

  it('opens a case by its number in the address, and says in Chinese when none has it', async () => {
    const page = await web.signIn('lina');
    const [c] = await readableCases(page);
    await page.goto(`${web.url}/cases/${encodeURIComponent(c!.number)}`);
    await page.getByText(c!.title).first().waitFor();
    await expect(page.getByText(c!.number).first().isVisible()).resolves.toBe(true);
    await page.goto(`${web.url}/cases/RC-2026-999999`);
    await page.getByText('案件不存在，或您无权查看').waitFor();
    expect(unexplainedLatin(await page.locator('body').innerText())).toEqual([]);
    await page.context().close();
  });
});
