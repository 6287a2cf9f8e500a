// The templates of the scale generator (issue 13): for each regime, one case stopped in
// every state of the procedure, and for the decided states one per conclusion, each taken
// there by the same use cases a user fires (受理, 调查核实, 研判, 法制审核, 研究决定, 送达告知,
// 公开, 异议, 办结; 不予受理 and 撤回 on applications), under a clock set to the day of each
// step. The generator copies them by the hundred thousand (src/store/scale-seed.queries.ts),
// so every generated case is in a state the state machine reached, with the rows it wrote.

import { addDays, todayInChina } from '../../domain/calendar-date.ts';
import { determine, isDeterminationError } from '../../domain/determination/determine.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import type { CaseState } from '../../domain/vocabulary.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { fireTransition } from '../case/fire-transition.ts';
import { openCase } from '../case/open-case.ts';
import {
  assessAndSubmit,
  daysPastObjectionPeriod,
  recordDecision,
  recordFindings,
  serveNotices,
} from './demo-procedure.ts';

const DAY = 86_400_000;

/** Where a template stops; two ways to 办结: after publication, and without it. */
export type TemplateStop =
  Exclude<CaseState, 'closed'> | 'closed_after_publication' | 'closed_unpublished';

export const TEMPLATE_STOPS: readonly TemplateStop[] = [
  'submitted',
  'refused',
  'withdrawn',
  'investigating',
  'assessing',
  'awaiting_decision',
  'decided',
  'notified',
  'published',
  'objection_review',
  'closed_after_publication',
  'closed_unpublished',
];

/** The stops from the decision on: one template per conclusion there. */
const DECIDED_STOPS: ReadonlySet<TemplateStop> = new Set(
  TEMPLATE_STOPS.slice(TEMPLATE_STOPS.indexOf('decided')),
);

/**
 * The facts that lead to each conclusion, per regime; what the engine still asks after
 * them is recorded as not so. From the regimes' golden cases (policies/<id>/cases.yaml).
 */
export const TEMPLATE_FACT_SETS: Readonly<Record<string, readonly Record<string, boolean>[]>> = {
  'xilingol-emergency-2024': [
    { 'a9.2': true, 'a13.c1': false },
    { 'a10.1': true, 'a13.c1': false },
    { 'a4.c1': true, 'a4.c2': true, 'a4.c3': true, 'a13.c1': false },
    { 'a11.2': true, 'a13.c1': false },
    { 'a13.c1': true, 'a13.c2': true },
  ],
  'xilingol-education-2024': [
    { 'a9.1': true, 'a12.c1': false, 'a12.c2': false },
    { 'a10.1': true },
    { 'a4.c1': true, 'a4.c2': true, 'a4.c3': true },
    { 'a10.2': true, 'a10.c1': true, 'a10.c2': true, 'a10.c3': true },
    { 'a12.c1': true, 'a12.c2': true },
  ],
};

export interface TemplateCrew {
  readonly officer: Actor;
  readonly investigator: Actor;
  readonly secretary: Actor;
  readonly reviewer: Actor;
}

export interface Template {
  readonly caseId: string;
  readonly policyId: string;
  readonly stop: TemplateStop;
  /** The committee's conclusion, for the decided stops. */
  readonly conclusion: string | null;
}

/** Each fact the engine still asks for, recorded as not so, until the outcome is settled. */
function settled(ctx: AppContext, policy: string, facts: Record<string, boolean>, asOf: string) {
  const all: Record<string, boolean> = { ...facts };
  for (let round = 0; round < 100; round++) {
    const result = determine(ctx.registry, { policy, facts: all, asOf }, { today: asOf });
    if (isDeterminationError(result)) throw new Error(`scale template: ${result.error.message}`);
    if (result.missing.length === 0) return { facts: all, outcome: result.outcome };
    for (const f of result.missing) all[f] = false;
  }
  throw new Error('scale template: the facts do not settle');
}

/** Every template of one regime, its crew acting in the officer's unit. */
export async function seedTemplates(
  ctx: AppContext,
  policyId: string,
  crew: TemplateCrew,
): Promise<Template[]> {
  const templates: Template[] = [];
  const sets = TEMPLATE_FACT_SETS[policyId];
  if (!sets) throw new Error(`scale template: no fact sets for ${policyId}`);
  for (const stop of TEMPLATE_STOPS) {
    const variants = DECIDED_STOPS.has(stop) ? sets : [sets[0]!];
    for (const [i, facts] of variants.entries()) {
      const made = await seedTemplate(ctx, policyId, crew, stop, facts, templates.length + i);
      templates.push(made);
    }
  }
  return templates;
}

async function seedTemplate(
  ctx: AppContext,
  policyId: string,
  crew: TemplateCrew,
  stop: TemplateStop,
  given: Record<string, boolean>,
  n: number,
): Promise<Template> {
  const { officer, investigator, secretary, reviewer } = crew;
  const policy = versionOf(ctx.registry, policyId)!;
  const taxonomy = policy.def.taxonomy;
  const field = taxonomy.fields[n % taxonomy.fields.length]!;
  const errorType = taxonomy.errorTypes[n % taxonomy.errorTypes.length]!;
  // Its own clock, from some 150 days back: every step dated on its day, closing included.
  let at = ctx.now().getTime() - (150 - (n % 20)) * DAY;
  const on: AppContext = { ...ctx, now: () => new Date(at) };
  const later = (days: number) => {
    at += days * DAY;
  };
  const today = () => todayInChina(new Date(at));
  const done = (caseId: string, conclusion: string | null = null): Template => ({
    caseId,
    policyId,
    stop,
    conclusion,
  });
  const opening = {
    unitId: officer.unitId,
    title: `${field.label}执法中${errorType.label}（模板）`,
    conduct: `执法人员在${field.label}领域执法中出现“${errorType.label}”问题。`,
    conductDate: addDays(today(), -20),
    enforcementAction: 'inspection',
    field: field.code,
    errorType: errorType.code,
  } as const;

  if (stop === 'submitted' || stop === 'refused' || stop === 'withdrawn') {
    const applied = await openCase(on, officer, { origin: 'application', ...opening });
    if (stop === 'submitted') return done(applied.id);
    later(3);
    const action =
      stop === 'refused'
        ? ({ kind: 'refuse', reason: '不属于容错免责申请受理范围。' } as const)
        : ({ kind: 'withdraw', reason: '本人撤回申请。' } as const);
    const actor = stop === 'refused' ? investigator : officer;
    await fireTransition(on, actor, applied.id, action, applied.version);
    return done(applied.id);
  }

  const opened = await openCase(on, investigator, {
    origin: 'initiation',
    officerId: officer.id,
    ...opening,
  });
  later(15);
  const { facts, outcome } = settled(ctx, policyId, given, today());
  const found = Object.entries(facts);
  if (stop === 'investigating') {
    // Part of the findings recorded: the investigation goes on.
    await recordFindings(on, investigator, opened.id, opened.version, found.slice(0, 2));
    return done(opened.id);
  }
  let v = await recordFindings(on, investigator, opened.id, opened.version, found);
  v = (await fireTransition(on, investigator, opened.id, { kind: 'complete_investigation' }, v))
    .version;
  if (stop === 'assessing') return done(opened.id);
  later(7);
  v = await assessAndSubmit(on, { investigator, reviewer }, opened.id, v, {
    findings: '经核实，情况清楚。',
    opinion: '事实清楚，程序合法，同意系统认定意见。',
  });
  if (stop === 'awaiting_decision') return done(opened.id);
  if (outcome === null) throw new Error('scale template: no outcome');
  later(10);
  v = await recordDecision(on, secretary, opened.id, v, {
    members: ['党委书记', '局长', '纪检组长'],
    conclusion: outcome,
  });
  if (stop === 'decided') return done(opened.id, outcome);
  later(3);
  v = await serveNotices(on, secretary, opened.id, v, officer.displayName);
  if (stop === 'notified') return done(opened.id, outcome);
  if (stop === 'closed_unpublished') {
    later(await daysPastObjectionPeriod(on, opened.id, 25));
    await fireTransition(
      on,
      secretary,
      opened.id,
      { kind: 'close', reason: '当事人未提出异议，不涉及公共利益，不予公开。' },
      v,
    );
    return done(opened.id, outcome);
  }
  later(2);
  const scope = policy.def.procedure.publication.scopes[0]!;
  v = (await fireTransition(on, secretary, opened.id, { kind: 'publish', scope }, v)).version;
  if (stop === 'published') return done(opened.id, outcome);
  if (stop === 'objection_review') {
    later(1);
    const objection = { kind: 'raise_objection', reason: '对认定结论有异议，申请复核。' } as const;
    await fireTransition(on, officer, opened.id, objection, v);
    return done(opened.id, outcome);
  }
  later(await daysPastObjectionPeriod(on, opened.id, 25));
  await fireTransition(on, secretary, opened.id, { kind: 'close' }, v);
  return done(opened.id, outcome);
}
