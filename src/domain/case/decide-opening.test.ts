import { describe, expect, it } from 'vitest';
import type { CaseAction } from './case-actions.ts';
import {
  checkConductPeriod,
  conductDay,
  conductPeriodText,
  versionForConduct,
} from './decide-opening.ts';
import { decideTransition } from './decide-transition.ts';
import type { CompiledPolicy } from '../policy/compile-policy.ts';
import { ACTORS, context, OFFICER_ID, TODAY, validAction } from './test-fixtures.ts';
import { accepted, code, effectsOf } from './test-helpers.ts';

describe('opening a case', () => {
  it('an application is about the applicant', () => {
    const effects = effectsOf(
      decideTransition(null, validAction('submit_application'), ACTORS.officer, context()),
    );
    expect(effects).toEqual(
      accepted('submit_application', 'none', 'submitted', [
        {
          kind: 'create_case',
          origin: 'application',
          unitId: 'unit-a',
          officerId: OFFICER_ID,
          applicantId: OFFICER_ID,
          title: '某企业安全检查未发现隐患',
          conduct: '按检查计划开展现场检查',
          conductDate: '2030-09-02',
          conductEndDate: null,
          enforcementAction: 'inspection',
          field: null,
          errorType: null,
        },
      ]),
    );
  });

  it('an initiated case is about the officer named, with no applicant', () => {
    const effects = effectsOf(
      decideTransition(null, validAction('initiate'), ACTORS.investigator, context()),
    );
    expect(effects.state).toBe('investigating');
    expect(effects.changes[0]).toMatchObject({
      origin: 'initiation',
      officerId: OFFICER_ID,
      applicantId: null,
      conductDate: '2030-08-01',
      conductEndDate: '2030-08-15',
    });
    expect(
      code(decideTransition(null, validAction('initiate'), ACTORS.outsideInvestigator, context())),
    ).toBe('FORBIDDEN');
  });

  it('INVALID_INPUT: a case opened without a title, conduct, unit or known enforcement action', () => {
    const ctx = context();
    const base = validAction('submit_application');
    for (const patch of [
      { title: ' ' },
      { conduct: '' },
      { unitId: '' },
      { enforcementAction: 'arrest' },
    ]) {
      const action = { ...base, ...patch } as CaseAction;
      expect(code(decideTransition(null, action, ACTORS.officer, ctx)), JSON.stringify(patch)).toBe(
        'INVALID_INPUT',
      );
    }
    const initiate = { ...validAction('initiate'), officerId: '' } as CaseAction;
    expect(code(decideTransition(null, initiate, ACTORS.investigator, ctx))).toBe('INVALID_INPUT');
  });
});

describe('the conduct date (行为发生日期)', () => {
  const day = (conductDate: string, conductEndDate?: string | null) =>
    checkConductPeriod({ conductDate, conductEndDate }, TODAY);

  it('takes a day or a period up to today in China', () => {
    expect(day('2030-09-20')).toBeNull();
    expect(day('2024-10-01', '2030-09-20')).toBeNull();
    expect(day('2030-09-01', '2030-09-01')).toBeNull();
    expect(day('2030-09-01', null)).toBeNull();
  });

  it('INVALID_INPUT: a day after today, a period ending before it begins or after today, no real day', () => {
    expect(day('2030-09-21')).toEqual({
      code: 'INVALID_INPUT',
      message: '行为发生日期（2030年9月21日）不能晚于今天（2030年9月20日）',
    });
    expect(day('2030-09-10', '2030-09-09')).toEqual({
      code: 'INVALID_INPUT',
      message: '行为结束日期（2030年9月9日）不能早于开始日期（2030年9月10日）',
    });
    expect(day('2030-09-10', '2030-10-01')?.message).toBe(
      '行为结束日期（2030年10月1日）不能晚于今天（2030年9月20日）',
    );
    expect(day('2030-02-30')?.code).toBe('INVALID_INPUT');
    expect(day('2030-09-01', '2030-13-01')?.code).toBe('INVALID_INPUT');
    expect(day(undefined as unknown as string)?.code).toBe('INVALID_INPUT');
  });

  it('refuses an opening whose conduct is after today', () => {
    const action = { ...validAction('submit_application'), conductDate: '2030-09-21' };
    const result = decideTransition(null, action, ACTORS.officer, context());
    expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
  });

  it('is shown as a day or a period', () => {
    expect(conductPeriodText({ conductDate: '2024-10-01' })).toBe('2024年10月1日');
    expect(conductPeriodText({ conductDate: '2024-10-01', conductEndDate: '2024-10-20' })).toBe(
      '2024年10月1日至2024年10月20日',
    );
    expect(conductPeriodText({ conductDate: '2024-10-01', conductEndDate: '2024-10-01' })).toBe(
      '2024年10月1日',
    );
  });
});

describe('the version that judges the conduct: the one in force on its last day', () => {
  const version = (n: number, effectiveFrom: string | null) =>
    ({
      id: 'xilingol-education-2024',
      version: n,
      effectiveFrom,
      def: { title: '锡林郭勒盟教育局行政执法尽职免责和容错纠错制度' },
    }) as unknown as CompiledPolicy;
  const versions = [version(1, '2024-10-14'), version(2, '2025-06-01')];
  const judged = (conductDate: string, conductEndDate?: string) => {
    const found = versionForConduct(versions, { conductDate, conductEndDate });
    return 'code' in found ? found : found.version;
  };

  it('the last day of a period decides', () => {
    expect(conductDay({ conductDate: '2024-10-01', conductEndDate: '2024-10-20' })).toBe(
      '2024-10-20',
    );
    expect(conductDay({ conductDate: '2024-10-01' })).toBe('2024-10-01');
    expect(judged('2024-10-14')).toBe(1);
    expect(judged('2024-10-01', '2024-10-20')).toBe(1);
    expect(judged('2025-05-31')).toBe(1);
    expect(judged('2025-06-01')).toBe(2);
    expect(judged('2025-05-20', '2025-06-10')).toBe(2);
  });

  it('POLICY_NOT_IN_FORCE for conduct wholly before the regime, naming it and the day it took effect', () => {
    expect(judged('2024-10-01')).toEqual({
      code: 'POLICY_NOT_IN_FORCE',
      message:
        '锡林郭勒盟教育局行政执法尽职免责和容错纠错制度自2024年10月14日起施行，行为发生于2024年10月1日，不适用该制度',
    });
    expect(judged('2024-09-01', '2024-10-13')).toEqual({
      code: 'POLICY_NOT_IN_FORCE',
      message:
        '锡林郭勒盟教育局行政执法尽职免责和容错纠错制度自2024年10月14日起施行，行为发生于2024年9月1日至2024年10月13日，不适用该制度',
    });
  });

  it('a version of unknown effective date is in force on any day', () => {
    const found = versionForConduct([version(1, null)], { conductDate: '1999-01-01' });
    expect('code' in found ? found.code : found.version).toBe(1);
  });
});
