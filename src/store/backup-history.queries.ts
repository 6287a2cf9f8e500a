// The backups the audit log records (system.backup, system.backup_failed), chained or still
// waiting for the chainer, newest first; and when the next daily backup is due.

import { sql } from 'kysely';
import type { Conn } from './transaction.ts';

const BACKUP_ACTIONS = ['system.backup', 'system.backup_failed'];

export interface BackupEventRow {
  readonly at: Date;
  readonly action: string;
  readonly entity_id: string;
  readonly data: unknown;
}

export async function recentBackupEvents(db: Conn, limit: number): Promise<BackupEventRow[]> {
  const { rows } = await sql<BackupEventRow>`
    select at, action, entity_id, data from (
      select at, action, entity_id, data from audit_events
       where entity_type = 'backup' and action = any(${BACKUP_ACTIONS}::text[])
      union all
      select at, action, entity_id, data from audit_pending
       where entity_type = 'backup' and action = any(${BACKUP_ACTIONS}::text[])
    ) b
    order by at desc
    limit ${limit}`.execute(db);
  return rows;
}

/** The earliest daily backup not yet run. */
export async function nextScheduledRun(db: Conn, kind: string): Promise<Date | null> {
  const row = await db
    .selectFrom('jobs')
    .select('run_at')
    .where('kind', '=', kind)
    .where('done_at', 'is', null)
    .orderBy('run_at')
    .limit(1)
    .executeTakeFirst();
  return row?.run_at ?? null;
}
