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
import type { Role } from '../../domain/vocabulary.ts';
import {
  analyzeAfterLoad,
  firstOfficerIn,
  scaleSizes,
  type TemplatePeople,
} from '../../store/scale-seed.queries.ts';
import { inTransaction } from '../../store/transaction.ts';
import { hashPassword } from '../account/passwords.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { copyCases } from './scale-copies.ts';
import { SYSTEMS } from './scale-names.ts';
import {
  buildProvince,
  scaleUsername,
  staffIdIn,
  type BureauPlace,
  type Province,
} from './scale-province.ts';
import { seedTemplates, type Template } from './scale-templates.ts';

/** The password of every generated account; printed by the command, never for production. */
export const SCALE_PASSWORD = 'Scale@2026';

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

/** The accounts the report names, to try the lists with. */
export const SCALE_ACCOUNTS: ScaleAccounts = {
  leagueSecretary: scaleUsername.leagueSecretary(1),
  countySecretary: scaleUsername.countySecretary(scaleUsername.bureauStaff(1, 1), 1),
  officer: 'scale_o000001',
};

/** Builds the province and its cases on an empty database. */
export async function seedScale(ctx: AppContext, options: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const say = (line: string) =>
    options.progress?.(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const officers =
    options.officers ?? Math.min(40_000, Math.max(200, Math.round(options.cases / 25)));
  const passwordHash = await hashPassword(SCALE_PASSWORD);

  // 1. Units and staff.
  const built = await inTransaction(ctx.db, (tx) => buildProvince(tx, officers, passwordHash));
  say(`${built.units} units, ${built.staff.length} staff, ${officers} officers`);

  // 2. Templates: each regime's procedure run in the first 盟市's bureau of that regime.
  const templates: Template[] = [];
  const templatePeople = new Map<string, TemplatePeople>();
  for (const system of SYSTEMS) {
    const bureau = built.bureaus.find((b) => b.policyId === system.policyId)!;
    const crew = await crewOf(ctx, built, bureau);
    templates.push(...(await seedTemplates(ctx, system.policyId, crew)));
    templatePeople.set(system.policyId, {
      officer: crew.officer.id,
      unit: crew.officer.unitId,
      bureau: bureau.id,
      league: bureau.leagueId,
      investigator: crew.investigator.id,
      secretary: crew.secretary.id,
      reviewer: crew.reviewer.id,
    });
  }
  say(`${templates.length} templates taken through the procedure`);

  // 3. The copies, a batch per transaction.
  await copyCases(ctx, built, templates, templatePeople, options.cases, (done) => {
    const rate = done / ((Date.now() - started) / 1000);
    say(`${done} / ${options.cases} cases (${Math.round(rate)} cases/s overall)`);
  });

  // 4. The mark in the audit chain, and the planner's statistics.
  const now = ctx.now();
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
      now,
    ),
  );
  say('analyze');
  await analyzeAfterLoad(ctx.db);
  const sizes = await scaleSizes(ctx.db);
  return {
    units: built.units,
    officers,
    staff: built.staff.length,
    templates: templates.length,
    cases: options.cases + templates.length,
    seconds: (Date.now() - started) / 1000,
    databaseBytes: sizes.bytes,
    tables: sizes.tables,
    accounts: SCALE_ACCOUNTS,
  };
}

/** The people who take a bureau's templates through the procedure. */
async function crewOf(ctx: AppContext, province: Province, bureau: BureauPlace) {
  const o = await firstOfficerIn(
    ctx.db,
    province.enforcement.filter((e) => e.bureau === bureau).map((e) => e.unitId),
  );
  const staffOf = (role: 'investigator' | 'secretary' | 'reviewer') => {
    const username = `${bureau.staffKey}_${role}`;
    const s = province.staff.find((x) => x.username === username)!;
    return seedActor(staffIdIn(province, username), username, s.displayName, bureau.id, role);
  };
  return {
    officer: seedActor(o.id, o.username, o.display_name, o.unit_id, 'officer'),
    investigator: staffOf('investigator'),
    secretary: staffOf('secretary'),
    reviewer: staffOf('reviewer'),
  };
}

/** A generated account acting in the seed, as a signed-in user would. */
function seedActor(
  id: string,
  username: string,
  displayName: string,
  unitId: string,
  role: Role,
): Actor {
  return {
    id,
    username,
    displayName,
    unitId,
    roles: [role],
    sessionId: 'scale-seed',
    csrfToken: '',
    mustChangePassword: false,
  };
}
