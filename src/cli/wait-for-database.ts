// `rongcuo serve` started before its database answers (a server booting, the database
// restarted at the same time as the application): wait and try again rather than exit,
// saying so on standard error, until RONGCUO_DB_WAIT_SECONDS (default 300) have passed.
// Then exit 1 with the cause, for the service manager to restart later. Only a database
// out of reach is waited for; a refused role or a failed migration is not going to change.

import { setTimeout as sleep } from 'node:timers/promises';
import { operatorMessage, StoreError } from '../store/store-error.ts';
import type { CliIO } from './cli-io.ts';

export const DEFAULT_DB_WAIT_SECONDS = 300;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 15_000;

export function dbWaitSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.RONGCUO_DB_WAIT_SECONDS);
  return env.RONGCUO_DB_WAIT_SECONDS !== undefined && Number.isFinite(given) && given >= 0
    ? given
    : DEFAULT_DB_WAIT_SECONDS;
}

export async function whenDatabaseAnswers<T>(
  start: () => Promise<T>,
  io: CliIO,
  waitSeconds: number,
): Promise<T> {
  const giveUpAt = Date.now() + waitSeconds * 1_000;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return await start();
    } catch (error) {
      const unreachable = error instanceof StoreError && error.code === 'DATABASE_UNAVAILABLE';
      if (!unreachable || Date.now() + delay > giveUpAt) throw error;
      const left = Math.ceil((giveUpAt - Date.now()) / 1_000);
      io.stderr.write(
        `${operatorMessage(error)}\n` +
          `等待数据库：${Math.round(delay / 1_000)} 秒后重试（最多再等 ${left} 秒） / waiting for the database: retrying in ${Math.round(delay / 1_000)} s (at most ${left} s more)\n`,
      );
      await sleep(delay);
    }
  }
}
