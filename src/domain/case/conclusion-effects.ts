// 第十五条 and 第十六条 (numbered per policy): what a committee's conclusion does to the
// officer's record and to the unit's work. A tolerated case is no enforcement error;
// the conclusions the policy lists open a correction (纠错). A review that changes the
// conclusion applies both again, to the new conclusion.

import type { OutcomeCode, ProcedureParams } from '../policy/policy-model.ts';
import type { CaseChange } from './case-effects.ts';

/** 第十五条: an enforcement error record is created unless the conclusion is one of the grounds listed. */
export function needsEnforcementErrorRecord(
  procedure: ProcedureParams,
  conclusion: OutcomeCode,
): boolean {
  return !(procedure.notEnforcementError.grounds as readonly OutcomeCode[]).includes(conclusion);
}

/** 第十六条: a correction opens for the conclusions listed. */
export function opensCorrection(procedure: ProcedureParams, conclusion: OutcomeCode): boolean {
  return (procedure.correction.opensOn as readonly OutcomeCode[]).includes(conclusion);
}

/** The records to create or revoke when the conclusion goes from `before` (null: none yet) to `after`. */
export function conclusionChanges(
  procedure: ProcedureParams,
  officerId: string,
  before: OutcomeCode | null,
  after: OutcomeCode,
): CaseChange[] {
  const changes: CaseChange[] = [];
  const errorArticle = procedure.notEnforcementError.article;
  const hadError = before !== null && needsEnforcementErrorRecord(procedure, before);
  const hasError = needsEnforcementErrorRecord(procedure, after);
  if (hasError && !hadError) {
    changes.push({ kind: 'create_enforcement_error_record', officerId, article: errorArticle });
  } else if (hadError && !hasError) {
    changes.push({ kind: 'revoke_enforcement_error_record', officerId, article: errorArticle });
  }
  const correctionArticle = procedure.correction.article;
  const hadCorrection = before !== null && opensCorrection(procedure, before);
  const hasCorrection = opensCorrection(procedure, after);
  if (hasCorrection && !hadCorrection) {
    changes.push({ kind: 'open_correction', article: correctionArticle });
  } else if (hadCorrection && !hasCorrection) {
    changes.push({ kind: 'cancel_correction', article: correctionArticle });
  }
  return changes;
}
