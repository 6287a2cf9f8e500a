// A case's classification (第十八条 in the emergency regime, 第十七条 in the education one):
// the field of enforcement (执法领域) and the error type (错误类型) it concerns, codes of
// the taxonomy of the case's own policy version. Warnings on recurring errors and the
// statistics count by them, so a code the version does not list is refused rather than
// kept as free text that no count would ever match.

import type { CaseRole } from '../account/roles.ts';
import type { Taxonomy, TaxonomyEntry } from '../policy/policy-model.ts';
import { CASE_STATE_LABELS, type CaseState } from '../vocabulary.ts';
import { mayActInRole, recusalRefusal } from './case-access.ts';
import { CHECK_OK, refusal, type CaseCheck, type CaseError } from './case-errors.ts';
import type { Actor, CaseView } from './case-view.ts';

export interface Classification {
  /** 执法领域: a code of `taxonomy.fields`; null or absent while unclassified. */
  readonly field?: string | null;
  /** 错误类型: a code of `taxonomy.errorTypes`; null or absent while unclassified. */
  readonly errorType?: string | null;
}

function listed(entries: readonly TaxonomyEntry[], code: string): boolean {
  return entries.some((e) => e.code === code);
}

/** Null when each code given is one of the version's; the first unknown one otherwise. */
export function checkClassification(taxonomy: Taxonomy, c: Classification): CaseError | null {
  if (c.field != null && !listed(taxonomy.fields, c.field)) {
    return {
      code: 'UNKNOWN_FIELD',
      message: `执法领域“${c.field}”不在本制度的执法领域分类中`,
    };
  }
  if (c.errorType != null && !listed(taxonomy.errorTypes, c.errorType)) {
    return {
      code: 'UNKNOWN_ERROR_TYPE',
      message: `错误类型“${c.errorType}”不在本制度的错误类型分类中`,
    };
  }
  return null;
}

/** Whether both parts are set: what the counts need of a decided case. */
export function isClassified(c: Classification): boolean {
  return c.field != null && c.errorType != null;
}

/** The Chinese label of a code, or the code itself for one a later version dropped. */
export function taxonomyLabel(
  entries: readonly TaxonomyEntry[],
  code: string | null,
): string | null {
  if (code === null) return null;
  return entries.find((e) => e.code === code)?.label ?? code;
}

/**
 * The states in which the classification may still change: before the decision. The
 * decided case is what the warnings and statistics count, as it was decided.
 */
export const CLASSIFY_STATES: readonly CaseState[] = [
  'submitted',
  'investigating',
  'assessing',
  'awaiting_decision',
];

/** Who classifies: those who prepare the case for the deciding body. */
export const CLASSIFIERS: readonly CaseRole[] = ['investigator', 'secretary'];

/** Whether the actor may set the case's field and error type now. */
export function checkClassify(caseView: CaseView, actor: Actor): CaseCheck {
  if (!CLASSIFIERS.some((role) => mayActInRole(caseView, actor, role, 'record'))) {
    const recused = recusalRefusal(caseView, actor, CLASSIFIERS);
    return recused
      ? { ok: false, error: recused }
      : refusal('FORBIDDEN', '只有负责本案的调查人员或案件秘书可以设置执法领域和错误类型');
  }
  if (!CLASSIFY_STATES.includes(caseView.state)) {
    return refusal(
      'INVALID_TRANSITION',
      `案件${CASE_STATE_LABELS[caseView.state]}，作出决定后不能再更改执法领域和错误类型`,
    );
  }
  return CHECK_OK;
}
