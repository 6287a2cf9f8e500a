// Typical cases (典型案例): the mark and its withdrawal, the library a reader may read, and
// the cases a case is compared with (同案同判). A typical case is read by exactly the
// readers of its publication: the list is filtered by `publicationReadableBy`, the SQL of
// `mayReadPublication` (src/domain/case/publication-audience.ts); the decided cases compared
// are filtered by `readableBy`, the SQL of `canRead`.

import { sql } from 'kysely';
import type { PublicationReadScope } from '../domain/case/publication-audience.ts';
import { readableBy, type ResolvedReader } from './case-read-scope.sql.ts';
import { publicationReadableBy } from './publication.queries.ts';
import type { Database } from './schema.ts';
import type { Conn, Tx } from './transaction.ts';
import type { Insertable } from 'kysely';

/** The mark of a case that stands (not withdrawn), if any. */
export function standingTypicalOf(db: Conn, caseId: string) {
  return db
    .selectFrom('typical_cases')
    .select(['id', 'publication_id'])
    .where('case_id', '=', caseId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

/** The case's latest publication, if it was published. */
export function latestPublicationOf(db: Conn, caseId: string) {
  return db
    .selectFrom('publications')
    .select(['id', 'published_on'])
    .where('case_id', '=', caseId)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export type NewTypicalCase = Omit<Insertable<Database['typical_cases']>, 'id' | 'findings'> & {
  readonly findings: readonly { factId: string; citation: string; text: string }[];
};

export async function insertTypicalCase(tx: Tx, row: NewTypicalCase): Promise<string> {
  const { id } = await tx
    .insertInto('typical_cases')
    .values({ ...row, findings: JSON.stringify(row.findings) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function withdrawTypicalCase(
  tx: Tx,
  id: string,
  by: string,
  reason: string,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('typical_cases')
    .set({ withdrawn_by: by, withdrawn_at: at, withdrawal_reason: reason })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** What a reader searches the library by; each absent part does not filter. */
export interface TypicalCaseFilter {
  readonly policyId?: string;
  readonly field?: string;
  readonly errorType?: string;
  /** An article cited by the facts found or by the conclusion's ground. */
  readonly article?: number;
  /** The committee's conclusion. */
  readonly outcome?: string;
  /** Words of the published text or of the policy text of the facts found. */
  readonly keyword?: string;
}

function typicalRows(db: Conn, scope: PublicationReadScope) {
  return db
    .selectFrom('typical_cases')
    .innerJoin('publications', 'publications.id', 'typical_cases.publication_id')
    .innerJoin('cases', 'cases.id', 'typical_cases.case_id')
    .innerJoin('units', 'units.id', 'publications.organ_unit_id')
    .where(publicationReadableBy(scope));
}

const TYPICAL_COLUMNS = [
  'typical_cases.id',
  'typical_cases.policy_id',
  'typical_cases.policy_version',
  'typical_cases.field',
  'typical_cases.error_type',
  'typical_cases.conclusion',
  'typical_cases.engine_outcome',
  'typical_cases.ground_citation',
  'typical_cases.findings',
  'typical_cases.true_facts',
  'typical_cases.articles',
  'typical_cases.decided_on',
  'typical_cases.marked_on',
  'typical_cases.withdrawn_at',
  'typical_cases.withdrawal_reason',
  'publications.id as publication_id',
  'publications.text',
  'publications.scope',
  'publications.circle',
  'publications.organ_unit_id',
  'units.name as organ_name',
  'cases.number as case_number',
] as const;

export type TypicalCaseRow = NonNullable<Awaited<ReturnType<typeof findTypicalCase>>>;

/** LIKE's own characters taken literally. */
function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The standing typical cases the scope admits and the filter selects, newest first. */
export async function listTypicalCases(
  db: Conn,
  scope: PublicationReadScope,
  filter: TypicalCaseFilter,
  page: { readonly limit: number; readonly offset: number },
) {
  let query = typicalRows(db, scope).where('typical_cases.withdrawn_at', 'is', null);
  if (filter.policyId) query = query.where('typical_cases.policy_id', '=', filter.policyId);
  if (filter.field) query = query.where('typical_cases.field', '=', filter.field);
  if (filter.errorType) query = query.where('typical_cases.error_type', '=', filter.errorType);
  if (filter.outcome) query = query.where('typical_cases.conclusion', '=', filter.outcome);
  if (filter.article !== undefined) {
    const article = filter.article;
    query = query.where(sql<boolean>`typical_cases.articles @> array[${article}]::integer[]`);
  }
  if (filter.keyword?.trim()) {
    const like = likePattern(filter.keyword.trim());
    query = query.where((eb) =>
      eb.or([
        eb('publications.text', 'ilike', like),
        eb(sql<string>`typical_cases.findings::text`, 'ilike', like),
        eb('typical_cases.ground_citation', 'ilike', like),
      ]),
    );
  }
  const [items, count] = await Promise.all([
    query
      .select(TYPICAL_COLUMNS)
      .orderBy('typical_cases.marked_at', 'desc')
      .orderBy('typical_cases.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.total), items };
}

/** One typical case, withdrawn or not, if the scope admits its publication. */
export function findTypicalCase(db: Conn, scope: PublicationReadScope, id: string) {
  return typicalRows(db, scope)
    .select(TYPICAL_COLUMNS)
    .where('typical_cases.id', '=', id)
    .executeTakeFirst();
}

/** The case's standing typical case, whoever reads it (the reader of the case reads more). */
export function typicalCaseOfCase(db: Conn, caseId: string) {
  return db
    .selectFrom('typical_cases')
    .innerJoin('publications', 'publications.id', 'typical_cases.publication_id')
    .innerJoin('cases', 'cases.id', 'typical_cases.case_id')
    .innerJoin('units', 'units.id', 'publications.organ_unit_id')
    .select(TYPICAL_COLUMNS)
    .where('typical_cases.case_id', '=', caseId)
    .where('typical_cases.withdrawn_at', 'is', null)
    .executeTakeFirst();
}

/** The most cases of each kind a case is compared with: the newest of those that may match. */
export const COMPARED_LIMIT = 500;

/** What the comparison reads of the facts and the ground of a case. */
export interface LikenessKeys {
  readonly policyId: string;
  readonly excludeCaseId: string;
  /** The facts found to hold in the case compared. */
  readonly trueFacts: readonly string[];
  /** The grounds that hold for it (its outcome among them). */
  readonly grounds: readonly string[];
  /** Only cases with this conclusion (the departure panel); all when absent. */
  readonly conclusion?: string;
}

/** The standing typical cases the scope admits that share a fact or a ground with the case. */
export function typicalCandidates(db: Conn, scope: PublicationReadScope, keys: LikenessKeys) {
  let query = typicalRows(db, scope)
    .where('typical_cases.withdrawn_at', 'is', null)
    .where('typical_cases.policy_id', '=', keys.policyId)
    .where('typical_cases.case_id', '!=', keys.excludeCaseId)
    .where((eb) =>
      eb.or([
        ...(keys.trueFacts.length > 0
          ? [
              eb(
                sql<boolean>`typical_cases.true_facts && ${sql.val([...keys.trueFacts])}::text[]`,
                '=',
                true,
              ),
            ]
          : []),
        ...(keys.grounds.length > 0
          ? [eb('typical_cases.engine_outcome', 'in', [...keys.grounds])]
          : []),
      ]),
    );
  if (keys.conclusion) query = query.where('typical_cases.conclusion', '=', keys.conclusion);
  return query
    .select([
      'typical_cases.id',
      'typical_cases.case_id',
      'typical_cases.true_facts',
      'typical_cases.engine_outcome',
      'typical_cases.conclusion',
      'typical_cases.decided_on',
      'publications.text',
      'cases.number as case_number',
    ])
    .orderBy('typical_cases.decided_on', 'desc')
    .limit(COMPARED_LIMIT)
    .execute();
}

/**
 * The decided cases the reader may read that share a fact or a ground with the case, with
 * their current conclusion, the engine's outcome recorded at submission and their facts
 * found to hold.
 */
export async function decidedCandidates(db: Conn, reader: ResolvedReader, keys: LikenessKeys) {
  const latest = (column: 'conclusion' | 'meeting_date') =>
    sql<string>`(select d.${sql.ref(column)} from decisions d where d.case_id = cases.id
      order by d.decided_at desc limit 1)`;
  let query = db
    .selectFrom('cases')
    .where(readableBy(reader))
    .where('cases.policy_id', '=', keys.policyId)
    .where('cases.id', '!=', keys.excludeCaseId)
    .where('cases.determination', 'is not', null)
    .where((eb) =>
      eb.exists(eb.selectFrom('decisions').whereRef('decisions.case_id', '=', 'cases.id')),
    )
    .where((eb) =>
      eb.or([
        ...(keys.trueFacts.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('case_facts')
                  .whereRef('case_facts.case_id', '=', 'cases.id')
                  .where('case_facts.value', '=', true)
                  .where('case_facts.fact_id', 'in', [...keys.trueFacts]),
              ),
            ]
          : []),
        ...(keys.grounds.length > 0
          ? [eb(sql<string>`cases.determination->>'outcome'`, 'in', [...keys.grounds])]
          : []),
      ]),
    );
  if (keys.conclusion) query = query.where(latest('conclusion'), '=', keys.conclusion);
  const rows = await query
    .select([
      'cases.id',
      'cases.number',
      'cases.title',
      sql<string | null>`cases.determination->>'outcome'`.as('engine_outcome'),
      latest('conclusion').as('conclusion'),
      sql<string>`${latest('meeting_date')}::text`.as('decided_on'),
    ])
    .orderBy('cases.updated_at', 'desc')
    .limit(COMPARED_LIMIT)
    .execute();
  if (rows.length === 0) return [];
  const facts = await db
    .selectFrom('case_facts')
    .select(['case_id', 'fact_id'])
    .where(
      'case_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('value', '=', true)
    .execute();
  const byCase = new Map<string, string[]>();
  for (const f of facts) byCase.set(f.case_id, [...(byCase.get(f.case_id) ?? []), f.fact_id]);
  return rows.map((r) => ({ ...r, true_facts: byCase.get(r.id) ?? [] }));
}
