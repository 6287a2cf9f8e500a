// Deadline jobs (migration 0001): claimed once across instances, done once.

import type { Generated, Selectable } from 'kysely';
import type { JsonWithDefault } from './column-types.ts';

export interface JobTable {
  id: Generated<string>;
  kind: string;
  run_at: Date;
  claimed_by: string | null;
  claimed_at: Date | null;
  done_at: Date | null;
  payload: JsonWithDefault;
}

export type JobRow = Selectable<JobTable>;
