// The province of `rongcuo demo --scale` (scale-seed.ts): the twelve 盟市, each with its
// 应急管理局 and 教育局 under their regimes, their 科室, 旗县局 and 股, the staff of every
// bureau, and the officers spread over the units where enforcement happens.

import type { Role } from '../../domain/vocabulary.ts';
import {
  insertScaleOfficers,
  insertScaleStaff,
  type ScaleStaff,
} from '../../store/scale-seed.queries.ts';
import type { Tx } from '../../store/transaction.ts';
import { insertUnit } from '../../store/unit.repository.ts';
import { GIVEN_NAMES, LEAGUES, SURNAMES, SYSTEMS } from './scale-names.ts';

/** The generated accounts' names: the l-th 盟市, its s-th bureau, that bureau's c-th 旗县局. */
export const scaleUsername = {
  leagueSecretary: (l: number) => `scale_l${l}_secretary`,
  bureauStaff: (l: number, s: number) => `scale_l${l}_s${s}`,
  countySecretary: (bureauStaff: string, c: number) => `${bureauStaff}_c${c}_secretary`,
};

/** A bureau under a regime in one 盟市, and the prefix of its generated accounts. */
export interface BureauPlace {
  readonly id: string;
  readonly leagueId: string;
  readonly policyId: string;
  readonly prefix: string;
  readonly staffKey: string;
}

export interface Province {
  readonly bureaus: readonly BureauPlace[];
  /** Enforcement units (where officers work) and their bureau. */
  readonly enforcement: readonly { unitId: string; bureau: BureauPlace }[];
  readonly staff: readonly ScaleStaff[];
  /** Account ids by username, for the staff. */
  readonly ids: ReadonlyMap<string, string>;
  readonly units: number;
}

/** Inserts the units, the staff and `officers` officers, all with one password hash. */
export async function buildProvince(
  tx: Tx,
  officers: number,
  passwordHash: string,
): Promise<Province> {
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
    hire(scaleUsername.leagueSecretary(l + 1), leagueId, ['secretary']);
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
        staffKey: scaleUsername.bureauStaff(l + 1, s + 1),
      };
      bureaus.push(bureau);
      for (const role of ['investigator', 'secretary', 'reviewer', 'petitions'] as const)
        hire(`${bureau.staffKey}_${role}`, id, [role]);
      for (const section of system.bureauSections)
        enforcement.push({ unitId: await add(section, 'section', id, null, null), bureau });
      for (const [c, county] of league.counties.entries()) {
        const countyId = await add(`${county}${system.bureau}`, 'county_bureau', id, null, null);
        counties.push(countyId);
        hire(scaleUsername.countySecretary(bureau.staffKey, c + 1), countyId, ['secretary']);
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
}

/** The id of a generated staff account. */
export function staffIdIn(province: Province, username: string): string {
  const id = province.ids.get(username);
  if (!id) throw new Error(`scale: no account ${username}`);
  return id;
}
