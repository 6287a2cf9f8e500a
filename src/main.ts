// The composition root: opens the store (migrated), loads the policies and the work
// calendar, and builds the HTTP server on the use cases. `rongcuo serve`, the tests and
// the benchmarks put the application together here and nowhere else.

import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import type { AppContext } from './app/app-context.ts';
import { auditFilesFor, type AuditFileLocations } from './audit-files/audit-file-locations.ts';
import { loadWorkCalendar } from './calendar/load-work-calendar.ts';
import type { PolicyRegistry } from './domain/policy/policy-registry.ts';
import { CaseAnswerCache, type CaseAnswerCacheLimits } from './http/case/case-answer-cache.ts';
import { buildServer } from './http/server.ts';
import { backupSchedule, type BackupSchedule } from './app/backup/backup-schedule.ts';
import { identityKeysAtStart } from './app/secrets/identity-keys-at-start.ts';
import { loadRegistry } from './policy-files/load-policies.ts';
import type { CaseListLimits } from './app/case/case-lists.ts';
import { InterviewGuides, type InterviewGuideLimits } from './app/determination/interview-guide.ts';
import { openDatabase, type OpenOptions, type Store } from './store/database.ts';

export interface Application {
  readonly ctx: AppContext;
  readonly store: Store;
  readonly server: FastifyInstance;
  /**
   * The case page's answers kept while the audit log's stamp holds (case-answer-cache.ts).
   * Whoever changes the database other than through the application (a test, a repair by
   * hand) clears them, or pages go on showing what was there before.
   */
  readonly caseAnswers: CaseAnswerCache;
  /** Where the daily backup goes and how many are kept; null when this instance makes none. */
  readonly backupSchedule: BackupSchedule | null;
  close(): Promise<void>;
}

export interface AssembleOptions extends OpenOptions {
  /** An already open store (tests share one per file); otherwise opened here. */
  readonly store?: Store;
  readonly now?: () => Date;
  /** The policy versions to run under; default the built-in policies/ (a test may add a version). */
  readonly registry?: PolicyRegistry;
  readonly logger?: boolean;
  readonly secureCookies?: boolean;
  /** The built web application to serve; default dist/web when it exists. */
  readonly webRoot?: string;
  /**
   * The audit signing key's and checkpoints' directories; default from the environment
   * (RONGCUO_KEY_DIR, RONGCUO_CHECKPOINT_DIR, beside the data directory), or temporary
   * ones when a store is given (its chain is not the one ./data's checkpoints record).
   */
  readonly auditFiles?: AuditFileLocations;
  /** How many case pages to keep between writes (case-answer-cache.ts); 0 entries keeps none. */
  readonly caseAnswerLimits?: CaseAnswerCacheLimits;
  /** How far the case list counts and when its search reads the n-grams (case-list.queries.ts). */
  readonly caseListLimits?: CaseListLimits;
  /** How long each unit's interview estimate is kept, and from how many decided cases (tests). */
  readonly interviewGuideLimits?: InterviewGuideLimits;
  /**
   * The daily backup (backup-schedule.ts); default from the environment, beside the data
   * directory, or none when a store is given (tests decide for themselves).
   */
  readonly backupSchedule?: BackupSchedule | null;
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

export async function assemble(options: AssembleOptions = {}): Promise<Application> {
  const store = options.store ?? (await openDatabase(options));
  try {
    // As the owner when the store has its connection; then the application role is
    // checked, and refused if it could rewrite the audit trail or the schema.
    await store.migrate();
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  let started;
  try {
    started = await assembleContext(store, options);
  } catch (error) {
    if (!options.store) await store.close();
    throw error;
  }
  const { ctx, removeAuditFiles } = started;
  const caseAnswers = new CaseAnswerCache(options.caseAnswerLimits);
  const schedule =
    options.backupSchedule !== undefined
      ? options.backupSchedule
      : options.store
        ? null
        : backupSchedule(options);
  const server = await buildServer(ctx, {
    caseAnswers,
    caseListLimits: options.caseListLimits,
    backupSchedule: schedule,
    logger: options.logger ?? false,
    secureCookies: options.secureCookies ?? false,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
  });
  return {
    ctx,
    store,
    server,
    caseAnswers,
    backupSchedule: schedule,
    async close() {
      await server.close();
      if (!options.store) await store.close();
      await removeAuditFiles();
    },
  };
}

/**
 * The use cases' context on a migrated store, without the HTTP server: what `assemble`
 * serves, and what tests of the use cases themselves (documents, the demo's seeding) run
 * on. Temporary audit files when a store is given and no locations; removed by the caller.
 */
export async function assembleContext(
  store: Store,
  options: Pick<
    AssembleOptions,
    'auditFiles' | 'dataDir' | 'registry' | 'now' | 'interviewGuideLimits'
  > & { readonly store?: Store } = { store },
): Promise<{ readonly ctx: AppContext; removeAuditFiles(): Promise<void> }> {
  const auditFiles = await auditFilesFor(options);
  try {
    const ctx: AppContext = {
      db: store.db,
      auditFiles: auditFiles.locations,
      // Beside the audit signing key; created on first start (identity-key-ring.ts).
      identityKeys: await identityKeysAtStart(store.db, auditFiles.locations.keyDir),
      registry: options.registry ?? (await loadRegistry()),
      calendar: await loadWorkCalendar(),
      now: options.now ?? (() => new Date()),
      interviewGuides: new InterviewGuides(options.interviewGuideLimits),
    };
    return { ctx, removeAuditFiles: () => auditFiles.remove() };
  } catch (error) {
    await auditFiles.remove();
    throw error;
  }
}
