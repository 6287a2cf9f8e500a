import { describe, expect, it } from 'vitest';
import type { Role } from '../vocabulary.ts';
import { allowedClearanceActions, canReadClearance, type Actor } from './clearance-machine.ts';
import {
  clearanceOffer,
  decideCarryOut,
  decideClearance,
  type ClearedReport,
  type DecideClearanceCommand,
  type NoticeContext,
} from './decide-clearance.ts';

const TODAY = '2030-09-20';

const actor = (id: string, roles: readonly Role[], inUnitScope = true): Actor => ({
  id,
  roles,
  inUnitScope,
});

const PEOPLE = {
  petitions: actor('petitions-1', ['petitions']),
  secretary: actor('secretary-1', ['secretary']),
  investigator: actor('investigator-1', ['investigator']),
  reviewer: actor('reviewer-1', ['reviewer']),
  officer: actor('officer-1', ['officer']),
  otherUnitPetitions: actor('petitions-2', ['petitions'], false),
  sysadmin: actor('admin-1', ['sysadmin'], true),
  /** A secretary the report also accuses. */
  accusedSecretary: actor('officer-2', ['secretary']),
};

function report(overrides: Partial<ClearedReport> = {}): ClearedReport {
  return {
    state: 'found',
    receivedOn: '2030-08-01',
    finding: 'untrue',
    foundOn: '2030-09-10',
    malice: 'false_accusation',
    officerIds: ['officer-1', 'officer-2'],
    clearedOfficerIds: [],
    ...overrides,
  };
}

const command: DecideClearanceCommand = {
  officerId: 'officer-1',
  basis: 'malicious',
  findings: '经调查，举报反映王强同志收受企业财物的问题不属实',
  accusationReach: 'system',
  scope: 'system',
  methods: ['meeting', 'written_notice'],
  decidedOn: '2030-09-15',
  requestedOn: null,
  noticeText: null,
};

const notice: NoticeContext = {
  unitName: '锡林郭勒盟应急管理局',
  officerName: '王强',
  decidedCaseNumber: null,
  article: 19,
  policyTitle: '锡林郭勒盟应急管理部门行政执法尽职免责和容错纠错实施办法',
};

const decide = (
  r: ClearedReport = report(),
  who: Actor = PEOPLE.petitions,
  c: Partial<DecideClearanceCommand> = {},
) => decideClearance(r, who, { ...command, ...c }, notice, TODAY);

describe('deciding a clearance', () => {
  it('clears an officer of a malicious untrue report, writing the notice from the decision', () => {
    const decided = decide();
    expect(decided).toMatchObject({
      ok: true,
      clearance: { state: 'decided', basis: 'malicious', scope: 'system' },
    });
    if (!decided.ok) return;
    const text = decided.clearance.noticeText;
    expect(text.split('\n')[0]).toBe('关于为王强同志澄清正名的通报');
    expect(text).toContain('第十九条');
    expect(text).toContain('不属实，属诬告陷害');
    expect(text).toContain('在本系统范围内，以会议说明、书面通报的方式为王强同志澄清正名');
    expect(text).toContain('2030年8月，锡林郭勒盟应急管理局收到');
    expect(text).toContain('收受企业财物的问题不属实。');
    expect(text.endsWith('2030年9月15日')).toBe(true);
  });

  it('keeps the notice as edited before deciding', () => {
    const decided = decide(report(), PEOPLE.secretary, { noticeText: '  通报全文  ' });
    expect(decided).toMatchObject({ ok: true, clearance: { noticeText: '通报全文' } });
    expect(decide(report(), PEOPLE.secretary, { noticeText: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('refuses a report that is not malicious, not yet found, or true', () => {
    for (const r of [
      report({ malice: null }),
      report({ finding: 'unfounded', malice: null }),
      report({ state: 'received', finding: null, foundOn: null, malice: null }),
      report({ finding: 'true', malice: null }),
      report({ finding: 'partly_true', malice: null }),
    ]) {
      expect(clearanceOffer(r, PEOPLE.petitions)).toBeNull();
      expect(decide(r)).toMatchObject({ ok: false, error: { code: 'CLEARANCE_NOT_ALLOWED' } });
    }
    expect(decide(report({ finding: 'unfounded', malice: 'slander' }))).toMatchObject({ ok: true });
  });

  it('clears a tolerated officer only at their request, on the tolerated basis', () => {
    const tolerated = report({ finding: 'tolerated', malice: null });
    expect(clearanceOffer(tolerated, PEOPLE.petitions)?.basis).toBe('tolerated');
    expect(decide(tolerated, PEOPLE.petitions, { basis: 'tolerated' })).toMatchObject({
      ok: false,
      error: { code: 'CLEARANCE_NOT_ALLOWED' },
    });
    expect(decide(tolerated)).toMatchObject({
      ok: false,
      error: { code: 'CLEARANCE_NOT_ALLOWED' },
    });
    const asked = decideClearance(
      tolerated,
      PEOPLE.petitions,
      { ...command, basis: 'tolerated', requestedOn: '2030-09-12' },
      { ...notice, decidedCaseNumber: '锡盟应急容〔2030〕3号' },
      TODAY,
    );
    expect(asked).toMatchObject({ ok: true, clearance: { requestedOn: '2030-09-12' } });
    if (!asked.ok) return;
    expect(asked.clearance.noticeText).toContain('认定予以容错免责（锡盟应急容〔2030〕3号）');
    expect(asked.clearance.noticeText).toContain('经王强同志本人申请');
    // Asked after the decision, or before the report came in: each named in the refusal.
    for (const [requestedOn, words] of [
      ['2030-09-16', /^申请日期不能晚于决定日期（/],
      ['2030-07-31', /^申请日期不能早于举报受理日期（/],
    ] as const)
      expect(
        decide(tolerated, PEOPLE.petitions, { basis: 'tolerated', requestedOn }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_DATE', message: expect.stringMatching(words) },
      });
  });

  it('clears only a person the report accuses, once', () => {
    expect(decide(report(), PEOPLE.petitions, { officerId: 'someone-else' })).toMatchObject({
      ok: false,
      error: { code: 'CLEARANCE_NOT_ALLOWED' },
    });
    expect(decide(report({ clearedOfficerIds: ['officer-1'] }))).toMatchObject({
      ok: false,
      error: { code: 'CLEARANCE_EXISTS' },
    });
  });

  it('reaches at least as far as the accusation did, by methods that reach that far', () => {
    expect(decide(report(), PEOPLE.petitions, { scope: 'unit' })).toMatchObject({
      ok: false,
      error: { code: 'SCOPE_TOO_NARROW', message: expect.stringContaining('本单位') },
    });
    expect(
      decide(report(), PEOPLE.petitions, { accusationReach: 'public', scope: 'system' }),
    ).toMatchObject({ ok: false, error: { code: 'SCOPE_TOO_NARROW' } });
    expect(decide(report(), PEOPLE.petitions, { methods: ['public_release'] })).toMatchObject({
      ok: false,
      error: { code: 'METHODS_SCOPE_MISMATCH' },
    });
    expect(decide(report(), PEOPLE.petitions, { scope: 'public' })).toMatchObject({
      ok: false,
      error: { code: 'METHODS_SCOPE_MISMATCH' },
    });
    expect(
      decide(report(), PEOPLE.petitions, {
        scope: 'public',
        methods: ['public_release', 'written_notice', 'public_release'],
      }),
    ).toMatchObject({ ok: true, clearance: { methods: ['public_release', 'written_notice'] } });
    expect(decide(report(), PEOPLE.petitions, { accusationReach: 'unit' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses blank findings, no method, and a day in the future or before the finding', () => {
    expect(decide(report(), PEOPLE.petitions, { findings: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(decide(report(), PEOPLE.petitions, { methods: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    for (const decidedOn of ['2030-09-21', '2030-09-09'])
      expect(decide(report(), PEOPLE.petitions, { decidedOn })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_DATE' },
      });
  });

  it('is decided by the petitions staff or the secretary of the unit, never by the accused', () => {
    expect(decide(report(), PEOPLE.secretary)).toMatchObject({ ok: true });
    for (const who of [
      PEOPLE.investigator,
      PEOPLE.reviewer,
      PEOPLE.officer,
      PEOPLE.otherUnitPetitions,
      PEOPLE.sysadmin,
      PEOPLE.accusedSecretary,
    ])
      expect(decide(report(), who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = decide(report(), PEOPLE.accusedSecretary);
    expect(own).toMatchObject({ error: { message: expect.stringContaining('涉及您本人') } });
  });
});

describe('the clearance the page offers', () => {
  it('offers the basis and the people not yet cleared to those who may decide', () => {
    expect(clearanceOffer(report({ clearedOfficerIds: ['officer-2'] }), PEOPLE.petitions)).toEqual({
      basis: 'malicious',
      officerIds: ['officer-1'],
    });
    expect(
      clearanceOffer(report({ finding: 'tolerated', malice: null }), PEOPLE.secretary),
    ).toMatchObject({ basis: 'tolerated' });
    expect(clearanceOffer(report(), PEOPLE.investigator)).toBeNull();
    expect(clearanceOffer(report(), PEOPLE.accusedSecretary)).toBeNull();
    expect(clearanceOffer(report({ malice: null }), PEOPLE.petitions)).toBeNull();
    expect(
      clearanceOffer(report({ clearedOfficerIds: ['officer-1', 'officer-2'] }), PEOPLE.petitions),
    ).toBeNull();
  });
});

describe('the notice', () => {
  it('is addressed by its scope, and a public one to no one in particular', () => {
    const text = (scope: 'unit' | 'public') => {
      const decided = decide(report(), PEOPLE.petitions, {
        accusationReach: 'unit',
        scope,
        methods: scope === 'public' ? ['public_release'] : ['meeting'],
      });
      return decided.ok ? decided.clearance.noticeText : '';
    };
    expect(text('unit').split('\n')[2]).toBe('本单位各科室（队、所）、全体干部职工：');
    expect(text('public').split('\n')[2]).toMatch(/^\u3000\u30002030年8月/);
    expect(text('public')).toContain('在社会公开范围内，以公开发布的方式');
  });
});

describe('carrying a clearance out', () => {
  const view = {
    officerId: 'officer-1',
    reportOfficerIds: ['officer-1', 'officer-2'],
    state: 'decided' as const,
    decidedOn: '2030-09-15',
  };
  const done = { carriedOutOn: '2030-09-18', note: '已在全系统干部大会上说明' };

  it('moves a decided clearance to carried out, once', () => {
    expect(decideCarryOut(view, PEOPLE.secretary, done, TODAY)).toEqual({
      ok: true,
      state: 'carried_out',
      carriedOutOn: '2030-09-18',
      note: '已在全系统干部大会上说明',
    });
    expect(
      decideCarryOut({ ...view, state: 'carried_out' }, PEOPLE.secretary, done, TODAY),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('refuses the officer, other roles, a blank note and a day out of range', () => {
    for (const who of [PEOPLE.officer, PEOPLE.investigator, PEOPLE.otherUnitPetitions])
      expect(decideCarryOut(view, who, done, TODAY)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(decideCarryOut(view, PEOPLE.petitions, { ...done, note: '' }, TODAY)).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    for (const carriedOutOn of ['2030-09-14', '2030-09-21'])
      expect(
        decideCarryOut(view, PEOPLE.petitions, { ...done, carriedOutOn }, TODAY),
      ).toMatchObject({ error: { code: 'INVALID_DATE' } });
  });

  it('lets the officer read their own clearance, and the accused others read none', () => {
    expect(canReadClearance(view, PEOPLE.officer)).toBe(true);
    expect(canReadClearance(view, PEOPLE.accusedSecretary)).toBe(false);
    expect(canReadClearance(view, PEOPLE.reviewer)).toBe(true);
    expect(canReadClearance(view, PEOPLE.otherUnitPetitions)).toBe(false);
    expect(canReadClearance(view, PEOPLE.sysadmin)).toBe(false);
    expect(allowedClearanceActions(view, PEOPLE.officer)).toEqual([]);
    expect(allowedClearanceActions(view, PEOPLE.petitions)).toEqual(['carry_out']);
  });
});
