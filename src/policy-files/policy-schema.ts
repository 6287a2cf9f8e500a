// The schema of a literate policy file (policies/<id>/v<N>.yaml). The file's shape is
// checked here; what the shape cannot say (fact numbering, quotes found in the text,
// rules that read defined facts) is checked by the domain's `compilePolicy`.

import { z } from 'zod';
import { GROUND_CODES, type RuleSource } from '../domain/policy/policy-model.ts';

const groundCode = z.enum(GROUND_CODES);
const factId = z.string().regex(/^a[1-9]\d*\.(?:[1-9]\d*(?:\.x)?|c[1-9]\d*)$/, {
  message: '事实编号应为 aN.M、aN.cK 或 aN.M.x',
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD' });

/** A rule as written: a fact id, or one of the kind-tagged objects. */
export const ruleSchema: z.ZodType<RuleSource> = z.lazy(() =>
  z.union([
    factId.transform((fact): RuleSource => ({ kind: 'fact', fact })),
    z
      .object({ fact: factId, unless: factId })
      .strict()
      .transform((r): RuleSource => ({ kind: 'exception', fact: r.fact, unless: r.unless })),
    z
      .object({ all: z.array(ruleSchema).min(1) })
      .strict()
      .transform((r): RuleSource => ({ kind: 'all', of: r.all })),
    z
      .object({ any: z.array(ruleSchema).min(1) })
      .strict()
      .transform((r): RuleSource => ({ kind: 'any', of: r.any })),
    z
      .object({ not: ruleSchema })
      .strict()
      .transform((r): RuleSource => ({ kind: 'not', of: r.not })),
    z
      .object({ ground: groundCode })
      .strict()
      .transform((r): RuleSource => ({ kind: 'ground', ground: r.ground })),
  ]),
);

const text = z.string().min(1);
const articleNumber = z.number().int().min(1);
const timeLimit = z
  .object({
    days: z.number().int().min(1).max(3650),
    counting: z.enum(['calendar', 'working']),
    article: articleNumber,
    note: text.optional(),
  })
  .strict();

/** One entry of the field or error-type list: an English code and its Chinese label. */
const taxonomyEntry = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, { message: '分类代码只能含小写字母、数字和下划线' }),
    label: text,
  })
  .strict();

const reviewRequirement = z.object({ required: z.boolean(), note: text.optional() }).strict();

const item = z
  .object({
    n: z.number().int().min(1),
    text,
    fact: factId.optional(),
    exception: z.object({ fact: factId, quote: text }).strict().optional(),
  })
  .strict();

const paragraph = z
  .object({
    text,
    items: z.array(item).optional(),
    facts: z.array(z.object({ fact: factId, quote: text }).strict()).optional(),
  })
  .strict();

const ground = z.object({ ground: groundCode, summary: text, rule: ruleSchema }).strict();

const article = z
  .object({
    number: articleNumber,
    topic: text,
    paragraphs: z.array(paragraph).min(1),
    grounds: z.array(ground).optional(),
  })
  .strict();

export const policyFileSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '制度编号只能含小写字母、数字和连字符' }),
    version: z.number().int().min(1),
    title: text,
    source: z
      .object({
        issuer: text,
        indexNumber: text.optional(),
        documentNumber: text.optional(),
        category: text.optional(),
        writtenOn: isoDate.optional(),
        publishedOn: isoDate.optional(),
        validity: text.optional(),
        noticeTitle: text.optional(),
        noticeText: text.optional(),
      })
      .strict(),
    effectiveFrom: isoDate.nullable(),
    effectiveNote: text,
    procedure: z
      .object({
        decidingBody: z.object({ name: text, article: articleNumber }).strict(),
        notification: timeLimit.extend({ recipients: z.array(text).min(1) }).strict(),
        publication: z
          .object({
            article: articleNumber,
            scopes: z.array(text).min(1),
            defaultScope: text,
            period: timeLimit,
          })
          .strict(),
        review: z.object({ legal: reviewRequirement, discipline: reviewRequirement }).strict(),
        notEnforcementError: z
          .object({ article: articleNumber, grounds: z.array(groundCode) })
          .strict(),
        correction: z
          .object({
            article: articleNumber,
            detailsArticle: articleNumber,
            opensOn: z.array(groundCode),
            extensionAllowed: z.boolean(),
            deadline: timeLimit,
            reminder: timeLimit,
          })
          .strict(),
        followUp: z.object({ article: articleNumber }).strict(),
        objection: timeLimit,
        reports: z.object({ article: articleNumber, feedback: timeLimit }).strict(),
      })
      .strict(),
    taxonomy: z
      .object({
        article: articleNumber,
        note: text.optional(),
        fields: z.array(taxonomyEntry).min(1),
        errorTypes: z.array(taxonomyEntry).min(1),
      })
      .strict(),
    exclusion: z.object({ ground: groundCode, survives: z.array(groundCode) }).strict(),
    interview: z
      .object({
        defaultFactProbability: z
          .number()
          .gt(0, { message: '事实成立的默认概率应大于 0 且小于 1' })
          .lt(1, { message: '事实成立的默认概率应大于 0 且小于 1' }),
        minimumDecidedCases: z
          .number()
          .int({ message: '按本单位已决定案件估计概率所需的最少案件数应为正整数' })
          .min(1, { message: '按本单位已决定案件估计概率所需的最少案件数应为正整数' })
          .optional(),
      })
      .strict()
      .optional(),
    chapters: z.array(z.object({ title: text, articles: z.array(article).min(1) }).strict()).min(1),
  })
  .strict();

export type PolicyFile = z.infer<typeof policyFileSchema>;
