// A running Rongcuo with demo data on a fresh embedded database, and Debian's chromium
// driven by playwright-core (never a downloaded browser).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { assemble, type Application, type AssembleOptions } from '../../src/main.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/app/demo-data.ts';
import { storeTargets } from '../../test/support/test-databases.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as this machine allows it: no sandbox as root, and no background
 * connections, which the closed network would refuse many at a time.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface WebApp {
  readonly app: Application;
  readonly url: string;
  readonly browser: Browser;
  /** A new browser context (own cookies) signed in as a demo user, on the workbench. */
  signIn(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** The demo in chromium; `options` change the application's limits (e.g. the list's count). */
export async function startWebApp(
  options: Pick<AssembleOptions, 'caseListLimits'> = {},
): Promise<WebApp> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `browser tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (.ci/run does this), or set CHROMIUM_PATH`,
    );
  }
  const store = await storeTargets()[0]!.open();
  // E2E_WEB_ROOT: a bundle built elsewhere (e.g. by one of several sessions at once).
  const webRoot = process.env.E2E_WEB_ROOT;
  const app = await assemble(
    webRoot === undefined ? { ...options, store } : { ...options, store, webRoot },
  );
  await seedDemo(app.ctx);
  const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  return {
    app,
    url,
    browser,
    async signIn(username, viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      const page = await context.newPage();
      await page.goto(`${url}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      // The 退出 button is in the header at every width; the side menu collapses below 992 px.
      await page.getByRole('button', { name: /退\s*出/ }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}
