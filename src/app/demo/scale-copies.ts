// The N cases of `rongcuo demo --scale` (scale-seed.ts): copies of the templates made in
// SQL (scale-seed.queries.ts), a batch per transaction, spread over the province's units,
// five years and every state of the procedure by WEIGHTS.

import { versionOf } from '../../domain/policy/policy-registry.ts';
import {
  CASE_CHILD_TABLES,
  childColumns,
  copyStatement,
  insertScaleBatch,
  type ScaleUnitPlace,
  type TemplatePeople,
} from '../../store/scale-seed.queries.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { AppContext } from '../app-context.ts';
import { DETAILS, EVENTS, LEAGUES, SUBJECTS, SYSTEMS } from './scale-names.ts';
import { staffIdIn, type Province } from './scale-province.ts';
import type { Template, TemplateStop } from './scale-templates.ts';

/** Cases per transaction. */
const BATCH = 20_000;
/** The cases go back this far. */
const SPAN_DAYS = 5 * 365;

/** How many of 100 cases are in each state, for cases older than a year and newer. */
const WEIGHTS: Readonly<Record<'old' | 'recent', Readonly<Record<TemplateStop, number>>>> = {
  old: {
    submitted: 0,
    refused: 6,
    withdrawn: 5,
    investigating: 1,
    assessing: 1,
    awaiting_decision: 1,
    decided: 1,
    notified: 2,
    published: 4,
    objection_review: 1,
    closed_after_publication: 40,
    closed_unpublished: 38,
  },
  recent: {
    submitted: 4,
    refused: 5,
    withdrawn: 4,
    investigating: 10,
    assessing: 8,
    awaiting_decision: 7,
    decided: 6,
    notified: 8,
    published: 8,
    objection_review: 2,
    closed_after_publication: 20,
    closed_unpublished: 18,
  },
};

/** Copies the templates into `count` cases; `progress` gets a line per batch. */
export async function copyCases(
  ctx: AppContext,
  province: Province,
  templates: readonly Template[],
  templatePeople: ReadonlyMap<string, TemplatePeople>,
  count: number,
  progress: (done: number) => void,
): Promise<void> {
  const slots = SYSTEMS.flatMap((system) =>
    (['old', 'recent'] as const).flatMap((age) => weightedSlots(templates, system.policyId, age)),
  );
  const places: ScaleUnitPlace[] = province.enforcement.map((e) => ({
    unitId: e.unitId,
    bureauId: e.bureau.id,
    leagueId: e.bureau.leagueId,
    policyId: e.bureau.policyId,
    prefix: e.bureau.prefix,
    investigator: staffIdIn(province, `${e.bureau.staffKey}_investigator`),
    secretary: staffIdIn(province, `${e.bureau.staffKey}_secretary`),
    reviewer: staffIdIn(province, `${e.bureau.staffKey}_reviewer`),
  }));
  const taxonomy = new Map(
    SYSTEMS.map((s) => {
      const t = versionOf(ctx.registry, s.policyId)!.def.taxonomy;
      return [
        s.policyId,
        { fields: t.fields.map((f) => f.code), errorTypes: t.errorTypes.map((e) => e.code) },
      ];
    }),
  );
  // A regime's cases begin once it is in force: a case is opened under the version in
  // force on its conduct day, and its conduct is some three weeks before it is opened.
  const spans = new Map(
    SYSTEMS.map((s) => {
      const from = versionOf(ctx.registry, s.policyId, 1)?.effectiveFrom ?? null;
      const since =
        from === null
          ? SPAN_DAYS
          : Math.floor((ctx.now().getTime() - Date.parse(`${from}T00:00:00+08:00`)) / 86_400_000) -
            30;
      return [s.policyId, Math.max(1, Math.min(SPAN_DAYS, since))];
    }),
  );
  const columns = await childColumns(ctx.db);
  const people = [...templatePeople.values()];
  const copies = CASE_CHILD_TABLES.map((table) => copyStatement(table, columns, people));
  const now = ctx.now();
  for (let lo = 1; lo <= count; lo += BATCH) {
    const hi = Math.min(count + 1, lo + BATCH);
    await inTransaction(ctx.db, (tx) =>
      insertScaleBatch(
        tx,
        {
          lo,
          hi,
          slots,
          places,
          templatePeople,
          taxonomy,
          texts: { places: placeNames(), subjects: SUBJECTS, events: EVENTS, details: DETAILS },
          now,
          spanDays: spans,
        },
        copies,
      ),
    );
    progress(hi - 1);
  }
}

/** The place names titles start with: every 盟市 and 旗县. */
function placeNames(): string[] {
  return LEAGUES.flatMap((l) => [l.name, ...l.counties]);
}

/** 100 slots of one regime and age: each stop's weight spread over its templates. */
function weightedSlots(templates: readonly Template[], policyId: string, age: 'old' | 'recent') {
  const own = templates.filter((t) => t.policyId === policyId);
  const ids: string[] = [];
  for (const [stop, weight] of Object.entries(WEIGHTS[age])) {
    const of = own.filter((t) => t.stop === stop);
    if (of.length === 0) throw new Error(`scale: no template for ${policyId} ${stop}`);
    for (let i = 0; i < weight; i++) ids.push(of[i % of.length]!.caseId);
  }
  if (ids.length !== 100) throw new Error(`scale: weights of ${age} sum to ${ids.length}`);
  return ids.map((templateId, slot) => ({ policyId, recent: age === 'recent', slot, templateId }));
}
