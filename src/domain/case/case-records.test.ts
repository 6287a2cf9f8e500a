import { describe, expect, it } from 'vitest';
import {
  APPLICANT_EVIDENCE_STATES,
  allowedRecords,
  checkRecordAccess,
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
    (name, actor) => {
      const c = caseIn('investigating');
      expect(code(checkRecordFact(c, actor))).toBe('FORBIDDEN');
      // The officer of caseIn applied: an applicant's evidence is their own right (below).
      if (name !== 'officer') expect(code(checkAttachEvidence(c, actor, PDF))).toBe('FORBIDDEN');
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
    expect(allowedRecords(caseIn('investigating'), ACTORS.officer)).toEqual(['evidence']);
    expect(allowedRecords(caseIn('submitted'), ACTORS.officer)).toEqual(['evidence']);
    expect(allowedRecords(caseIn('decided'), ACTORS.officer)).toEqual([]);
    expect(allowedRecords(caseIn('submitted'), ACTORS.investigator)).toEqual([]);
  });
});

describe('the applicant attaches evidence while the case is before the decision', () => {
  const before = new Set(APPLICANT_EVIDENCE_STATES);

  it.each(CASE_STATES)('in %s', (state) => {
    const check = checkAttachEvidence(caseIn(state), ACTORS.officer, PDF);
    expect(code(check)).toBe(before.has(state) ? null : 'INVALID_TRANSITION');
    expect(allowedRecords(caseIn(state), ACTORS.officer).includes('evidence')).toBe(
      before.has(state),
    );
  });

  it('says why not after the decision', () => {
    expect(checkAttachEvidence(caseIn('decided'), ACTORS.officer, PDF)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_TRANSITION',
        message: '案件已作出决定，申请人只能在作出决定前补充证据',
      },
    });
  });

  it('only the applicant: not the officer of an initiated case, not another officer', () => {
    const initiated = caseIn('investigating', { origin: 'initiation', applicantId: null });
    expect(code(checkAttachEvidence(initiated, ACTORS.officer, PDF))).toBe('FORBIDDEN');
    expect(code(checkAttachEvidence(caseIn('submitted'), ACTORS.otherOfficer, PDF))).toBe(
      'FORBIDDEN',
    );
  });

  it('is held to the same types and size', () => {
    const c = caseIn('assessing');
    expect(
      code(checkAttachEvidence(c, ACTORS.officer, { contentType: 'video/mp4', size: 1 })),
    ).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    expect(
      code(
        checkAttachEvidence(c, ACTORS.officer, {
          contentType: 'application/pdf',
          size: EVIDENCE_MAX_BYTES + 1,
        }),
      ),
    ).toBe('EVIDENCE_TOO_LARGE');
  });

  it('files the application as a whole: linking a file to a fact is the record keeper’s', () => {
    const c = caseIn('investigating');
    expect(code(checkAttachEvidence(c, ACTORS.officer, { ...PDF, factId: 'a9.1' }))).toBe(
      'FORBIDDEN',
    );
    expect(code(checkAttachEvidence(c, ACTORS.officer, { ...PDF, factId: null }))).toBe(null);
    expect(code(checkAttachEvidence(c, ACTORS.investigator, { ...PDF, factId: 'a9.1' }))).toBe(
      null,
    );
  });

  it('is a right, not a task: the record keeper’s access alone is work on the case', () => {
    for (const state of APPLICANT_EVIDENCE_STATES)
      expect(checkRecordAccess(caseIn(state), ACTORS.officer, 'evidence').ok).toBe(false);
  });
});

describe('recordRefusals', () => {
  it('says why each other kind of record may not be written, who before when', () => {
    expect(recordRefusals(caseIn('investigating'), ACTORS.investigator)).toEqual({
      assessment: '案件调查核实中，只有在综合分析研判中时才能记录综合分析研判',
    });
    expect(recordRefusals(caseIn('investigating'), ACTORS.otherOfficer)).toEqual({
      fact: '只有负责本案的调查人员可以记录事实',
      evidence: '只有负责本案的调查人员可以上传证据',
      assessment: '只有负责本案的调查人员可以记录综合分析研判',
    });
    // The applicant may add evidence, and nothing else.
    expect(recordRefusals(caseIn('investigating'), ACTORS.officer)).toEqual({
      fact: '只有负责本案的调查人员可以记录事实',
      assessment: '只有负责本案的调查人员可以记录综合分析研判',
    });
  });
});
