// Policies in the API's shape: a version with its articles (each with its citation and
// the rules it grounds), its facts, and the diff of two.

import type { PolicyDetail, PolicyDiff, PolicySummary } from '../../contract/policy.schemas.ts';
import { articleCitation } from '../../domain/policy/citation.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { factQuestion } from '../../domain/policy/fact-question.ts';
import { describeRule, type PolicyDiff as DomainDiff } from '../../domain/policy/policy-diff.ts';
import { GROUND_LABELS } from '../../domain/policy/policy-model.ts';
import { asSent } from '../route-kit.ts';

export function presentPolicySummary(p: CompiledPolicy): PolicySummary {
  return {
    id: p.id,
    version: p.version,
    title: p.def.title,
    effectiveFrom: p.effectiveFrom,
    grounds: p.grounds.map((g) => g.code),
  };
}

export function presentPolicy(policy: CompiledPolicy): PolicyDetail {
  const d = policy.def;
  return {
    id: policy.id,
    version: policy.version,
    title: d.title,
    source: { ...d.source },
    effectiveFrom: d.effectiveFrom,
    effectiveNote: d.effectiveNote,
    procedure: asSent<PolicyDetail['procedure']>(d.procedure),
    taxonomy: asSent<PolicyDetail['taxonomy']>(d.taxonomy),
    chapters: d.chapters.map((c) => ({
      title: c.title,
      articles: c.articles.map((a) => ({
        number: a.number,
        citation: articleCitation(a.number),
        topic: a.topic,
        paragraphs: a.paragraphs.map((p) => ({
          text: p.text,
          ...(p.items ? { items: p.items.map((i) => ({ ...i })) } : {}),
          ...(p.facts ? { facts: p.facts.map((f) => ({ ...f })) } : {}),
        })),
        rules: policy.grounds
          .filter((g) => g.article === a.number)
          .map((g) => ({
            ground: g.code,
            label: GROUND_LABELS[g.code],
            summary: g.summary,
            rule: describeRule(policy, g.rule),
          })),
      })),
    })),
    facts: policy.facts.map((f) => ({
      id: f.id,
      kind: f.kind,
      article: f.article,
      number: f.number,
      citation: f.citation,
      text: f.text,
      ...factQuestion(policy, f),
    })),
  };
}

export function presentDiff(diff: DomainDiff): PolicyDiff {
  return asSent<PolicyDiff>(diff);
}
