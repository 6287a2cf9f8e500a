// The steps every demo module takes a case through, by the same use cases a user fires:
// the findings of 调查核实, 综合分析研判 with the submission and the legal review (法制审核),
// the committee's decision, and 送达告知 of every notification. Each takes the version the
// last step left and returns the case's version after it. The day of each step is the
// context's clock, so a demo that runs on a clock set back dates its steps then.

import { addDays, todayInChina } from '../../domain/calendar-date.ts';
import type { OutcomeCode } from '../../domain/policy/policy-model.ts';
import { ASSESSMENT_FACTORS, type AssessmentFactor } from '../../domain/vocabulary.ts';
import { caseRecords } from '../../store/case-detail.queries.ts';
import { findCase } from '../../store/case.repository.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { recordReview } from '../case/case-fairness.ts';
import { fireTransition } from '../case/fire-transition.ts';
import { recordAssessment, recordFact } from '../case/record-on-case.ts';

/** The nine items of 第九条 (履职尽责) of both regimes. */
export const NINTH_ARTICLE_ITEMS = Array.from({ length: 9 }, (_, i) => `a9.${i + 1}`);

/**
 * 第十条第（三）项 (不予追究) holds and nothing above it: none of 第九条, not the exclusion of
 * 第十三条. The emergency regime's plainest decided case.
 */
export const NO_LIABILITY_ON_10_3: readonly (readonly [string, boolean])[] = [
  ['a10.3', true],
  ...NINTH_ARTICLE_ITEMS.map((f) => [f, false] as const),
  ['a13.c1', false],
];

/** Each finding in order, with the note; the case's version after them. */
export async function recordFindings(
  ctx: AppContext,
  investigator: Actor,
  caseId: string,
  version: number,
  facts: Iterable<readonly [string, boolean]>,
  note: string | null = '调查笔录在卷',
): Promise<number> {
  let v = version;
  for (const [factId, value] of facts)
    v = (await recordFact(ctx, investigator, caseId, factId, { value, note }, v)).version;
  return v;
}

/**
 * 综合分析研判 (one finding for all six factors, or each its own), the submission for
 * decision and the legal review the regimes require, all on the clock's day.
 */
export async function assessAndSubmit(
  ctx: AppContext,
  people: { readonly investigator: Actor; readonly reviewer: Actor },
  caseId: string,
  version: number,
  assessment: {
    readonly findings: string | Readonly<Record<AssessmentFactor, string>>;
    readonly opinion: string;
  },
): Promise<number> {
  const { investigator, reviewer } = people;
  const { findings } = assessment;
  let v = version;
  for (const factor of ASSESSMENT_FACTORS) {
    const finding = typeof findings === 'string' ? findings : findings[factor];
    v = (await recordAssessment(ctx, investigator, caseId, factor, finding, v)).version;
  }
  v = (await fireTransition(ctx, investigator, caseId, { kind: 'submit_for_decision' }, v)).version;
  const reviewedOn = todayInChina(ctx.now());
  const review = { opinion: assessment.opinion, agrees: true, reviewedOn };
  return (await recordReview(ctx, reviewer, caseId, 'legal', review, v)).version;
}

/** The committee's decision at a meeting on the clock's day, following the engine. */
export async function recordDecision(
  ctx: AppContext,
  secretary: Actor,
  caseId: string,
  version: number,
  decision: {
    readonly members: readonly string[];
    readonly conclusion: OutcomeCode;
    readonly relatedUnitIds?: readonly string[];
  },
): Promise<number> {
  const action = {
    kind: 'record_decision',
    meetingDate: todayInChina(ctx.now()),
    members: [...decision.members],
    conclusion: decision.conclusion,
    relatedUnitIds: [...(decision.relatedUnitIds ?? [])],
    departureReason: null,
  } as const;
  return (await fireTransition(ctx, secretary, caseId, action, version)).version;
}

/** Every notification of the case served in person on the clock's day, to `deliveredTo`. */
export async function serveNotices(
  ctx: AppContext,
  secretary: Actor,
  caseId: string,
  version: number,
  deliveredTo: string,
): Promise<number> {
  let v = version;
  for (const n of (await caseRecords(ctx.db, caseId)).notifications) {
    const notice = {
      kind: 'send_notification',
      notificationId: n.id,
      method: 'in_person',
      deliveredOn: todayInChina(ctx.now()),
      deliveredTo,
    } as const;
    v = (await fireTransition(ctx, secretary, caseId, notice, v)).version;
  }
  return v;
}

/**
 * Days from the clock's day to the first day after the case's objection period (异议期), at
 * least `atLeast`. The period's last day moves past rest days, so a fixed count of days falls
 * inside it when a long holiday (劳动节, 国庆节, 春节) ends the period, and the close is refused:
 * the demo must work on whatever day it is seeded.
 */
export async function daysPastObjectionPeriod(
  ctx: AppContext,
  caseId: string,
  atLeast: number,
): Promise<number> {
  const due = (await findCase(ctx.db, caseId))?.objection_due ?? null;
  const today = todayInChina(ctx.now());
  let days = atLeast;
  while (due !== null && addDays(today, days) <= due) days++;
  return days;
}
