// The interview's status in one sentence, for the screen reader's live region: what was
// just saved, the provisional result, and what is still missing (or that nothing is).
// Rebuilt from the case after every answer, so it never lags behind the page.

import type { CaseDetail } from '../../../../src/contract/case.schemas.ts';
import type { PolicyDetail } from '../../../../src/contract/policy.schemas.ts';
import { resultLine } from './provisional-result.tsx';

export interface SavedAnswer {
  readonly label: string;
  readonly answer: string;
}

export function interviewStatus(
  detail: CaseDetail,
  policy: PolicyDetail,
  saved: SavedAnswer | null,
): string {
  const labels = new Map(policy.facts.map((f) => [f.id, f.label]));
  const e = detail.evaluation;
  const parts: string[] = [];
  if (saved) parts.push(`已保存${saved.label}：${saved.answer}。`);
  parts.push(`${resultLine(e)}。`);
  if (e.missing.length === 0) {
    parts.push('可能影响认定结果的事实均已查明，无需再回答。');
  } else {
    parts.push(`尚有 ${e.missing.length} 项事实可能影响认定结果。`);
    const next = e.nextQuestion;
    if (next) parts.push(`建议下一问题：${labels.get(next.fact) ?? next.label}。`);
  }
  return parts.join('');
}
