// Who reads the statistics: whoever reads the cases of a unit's subtree (investigators,
// secretaries, reviewers), for that subtree. An officer reads their own cases, not their
// unit's figures; the three administrators (三员分立) read no case and so no figure about
// cases: the audit administrator audits the system's operations, not the cases' merits.

import { readScopeOf } from '../case/case-access.ts';
import type { Role } from '../vocabulary.ts';

export function mayReadStatistics(roles: readonly Role[]): boolean {
  return readScopeOf(roles).unitSubtree;
}
