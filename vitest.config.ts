import { defineConfig } from 'vitest/config';

// Two projects with one run: the browser tests get a longer ceiling per test, because a
// test there drives several pages through a real browser and, on a two-core machine
// running other test files beside it, a step that takes 3 s alone can take 20 s. The
// ceiling only ends a test that is stuck; the tests themselves wait on what the page
// shows, never on time.
//
// Two test files at a time on two cores, not Vitest's default of one fewer than the cores:
// a test file spends most of its time waiting on PostgreSQL, LibreOffice or the browser,
// which run in processes of their own.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          // Builds the web application once, for the browser tests only.
          globalSetup: ['e2e/support/build-web.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
