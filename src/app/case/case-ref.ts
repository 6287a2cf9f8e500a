// A case named in an address (/cases/锡盟应急容〔2026〕5号, /cases/RC-2026-000004, or its
// id): the id to read. Whatever does not name a case is NOT_FOUND, as a case the reader
// may not read is (readCase checks that next).

import { isCaseNumber } from '../../domain/case/case-number.ts';
import { caseIdByNumber } from '../../store/case-number.repository.ts';
import type { Conn } from '../../store/transaction.ts';
import { caseNotFound } from './case-actor.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function caseIdOf(db: Conn, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const id = isCaseNumber(ref) ? await caseIdByNumber(db, ref) : undefined;
  if (id === undefined) throw caseNotFound();
  return id;
}
