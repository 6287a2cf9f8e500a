// The demo data is seeded by `npm start` on whatever day a user runs it, and its cases are
// dated back from that day. A case closed a fixed number of days after its notices were
// served was refused on 2026-12-02: its objection period (异议期) ended in the 劳动节
// holiday and moved past it (OBJECTION_PERIOD_OPEN). Seeding on days whose back-dated
// steps meet the long holidays proves the demo follows each period's real end.

import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/app/demo-data.ts';
import { assembleContext } from '../src/main.ts';
import { builtinRegistry } from './support/builtin-registry.ts';
import { storeTargets, type TestStore } from './support/test-databases.ts';

/** Two days the demo failed on (checked against the code before the fix), and a summer day. */
const SEED_DAYS = ['2026-12-02', '2026-11-20', '2026-07-20'];

// One database suffices: this is about the demo's dates, not the store (the last target
// is the server when TEST_DATABASE_URL is set, the embedded one otherwise).
const target = storeTargets().at(-1)!;

describe(`the demo seeds on any day (${target.name})`, () => {
  let store: TestStore | null = null;
  let removeAuditFiles = async () => {};
  afterEach(async () => {
    await removeAuditFiles();
    await store?.close();
    store = null;
  });

  it.each(SEED_DAYS)('seeds every demo case with the clock at %s', async (day) => {
    store = await target.open();
    await store.migrate();
    // 10:00 in China on the day, moving on with the real clock as `npm start`'s does.
    const offset = Date.parse(`${day}T02:00:00Z`) - Date.now();
    const started = await assembleContext(store, {
      store,
      registry: await builtinRegistry(),
      now: () => new Date(Date.now() + offset),
    });
    removeAuditFiles = started.removeAuditFiles;
    const context = started.ctx;
    await seedDemo(context);
    const closed = await store.db
      .selectFrom('cases')
      .select('id')
      .where('state', '=', 'closed')
      .where('objection_due', 'is not', null)
      .execute();
    // Closed after their notices (the close itself refuses to come inside the period).
    expect(closed.length).toBeGreaterThan(5);
  });
});
