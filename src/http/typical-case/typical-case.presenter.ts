// Typical cases in the API's shape: the published text with its heading, the facts found,
// the conclusion with its ground and citation, the classification and the conclusion in
// words, the policy version and the articles cited.

import type {
  CaseTypicalStatus as StatusReading,
  PolicyFilterChoices,
  TypicalCaseReading,
} from '../../app/typical-case/typical-case-reads.ts';
import { todayInChina } from '../../domain/calendar-date.ts';
import { isPublicationCircle } from '../../domain/case/publication-audience.ts';
import { taxonomyLabel } from '../../domain/case/classification.ts';
import { articleCitation } from '../../domain/policy/citation.ts';
import { outcomeLabel, type TaxonomyEntry } from '../../domain/policy/policy-model.ts';
import type {
  CaseTypicalStatus,
  TypicalCase,
  TypicalCaseFilters,
} from '../../contract/typical-case.schemas.ts';

function labelled(entries: readonly TaxonomyEntry[] | undefined, code: string | null) {
  if (code === null) return null;
  return { code, label: taxonomyLabel(entries ?? [], code) ?? code };
}

/** 不予追究行政执法责任（第十条第（三）项）. */
export function groundText(conclusion: string, citation: string | null): string {
  return citation === null
    ? outcomeLabel(conclusion)
    : `${outcomeLabel(conclusion)}（${citation}）`;
}

export function presentTypicalCase({ row, policy }: TypicalCaseReading): TypicalCase {
  const taxonomy = policy?.def.taxonomy;
  const heading = row.text.split('\n').find((line) => line.trim() !== '') ?? '';
  return {
    id: row.id,
    heading: heading.trim(),
    text: row.text,
    publicationId: row.publication_id,
    caseNumber: row.case_number,
    unit: { id: row.organ_unit_id, name: row.organ_name },
    scope: row.scope,
    circle: isPublicationCircle(row.circle) ? row.circle : 'organ',
    policy: {
      id: row.policy_id,
      version: row.policy_version,
      title: policy?.def.title ?? row.policy_id,
    },
    field: labelled(taxonomy?.fields, row.field),
    errorType: labelled(taxonomy?.errorTypes, row.error_type),
    conclusion: row.conclusion,
    conclusionLabel: outcomeLabel(row.conclusion),
    engineOutcome: row.engine_outcome,
    engineOutcomeLabel: row.engine_outcome === null ? null : outcomeLabel(row.engine_outcome),
    departed: row.engine_outcome !== null && row.engine_outcome !== row.conclusion,
    groundCitation: row.ground_citation,
    groundText: groundText(row.conclusion, row.ground_citation),
    findings: row.findings,
    articles: row.articles.map((n) => ({ number: n, label: articleCitation(n) })),
    decidedOn: row.decided_on,
    markedOn: row.marked_on,
    withdrawn:
      row.withdrawn_at === null
        ? null
        : { on: todayInChina(row.withdrawn_at), reason: row.withdrawal_reason ?? '' },
  };
}

export function presentStatus(s: StatusReading): CaseTypicalStatus {
  return {
    typicalCase: s.typicalCase === null ? null : presentTypicalCase(s.typicalCase),
    mayMark: s.mayMark,
    mayWithdraw: s.mayWithdraw,
  };
}

export function presentFilterChoices(choices: readonly PolicyFilterChoices[]): TypicalCaseFilters {
  const choice = (e: TaxonomyEntry) => ({ value: e.code, label: e.label });
  return {
    policies: choices.map((p) => ({
      id: p.id,
      title: p.title,
      fields: p.fields.map(choice),
      errorTypes: p.errorTypes.map(choice),
      outcomes: p.outcomes.map((o) => ({ value: o, label: outcomeLabel(o) })),
      articles: p.articles.map((a) => ({
        value: String(a.number),
        label: `${articleCitation(a.number)}（${a.topic}）`,
      })),
    })),
  };
}
