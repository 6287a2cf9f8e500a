// `rongcuo demo --scale N` (`npm run seed:scale -- N`, issue 13): a province's data at the
// size the lists, the search and the statistics must stand: the twelve 盟市 of Inner
// Mongolia, each with its 应急管理局 and 教育局 under their regimes, 96 旗县局 and 240 科室/股
// (372 units); tens of thousands of officers (执法人员) and the staff of every bureau; and
// N cases over five years in every state of the procedure, older ones mostly finished.
//
// How. A few dozen templates go through the real procedure (scale-templates.ts); the N
// cases are copies of them made in SQL, a batch per transaction (scale-seed.queries.ts).
//
// What is not as in production, on purpose:
// - Audit: the templates' steps are audited as every step is; the copies are inserted
//   without audit events of their own (a million cases would be some fifteen million
//   events). One `demo_seeded` event says so, with the counts, so `rongcuo audit verify`
//   checks a chain that is whole and claims nothing about the copies.
// - Passwords: every generated account shares one hash of SCALE_PASSWORD, computed once
//   (argon2 per account would take hours); the accounts sign in with it, as the demo's do.
// - Dates: a copy's dates are the template's moved by a whole number of days, so its
//   periods keep their lengths, but a deadline moved onto a rest day is not moved off it.
//   A regime's cases go back five years or to the day it took effect, whichever is later
//   (the education regime: 2024-10-14).
// - Stage durations: the statistics' days-per-stage count transitions as they happen; the
//   copies are inserted in their final state, so only the templates' stints are counted.
// - 信访举报 and 澄清正名 are not generated; a decision's correction stays 待通知 (opened).

import { todayInChina } from '../../domain/calendar-date.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import type { Role } from '../../domain/vocabulary.ts';
import {
  analyzeAfterLoad,
  CASE_CHILD_TABLES,
  childColumns,
  copyStatement,
  firstOfficerIn,
  insertScaleBatch,
  insertScaleOfficers,
  insertScaleStaff,
  scaleSizes,
  type ScaleStaff,
  type ScaleUnitPlace,
  type TemplatePeople,
} from '../../store/scale-seed.queries.ts';
import { inTransaction } from '../../store/transaction.ts';
import { insertUnit } from '../../store/unit.repository.ts';
import { hashPassword } from '../account/passwords.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import {
  DETAILS,
  EVENTS,
  GIVEN_NAMES,
  LEAGUES,
  SUBJECTS,
  SURNAMES,
  SYSTEMS,
} from './scale-names.ts';
import { seedTemplates, type Template, type TemplateStop } from './scale-templates.ts';

/** The password of every generated account; printed by the command, never for production. */
export const SCALE_PASSWORD = 'Scale@2026';
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

export interface ScaleOptions {
  readonly cases: number;
  /** Default: one officer per 25 cases, between 200 and 40,000. */
  readonly officers?: number;
  /** Progress, one line at a time (the CLI writes it to stderr). */
  readonly progress?: (line: string) => void;
}

export interface ScaleAccounts {
  /** A 盟市's secretary: reads every case of the 盟市 (unit subtree). */
  readonly leagueSecretary: string;
  /** A 旗县局's secretary: reads the cases of one county bureau and its sections. */
  readonly countySecretary: string;
  /** A generated officer with cases of his own. */
  readonly officer: string;
}

export interface ScaleResult {
  readonly units: number;
  readonly officers: number;
  readonly staff: number;
  readonly templates: number;
  readonly cases: number;
  readonly seconds: number;
  readonly databaseBytes: number;
  readonly tables: readonly { name: string; rows: number }[];
  readonly accounts: ScaleAccounts;
}

interface BureauPlace {
  readonly id: string;
  readonly leagueId: string;
  readonly policyId: string;
  readonly prefix: string;
  readonly staffKey: string;
}

/** Builds the province and its cases on an empty database. */
export async function seedScale(ctx: AppContext, options: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const say = (line: string) =>
    options.progress?.(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const officers =
    options.officers ?? Math.min(40_000, Math.max(200, Math.round(options.cases / 25)));
  const passwordHash = await hashPassword(SCALE_PASSWORD);

  // 1. Units and staff.
  const built = await inTransaction(ctx.db, async (tx) => {
    const add = async (
      name: string,
      kind: string,
      parent: string | null,
      policy: string | null,
      prefix: string | null,
    ) => {
      const row = await insertUnit(tx, {
        name,
        kind,
        parent_id: parent,
        policy_id: policy,
        case_number_prefix: prefix,
      });
      if (!row) throw new Error(`scale: unit ${name} exists already`);
      return row.id;
    };
    const bureaus: BureauPlace[] = [];
    /** Enforcement units (where officers work) and their bureau. */
    const enforcement: { unitId: string; bureau: BureauPlace }[] = [];
    const staff: ScaleStaff[] = [];
    const person = (i: number) =>
      SURNAMES[i % SURNAMES.length]! + GIVEN_NAMES[(i * 7) % GIVEN_NAMES.length]!;
    const hire = (username: string, unitId: string, roles: Role[]) =>
      staff.push({ username, displayName: person(staff.length + 3), unitId, roles });
    const counties: string[] = [];
    for (const [l, league] of LEAGUES.entries()) {
      const leagueId = await add(league.name, 'league', null, null, null);
      hire(`scale_l${l + 1}_secretary`, leagueId, ['secretary']);
      for (const [s, system] of SYSTEMS.entries()) {
        const prefix = `${league.short}${system.prefix}`;
        const id = await add(
          `${league.name}${system.bureau}`,
          'bureau',
          leagueId,
          system.policyId,
          prefix,
        );
        const bureau = {
          id,
          leagueId,
          policyId: system.policyId,
          prefix,
          staffKey: `scale_l${l + 1}_s${s + 1}`,
        };
        bureaus.push(bureau);
        for (const role of ['investigator', 'secretary', 'reviewer', 'petitions'] as const)
          hire(`${bureau.staffKey}_${role}`, id, [role]);
        for (const section of system.bureauSections)
          enforcement.push({ unitId: await add(section, 'section', id, null, null), bureau });
        for (const [c, county] of league.counties.entries()) {
          const countyId = await add(`${county}${system.bureau}`, 'county_bureau', id, null, null);
          counties.push(countyId);
          hire(`${bureau.staffKey}_c${c + 1}_secretary`, countyId, ['secretary']);
          enforcement.push({ unitId: countyId, bureau });
          for (const section of system.countySections)
            enforcement.push({
              unitId: await add(section, 'section', countyId, null, null),
              bureau,
            });
        }
      }
    }
    const ids = await insertScaleStaff(tx, staff, passwordHash);
    await insertScaleOfficers(
      tx,
      officers,
      enforcement.map((e) => e.unitId),
      { surnames: SURNAMES, given: GIVEN_NAMES },
      passwordHash,
    );
    return {
      bureaus,
      enforcement,
      staff,
      ids,
      units: LEAGUES.length + bureaus.length + enforcement.length,
    };
  });
  say(`${built.units} units, ${built.staff.length} staff, ${officers} officers`);

  const staffId = (username: string) => {
    const id = built.ids.get(username);
    if (!id) throw new Error(`scale: no account ${username}`);
    return id;
  };
  const actor = (username: string, unitId: string, roles: Role[], name: string): Actor => ({
    id: staffId(username),
    username,
    displayName: name,
    unitId,
    roles,
    sessionId: 'scale-seed',
    csrfToken: '',
    mustChangePassword: false,
  });

  // 2. Templates: each regime's procedure run in the first 盟市's bureau of that regime.
  const templates: Template[] = [];
  const templatePeople = new Map<string, TemplatePeople>();
  for (const system of SYSTEMS) {
    const bureau = built.bureaus.find((b) => b.policyId === system.policyId)!;
    const o = await firstOfficerIn(
      ctx.db,
      built.enforcement.filter((e) => e.bureau === bureau).map((e) => e.unitId),
    );
    const officer: Actor = {
      id: o.id,
      username: o.username,
      displayName: o.display_name,
      unitId: o.unit_id,
      roles: ['officer'],
      sessionId: 'scale-seed',
      csrfToken: '',
      mustChangePassword: false,
    };
    const staffOf = (role: 'investigator' | 'secretary' | 'reviewer') => {
      const username = `${bureau.staffKey}_${role}`;
      const s = built.staff.find((x) => x.username === username)!;
      return actor(username, bureau.id, [role], s.displayName);
    };
    const crew = {
      officer,
      investigator: staffOf('investigator'),
      secretary: staffOf('secretary'),
      reviewer: staffOf('reviewer'),
    };
    templates.push(...(await seedTemplates(ctx, system.policyId, crew)));
    templatePeople.set(system.policyId, {
      officer: officer.id,
      unit: officer.unitId,
      bureau: bureau.id,
      league: bureau.leagueId,
      investigator: crew.investigator.id,
      secretary: crew.secretary.id,
      reviewer: crew.reviewer.id,
    });
  }
  say(`${templates.length} templates taken through the procedure`);

  // 3. The copies, a batch per transaction.
  const slots = SYSTEMS.flatMap((system) =>
    (['old', 'recent'] as const).flatMap((age) => weightedSlots(templates, system.policyId, age)),
  );
  const places: ScaleUnitPlace[] = built.enforcement.map((e) => ({
    unitId: e.unitId,
    bureauId: e.bureau.id,
    leagueId: e.bureau.leagueId,
    policyId: e.bureau.policyId,
    prefix: e.bureau.prefix,
    investigator: staffId(`${e.bureau.staffKey}_investigator`),
    secretary: staffId(`${e.bureau.staffKey}_secretary`),
    reviewer: staffId(`${e.bureau.staffKey}_reviewer`),
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
  for (let lo = 1; lo <= options.cases; lo += BATCH) {
    const hi = Math.min(options.cases + 1, lo + BATCH);
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
    const done = hi - 1;
    const rate = done / ((Date.now() - started) / 1000);
    say(`${done} / ${options.cases} cases (${Math.round(rate)} cases/s overall)`);
  }

  // 4. The mark in the audit chain, and the planner's statistics.
  await inTransaction(ctx.db, (tx) =>
    appendAudit(
      tx,
      {
        actorId: null,
        action: 'demo_seeded',
        entityType: 'system',
        entityId: 'scale',
        data: {
          scale: true,
          units: built.units,
          officers,
          staff: built.staff.length,
          templates: templates.length,
          generatedCases: options.cases,
          note: '规模测试数据：模板案件逐步审计；批量生成的案件未逐件写入审计事件 / generated cases carry no audit events of their own',
          on: todayInChina(now),
        },
      },
      ctx.now(),
    ),
  );
  say('analyze');
  await analyzeAfterLoad(ctx.db);
  const sizes = await scaleSizes(ctx.db);
  const l1 = built.bureaus[0]!;
  return {
    units: built.units,
    officers,
    staff: built.staff.length,
    templates: templates.length,
    cases: options.cases + templates.length,
    seconds: (Date.now() - started) / 1000,
    databaseBytes: sizes.bytes,
    tables: sizes.tables,
    accounts: {
      leagueSecretary: 'scale_l1_secretary',
      countySecretary: `${l1.staffKey}_c1_secretary`,
      officer: 'scale_o000001',
    },
  };
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
