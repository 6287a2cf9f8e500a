// 警示提醒 (emergency 第十八条, education 第十七条): the rules the system administrator sets,
// the warnings raised on recurring errors, and a unit's acknowledgement with its measures.

import {
  Choice,
  DateOnly,
  DateTime,
  Int,
  Nullable,
  NullableObject,
  Person,
  StringEnum,
  Text,
  Type,
  UnitRef,
  Uuid,
  Version,
  type Static,
} from './schema-kit.ts';
import { WARNING_RULE_KINDS } from '../domain/vocabulary.ts';
import {
  MONTHS_MAX,
  MONTHS_MIN,
  THRESHOLD_MAX,
  THRESHOLD_MIN,
} from '../domain/warning/warning-rule.ts';

export { WARNING_RULE_KIND_LABELS } from '../domain/vocabulary.ts';
export { MONTHS_MAX, MONTHS_MIN, THRESHOLD_MAX, THRESHOLD_MIN };

export const WarningRule = Type.Object({
  id: Type.String(),
  kind: StringEnum(WARNING_RULE_KINDS),
  kindLabel: Type.String(),
  /** null: each regime's cases, counted apart. */
  policyId: Nullable(Type.String()),
  /** The regime's title, or 全部制度. */
  policyTitle: Type.String(),
  threshold: Type.Integer(),
  months: Type.Integer(),
  enabled: Type.Boolean(),
  /** 12个月内同一单位同一错误类型出现3次. */
  text: Type.String(),
});
export type WarningRule = Static<typeof WarningRule>;

export const WarningRuleSet = Type.Object(
  {
    version: Type.Integer(),
    rules: Type.Array(WarningRule),
    /** The regimes a rule may be limited to. */
    policies: Type.Array(Choice),
  },
  { description: '警示规则 / the warning rules and the version of the set' },
);
export type WarningRuleSet = Static<typeof WarningRuleSet>;

export const WarningRuleInput = Type.Object(
  {
    /** A rule of the set to change; absent: a rule to add. */
    id: Type.Optional(Uuid),
    kind: StringEnum(WARNING_RULE_KINDS),
    policyId: Nullable(Text(100, 1)),
    threshold: Int({ minimum: THRESHOLD_MIN, maximum: THRESHOLD_MAX }),
    months: Int({ minimum: MONTHS_MIN, maximum: MONTHS_MAX }),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WarningRuleInput = Static<typeof WarningRuleInput>;

export const WarningRuleSetInput = Type.Object(
  {
    /** The version of the set as read; the rules in force but left out are taken out. */
    expectedVersion: Version,
    rules: Type.Array(WarningRuleInput, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type WarningRuleSetInput = Static<typeof WarningRuleSetInput>;

/** A code of a regime's taxonomy with its label. */
const Classified = Type.Object({ code: Type.String(), label: Type.String() });

export const WarningRecipient = Type.Object({
  unit: UnitRef,
  acknowledged: Type.Boolean(),
  acknowledgedAt: Nullable(DateTime),
  acknowledgedBy: NullableObject(Person),
  /** 防范措施: what the unit will do. */
  measures: Nullable(Type.String()),
});
export type WarningRecipient = Static<typeof WarningRecipient>;

const warningFields = {
  id: Type.String(),
  kind: StringEnum(WARNING_RULE_KINDS),
  kindLabel: Type.String(),
  /** 锡林浩特市综合行政执法大队 事实认定不清 3 起. */
  title: Type.String(),
  /** The rule as it was when the warning was raised, in words. */
  ruleText: Type.String(),
  policy: Type.Object({ id: Type.String(), title: Type.String() }),
  /** The unit of a same_error_type_in_unit warning; null for the other kind. */
  unit: NullableObject(UnitRef),
  field: NullableObject(Classified),
  errorType: NullableObject(Classified),
  /** The decision days of its first and last case. */
  windowFrom: DateOnly,
  windowTo: DateOnly,
  raisedAt: DateTime,
  caseCount: Type.Integer(),
  recipients: Type.Array(WarningRecipient),
  /** The recipient units the reader may acknowledge for and that have not yet. */
  waitingForReader: Type.Array(UnitRef),
};

export const WarningSummary = Type.Object(warningFields, {
  description: '警示提醒 / a warning on a recurring error',
});
export type WarningSummary = Static<typeof WarningSummary>;

export const WarningCase = Type.Object({
  id: Type.String(),
  number: Type.String(),
  /** The case's title; null for a case of a unit the reader does not read. */
  title: Nullable(Type.String()),
  unit: UnitRef,
  decidedOn: DateOnly,
  field: Classified,
  errorType: Classified,
  /** Whether the reader may open the case (its link). */
  readable: Type.Boolean(),
});
export type WarningCase = Static<typeof WarningCase>;

export const WarningDetail = Type.Object(
  { ...warningFields, cases: Type.Array(WarningCase) },
  { description: '警示提醒详情 / a warning with the cases behind it' },
);
export type WarningDetail = Static<typeof WarningDetail>;

export const WarningList = Type.Object(
  { total: Type.Integer(), items: Type.Array(WarningSummary) },
  { description: '警示提醒列表 / the warnings addressed to the reader’s units, newest first' },
);
export type WarningList = Static<typeof WarningList>;

export const WARNING_STATUSES = ['pending', 'acknowledged'] as const;
export const WARNING_STATUS_LABELS = { pending: '待签收', acknowledged: '已签收' } as const;

export const WarningListQuery = Type.Object(
  {
    kind: Type.Optional(StringEnum(WARNING_RULE_KINDS)),
    /** pending: a unit of the reader's has not acknowledged it; acknowledged: all have. */
    status: Type.Optional(StringEnum(WARNING_STATUSES)),
    limit: Type.Optional(Int({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Int()),
  },
  { additionalProperties: false },
);
export type WarningListQuery = Static<typeof WarningListQuery>;

export const AcknowledgementInput = Type.Object(
  {
    /** 防范措施: what the unit will do to keep the error from recurring. */
    measures: Text(2000, 1),
    /** The recipient unit acknowledged for, when the reader may answer for several. */
    unitId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AcknowledgementInput = Static<typeof AcknowledgementInput>;
