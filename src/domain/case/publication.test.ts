import { describe, expect, it } from 'vitest';
import { composePublication, personalInformationMessage, summarize } from './publication.ts';
import {
  audienceOf,
  circleOfScope,
  mayReadPublication,
  PUBLIC_READER,
  publicationReadScopeOf,
} from './publication-audience.ts';
import { PUBLICATION } from './test-fixtures.ts';
import { findPersonalInformation } from './redaction.ts';

describe('composePublication', () => {
  const source = {
    ...PUBLICATION.source,
    conduct:
      '执法人员王强对某加油站检查，站长张三丰（身份证号152501198805061234，电话13912345678）拒不整改。',
  };

  it('composes the matter, the conduct, the conclusion with its citation, the body and date', () => {
    const { text } = composePublication(source);
    expect(text.split('\n')).toEqual([
      '关于“对某加油站检查后发生火灾事故”认定结果的公示',
      '',
      '案号：锡盟应急容〔2030〕1号',
      '事项：对某加油站检查后发生火灾事故',
      '执法人员：王*（执法监督科）',
      '履职行为：执法人员王*对某加油站检查，站长张**（身份证号152501********1234，电话139****5678）拒不整改。',
      '认定结论：不予追究行政执法责任（依据《锡林郭勒盟应急管理系统行政执法尽职免责和容错纠错办法》第十条第（三）项）',
      '决定机关：锡林郭勒盟应急管理局党委',
      '决定日期：2030年9月10日',
    ]);
  });

  it('lists each mask where it is, and leaves nothing to find', () => {
    const { text, redactions } = composePublication(source);
    expect(redactions.map((r) => r.kind)).toEqual(['name', 'name', 'name', 'id_number', 'phone']);
    for (const r of redactions) expect(text.slice(r.start, r.end)).toBe(r.masked);
    expect(findPersonalInformation(text, source.known)).toEqual([]);
  });

  it('says the name is withheld when there is none, and no citation when none is known', () => {
    const { text } = composePublication({
      ...source,
      officerName: null,
      decision: { conclusionLabel: '予以容错', citation: null, meetingDate: '2030-09-10' },
    });
    expect(text).toContain('执法人员：（姓名隐去）（执法监督科）');
    expect(text).toContain('认定结论：予以容错\n');
  });

  it('summarises a long conduct at a sentence end', () => {
    const long = `${'检查发现隐患并责令整改。'.repeat(40)}`;
    const summary = summarize(long);
    expect([...summary].length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('。')).toBe(true);
  });

  it('says which kind and where, masked, when a text has personal information', () => {
    expect(personalInformationMessage('公示\n联系电话0479-8221234', { names: [] })).toBe(
      '公示文本含有个人信息，请删除或隐去后再公开：第2行第5字起疑似电话号码（0479-***1234）',
    );
    expect(personalInformationMessage('第十四条', { names: [] })).toBeNull();
  });
});

describe('who reads a publication (一定范围内公开)', () => {
  const lineage = (...units: [string, string, string | null][]) =>
    units.map(([id, kind, policyId]) => ({ id, kind, policyId }));
  const league: [string, string, string | null] = ['league', 'league', null];
  const bureau: [string, string, string | null] = ['em', 'bureau', 'emergency'];
  const sectionA = lineage(['em-chem', 'section', null], bureau, league);
  const sectionB = lineage(['em-sup', 'section', null], bureau, league);
  const county = lineage(
    ['xlht-team', 'section', null],
    ['xlht', 'county_bureau', null],
    bureau,
    league,
  );
  const education = lineage(['ed', 'bureau', 'education'], league);

  it('reads the scope words as circles, an unknown word as the narrowest', () => {
    expect(circleOfScope('本单位')).toBe('organ');
    expect(circleOfScope('本系统')).toBe('system');
    expect(circleOfScope('社会公开')).toBe('public');
    expect(circleOfScope('本部门')).toBe('organ');
  });

  it('本单位: the bureau and its sections; 本系统: the county bureaus too; 社会公开: anyone', () => {
    const reads = (roles: string[], reader: typeof sectionA, scope: string) =>
      mayReadPublication(
        publicationReadScopeOf(roles as never, reader),
        audienceOf(scope, sectionA),
      );
    expect(reads(['officer'], sectionB, '本单位')).toBe(true);
    expect(reads(['officer'], county, '本单位')).toBe(false);
    expect(reads(['officer'], county, '本系统')).toBe(true);
    expect(reads(['secretary'], education, '本系统')).toBe(false);
    expect(reads(['secretary'], education, '社会公开')).toBe(true);
    // The three administrators read what the public reads.
    expect(reads(['auditadmin'], sectionB, '本单位')).toBe(false);
    expect(reads(['sysadmin'], sectionB, '社会公开')).toBe(true);
    expect(mayReadPublication(PUBLIC_READER, audienceOf('本系统', sectionA))).toBe(false);
  });
});
