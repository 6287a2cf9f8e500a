// Case numbers as offices write them (文号): 锡盟应急容〔2026〕5号, the prefix, the year in
// 六角括号 and the number without leading zeros. Each prefix and year is one series
// without gaps. A unit numbers its cases in the series of its nearest unit (itself or an
// ancestor) with a prefix, set by the system administrator. A unit with none in its
// lineage is not refused a case: its organ (本单位) numbers them under a default prefix,
// the organ's name followed by 容 (README, 案号), and the administrator is shown that it
// is unset. Cases opened before migration 0007 keep their numbers, RC-2026-000005.

import { organOf, type LineageUnit } from '../account/unit-scope.ts';

/** What the prefix may hold: no whitespace, no 六角括号 (they frame the year), 1 to 16 characters. */
export const CASE_NUMBER_PREFIX_PATTERN = /^[^\s〔〕]{1,16}$/u;

/** The default prefix's suffix after the organ's name: 容 for 容错纠错. */
export const DEFAULT_PREFIX_SUFFIX = '容';

export function formatCaseNumber(prefix: string, year: number, n: number): string {
  return `${prefix}〔${year}〕${n}号`;
}

/** A number in the office form, or one given before 0007. */
const OFFICE_FORM = /^[^\s〔〕]{1,16}〔\d{4}〕[1-9]\d*号$/u;
const OLD_FORM = /^RC-\d{4}-\d{6,}$/;

/** Whether the text reads as a case number, in either form (a uuid does not). */
export function isCaseNumber(text: string): boolean {
  return OFFICE_FORM.test(text) || OLD_FORM.test(text);
}

/** Why a prefix cannot be set, in words; null when it can. */
export function prefixProblem(prefix: string): string | null {
  return CASE_NUMBER_PREFIX_PATTERN.test(prefix)
    ? null
    : '案号前缀须为 1 至 16 个字符，不含空格和六角括号〔〕';
}

/** A unit of a lineage with what numbering reads. */
export interface NumberingUnit extends LineageUnit {
  readonly name: string;
  readonly caseNumberPrefix: string | null;
}

/** The series a unit's cases are numbered in: the prefix, and whether it is the default. */
export interface NumberSeries {
  readonly prefix: string;
  /** The unit that holds the prefix (or, for a default, the organ named in it). */
  readonly holderId: string;
  readonly isDefault: boolean;
}

/** The series of a unit's cases, from its lineage (the unit first, up to the root). */
export function numberSeries(lineage: readonly NumberingUnit[]): NumberSeries {
  const holder = lineage.find((u) => u.caseNumberPrefix !== null);
  if (holder?.caseNumberPrefix) {
    return { prefix: holder.caseNumberPrefix, holderId: holder.id, isDefault: false };
  }
  const organId = organOf(lineage);
  const organ = lineage.find((u) => u.id === organId)!;
  return {
    prefix: defaultPrefix(organ.name),
    holderId: organ.id,
    isDefault: true,
  };
}

/** The default prefix of an organ: its name and 容, whitespace and brackets dropped, as long as allowed. */
export function defaultPrefix(organName: string): string {
  const name = organName.replace(/[\s〔〕]/gu, '');
  const room = 16 - DEFAULT_PREFIX_SUFFIX.length;
  return `${[...name].slice(0, room).join('')}${DEFAULT_PREFIX_SUFFIX}`;
}
