// A case taken over HTTP to 已告知 (notified), each step by its role as an office does it:
// initiated by the bureau's investigator about an officer of one of its units, facts that
// settle 不予追究, the six factors, the reviews the policy asks for, the committee's
// decision and the delivery of every notice. For the publication tests, API and browser.
import { ASSESSMENT_FACTORS } from '../../src/domain/vocabulary.ts';
import { DEMO_PASSWORD } from '../../src/app/demo-data.ts';
import { HttpClient } from './http-client.ts';
import { range } from './spec-oracle.ts';

async function signedIn(url: string, username: string): Promise<HttpClient> {
  const client = new HttpClient(url);
  const res = await client.post('/api/v1/session', { username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  client.csrfToken = res.body.csrfToken;
  return client;
}

function expectOk(res: { status: number; body: unknown }, step: string): void {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
}

export interface NotifiedCaseInput {
  /** The unit of the case, in the emergency bureau's system. */
  readonly unitId: string;
  readonly officerId: string;
  readonly title: string;
  readonly conduct: string;
  /** Today in China, the day of the meeting and of the deliveries. */
  readonly today: string;
}

/** Opens a case and takes it to 已告知 as lina, liuyang and zhangmin; its id and version. */
export async function notifiedCase(
  url: string,
  input: NotifiedCaseInput,
): Promise<{ id: string; version: number }> {
  const [investigator, secretary, reviewer] = await Promise.all([
    signedIn(url, 'lina'),
    signedIn(url, 'zhangmin'),
    signedIn(url, 'liuyang'),
  ]);
  const act = (client: HttpClient, id: string, action: string, body: Record<string, unknown>) =>
    client.post(`/api/v1/cases/${id}/actions/${action}`, body);
  let res = await investigator.post('/api/v1/cases', {
    origin: 'initiation',
    unitId: input.unitId,
    officerId: input.officerId,
    title: input.title,
    conduct: input.conduct,
    conductDate: '2025-03-01',
    enforcementAction: 'inspection',
    // The submission for decision requires the case's field and error type.
    field: 'industry_trade',
    errorType: 'inspection_gap',
  });
  expectOk(res, 'initiate');
  const id: string = res.body.id;
  let v: number = res.body.version;
  const facts = [
    ['a10.3', true],
    ['a13.c1', false],
    ...range('a9.', 9).map((f) => [f, false] as const),
  ] as const;
  for (const [f, value] of facts) {
    res = await investigator.request('PUT', `/api/v1/cases/${id}/facts/${f}`, {
      version: v,
      value,
      note: '调查笔录',
    });
    expectOk(res, `fact ${f}`);
    v = res.body.version;
  }
  res = await act(investigator, id, 'complete_investigation', { version: v });
  expectOk(res, 'complete_investigation');
  v = res.body.version;
  for (const factor of ASSESSMENT_FACTORS) {
    res = await investigator.request('PUT', `/api/v1/cases/${id}/assessment/${factor}`, {
      version: v,
      finding: '已核实',
    });
    expectOk(res, `assessment ${factor}`);
    v = res.body.version;
  }
  res = await act(investigator, id, 'submit_for_decision', { version: v });
  expectOk(res, 'submit_for_decision');
  v = res.body.version;
  // The reviews the policy asks for before the decision (法制审核), as the reviewer is offered them.
  const asReviewer = (await reviewer.get(`/api/v1/cases/${id}`)).body;
  for (const kind of asReviewer.forms.fairness?.allowedReviews ?? []) {
    res = await reviewer.request('PUT', `/api/v1/cases/${id}/reviews/${kind}`, {
      version: v,
      opinion: '同意',
      agrees: true,
      reviewedOn: input.today,
    });
    expectOk(res, `review ${kind}`);
    v = res.body.version;
  }
  res = await act(secretary, id, 'record_decision', {
    version: v,
    meetingDate: input.today,
    members: ['党委书记', '局长'],
    conclusion: 'no_liability',
    relatedUnitIds: [],
  });
  expectOk(res, 'record_decision');
  v = res.body.version;
  for (const n of res.body.notifications as { id: string }[]) {
    res = await act(secretary, id, 'send_notification', {
      version: v,
      notificationId: n.id,
      deliveryMethod: 'in_person',
      deliveredOn: input.today,
      deliveredTo: '受送达人',
    });
    expectOk(res, 'send_notification');
    v = res.body.version;
  }
  if (res.body.state !== 'notified') throw new Error(`not notified: ${res.body.state}`);
  return { id, version: v };
}
