// The procedure over the API, for API tests, browser tests and screenshots that need a
// case in a given state quickly: a demo user's client, a new application, and each step
// with the payload the API asks for (the facts that settle the emergency regime, the six
// findings, the legal review, the decision, the deliveries, the publication).
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { ASSESSMENT_FACTORS } from '../../src/domain/vocabulary.ts';
import { HttpClient } from './http-client.ts';

/** An API client signed in as a demo user (or another account, with its password). */
export async function apiAs(
  url: string,
  username: string,
  password: string = DEMO_PASSWORD,
): Promise<HttpClient> {
  const client = new HttpClient(url);
  const res = await client.post('/api/v1/session', { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  client.csrfToken = res.body.csrfToken;
  return client;
}

/** A case as a write answers it: the fields the driver reads. */
export interface CaseAnswer {
  readonly id: string;
  readonly version: number;
  readonly state: string;
  readonly notifications: readonly { readonly id: string; readonly sentOn: string | null }[];
  readonly [field: string]: unknown;
}

/** The answer of a write; a refusal throws with the API's error (also outside a test). */
export function written(res: { status: number; body: unknown }): CaseAnswer {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CaseAnswer;
}

/**
 * The classification the procedure's cases are opened with (执法领域, 错误类型 of the
 * emergency regime): the submission for decision requires one.
 */
export const CLASSIFIED = { field: 'industry_trade', errorType: 'facts_unclear' } as const;

/** The officer's application in his own unit, classified (CLASSIFIED unless given). */
export async function applyAs(
  officer: HttpClient,
  title: string,
  conduct = '依据第三方检测报告作出罚款决定，后报告被撤回。',
  classification: { readonly field: string; readonly errorType: string } = CLASSIFIED,
): Promise<CaseAnswer> {
  const { unitId } = (await officer.get('/api/v1/session')).body.user;
  return written(
    await officer.post('/api/v1/cases', {
      origin: 'application',
      unitId,
      title,
      conduct,
      conductDate: '2025-03-01',
      enforcementAction: 'penalty',
      ...classification,
    }),
  );
}

/** The steps of the main line, in order, as `advance` takes a case along them. */
export const MAIN_LINE = [
  'investigating',
  'settled',
  'assessing',
  'assessed',
  'awaiting_decision',
  'reviewed',
  'decided',
  'notified',
  'published',
] as const;
export type Stage = (typeof MAIN_LINE)[number];

export interface Crew {
  readonly investigator: HttpClient;
  readonly reviewer: HttpClient;
  readonly secretary: HttpClient;
}

/** The demo's emergency-bureau crew: 李娜, 刘洋, 张敏. */
export async function emergencyCrew(url: string): Promise<Crew> {
  return {
    investigator: await apiAs(url, 'lina'),
    reviewer: await apiAs(url, 'liuyang'),
    secretary: await apiAs(url, 'zhangmin'),
  };
}

/**
 * Takes a submitted application (or a case further on) to `stage`, one step after the
 * other from the stage it has reached (`from`); answers the case as the last write left it.
 */
export async function advance(
  crew: Crew,
  start: CaseAnswer,
  from: Stage | 'submitted',
  to: Stage,
  scope = '本单位',
): Promise<CaseAnswer> {
  let c = start;
  const path = `/api/v1/cases/${c.id}`;
  // Today as the server has it (a test may have moved its clock).
  const today = (await crew.investigator.get(path)).body.forms.today as string;
  const act = async (client: HttpClient, action: string, body: Record<string, unknown> = {}) => {
    c = written(await client.post(`${path}/actions/${action}`, { version: c.version, ...body }));
  };
  const put = async (client: HttpClient, sub: string, body: Record<string, unknown>) => {
    c = written(await client.request('PUT', `${path}/${sub}`, { version: c.version, ...body }));
  };
  const steps: Record<Stage, () => Promise<void>> = {
    investigating: () => act(crew.investigator, 'accept'),
    // 第十条第（三）项 holds; none of 第九条's items nor the exclusion of 第十三条.
    settled: async () => {
      await put(crew.investigator, 'facts/a10.3', { value: true, note: '检测报告在卷' });
      for (const f of [...Array.from({ length: 9 }, (_, i) => `a9.${i + 1}`), 'a13.c1'])
        await put(crew.investigator, `facts/${f}`, { value: false, note: null });
    },
    assessing: () => act(crew.investigator, 'complete_investigation'),
    assessed: async () => {
      for (const factor of ASSESSMENT_FACTORS)
        await put(crew.investigator, `assessment/${factor}`, { finding: '经核实，情况清楚。' });
    },
    awaiting_decision: () => act(crew.investigator, 'submit_for_decision'),
    reviewed: () =>
      put(crew.reviewer, 'reviews/legal', {
        opinion: '事实清楚，程序合法，同意系统认定意见。',
        agrees: true,
        reviewedOn: today,
      }),
    decided: () =>
      act(crew.secretary, 'record_decision', {
        meetingDate: today,
        members: ['党委书记', '局长', '纪检组长'],
        conclusion: 'no_liability',
        departureReason: null,
        relatedUnitIds: [],
      }),
    notified: async () => {
      for (const n of c.notifications.filter((n) => n.sentOn === null))
        await act(crew.secretary, 'send_notification', {
          notificationId: n.id,
          deliveryMethod: 'in_person',
          deliveredOn: today,
          deliveredTo: '签收人',
        });
    },
    published: () => act(crew.secretary, 'publish', { scope }),
  };
  const first = from === 'submitted' ? 0 : MAIN_LINE.indexOf(from) + 1;
  for (const stage of MAIN_LINE.slice(first, MAIN_LINE.indexOf(to) + 1)) await steps[stage]();
  return c;
}
