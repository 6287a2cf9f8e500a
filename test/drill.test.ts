// The fault drill of issue 14, short: `rongcuo serve` on a fresh embedded database under a
// mixed workload over HTTP while the application is SIGKILLed and restarted, its
// PostgreSQL is SIGKILLed, and its connections are terminated; then every acknowledged
// write is there, every case's history is one its procedure allows, the scheduled jobs
// are all there, and the audit chain verifies. The long run is `npm run drill`
// (BENCHMARKS.md, "Issue 14").

import { describe, expect, it } from 'vitest';
import { replay } from '../bench/drill/checks.ts';
import { runDrill } from '../bench/drill/drill.ts';
import { failures, report } from '../bench/drill/report.ts';

describe('the fault drill', () => {
  it('finds a case history its procedure cannot reach', () => {
    const opened = ['case.submit_application', 'case.record_fact', 'case.accept'];
    expect(replay(opened, 'investigating')).toBeNull();
    // A step lost while the state moved on, a state without its steps, a step out of order.
    expect(replay(opened, 'assessing')).toMatch(/state assessing/);
    expect(replay(['case.submit_application'], 'decided')).toMatch(/state decided/);
    expect(replay(['case.submit_application', 'case.publish'], 'published')).toMatch(/publish/);
    // The last notice moves the case on; before it, it stays decided.
    const decided = [...opened, 'case.complete_investigation', 'case.submit_for_decision'];
    const sent = [...decided, 'case.record_decision', 'case.send_notification'];
    expect(replay(sent, 'decided')).toBeNull();
    expect(replay(sent, 'notified')).toBeNull();
  });

  it('keeps every acknowledged write through kills of the application and its database', async () => {
    const result = await runDrill({
      seconds: 30,
      clients: 2,
      seed: 14,
      workers: 1,
      minGapSeconds: 3,
      maxGapSeconds: 6,
      // Each kind at least once, whatever the timing.
      sequence: ['kill_app', 'kill_database', 'terminate_connections'],
      serverAdminUrl: null,
      log: () => {},
    });
    const text = report(result);
    expect(failures(result), text).toEqual([]);
    expect(result.checks.acknowledged, text).toBeGreaterThan(20);
    expect(result.checks.found, text).toBe(result.checks.acknowledged);
    const kinds = new Set(result.faults.map((f) => f.kind));
    for (const kind of ['kill_app', 'kill_database', 'terminate_connections'])
      expect(kinds, text).toContain(kind);
    expect(result.restartsSurvived, text).toBeGreaterThanOrEqual(2);
    // No fault should give a 500: the database's absence is a 503 with its stable code.
    expect(result.ledger.internalErrors, text).toEqual([]);
    expect(result.finalStop, text).toBe(0);
  }, 240_000);
});
