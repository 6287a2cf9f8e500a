// The audit log keeps the exact text each event's hash was computed over. Before, the
// text was recomputed from the row's fields, and a string PostgreSQL stores differently
// from how JavaScript hashed it (a lone surrogate becomes U+FFFD) broke the row for good.
// Now the append makes every string storable first, hashes that, and stores the very text
// hashed; verification requires the fields to give that text. Rows written before keep a
// null here and are verified from their fields as before, so the chain stays one chain.

import { sql, type Kysely, type Migration } from 'kysely';

export const auditCanonical: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table audit_events add column canonical text`.execute(db);
    await sql`comment on column audit_events.canonical is
      'The exact text hashed into audit_events.hash (SM3); null for rows written before migration 0002.'`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`alter table audit_events drop column canonical`.execute(db);
  },
};
