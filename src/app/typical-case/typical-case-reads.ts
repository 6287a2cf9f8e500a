// Reading typical cases (典型案例): the library a signed-in reader searches, one typical
// case, what the case page shows of a case's mark and who may mark it, and the choices the
// library's filters offer. A typical case is read by exactly the readers of its
// publication (publication-audience.ts); one the reader may not read does not exist for
// them.

import { outcomeCodesOf } from '../../domain/case/case-view.ts';
import type { CompiledPolicy } from '../../domain/policy/compile-policy.ts';
import { versionOf } from '../../domain/policy/policy-registry.ts';
import type { OutcomeCode, TaxonomyEntry } from '../../domain/policy/policy-model.ts';
import {
  markingRefusal,
  withdrawalRefusal,
} from '../../domain/typical-case/typical-case-marking.ts';
import { viewRows } from '../../store/case.repository.ts';
import {
  findTypicalCase,
  listTypicalCases,
  typicalCaseOfCase,
  type TypicalCaseFilter,
  type TypicalCaseRow,
} from '../../store/typical-case.queries.ts';
import type { Actor } from '../account/sessions.ts';
import { type AppContext, UseCaseError } from '../app-context.ts';
import { readableCase } from '../case/case-detail.ts';
import { snapshotOf } from '../case/case-snapshot.ts';
import { publicationReaderScope } from '../publication/publications.ts';
import { markingFactsOf } from './typical-case-marks.ts';

/** A typical case with the policy version it was decided under (its labels). */
export interface TypicalCaseReading {
  readonly row: TypicalCaseRow;
  readonly policy: CompiledPolicy | null;
}

function withPolicy(ctx: AppContext, row: TypicalCaseRow): TypicalCaseReading {
  return { row, policy: versionOf(ctx.registry, row.policy_id, row.policy_version) };
}

export async function searchTypicalCases(
  ctx: AppContext,
  actor: Actor,
  filter: TypicalCaseFilter,
  page: { readonly limit: number; readonly offset: number },
) {
  const scope = await publicationReaderScope(ctx, actor);
  const { total, items } = await listTypicalCases(ctx.db, scope, filter, page);
  return { total, items: items.map((row) => withPolicy(ctx, row)) };
}

export async function readTypicalCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<TypicalCaseReading> {
  const scope = await publicationReaderScope(ctx, actor);
  const row = await findTypicalCase(ctx.db, scope, id);
  if (row === undefined)
    throw new UseCaseError('NOT_FOUND', '典型案例不存在或不在您可阅读的范围内');
  return withPolicy(ctx, row);
}

/** What the case page shows of the mark: the typical case, and whether the reader may act. */
export interface CaseTypicalStatus {
  readonly typicalCase: TypicalCaseReading | null;
  readonly mayMark: boolean;
  readonly mayWithdraw: boolean;
}

/** For a reader of the case (NOT_FOUND otherwise). */
export async function typicalStatusOf(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<CaseTypicalStatus> {
  const { row } = await readableCase(ctx.db, actor, caseId);
  const [parts, standing] = await Promise.all([
    viewRows(ctx.db, caseId),
    typicalCaseOfCase(ctx.db, caseId),
  ]);
  const facts = await markingFactsOf(ctx.db, actor, snapshotOf(ctx, row, parts));
  return {
    typicalCase: standing === undefined ? null : withPolicy(ctx, standing),
    mayMark: markingRefusal(facts) === null,
    // Whether the reader could withdraw it, given a reason.
    mayWithdraw: withdrawalRefusal(facts, '理由') === null,
  };
}

export interface PolicyFilterChoices {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly TaxonomyEntry[];
  readonly errorTypes: readonly TaxonomyEntry[];
  readonly outcomes: readonly OutcomeCode[];
  /** The articles that define facts or grounds, which a typical case may cite. */
  readonly articles: readonly { readonly number: number; readonly topic: string }[];
}

/** Each entry once, by code; the later version's label wins. */
function entriesOf(lists: readonly (readonly TaxonomyEntry[])[]): TaxonomyEntry[] {
  const byCode = new Map<string, TaxonomyEntry>();
  for (const list of lists) for (const e of list) byCode.set(e.code, e);
  return [...byCode.values()];
}

/** The filters' choices of every policy: the codes of all its versions, labelled by the latest. */
export function typicalCaseFilterChoices(ctx: AppContext): PolicyFilterChoices[] {
  return [...ctx.registry.byId.values()].flatMap((versions) => {
    const latest = versions.at(-1);
    if (latest === undefined) return [];
    const articles = latest.def.chapters
      .flatMap((c) => c.articles)
      .filter(
        (a) => (a.grounds?.length ?? 0) > 0 || latest.facts.some((f) => f.article === a.number),
      )
      .map((a) => ({ number: a.number, topic: a.topic }));
    return [
      {
        id: latest.id,
        title: latest.def.title,
        fields: entriesOf(versions.map((v) => v.def.taxonomy.fields)),
        errorTypes: entriesOf(versions.map((v) => v.def.taxonomy.errorTypes)),
        outcomes: outcomeCodesOf(latest),
        articles,
      },
    ];
  });
}
