// GET /api/v1/system/backups: the 数据备份 page (the system administrator's).

import type { AppContext } from '../../app/app-context.ts';
import { readBackupOverview } from '../../app/backup/backup-overview.ts';
import type { BackupSchedule } from '../../app/backup/backup-schedule.ts';
import { BackupOverview } from '../../contract/backup.schemas.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';

const spec = specFor('系统 system');

export function backupRoutes(ctx: AppContext, schedule: BackupSchedule | null): Routes {
  return async (app) => {
    const overview = spec(
      '数据备份记录（系统管理员）/ the backups and the next daily one',
      {},
      { 200: BackupOverview },
    );
    app.get('/api/v1/system/backups', overview, async (request) =>
      readBackupOverview(ctx, await actorOf(ctx, request), schedule),
    );
  };
}
