// The drill's clients: each opens cases and moves them through the procedure, as the demo
// users would, reading lists and pages between steps, and issues the 纠错通知 of the
// correction the decision opened; one more receives reports (信访举报) and records their
// findings. Every 2xx write goes into the ledger with what it wrote.
// Faults are expected: after any failed write the client reads the case again and takes
// the step the case is now at, since a write without an answer may have landed.

import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import { ASSESSMENT_FACTORS } from '../../src/domain/vocabulary.ts';
import type { BenchClient } from '../procedure-client.ts';
import { outcomeUnknown, type AckedWrite, type Ledger } from './ledger.ts';
import type { Random } from './random.ts';

/** A request that hangs longer than this is given up (and counted as TIMEOUT). */
const REQUEST_TIMEOUT_MS = 20_000;
/** Failures in a row on one case before the client leaves it for a new one. */
const MAX_FAILURES_IN_A_ROW = 40;

/** Facts that determine no_liability under 第十条第（三）项 (as bench/procedure.ts). */
const FACTS: readonly (readonly [string, boolean])[] = [
  ['a10.3', true],
  ['a13.c1', false],
  ...['a9.1', 'a9.2', 'a9.3', 'a9.4', 'a9.5', 'a9.6', 'a9.7', 'a9.8', 'a9.9'].map(
    (f) => [f, false] as const,
  ),
];

export interface Sessions {
  readonly officer: BenchClient;
  readonly investigator: BenchClient;
  readonly secretary: BenchClient;
  readonly reviewer: BenchClient;
  /** 信访举报工作人员. */
  readonly petitions: BenchClient;
}

export interface Workload {
  readonly sessions: Sessions;
  /** The unit the cases are opened in, and the officer the reports name. */
  readonly unitId: string;
  readonly officerId: string;
  readonly ledger: Ledger;
  readonly random: Random;
  /** Set when the run's time is up: clients finish their request and stop. */
  stopped: boolean;
}

/** The part of a case page the walk reads. */
export interface CaseView {
  readonly id: string;
  readonly version: number;
  readonly state: string;
  readonly facts: readonly { readonly factId: string; readonly value: boolean | null }[];
  readonly assessment: readonly { readonly factor: string; readonly finding: string | null }[];
  readonly reviews: readonly { readonly kind: string }[];
  readonly notifications: readonly { readonly id: string; readonly sentOn: string | null }[];
}

interface Step {
  /** What is attempted, for the unknown-outcome tally. */
  readonly name: string;
  send(): Promise<CaseView>;
  acked(after: CaseView): AckedWrite;
}

const today = () => todayInChina(new Date());
const options = { timeoutMs: REQUEST_TIMEOUT_MS };

/** The next write of the walk on a case as it is, or null once it is published (or ended). */
export function nextStep({ sessions: s }: Workload, c: CaseView): Step | null {
  const act = (client: BenchClient, action: string, body: Record<string, unknown> = {}): Step => ({
    name: action,
    send: () =>
      client.send<CaseView>(
        'POST',
        `/api/v1/cases/${c.id}/actions/${action}`,
        { version: c.version, ...body },
        options,
      ),
    acked: (after) => ({ kind: 'transition', caseId: c.id, action, state: after.state }),
  });
  switch (c.state) {
    case 'submitted':
      return act(s.investigator, 'accept');
    case 'investigating': {
      const fact = FACTS.find(([id]) => !c.facts.some((f) => f.factId === id && f.value !== null));
      if (!fact) return act(s.investigator, 'complete_investigation');
      const [factId, value] = fact;
      return {
        name: 'record_fact',
        send: () =>
          s.investigator.send<CaseView>(
            'PUT',
            `/api/v1/cases/${c.id}/facts/${factId}`,
            { value, version: c.version, note: '调查笔录' },
            options,
          ),
        acked: () => ({ kind: 'fact', caseId: c.id, factId, value }),
      };
    }
    case 'assessing': {
      const factor = ASSESSMENT_FACTORS.find(
        (f) => !c.assessment.some((a) => a.factor === f && a.finding !== null),
      );
      if (!factor) return act(s.investigator, 'submit_for_decision');
      return {
        name: 'record_assessment',
        send: () =>
          s.investigator.send<CaseView>(
            'PUT',
            `/api/v1/cases/${c.id}/assessment/${factor}`,
            { version: c.version, finding: `${factor}：已核实` },
            options,
          ),
        acked: () => ({ kind: 'assessment', caseId: c.id, factor }),
      };
    }
    case 'awaiting_decision':
      if (!c.reviews.some((r) => r.kind === 'legal'))
        return {
          name: 'record_review',
          send: () =>
            s.reviewer.send<CaseView>(
              'PUT',
              `/api/v1/cases/${c.id}/reviews/legal`,
              {
                version: c.version,
                opinion: '事实清楚，程序合法',
                agrees: true,
                reviewedOn: today(),
              },
              options,
            ),
          acked: () => ({ kind: 'review', caseId: c.id, review: 'legal' }),
        };
      return act(s.secretary, 'record_decision', {
        meetingDate: today(),
        members: ['党委书记', '局长'],
        conclusion: 'no_liability',
        relatedUnitIds: [],
      });
    case 'decided': {
      const unsent = c.notifications.find((n) => n.sentOn === null);
      if (!unsent) return null; // cannot be: decided with every notice sent is notified
      const step = act(s.secretary, 'send_notification', {
        notificationId: unsent.id,
        deliveryMethod: 'in_person',
        deliveredOn: today(),
        deliveredTo: '王强',
      });
      return {
        ...step,
        acked: () => ({ kind: 'notification', caseId: c.id, notificationId: unsent.id }),
      };
    }
    case 'notified':
      return act(s.secretary, 'publish', { scope: '本系统' });
    default:
      return null;
  }
}

/** Counts a read's error; reads have no outcome to be unsure of. */
async function read<T>(w: Workload, client: BenchClient, path: string): Promise<T | undefined> {
  try {
    const answer = await client.send<T>('GET', path, undefined, options);
    w.ledger.reads++;
    return answer;
  } catch (error) {
    w.ledger.failed(error, null);
    return undefined;
  }
}

/** A pause after a failure, so that a client does not spin while the application is away. */
const backOff = (w: Workload) => delay(100 + w.random.int(300));

/** Reads the case until it answers (or the run ends). */
async function resync(w: Workload, id: string): Promise<CaseView | undefined> {
  while (!w.stopped) {
    const c = await read<CaseView>(w, w.sessions.investigator, `/api/v1/cases/${id}`);
    if (c) return c;
    await backOff(w);
  }
  return undefined;
}

/** Opens a case, retrying with the same Idempotency-Key until an answer says what happened. */
async function openCase(w: Workload, n: number): Promise<CaseView | undefined> {
  const key = randomUUID();
  while (!w.stopped) {
    try {
      const opened = await w.sessions.officer.send<{ id: string }>(
        'POST',
        '/api/v1/cases',
        {
          origin: 'application',
          unitId: w.unitId,
          title: `故障演练案件 ${n}：依据检测报告作出处罚后报告被撤回`,
          conduct: '本人依据第三方检测机构出具的检测报告作出罚款决定，后该机构撤回报告。',
          conductDate: '2025-03-01',
          enforcementAction: 'penalty',
          field: 'industry_trade',
          errorType: 'facts_unclear',
        },
        { ...options, headers: { 'idempotency-key': key } },
      );
      w.ledger.ack({ kind: 'open_case', caseId: opened.id });
      return resync(w, opened.id);
    } catch (error) {
      w.ledger.failed(error, 'open_case');
      if (!outcomeUnknown(error)) return undefined;
      await backOff(w);
    }
  }
  return undefined;
}

/** Now and then a read of the lists and pages a user would look at. */
async function browse(w: Workload, caseId: string): Promise<void> {
  const roll = w.random.int(10);
  if (roll < 2) await read(w, w.sessions.investigator, '/api/v1/cases?limit=20');
  else if (roll < 3) await read(w, w.sessions.secretary, '/api/v1/worklist');
  else if (roll < 5) await read(w, w.sessions.officer, `/api/v1/cases/${caseId}`);
}

const NOTICE = {
  reason: '执法检查中核验不到位',
  items: ['补齐核验记录', '组织专题学习'],
  requirements: '限期完成并书面报告',
  responsible: '综合行政执法大队',
};

/**
 * The correction the decision opened (第十六条), if any: its notice, which sets the
 * 整改期限. A correction found past `opened` was issued already, by an attempt whose
 * answer was lost.
 */
async function issueCorrectionNotice(w: Workload, caseId: string): Promise<void> {
  const secretary = w.sessions.secretary;
  for (let failures = 0; !w.stopped && failures < MAX_FAILURES_IN_A_ROW; failures++) {
    const list = await read<{ items: { id: string; state: string }[] }>(
      w,
      secretary,
      `/api/v1/corrections?caseId=${caseId}`,
    );
    if (list) {
      const opened = list.items.find((i) => i.state === 'opened');
      if (!opened) return;
      try {
        // A correction awaiting its notice has not changed since it was opened: version 0.
        await secretary.send(
          'POST',
          `/api/v1/corrections/${opened.id}/notice`,
          { expectedVersion: 0, ...NOTICE },
          options,
        );
        w.ledger.ack({ kind: 'correction_notice', correctionId: opened.id });
        return;
      } catch (error) {
        w.ledger.failed(error, 'correction_notice');
      }
    }
    await backOff(w);
  }
}

/** One client: case after case, each from application to publication, until stopped. */
export async function caseClient(w: Workload, client: number): Promise<void> {
  for (let n = 1; !w.stopped; n++) {
    let c = await openCase(w, client * 100_000 + n);
    let failures = 0;
    while (c && !w.stopped && failures < MAX_FAILURES_IN_A_ROW) {
      const step = nextStep(w, c);
      if (!step) {
        if (c.state === 'published') await issueCorrectionNotice(w, c.id);
        break;
      }
      try {
        const after = await step.send();
        w.ledger.ack(step.acked(after));
        c = after;
        failures = 0;
        await browse(w, c.id);
      } catch (error) {
        w.ledger.failed(error, step.name);
        failures++;
        await backOff(w);
        c = await resync(w, c.id);
      }
    }
  }
}

/** Receives a report about the officer and records its finding; then the next. */
export async function reportClient(w: Workload): Promise<void> {
  const petitions = w.sessions.petitions;
  while (!w.stopped) {
    let id: string;
    try {
      const report = await petitions.send<{ id: string }>(
        'POST',
        '/api/v1/reports',
        {
          receivedOn: today(),
          channel: 'letter',
          named: true,
          reporter: { name: '欧阳举报人甲', contact: '13912345678', address: '锡林浩特市某街道' },
          summary: '反映执法人员在检查中态度粗暴（故障演练）',
          officerIds: [w.officerId],
        },
        options,
      );
      id = report.id;
      w.ledger.ack({ kind: 'receive_report', reportId: id });
    } catch (error) {
      // No Idempotency-Key on reports: a lost answer is not retried, lest it be received twice.
      w.ledger.failed(error, 'receive_report');
      await backOff(w);
      continue;
    }
    await read(w, petitions, '/api/v1/reports?pageSize=20');
    await delay(w.random.between(100, 500));
    while (!w.stopped) {
      try {
        await petitions.send(
          'POST',
          `/api/v1/reports/${id}/finding`,
          {
            expectedVersion: 0,
            finding: 'untrue',
            reasons: '经调查核实，反映问题不属实',
            foundOn: today(),
          },
          options,
        );
        w.ledger.ack({ kind: 'report_finding', reportId: id });
        break;
      } catch (error) {
        w.ledger.failed(error, 'report_finding');
        // A refusal ends this report: STALE_VERSION says a lost answer's finding landed.
        if (!outcomeUnknown(error)) break;
        await backOff(w);
      }
    }
  }
}
