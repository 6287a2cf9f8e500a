// Response schemas for the OpenAPI document and Fastify's serializer. Objects keep
// `additionalProperties: true`: the schema documents the fields a client relies on and
// never silently drops one the use case returns.

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const time = { type: 'string', format: 'date-time' } as const;
const date = { type: 'string', format: 'date' } as const;
const strings = { type: 'array', items: str } as const;

function obj(properties: Record<string, unknown>, description?: string) {
  return {
    type: 'object',
    additionalProperties: true,
    properties,
    ...(description ? { description } : {}),
  } as const;
}

const list = (items: unknown) => ({ type: 'array', items }) as const;

export const errorResponse = obj(
  { error: obj({ code: str, message: str }) },
  '错误 / error: {"error":{"code","message"}}',
);

/** Error responses every authenticated route may give. */
export const errors = { '4xx': errorResponse } as const;

export const caseRef = obj(
  { id: str, number: str, version: int, replayed: bool },
  '新案件 / the opened case',
);
export const transitionResult = obj(
  { id: str, state: str, version: int },
  '程序推进结果 / state after the transition',
);
export const recordResult = obj(
  { result: obj({}), version: int },
  '记录结果 / what was recorded and the new version',
);

const caseSummary = obj({
  id: str,
  number: str,
  state: str,
  stateLabel: str,
  title: str,
  unit_id: str,
  officer_id: str,
  origin: str,
  policy_id: str,
  policy_version: int,
  created_at: time,
  updated_at: time,
  version: int,
});

export const caseList = obj({ total: int, items: list(caseSummary) }, '案件列表 / a page of cases');

export const caseDetail = obj(
  {
    id: str,
    number: str,
    version: int,
    state: str,
    stateLabel: str,
    origin: str,
    unitId: str,
    officerId: str,
    applicantId: nstr,
    title: str,
    conduct: str,
    enforcementAction: str,
    policy: obj({ id: str, version: int, title: str }),
    objectionDue: { type: ['string', 'null'], format: 'date' },
    createdAt: time,
    facts: list(
      obj({
        fact_id: str,
        value: { type: ['boolean', 'null'] },
        note: nstr,
        recorded_by: str,
        recorded_at: time,
      }),
    ),
    evidence: list(
      obj({
        id: str,
        fact_id: nstr,
        filename: str,
        content_type: str,
        size: int,
        sha256: str,
        uploaded_at: time,
      }),
    ),
    assessment: list(obj({ factor: str, finding: str })),
    evaluation: obj(
      { status: str, outcome: nstr, basis: strings, citation: str, missing: strings },
      '引擎对已记录事实的认定 / the engine on the recorded facts',
    ),
    determination: {
      description: '提请研究决定时记录的认定（含制度版本和说明）/ the recorded determination',
      nullable: true,
    },
    decisions: list(
      obj({
        meeting_date: date,
        members: strings,
        conclusion: str,
        engine_outcome: nstr,
        departure_reason: nstr,
        on_review: bool,
      }),
    ),
    notifications: list(
      obj({
        id: str,
        recipient_kind: str,
        recipient: str,
        from_date: date,
        days: int,
        counting: str,
        due: date,
        provisional: bool,
        sent_on: { type: ['string', 'null'], format: 'date' },
      }),
    ),
    publications: list(obj({ scope: str, published_on: date })),
    objections: list(obj({ reason: str, due: date, result: nstr })),
    corrections: list(obj({ id: str, article: int, state: str, opened_at: time })),
    enforcementErrorRecords: list(
      obj({
        officer_id: str,
        article: int,
        created_at: time,
        revoked_at: { type: ['string', 'null'], format: 'date-time' },
      }),
    ),
    timeline: list(obj({ seq: int, at: time, actor_id: nstr, action: str })),
    allowedActions: strings,
    allowedRecords: strings,
  },
  '案件详情 / a case with everything recorded on it',
);

const deadline = obj({ kind: str, caseId: str, due: date, status: str, daysLeft: int });
export const deadlines = obj(
  { mine: list(deadline), unit: list(deadline) },
  '临近（due_soon）和逾期（overdue）的期限 / deadlines',
);

export const officerRecord = obj(
  {
    officer: obj({ id: str, display_name: str, unit_id: str, badge_number: nstr }),
    cases: list(obj({ id: str, number: str, title: str, state: str })),
    enforcementErrors: int,
  },
  '执法人员记录：执法错误只计认定结论要求的 / an officer’s record (第十五条)',
);

export const unit = obj({ id: str, parent_id: nstr, name: str, kind: str, policy_id: nstr });
export const units = list(unit);
export const user = obj({
  id: str,
  username: str,
  display_name: str,
  unit_id: str,
  roles: strings,
  badge_number: nstr,
});
export const users = list(user);
export const auditEvents = list(
  obj({
    seq: int,
    at: time,
    actor_id: nstr,
    action: str,
    entity_type: str,
    entity_id: str,
    prev_hash: str,
    hash: str,
  }),
);
export const auditVerification = obj(
  { ok: bool, count: int, brokenAt: int, reason: str },
  '审计链校验结果 / the first broken link, if any',
);

export const officers = list(
  obj({ id: str, displayName: str, badgeNumber: nstr, unitId: str, unitName: str }),
);
