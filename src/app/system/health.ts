// Liveness, and whether the database answers.

import { pingDatabase } from '../../store/database.ts';
import type { AppContext } from '../app-context.ts';

export type Health = { readonly database: 'ok' | 'unavailable' };

export async function checkHealth(ctx: AppContext): Promise<Health> {
  return { database: (await pingDatabase(ctx.db)) ? 'ok' : 'unavailable' };
}
