// The alike cases of a case in the API's shape: each with the ground both rest on and the
// facts both found, named in the policy's words, and the panel's note in words.

import type { SimilarCasesReading } from '../../app/typical-case/similar-cases.ts';
import { conclusionCitation } from '../../domain/case/conclusion-citation.ts';
import { factOf } from '../../domain/policy/compile-policy.ts';
import { outcomeLabel } from '../../domain/policy/policy-model.ts';
import type { SimilarCase, SimilarCases } from '../../contract/typical-case.schemas.ts';

function noteOf(r: SimilarCasesReading): string {
  switch (r.mode) {
    case 'similar':
      return '同案同判：以下典型案例和已决定案件与本案认定依据相同，或认定的事实大部分相同，供研究认定时参考。';
    case 'departure':
      return `本案认定结论（${outcomeLabel(r.conclusion ?? '')}）与系统认定意见（${outcomeLabel(
        r.determination.outcome ?? '',
      )}）不一致；以下类似案件的结论与系统认定意见相同。`;
    case 'none':
      return r.conclusion === null
        ? '本案未进入认定，不作类案比对。'
        : '本案认定结论与系统认定意见一致。';
  }
}

export function presentSimilarCases(r: SimilarCasesReading): SimilarCases {
  const { policy, determination } = r;
  const items = r.matches.map((m): SimilarCase => {
    const c = m.candidate;
    const sharedFacts = m.sharedFacts.flatMap((id) => {
      const f = factOf(policy, id);
      return f === undefined ? [] : [{ factId: id, citation: f.citation, text: f.text }];
    });
    const sharedGround =
      m.sharedGround === null
        ? null
        : {
            code: m.sharedGround,
            label: outcomeLabel(m.sharedGround),
            citation: conclusionCitation(policy, determination, m.sharedGround),
          };
    const percent = Math.round(m.similarity * 100);
    const reasons = [
      ...(sharedGround === null
        ? []
        : [
            `同一认定依据：${sharedGround.label}${
              sharedGround.citation === null ? '' : `（${sharedGround.citation}）`
            }`,
          ]),
      sharedFacts.length === 0
        ? '无相同的认定事实'
        : `相同事实 ${sharedFacts.length} 项（${sharedFacts.map((f) => f.citation).join('、')}），相似度 ${percent}%`,
    ];
    return {
      kind: c.typical ? 'typical' : 'decided',
      typicalCaseId: c.typicalCaseId,
      caseId: c.caseId,
      caseNumber: c.caseNumber,
      title: c.title,
      conclusion: c.conclusion,
      conclusionLabel: outcomeLabel(c.conclusion),
      decidedOn: c.decidedOn,
      sharedGround,
      sharedFacts,
      similarity: m.similarity,
      reasonText: reasons.join('；'),
    };
  });
  return {
    mode: r.mode,
    note: noteOf(r),
    engineOutcome: determination.outcome,
    engineOutcomeLabel: determination.outcome === null ? null : outcomeLabel(determination.outcome),
    conclusion: r.conclusion,
    conclusionLabel: r.conclusion === null ? null : outcomeLabel(r.conclusion),
    items,
  };
}
