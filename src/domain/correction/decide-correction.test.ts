import { describe, expect, it } from 'vitest';
import { decideCorrection, type CorrectionCommand } from './decide-correction.ts';
import { correction, correctionContext, DUE, PEOPLE, TODAY } from './test-fixtures.ts';

const ctx = correctionContext();

const notice: CorrectionCommand = {
  kind: 'issue_notice',
  reason: '检查不到位',
  items: ['补齐检查记录', ' 组织学习 '],
  requirements: '限期补正',
  responsible: '执法一科',
  days: null,
  notifiedOn: null,
};

describe('issue_notice', () => {
  it('sets the deadline from the notice day under the policy counting', () => {
    const decided = decideCorrection(
      correction('opened'),
      PEOPLE.secretary,
      { ...notice, notifiedOn: '2030-09-02' },
      ctx,
    );
    expect(decided).toMatchObject({
      ok: true,
      state: 'in_progress',
      due: DUE,
      change: {
        kind: 'issue_notice',
        days: 30,
        counting: 'working',
        items: ['补齐检查记录', '组织学习'],
      },
    });
  });

  it('refuses a notice day in the future or before the correction opened', () => {
    const future = decideCorrection(
      correction('opened'),
      PEOPLE.secretary,
      { ...notice, notifiedOn: '2030-09-21' },
      ctx,
    );
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
    const early = decideCorrection(
      correction('opened'),
      PEOPLE.secretary,
      { ...notice, notifiedOn: '2030-08-01' },
      ctx,
    );
    expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_DATE' } });
  });

  it('refuses blank items and texts', () => {
    for (const bad of [
      { items: [] },
      { items: ['  '] },
      { reason: ' ' },
      { requirements: '' },
      { responsible: ' ' },
    ]) {
      expect(
        decideCorrection(correction('opened'), PEOPLE.secretary, { ...notice, ...bad }, ctx),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
  });
});

describe('progress and completion', () => {
  it('a report names only the notice items', () => {
    const c = correction('in_progress');
    const report = (itemIds: string[]) =>
      decideCorrection(
        c,
        PEOPLE.object,
        { kind: 'report_progress', text: '已补齐', itemIds, reportedOn: null },
        ctx,
      );
    expect(report(['item-1'])).toMatchObject({
      ok: true,
      state: 'in_progress',
      change: { reportedOn: TODAY },
    });
    expect(report(['item-9'])).toMatchObject({ ok: false, error: { code: 'ITEM_NOT_FOUND' } });
  });

  it('a claim must leave every item done (ITEMS_NOT_DONE)', () => {
    const c = correction('in_progress', {
      items: [
        { id: 'item-1', done: true },
        { id: 'item-2', done: false },
      ],
    });
    const claim = (ids: string[]) =>
      decideCorrection(
        c,
        PEOPLE.object,
        {
          kind: 'claim_completion',
          summary: '已完成',
          items: ids.map((id) => ({ id, note: null })),
        },
        ctx,
      );
    expect(claim([])).toMatchObject({ ok: false, error: { code: 'ITEMS_NOT_DONE' } });
    expect(claim(['item-2'])).toMatchObject({ ok: true, state: 'completion_claimed' });
  });

  it('closing records the lessons (第十七条) and refuses without them', () => {
    const c = correction('completion_claimed');
    const close = {
      kind: 'close',
      result: '验收合格',
      causeAnalysis: '制度不健全',
      improvements: '修订检查规程',
      closedOn: null,
    } as const;
    expect(decideCorrection(c, PEOPLE.investigator, close, ctx)).toMatchObject({
      ok: true,
      state: 'completed',
      change: { kind: 'close', closedOn: TODAY, causeAnalysis: '制度不健全' },
    });
    expect(
      decideCorrection(c, PEOPLE.investigator, { ...close, causeAnalysis: ' ' }, ctx),
    ).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      decideCorrection(c, PEOPLE.investigator, { ...close, closedOn: '2030-09-14' }, ctx),
    ).toMatchObject({
      error: { code: 'INVALID_DATE' },
    });
  });

  it('send back needs a reason and returns to work', () => {
    const c = correction('completion_claimed');
    expect(
      decideCorrection(c, PEOPLE.secretary, { kind: 'send_back', reason: '记录不全' }, ctx),
    ).toMatchObject({
      ok: true,
      state: 'in_progress',
    });
    expect(
      decideCorrection(c, PEOPLE.secretary, { kind: 'send_back', reason: '' }, ctx),
    ).toMatchObject({
      error: { code: 'REASON_REQUIRED' },
    });
  });
});

describe('extensions', () => {
  const ask = (requestedDue: string, today = TODAY) =>
    decideCorrection(
      correction('in_progress'),
      PEOPLE.object,
      { kind: 'request_extension', reason: '因特殊情况', requestedDue },
      correctionContext({ today }),
    );

  it('asks a later deadline before the current one passes', () => {
    expect(ask('2030-11-30')).toMatchObject({ ok: true, state: 'in_progress', due: DUE });
    expect(ask(DUE)).toMatchObject({ error: { code: 'NEW_DUE_NOT_LATER' } });
    expect(ask('2030-11-30', '2030-10-18')).toMatchObject({ error: { code: 'DEADLINE_PASSED' } });
  });

  const pending = correction('in_progress', {
    extensions: [
      { id: 'ext-0', state: 'refused', requestedDue: '2030-10-30' },
      { id: 'ext-1', state: 'pending', requestedDue: '2030-11-30' },
    ],
  });
  const decide = (
    extensionId: string,
    approved: boolean,
    newDue: string | null,
    reason: string | null,
  ) =>
    decideCorrection(
      pending,
      PEOPLE.secretary,
      { kind: 'decide_extension', extensionId, approved, newDue, reason },
      ctx,
    );

  it('approved: the deadline moves to the new one (the requested one by default)', () => {
    expect(decide('ext-1', true, null, null)).toMatchObject({ ok: true, due: '2030-11-30' });
    expect(decide('ext-1', true, '2030-11-15', null)).toMatchObject({
      ok: true,
      due: '2030-11-15',
    });
    expect(decide('ext-1', true, '2030-10-01', null)).toMatchObject({
      error: { code: 'NEW_DUE_NOT_LATER' },
    });
  });

  it('refused: with a reason, the deadline stays', () => {
    expect(decide('ext-1', false, null, '理由不充分')).toMatchObject({ ok: true, due: DUE });
    expect(decide('ext-1', false, null, null)).toMatchObject({
      error: { code: 'REASON_REQUIRED' },
    });
  });

  it('refuses an unknown or decided request', () => {
    expect(decide('ext-9', true, null, null)).toMatchObject({
      error: { code: 'EXTENSION_NOT_FOUND' },
    });
    expect(decide('ext-0', true, null, null)).toMatchObject({
      error: { code: 'EXTENSION_NOT_PENDING' },
    });
  });
});

describe('follow_up', () => {
  const follow = (checkedOn: string) =>
    decideCorrection(
      correction('in_progress'),
      PEOPLE.investigator,
      { kind: 'follow_up', method: 'on_site', checkedOn, findings: '已现场核查' },
      ctx,
    );
  it('is dated between the notice and today', () => {
    expect(follow('2030-09-10')).toMatchObject({ ok: true, change: { method: 'on_site' } });
    expect(follow('2030-09-21')).toMatchObject({ error: { code: 'INVALID_DATE' } });
    expect(follow('2030-09-01')).toMatchObject({ error: { code: 'INVALID_DATE' } });
  });
});
