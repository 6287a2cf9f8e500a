// Vitest global setup: builds the web application once per test run, so browser tests
// run against the same bundle `npm start` serves.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({
    configFile: new URL('../../web/vite.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
  });
}
