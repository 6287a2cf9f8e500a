// Sessions: one row per signed-in browser, keyed by the SHA-256 of its cookie's token,
// shared by every instance of the application.

import { AUDIT_STAMP } from './audit.repository.ts';
import { preparedQuery } from './prepared-statement.ts';
import type { Conn, Tx } from './transaction.ts';
import { ACCOUNT_COLUMNS } from './user.repository.ts';

export interface NewSession {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly at: Date;
}

export async function insertSession(tx: Tx, session: NewSession): Promise<void> {
  await tx
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.at,
      last_seen_at: session.at,
    })
    .execute();
}

/** The session with its user, as one row, and the audit log's stamp as it was read. */
export async function findSessionWithUser(db: Conn, sessionId: string) {
  return (await sessionWithUser(db, { sessionId }))[0];
}

/** Read on every signed-in request, so prepared. */
const sessionWithUser = preparedQuery(
  'session_with_user',
  ['sessionId'],
  (db, { sessionId }: { sessionId: string }) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.last_seen_at'])
      .select(ACCOUNT_COLUMNS.map((c) => `users.${c}` as const))
      // Where the audit log stands (auditStamp), in the same round trip: what a case
      // page's kept answer is checked against (case-answer-cache.ts).
      .select(AUDIT_STAMP.as('audit_stamp'))
      .where('sessions.id', '=', sessionId),
);

export async function touchSession(db: Conn, sessionId: string, at: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Conn, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, or every one but `keep`. */
export async function deleteSessionsOf(tx: Tx, userId: string, keep?: string): Promise<void> {
  let query = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep !== undefined) query = query.where('id', '!=', keep);
  await query.execute();
}

export async function deleteIdleSessions(db: Conn, seenBefore: Date): Promise<void> {
  await db.deleteFrom('sessions').where('last_seen_at', '<', seenBefore).execute();
}
