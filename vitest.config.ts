import { defineConfig } from 'vitest/config';

// Two projects in one run, one after the other. The unit and API tests first, two files at
// a time on two cores (not Vitest's default of one fewer than the cores): a file spends
// most of its time waiting on PostgreSQL or LibreOffice, which run in processes of their
// own. Then the browser tests, one file at a time, each with a longer ceiling per test:
// a test there drives several pages through a real browser, and beside other files on two
// cores a step that takes 3 s alone can take 20 s. The ceiling only ends a test that is
// stuck; the tests themselves wait on what the page shows, never on time.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
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
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
