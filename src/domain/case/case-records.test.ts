import { describe, expect, it } from 'vitest';
import {
  allowedRecords,
  recordRefusals,
  checkAttachEvidence,
  checkRecordAssessment,
  checkRecordFact,
} from './case-records.ts';
import { EVIDENCE_MAX_BYTES, normalizeContentType } from './evidence.ts';
import type { CaseCheck } from './case-errors.ts';
import { ACTORS, caseIn } from './test-fixtures.ts';
import { CASE_STATES } from '../vocabulary.ts';

function code(check: CaseCheck): string | null {
  return check.ok ? null : check.error.code;
}

const PDF = { contentType: 'application/pdf', size: 1024 };

describe('facts and evidence: only while investigating, only by an investigator of the unit', () => {
  it.each(CASE_STATES)('in %s', (state) => {
    const c = caseIn(state);
    const want = state === 'investigating' ? null : 'INVALID_TRANSITION';
    expect(code(checkRecordFact(c, ACTORS.investigator))).toBe(want);
    expect(code(checkAttachEvidence(c, ACTORS.investigator, PDF))).toBe(want);
  });

  it.each(Object.entries(ACTORS).filter(([name]) => name !== 'investigator'))(
    'not by %s',
    (_name, actor) => {
      const c = caseIn('investigating');
      expect(code(checkRecordFact(c, actor))).toBe('FORBIDDEN');
      expect(code(checkAttachEvidence(c, actor, PDF))).toBe('FORBIDDEN');
      expect(
        code(
          checkRecordAssessment(caseIn('assessing'), actor, {
            factor: 'intent',
            finding: '无故意',
          }),
        ),
      ).toBe('FORBIDDEN');
    },
  );
});

describe('assessment: only while assessing, one of the six factors, with a finding', () => {
  it.each(CASE_STATES)('in %s', (state) => {
    const check = checkRecordAssessment(caseIn(state), ACTORS.investigator, {
      factor: 'remedy',
      finding: '已全部挽回',
    });
    expect(code(check)).toBe(state === 'assessing' ? null : 'INVALID_TRANSITION');
  });

  it('refuses an unknown factor and a blank finding', () => {
    const c = caseIn('assessing');
    expect(
      code(checkRecordAssessment(c, ACTORS.investigator, { factor: 'luck', finding: 'x' })),
    ).toBe('INVALID_INPUT');
    expect(
      checkRecordAssessment(c, ACTORS.investigator, { factor: 'severity', finding: ' \n' }),
    ).toEqual({
      ok: false,
      error: { code: 'FINDING_REQUIRED', message: '请填写“性质程度”的分析意见' },
    });
  });
});

describe('evidence files', () => {
  const c = caseIn('investigating');
  const attach = (contentType: string, size = 1024) =>
    code(checkAttachEvidence(c, ACTORS.investigator, { contentType, size }));

  it('accepts PDF, JPEG, PNG, DOCX, OFD and text, whatever the case and parameters', () => {
    for (const type of [
      'application/pdf',
      'image/jpeg',
      'IMAGE/PNG',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/ofd',
      'text/plain; charset=utf-8',
    ]) {
      expect(attach(type), type).toBe(null);
    }
    expect(normalizeContentType(' Text/Plain ; charset=GBK')).toBe('text/plain');
  });

  it('refuses other types: EVIDENCE_TYPE_NOT_ALLOWED', () => {
    for (const type of [
      'application/msword',
      'video/mp4',
      'application/zip',
      'text/html',
      '',
      'toString',
    ]) {
      expect(attach(type), type).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    }
  });

  it('takes up to 20 MiB: EVIDENCE_TOO_LARGE beyond', () => {
    expect(EVIDENCE_MAX_BYTES).toBe(20 * 1024 * 1024);
    expect(attach('image/png', EVIDENCE_MAX_BYTES)).toBe(null);
    expect(attach('image/png', EVIDENCE_MAX_BYTES + 1)).toBe('EVIDENCE_TOO_LARGE');
    expect(attach('image/png', -1)).toBe('INVALID_INPUT');
    expect(attach('image/png', 1.5)).toBe('INVALID_INPUT');
  });
});

describe('allowedRecords', () => {
  it('tells the interface what the actor may record now', () => {
    expect(allowedRecords(caseIn('investigating'), ACTORS.investigator)).toEqual([
      'fact',
      'evidence',
    ]);
    expect(allowedRecords(caseIn('assessing'), ACTORS.investigator)).toEqual(['assessment']);
    expect(allowedRecords(caseIn('assessing'), ACTORS.outsideInvestigator)).toEqual([]);
    expect(allowedRecords(caseIn('investigating'), ACTORS.officer)).toEqual([]);
  });
});

describe('recordRefusals', () => {
  it('says why each other kind of record may not be written, who before when', () => {
    expect(recordRefusals(caseIn('investigating'), ACTORS.investigator)).toEqual({
      assessment: '案件调查核实中，只有在综合分析研判中时才能记录综合分析研判',
    });
    expect(recordRefusals(caseIn('investigating'), ACTORS.officer)).toEqual({
      fact: '只有负责本案的调查人员可以记录事实',
      evidence: '只有负责本案的调查人员可以上传证据',
      assessment: '只有负责本案的调查人员可以记录综合分析研判',
    });
  });
});
