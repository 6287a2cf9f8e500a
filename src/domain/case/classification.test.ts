import { describe, expect, it } from 'vitest';
import type { Taxonomy } from '../policy/policy-model.ts';
import { checkClassification, isClassified, taxonomyLabel } from './classification.ts';

const taxonomy: Taxonomy = {
  article: 18,
  fields: [{ code: 'fireworks', label: '烟花爆竹' }],
  errorTypes: [{ code: 'inspection_gap', label: '检查不到位' }],
};

describe('a case classification', () => {
  it('accepts codes of the version, and none at all', () => {
    expect(checkClassification(taxonomy, { field: 'fireworks', errorType: 'inspection_gap' })).toBe(
      null,
    );
    expect(checkClassification(taxonomy, {})).toBe(null);
    expect(checkClassification(taxonomy, { field: null, errorType: null })).toBe(null);
  });

  it('refuses a field or an error type the version does not list', () => {
    expect(checkClassification(taxonomy, { field: 'mines' })?.code).toBe('UNKNOWN_FIELD');
    expect(checkClassification(taxonomy, { errorType: 'fireworks' })?.code).toBe(
      'UNKNOWN_ERROR_TYPE',
    );
  });

  it('is complete only with both parts', () => {
    expect(isClassified({ field: 'fireworks' })).toBe(false);
    expect(isClassified({ field: 'fireworks', errorType: 'inspection_gap' })).toBe(true);
  });

  it('labels a code, and keeps a code no longer listed', () => {
    expect(taxonomyLabel(taxonomy.fields, 'fireworks')).toBe('烟花爆竹');
    expect(taxonomyLabel(taxonomy.fields, 'dropped')).toBe('dropped');
    expect(taxonomyLabel(taxonomy.fields, null)).toBe(null);
  });
});
