// Issue 10: a case is classified at opening by a field of enforcement (执法领域) and an
// error type (错误类型) of the pinned version's taxonomy, and a code the version does not
// list is refused with a stable code and nothing written. Runs on the embedded database
// and on the server.
import { beforeEach, describe, expect, it } from 'vitest';
import type { HttpClient } from '../support/http-client.ts';
import { storeTargets } from '../support/test-databases.ts';
import { useHarness } from './api-harness.ts';

describe.each(storeTargets())('classifying a case at opening on $name', (target) => {
  const h = useHarness(target);
  let officer: HttpClient;
  let eduOfficer: HttpClient;

  beforeEach(async () => {
    officer = await h.as('wangqiang');
    eduOfficer = await h.as('chenjing');
  });

  const opening = async (extra: Record<string, unknown>) => ({
    origin: 'application',
    unitId: await h.unitId('综合行政执法大队'),
    title: '烟花爆竹经营单位检查中未发现超量储存',
    conduct: '经营单位在检查前转移了超量储存的产品',
    conductDate: '2025-03-01',
    enforcementAction: 'inspection',
    ...extra,
  });

  it('takes a field and an error type of the version, and leaves both out if not given', async () => {
    const classified = await officer.post(
      '/api/v1/cases',
      await opening({ field: 'fireworks', errorType: 'inspection_gap' }),
    );
    expect(classified.status).toBe(201);
    const bare = await officer.post('/api/v1/cases', await opening({}));
    expect(bare.status).toBe(201);
  });

  it('refuses codes the case’s version does not list, and opens nothing', async () => {
    const listed = async () => (await officer.get('/api/v1/cases')).body.total as number;
    const before = await listed();
    const field = await officer.post('/api/v1/cases', await opening({ field: 'school_safety' }));
    expect(field.status).toBe(400);
    expect(field.body.error).toEqual({
      code: 'UNKNOWN_FIELD',
      message: '执法领域“school_safety”不在本制度的执法领域分类中',
    });
    const errorType = await officer.post(
      '/api/v1/cases',
      await opening({ field: 'fireworks', errorType: 'fireworks' }),
    );
    expect(errorType.status).toBe(400);
    expect(errorType.body.error.code).toBe('UNKNOWN_ERROR_TYPE');
    expect(await listed()).toBe(before);

    // The education regime lists 学校安全, which the emergency one does not.
    const edu = await eduOfficer.post('/api/v1/cases', {
      origin: 'application',
      unitId: await h.unitId('教育督导股'),
      title: '学校安全检查',
      conduct: '检查中未发现消防通道堵塞',
      conductDate: '2025-03-01',
      enforcementAction: 'inspection',
      field: 'school_safety',
      errorType: 'inspection_gap',
    });
    expect(edu.status).toBe(201);
  });
});
