// A case's classification as the case page shows and offers it: each code with its label in
// the case's own policy version, and that version's choices for the reader who may change it.

import type { CaseReading } from '../../app/case/case-detail.ts';
import type { CaseClassification } from '../../contract/classification.schemas.ts';
import { taxonomyLabel } from '../../domain/case/classification.ts';
import type { TaxonomyEntry } from '../../domain/policy/policy-model.ts';

function coded(entries: readonly TaxonomyEntry[], code: string | null) {
  return code === null ? null : { code, label: taxonomyLabel(entries, code) ?? code };
}

const choices = (entries: readonly TaxonomyEntry[]) =>
  entries.map((e) => ({ value: e.code, label: e.label }));

export function presentClassification(reading: CaseReading): CaseClassification {
  const { row, policy } = reading.snapshot;
  const { fields, errorTypes } = policy.def.taxonomy;
  return {
    field: coded(fields, row.field),
    errorType: coded(errorTypes, row.error_type),
    mayClassify: reading.mayClassify,
    fields: reading.mayClassify ? choices(fields) : [],
    errorTypes: reading.mayClassify ? choices(errorTypes) : [],
  };
}
