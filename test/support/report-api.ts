// The reports API as the report tests drive it (test/api/reports.test.ts and
// report-steps.test.ts): one session per user, a report received by 徐晴, a finding's body,
// and the audit events of a report.

import { expect } from 'vitest';
import { todayInChina } from '../../src/domain/calendar-date.ts';
import type { Harness } from '../api/api-harness.ts';
import type { HttpClient } from './http-client.ts';

export const EM = '锡林郭勒盟应急管理局';
export const REPORTER = {
  name: '欧阳举报人甲',
  contact: '13912345678',
  address: '锡林浩特市某街道',
};

/** The calendar's own day arithmetic, for the report tests that import it from here. */
export { addDays } from '../../src/domain/calendar-date.ts';

export function reportApi(h: Harness) {
  const today = () => todayInChina(new Date());
  // One session per user for the whole file: signing in again and again meets the rate limit.
  const sessions = new Map<string, Promise<HttpClient>>();
  const as = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, h.as(username));
    return sessions.get(username)!;
  };

  const post = (client: HttpClient, id: string, step: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/reports/${id}/${step}`, body);

  /** A report received by 徐晴 about the given people (王强 by default), named unless told. */
  async function received(
    overrides: Record<string, unknown> = {},
    officers: readonly string[] = ['wangqiang'],
  ) {
    const petitions = await as('xuqing');
    const officerIds = await Promise.all(officers.map((u) => h.userId(u)));
    const res = await petitions.post('/api/v1/reports', {
      receivedOn: today(),
      channel: 'letter',
      named: true,
      reporter: REPORTER,
      summary: '反映执法人员在检查中态度粗暴',
      officerIds,
      ...overrides,
    });
    expect(res.status).toBe(201);
    return { petitions, report: res.body, officerIds };
  }

  const finding = (expectedVersion: number, extra: Record<string, unknown> = {}) => ({
    expectedVersion,
    finding: 'untrue',
    reasons: '经调查核实，反映问题不属实',
    foundOn: today(),
    ...extra,
  });

  const auditOf = (id: string) =>
    h.admin
      .selectFrom('audit_events')
      .select(['action', 'data', 'canonical'])
      .where('entity_type', '=', 'report')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  return { today, as, post, received, finding, auditOf };
}
