// 同案同判: the typical cases and decided cases like the case at hand that its reader may
// read (src/domain/typical-case/similar-cases.ts). On a case not yet decided, the alike
// cases whatever their conclusion; on a decided case whose conclusion departs from the
// engine's outcome, the alike cases decided the other way, with the outcome it departed
// from. Typical cases by the reader's publication scope, decided cases by the case read
// scope; a case that is both is listed once, as typical.

import type { CaseDetermination } from '../../domain/case/case-view.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import type { OutcomeCode } from '../../domain/policy/policy-model.ts';
import {
  decidedOtherWay,
  departedOutcome,
  rankSimilar,
  SIMILAR_LIMIT,
  type CaseLikeness,
  type SimilarCandidate,
  type SimilarMatch,
} from '../../domain/typical-case/similar-cases.ts';
import { trueFactsIn } from '../../domain/typical-case/typical-case-content.ts';
import { viewRows } from '../../store/case.repository.ts';
import { resolveReader } from '../../store/case-read-scope.sql.ts';
import {
  decidedCandidates,
  typicalCandidates,
  type LikenessKeys,
} from '../../store/typical-case.queries.ts';
import type { Actor } from '../account/sessions.ts';
import type { AppContext } from '../app-context.ts';
import { readerOf } from '../case/case-actor.ts';
import { readableCase } from '../case/case-detail.ts';
import { snapshotOf } from '../case/case-snapshot.ts';
import { publicationReaderScope } from '../publication/publications.ts';

/** A typical or decided case compared, as the panel names it. */
export interface ComparedCase extends SimilarCandidate {
  /** The typical case's id, when it is one the reader may read. */
  readonly typicalCaseId: string | null;
  /** The case's id, when the reader may read the case itself. */
  readonly caseId: string | null;
  readonly caseNumber: string;
  /** The case's title, or the typical case's published heading for a case not readable. */
  readonly title: string;
}

/**
 * `similar` on a case not yet decided; `departure` on a decided case whose conclusion
 * departs from the engine; `none` otherwise (decided as the engine found, refused, withdrawn).
 */
export type SimilarMode = 'similar' | 'departure' | 'none';

export interface SimilarCasesReading {
  readonly mode: SimilarMode;
  readonly policy: CompiledPolicy;
  /** The case's determination: live before submission, as recorded after it. */
  readonly determination: CaseDetermination;
  readonly conclusion: OutcomeCode | null;
  readonly matches: readonly SimilarMatch<ComparedCase>[];
}

const NOT_COMPARED = new Set(['refused', 'withdrawn']);

function headingOf(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
}

export async function similarCases(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  limit = SIMILAR_LIMIT,
): Promise<SimilarCasesReading> {
  const { row } = await readableCase(ctx.db, actor, caseId);
  const { view, policy, values } = snapshotOf(ctx, row, await viewRows(ctx.db, caseId));
  const determination = view.determination;
  const conclusion = view.decision?.conclusion ?? null;
  const departedFrom =
    conclusion === null ? null : departedOutcome(determination.outcome, conclusion);
  const mode: SimilarMode =
    conclusion === null
      ? NOT_COMPARED.has(view.state)
        ? 'none'
        : 'similar'
      : departedFrom === null
        ? 'none'
        : 'departure';
  const answer = { mode, policy, determination, conclusion };
  if (mode === 'none') return { ...answer, matches: [] };

  const subject: CaseLikeness = {
    policyId: policy.id,
    trueFacts: trueFactsIn(policy, values),
    grounds: determination.grounds.filter((g) => !g.blocked).map((g) => g.code),
    outcome: determination.outcome,
  };
  const grounds = new Set<string>(subject.grounds);
  if (subject.outcome !== null && subject.outcome !== 'no_ground') grounds.add(subject.outcome);
  const keys: LikenessKeys = {
    policyId: row.policy_id,
    excludeCaseId: caseId,
    trueFacts: subject.trueFacts,
    grounds: [...grounds],
    ...(departedFrom === null ? {} : { conclusion: departedFrom }),
  };
  const [typical, decided] = await Promise.all([
    publicationReaderScope(ctx, actor).then((scope) => typicalCandidates(ctx.db, scope, keys)),
    resolveReader(ctx.db, readerOf(actor)).then((reader) =>
      decidedCandidates(ctx.db, reader, keys),
    ),
  ]);
  const readable = new Map(decided.map((d) => [d.id, d]));
  const candidates: ComparedCase[] = typical.map((t) => ({
    key: t.case_id,
    typical: true,
    typicalCaseId: t.id,
    caseId: readable.has(t.case_id) ? t.case_id : null,
    caseNumber: t.case_number,
    title: readable.get(t.case_id)?.title ?? headingOf(t.text),
    policyId: policy.id,
    trueFacts: t.true_facts,
    outcome: t.engine_outcome as OutcomeCode | null,
    conclusion: t.conclusion as OutcomeCode,
    decidedOn: t.decided_on,
  }));
  const typicalCases = new Set(typical.map((t) => t.case_id));
  for (const d of decided) {
    if (typicalCases.has(d.id)) continue;
    candidates.push({
      key: d.id,
      typical: false,
      typicalCaseId: null,
      caseId: d.id,
      caseNumber: d.number,
      title: d.title,
      policyId: policy.id,
      trueFacts: d.true_facts,
      outcome: d.engine_outcome as OutcomeCode | null,
      conclusion: d.conclusion as OutcomeCode,
      decidedOn: d.decided_on,
    });
  }
  const matches =
    departedFrom === null
      ? rankSimilar(subject, candidates, limit)
      : decidedOtherWay(subject, departedFrom, candidates, limit);
  return { ...answer, matches };
}
