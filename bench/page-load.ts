// Initial page load of the web application in headless Chromium on loopback, with the
// demo data: the login page cold, and the workbench after signing in. Runs the same
// built bundle `npm start` serves (npm run build:web first).
import { build } from 'vite';
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assemble, DEFAULT_WEB_ROOT } from '../src/main.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/app/demo-data.ts';
import { launchChromium } from '../e2e/support/web-app.ts';
import { storeTargets } from '../test/support/test-databases.ts';

const RUNS = 10;
const TARGET_MS = 1500;

function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

await build({
  configFile: new URL('../web/vite.config.ts', import.meta.url).pathname,
  logLevel: 'warn',
});
const assets = readdirSync(join(DEFAULT_WEB_ROOT, 'assets')).filter((f) => f.endsWith('.js'));
const sizes = assets
  .map((f) => ({ f, kb: statSync(join(DEFAULT_WEB_ROOT, 'assets', f)).size / 1024 }))
  .sort((a, b) => b.kb - a.kb);

const store = await storeTargets()[0]!.open();
const app = await assemble({ store });
await seedDemo(app.ctx);
const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium();

const login: number[] = [];
const workbench: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // A new context each run: empty cache, no cookies, as a first visit.
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    let t = performance.now();
    await page.goto(`${url}/login`, { waitUntil: 'load' });
    await page.getByLabel('用户名').waitFor();
    login.push(performance.now() - t);
    await page.getByLabel('用户名').fill('zhangmin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    t = performance.now();
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('工作台').first().waitFor();
    await page.waitForLoadState('networkidle');
    workbench.push(performance.now() - t);
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  await store.close();
}

const row = (name: string, xs: number[]) =>
  `| ${name} | ${percentile(xs, 50).toFixed(0)} | ${percentile(xs, 90).toFixed(0)} | ${Math.max(...xs).toFixed(0)} | ${RUNS} |`;
console.log('\n## Web application: initial page load (issue 4)\n');
console.log(
  `Command: \`npm run bench:web\`; Chromium headless on loopback, ${RUNS} cold runs each (new context, empty cache).\n`,
);
console.log('| page | p50 ms | p90 ms | max ms | runs |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(row('login page, cold (navigation to form ready)', login));
console.log(row('sign in to workbench ready (network idle)', workbench));
console.log(
  `\nJavaScript chunks (code-split by route): ${assets.length}; largest: ${sizes
    .slice(0, 3)
    .map((s) => `${s.f} ${s.kb.toFixed(0)} kB`)
    .join(', ')}.`,
);
const ok = percentile(login, 90) < TARGET_MS && percentile(workbench, 90) < TARGET_MS;
console.log(`\n- ${ok ? 'PASS' : 'FAIL'} initial load under ${TARGET_MS} ms (p90 of both rows)`);
process.exitCode = ok ? 0 : 1;
