// Policies over HTTP, for the policy browser, citations and the interview: the list,
// one version with its articles, facts and rules, and the diff of two.

import { GROUND_CODES } from '../domain/policy/policy-model.ts';
import { DEADLINE_COUNTINGS } from '../domain/vocabulary.ts';
import {
  Int,
  Nullable,
  PolicyRef,
  StringEnum,
  Text,
  Type,
  type Static,
  texts,
} from './schema-kit.ts';

export const PolicySummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  effectiveFrom: Nullable(Type.String()),
  grounds: Type.Array(StringEnum(GROUND_CODES)),
});
export type PolicySummary = Static<typeof PolicySummary>;

const TimeLimit = Type.Object({
  days: Type.Integer(),
  counting: StringEnum(DEADLINE_COUNTINGS),
  article: Type.Integer(),
  note: Type.Optional(Type.String()),
});
export type TimeLimit = Static<typeof TimeLimit>;

const Procedure = Type.Object({
  decidingBody: Type.Object({ name: Type.String(), article: Type.Integer() }),
  notification: Type.Object({ ...TimeLimit.properties, recipients: Type.Array(Type.String()) }),
  publication: Type.Object({
    article: Type.Integer(),
    scopes: Type.Array(Type.String()),
    defaultScope: Type.String(),
  }),
  notEnforcementError: Type.Object({
    article: Type.Integer(),
    grounds: Type.Array(StringEnum(GROUND_CODES)),
  }),
  correction: Type.Object({
    article: Type.Integer(),
    detailsArticle: Type.Integer(),
    opensOn: Type.Array(StringEnum(GROUND_CODES)),
    extensionAllowed: Type.Boolean(),
    deadline: TimeLimit,
    reminder: TimeLimit,
  }),
  followUp: Type.Object({ article: Type.Integer() }),
  objection: TimeLimit,
  reports: Type.Object({ article: Type.Integer(), feedback: TimeLimit }),
});

const TaxonomyEntry = Type.Object({ code: Type.String(), label: Type.String() });
export type TaxonomyEntry = Static<typeof TaxonomyEntry>;

/** 执法领域 and 错误类型 of a version: the choices a case is classified by. */
export const Taxonomy = Type.Object({
  article: Type.Integer(),
  note: Type.Optional(Type.String()),
  fields: Type.Array(TaxonomyEntry),
  errorTypes: Type.Array(TaxonomyEntry),
});
export type Taxonomy = Static<typeof Taxonomy>;

const PolicyItem = Type.Object({
  n: Type.Integer(),
  text: Type.String(),
  fact: Type.Optional(Type.String()),
  exception: Type.Optional(Type.Object({ fact: Type.String(), quote: Type.String() })),
});
export type PolicyItem = Static<typeof PolicyItem>;

const PolicyParagraph = Type.Object({
  text: Type.String(),
  items: Type.Optional(Type.Array(PolicyItem)),
  facts: Type.Optional(Type.Array(Type.Object({ fact: Type.String(), quote: Type.String() }))),
});
export type PolicyParagraph = Static<typeof PolicyParagraph>;

const PolicyRule = Type.Object({
  ground: StringEnum(GROUND_CODES),
  ...texts('label', 'summary', 'rule'),
});
export type PolicyRule = Static<typeof PolicyRule>;

const PolicyArticle = Type.Object({
  number: Type.Integer(),
  ...texts('citation', 'topic'),
  paragraphs: Type.Array(PolicyParagraph),
  rules: Type.Array(PolicyRule),
});
export type PolicyArticle = Static<typeof PolicyArticle>;

const PolicyFact = Type.Object({
  id: Type.String(),
  kind: StringEnum(['item', 'condition', 'exception'] as const),
  article: Type.Integer(),
  number: Type.Integer(),
  ...texts('citation', 'text'),
  /** Which part of its article the fact is (第四条条件（一）, 第十条第（一）项但书), and the question. */
  ...texts('label', 'question'),
});
export type PolicyFact = Static<typeof PolicyFact>;

export const PolicyDetail = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  source: Type.Object({
    issuer: Type.String(),
    documentNumber: Type.Optional(Type.String()),
    indexNumber: Type.Optional(Type.String()),
    category: Type.Optional(Type.String()),
    writtenOn: Type.Optional(Type.String()),
    publishedOn: Type.Optional(Type.String()),
    validity: Type.Optional(Type.String()),
    noticeTitle: Type.Optional(Type.String()),
    noticeText: Type.Optional(Type.String()),
  }),
  effectiveFrom: Nullable(Type.String()),
  effectiveNote: Type.String(),
  procedure: Procedure,
  taxonomy: Taxonomy,
  chapters: Type.Array(Type.Object({ title: Type.String(), articles: Type.Array(PolicyArticle) })),
  facts: Type.Array(PolicyFact),
});
export type PolicyDetail = Static<typeof PolicyDetail>;

export const PolicyParams = Type.Object({ id: Text(100) });
export const PolicyQuery = Type.Object({ version: Type.Optional(Int({ minimum: 1 })) });
export const DiffParams = Type.Object({ left: Text(100), right: Text(100) });

const DiffStatusSchema = StringEnum(['same', 'changed', 'left_only', 'right_only'] as const);
export type DiffStatus = Static<typeof DiffStatusSchema>;

const ItemSide = Type.Object({
  n: Type.Integer(),
  fact: Type.Optional(Type.String()),
  text: Type.String(),
});
export type ItemSide = Static<typeof ItemSide>;

const ArticleSide = Type.Object({
  number: Type.Integer(),
  ...texts('citation', 'topic'),
});

const RuleSide = Type.Object({
  article: Type.Integer(),
  ...texts('citation', 'text'),
});

export const PolicyDiff = Type.Object({
  left: PolicyRef,
  right: PolicyRef,
  articles: Type.Array(
    Type.Object({
      status: DiffStatusSchema,
      left: Type.Optional(ArticleSide),
      right: Type.Optional(ArticleSide),
      similarity: Type.Number(),
      changes: Type.Optional(
        Type.Array(
          Type.Object({
            op: StringEnum(['same', 'removed', 'added'] as const),
            text: Type.String(),
          }),
        ),
      ),
      items: Type.Optional(
        Type.Array(
          Type.Object({
            status: DiffStatusSchema,
            left: Type.Optional(ItemSide),
            right: Type.Optional(ItemSide),
          }),
        ),
      ),
    }),
  ),
  rules: Type.Array(
    Type.Object({
      ground: StringEnum(GROUND_CODES),
      label: Type.String(),
      status: DiffStatusSchema,
      renumbered: Type.Boolean(),
      left: Type.Optional(RuleSide),
      right: Type.Optional(RuleSide),
    }),
  ),
});
export type PolicyDiff = Static<typeof PolicyDiff>;
