import { describe, expect, it } from 'vitest';
import { publicationPreview, redactName } from './publication.ts';

describe('redactName', () => {
  it('keeps the first character of a name and hides the rest', () => {
    expect(redactName('王强')).toBe('王*');
    expect(redactName('欧阳明远')).toBe('欧*');
    expect(redactName('王')).toBe('王*');
    expect(redactName('')).toBe('');
    expect(redactName(' 王强')).toBe('王*');
    expect(redactName('  ')).toBe('');
  });

  it('keeps a character outside the basic plane whole', () => {
    expect(redactName('𠮷野')).toBe('𠮷*');
  });
});

describe('publicationPreview', () => {
  const input = {
    number: '锡应急容〔2030〕1号',
    title: '某企业安全检查未发现隐患',
    conduct: '按检查计划开展现场检查',
    conclusion: '容错',
  };

  it("shows the case as it is, with the officer's name redacted", () => {
    expect(publicationPreview({ ...input, officerName: '王强' })).toEqual({
      number: '锡应急容〔2030〕1号',
      title: '某企业安全检查未发现隐患',
      officer: '王*',
      conduct: '按检查计划开展现场检查',
      conclusion: '容错',
    });
  });

  it('says the name is withheld when there is none', () => {
    expect(publicationPreview({ ...input, officerName: null }).officer).toBe('（姓名隐去）');
    expect(publicationPreview({ ...input, officerName: '' }).officer).toBe('（姓名隐去）');
    expect(publicationPreview({ ...input, officerName: ' ' }).officer).toBe('（姓名隐去）');
  });
});
