// Saves screenshots of the main pages to docs/screenshots/ for the README:
// `npm run screenshots` (builds the web application first).
import { mkdir } from 'node:fs/promises';
import { build } from 'vite';
import { startWebApp } from './support/web-app.ts';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;

await build({
  configFile: new URL('../web/vite.config.ts', import.meta.url).pathname,
  logLevel: 'warn',
});
await mkdir(OUT, { recursive: true });
const web = await startWebApp();
try {
  const decided = await web.app.ctx.db
    .selectFrom('cases')
    .select('id')
    .where('state', '=', 'decided')
    .executeTakeFirstOrThrow();
  const investigating = await web.app.ctx.db
    .selectFrom('cases')
    .select('id')
    .where('state', '=', 'investigating')
    .executeTakeFirstOrThrow();
  const shots: [string, string, string][] = [
    ['zhangmin', '/', 'workbench'],
    ['zhangmin', '/cases', 'case-list'],
    ['zhangmin', `/cases/${decided.id}`, 'case-page'],
    ['lina', `/cases/${investigating.id}/interview`, 'interview'],
    ['wangqiang', '/cases/new', 'new-application'],
    ['liuyang', '/policies', 'policies'],
    ['auditadmin', '/admin/audit', 'audit'],
  ];
  for (const [user, path, name] of shots) {
    const page = await web.signIn(user);
    await page.goto(`${web.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${OUT}${name}.png` });
    await page.context().close();
    console.log(`docs/screenshots/${name}.png`);
  }
  const login = await web.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await login.goto(`${web.url}/login`);
  await login.waitForLoadState('networkidle');
  await login.screenshot({ path: `${OUT}login.png` });
  console.log('docs/screenshots/login.png');
} finally {
  await web.close();
}
