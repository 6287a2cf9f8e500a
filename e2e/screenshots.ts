// Saves a screenshot of every page, each at 1366×768 and at 768×1024, to docs/screenshots/
// as <page>-1366.png and <page>-768.png: `npm run screenshots` (builds the web application
// first, unless E2E_WEB_ROOT names a bundle built already). On the demo data, with cases
// taken along the procedure over the API so that each step's page has a case to show.
// Prints the labels and cells of each page squeezed below two characters (layout-check.ts).
import { mkdir, readdir, rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import {
  advance,
  apiAs,
  applyAs,
  emergencyCrew,
  written,
  type CaseAnswer,
} from '../test/support/procedure-api.ts';
import { squeezed, stillness } from './support/layout-check.ts';
import { startWebApp } from './support/web-app.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;

const VIEWPORTS = [
  { suffix: '1366', viewport: { width: 1366, height: 768 } },
  { suffix: '768', viewport: { width: 768, height: 1024 } },
] as const;

interface Shot {
  /** The file's name without the width: case-decided → case-decided-1366.png. */
  readonly name: string;
  /** The demo user who looks, or null for a page without signing in. */
  readonly user: string | null;
  readonly path: string;
  /** What shows once the page has loaded its data. */
  readonly ready: (page: Page) => Promise<unknown>;
  /** Something to do on the page before the shot (open a dialog). */
  readonly then?: (page: Page) => Promise<unknown>;
}

/**
 * Waits until `condition` (JavaScript, evaluated in the page) holds: the pages' CSP allows
 * no eval, which waitForFunction needs, so the condition is asked again between frames.
 */
async function until(page: Page, condition: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (await page.evaluate(condition)) return;
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
  }
  throw new Error(`never held: ${condition}`);
}

if (process.env.E2E_WEB_ROOT === undefined) {
  await build({
    configFile: new URL('../web/vite.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
  });
}
await mkdir(OUT, { recursive: true });
// The shots of an earlier run, whatever their names: each run writes the full set.
for (const file of await readdir(OUT)) if (file.endsWith('.png')) await rm(`${OUT}${file}`);

const web = await startWebApp();
try {
  const { db } = web.app.ctx;
  const idOf = async (title: string) =>
    (await db.selectFrom('cases').select('id').where('title', '=', title).executeTakeFirstOrThrow())
      .id;
  const caseIn = async (state: string) =>
    (await db.selectFrom('cases').select('id').where('state', '=', state).executeTakeFirstOrThrow())
      .id;
  const officerId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'wangqiang')
      .executeTakeFirstOrThrow()
  ).id;

  // Cases along the procedure, beside the demo's (已申请, 调查核实中, 已作出决定).
  const officer = await apiAs(web.url, 'wangqiang');
  const crew = await emergencyCrew(web.url);
  const staged = async (title: string, to: Parameters<typeof advance>[3], scope?: string) =>
    advance(crew, await applyAs(officer, title), 'submitted', to, scope);
  const assessing = await staged('作出行政处罚后检测机构撤回检测报告（研判中）', 'assessing');
  const review = await staged(
    '依据检测报告作出处罚后报告被撤回（待法制审核）',
    'awaiting_decision',
  );
  const published = await staged(
    '依据检测报告作出行政处罚后检测机构撤回报告（已公开）',
    'published',
    '社会公开',
  );
  const notified = await staged('检测机构撤回报告后的行政处罚（已告知）', 'notified');
  const withdrawn: CaseAnswer = await applyAs(officer, '已撤回的容错认定申请');
  written(
    await officer.post(`/api/v1/cases/${withdrawn.id}/actions/withdraw`, {
      version: withdrawn.version,
    }),
  );
  const publication = (await crew.secretary.get('/api/v1/publications')).body.items?.[0]?.id as
    string | undefined;

  // The demo's corrections (纠错): one in progress with its officer, one closed.
  const correctionIn = (state: string) =>
    db
      .selectFrom('corrections')
      .innerJoin('users', 'users.id', 'corrections.officer_id')
      .select(['corrections.id as id', 'users.username as username'])
      .where('corrections.state', '=', state)
      .executeTakeFirst();
  const correcting = await correctionIn('in_progress');
  const corrected = await correctionIn('completed');

  // The demo's 信访举报: the one whose accused officer was cleared (澄清正名).
  const cleared = await db
    .selectFrom('clearances')
    .select('report_id as id')
    .where('state', '=', 'carried_out')
    .executeTakeFirst();

  // A page whose data has come: nothing loading any more.
  const heading = async (page: Page) => {
    await page.locator('.ant-layout-content, .ant-card, form').first().waitFor();
    await page.waitForLoadState('networkidle');
    await until(page, '!document.querySelector(".ant-skeleton, .ant-spin-spinning")');
  };
  const nextStep = (page: Page) => page.getByTestId('next-step-title').waitFor();
  const tableRow = (page: Page) => page.locator('.ant-table-row').first().waitFor();
  const casePage = (name: string, user: string, id: string): Shot => ({
    name,
    user,
    path: `/cases/${id}`,
    ready: nextStep,
  });
  const shots: Shot[] = [
    { name: 'login', user: null, path: '/login', ready: (p) => p.getByLabel('用户名').waitFor() },
    { name: 'workbench-officer', user: 'wangqiang', path: '/', ready: heading },
    { name: 'workbench-investigator', user: 'lina', path: '/', ready: tableRow },
    { name: 'workbench-secretary', user: 'zhangmin', path: '/', ready: tableRow },
    { name: 'workbench-reviewer', user: 'liuyang', path: '/', ready: tableRow },
    { name: 'workbench-sysadmin', user: 'sysadmin', path: '/', ready: heading },
    { name: 'case-list', user: 'zhangmin', path: '/cases', ready: tableRow },
    { name: 'new-application', user: 'wangqiang', path: '/cases/new', ready: heading },
    { name: 'new-initiation', user: 'lina', path: '/cases/new', ready: heading },
    casePage('case-submitted', 'lina', await caseIn('submitted')),
    casePage('case-investigating', 'lina', await caseIn('investigating')),
    {
      name: 'interview',
      user: 'lina',
      path: `/cases/${await caseIn('investigating')}/interview`,
      ready: heading,
    },
    {
      name: 'interview-checklist',
      user: 'lina',
      path: `/cases/${await caseIn('investigating')}/interview?mode=checklist`,
      ready: heading,
    },
    casePage('case-assessing', 'lina', assessing.id),
    { name: 'assessment', user: 'lina', path: `/cases/${assessing.id}/assessment`, ready: heading },
    casePage('case-legal-review', 'liuyang', review.id),
    casePage('case-decided', 'zhangmin', await idOf('依据检测报告作出行政处罚后检测机构撤回报告')),
    casePage('case-notified', 'zhangmin', notified.id),
    {
      ...casePage('publish-preview', 'zhangmin', notified.id),
      then: async (page) => {
        await page
          .getByTestId('next-step')
          .getByRole('button', { name: /^公\s*开$/ })
          .click();
        await page.getByRole('dialog').waitFor();
        // The dialog zooms in: wait until it stands still.
        await until(page, '!document.querySelector(".ant-zoom-appear, .ant-zoom-enter")');
      },
    },
    casePage('case-published-officer', 'wangqiang', published.id),
    casePage('case-withdrawn', 'wangqiang', withdrawn.id),
    { name: 'publications', user: 'zhangmin', path: '/publications', ready: heading },
    ...(publication
      ? [
          {
            name: 'publication',
            user: 'zhangmin',
            path: `/publications/${publication}`,
            ready: heading,
          },
        ]
      : []),
    { name: 'gongshi-public', user: null, path: '/gongshi', ready: heading },
    { name: 'corrections', user: 'zhangmin', path: '/corrections', ready: heading },
    ...(correcting
      ? [
          {
            name: 'corrections-officer',
            user: correcting.username,
            path: '/corrections',
            ready: heading,
          },
          {
            name: 'correction-in-progress',
            user: 'zhangmin',
            path: `/corrections/${correcting.id}`,
            ready: heading,
          },
        ]
      : []),
    ...(corrected
      ? [
          {
            name: 'correction-completed',
            user: 'zhangmin',
            path: `/corrections/${corrected.id}`,
            ready: heading,
          },
        ]
      : []),
    { name: 'workbench-petitions', user: 'xuqing', path: '/', ready: heading },
    { name: 'reports', user: 'xuqing', path: '/reports', ready: tableRow },
    { name: 'new-report', user: 'xuqing', path: '/reports/new', ready: heading },
    ...(cleared
      ? [{ name: 'report-cleared', user: 'xuqing', path: `/reports/${cleared.id}`, ready: heading }]
      : []),
    { name: 'officer-record-own', user: 'wangqiang', path: '/my-record', ready: heading },
    { name: 'officer-record', user: 'zhangmin', path: `/officers/${officerId}`, ready: heading },
    { name: 'policies', user: 'liuyang', path: '/policies', ready: heading },
    { name: 'password', user: 'wangqiang', path: '/password', ready: heading },
    { name: 'admin-users', user: 'sysadmin', path: '/admin/users', ready: tableRow },
    { name: 'admin-roles', user: 'secadmin', path: '/admin/roles', ready: tableRow },
    { name: 'audit', user: 'auditadmin', path: '/admin/audit', ready: tableRow },
  ];

  for (const { suffix, viewport } of VIEWPORTS) {
    const pages = new Map<string | null, Page>();
    const pageOf = async (user: string | null) => {
      if (!pages.has(user))
        pages.set(
          user,
          user === null
            ? await web.browser.newPage({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
            : await web.signIn(user, viewport),
        );
      return pages.get(user)!;
    };
    for (const shot of shots) {
      const page = await pageOf(shot.user);
      await page.goto(`${web.url}${shot.path}`);
      await shot.ready(page);
      await shot.then?.(page);
      // Fonts and the last lazy chunk in place, and no request still running.
      await page.waitForLoadState('networkidle');
      await page.evaluate('document.fonts.ready');
      // The menu and the dialogs slide and zoom in: shoot them standing still.
      await stillness(page);
      const file = `${shot.name}-${suffix}.png`;
      // A dialog stands over the window, not over the whole page: the window is shot then.
      await page.screenshot({ path: `${OUT}${file}`, fullPage: shot.then === undefined });
      console.log(`docs/screenshots/${file}`);
      // What a reader could not read at this width: reported, for the next fix.
      for (const cell of await squeezed(page)) console.warn(`  过窄：${cell.slice(0, 120)}`);
    }
    for (const page of pages.values()) await page.context().close();
  }
} finally {
  await web.close();
}
