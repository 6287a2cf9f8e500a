// The read scope of src/domain/case/case-access.ts as SQL: the same value that `canRead`
// applies to one case filters every list of cases. test/api/read-scope.test.ts holds the
// two to each other.

import type { ExpressionBuilder } from 'kysely';
import type { ReadScope } from '../domain/case/case-access.ts';
import type { Database } from './schema.ts';
import type { Conn } from './transaction.ts';
import { subtreeIds } from './unit.repository.ts';

export interface Reader {
  readonly id: string;
  readonly unitId: string;
  readonly scope: ReadScope;
}

/** A reader with the units of their subtree, read once for the queries of one list. */
export interface ResolvedReader extends Reader {
  readonly subtree: readonly string[];
}

export async function resolveReader(db: Conn, reader: Reader): Promise<ResolvedReader> {
  return { ...reader, subtree: await subtreeIds(db, reader.unitId) };
}

/** The cases the reader's scope admits: `scopeAdmits` in SQL. */
export function readableBy(reader: ResolvedReader) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const admitted = [];
    if (reader.scope.unitSubtree) admitted.push(eb('cases.unit_id', 'in', [...reader.subtree]));
    if (reader.scope.ownCases)
      admitted.push(
        eb('cases.officer_id', '=', reader.id),
        eb('cases.applicant_id', '=', reader.id),
      );
    // An empty OR is false: a reader with no scope reads nothing.
    return eb.or(admitted);
  };
}
