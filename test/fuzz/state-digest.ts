// What the fuzzer holds the database to: a refused request changes nothing, except where
// a refusal is itself recorded (MAY_CHANGE_ON_REFUSAL says where, and why). A digest of
// every table before and after each write tells; StateWatch keeps the one the next
// request starts from.

import { sql, type Kysely } from 'kysely';

/**
 * What a refused request may change, and why. Everything else in every table of the
 * application's schema (found at run time, so a new table is covered) must be as it was.
 */
export const MAY_CHANGE_ON_REFUSAL: {
  readonly tables: Readonly<Record<string, string>>;
  readonly columns: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Tables a refusal with this code may change as well. */
  readonly byCode: Readonly<Record<string, Readonly<Record<string, string>>>>;
} = {
  tables: {
    audit_events:
      'a refused sign-in is audited, and a window of failures is audited in aggregate; ' +
      'the chain is verified at the end of the run instead',
    audit_pending:
      'the same events, queued until the chainer moves them into audit_events (migration 0018)',
    sign_in_failures: 'failed sign-ins are counted per subject and window (issue 8, item 6)',
    login_name_states:
      'a typed name that is no account keeps a login state, so it answers as an account does (item 9)',
  },
  columns: {
    users: {
      failed_logins:
        'a wrong password counts toward the lockout, at sign-in and on a password change',
      last_failed_login_at: 'the time of that failure',
      locked_until: 'the failure that reaches the limit locks the account',
    },
    sessions: { last_seen_at: 'any request with a session refreshes it, refused or not' },
    // Not a change a refusal may make: left out of the digest for speed, sha256 covers it.
    evidence: { content: 'the file itself; its sha256 column stands for it' },
  },
  byCode: {
    ACCOUNT_LOCKED: {
      sessions:
        'a wrong current password that locks the account also ends its sessions ' +
        '(src/app/account/sessions.ts changePassword)',
    },
  },
};

/**
 * What a read (GET) may change besides what a refusal may, and why. Anything else a GET
 * changes is a violation, named with the request that did it.
 */
export const MAY_CHANGE_ON_READ: Readonly<Record<string, string>> = {
  document_numbers:
    "a document's 文号 is given the first time it is generated, by a GET of the document " +
    '(src/app/document/generate-document.ts), and kept from then on',
  case_number_counters: 'the series that 文号 is taken from (src/store/document.repository.ts)',
};

/** The changed tables a read may not explain. */
export function unexplainedReadChanges(changed: readonly string[]) {
  return changed.filter((t) => !Object.hasOwn(MAY_CHANGE_ON_READ, t));
}

/** The changed tables a refusal with this code may not explain. */
export function unexplainedChanges(changed: readonly string[], code: string | undefined) {
  const allowed = (code && MAY_CHANGE_ON_REFUSAL.byCode[code]) || {};
  return changed.filter((t) => !Object.hasOwn(allowed, t));
}

/**
 * A digest of every table's rows but what MAY_CHANGE_ON_REFUSAL lists: per table the
 * row count and the sum of the rows' MD5s (order-free), one query for all of them.
 */
export class StateDigest {
  private query: string | undefined;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, read by name
  constructor(private readonly db: Kysely<any>) {}

  /** The tables the digest covers. */
  tables: readonly string[] = [];

  private async prepare(): Promise<string> {
    const rows = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
      order by table_name`.execute(this.db);
    this.tables = rows.rows
      .map((r) => r.name)
      .filter((t) => !Object.hasOwn(MAY_CHANGE_ON_REFUSAL.tables, t));
    const parts = this.tables.map((table) => {
      const dropped = Object.keys(MAY_CHANGE_ON_REFUSAL.columns[table] ?? {})
        .map((c) => ` - '${c}'`)
        .join('');
      const row = `md5((to_jsonb(r)${dropped})::text)`;
      return `select '${table}' as t, count(*)::text as n,
        coalesce(sum(('x' || left(${row}, 15))::bit(60)::bigint), 0)::text as h
        from "${table}" r`;
    });
    this.query = parts.join('\nunion all\n');
    return this.query;
  }

  private last: { lsn: string; digest: Map<string, string> } | undefined;

  /** Digests computed in full, and taken from the last one because nothing was written. */
  computed = 0;
  reused = 0;

  /**
   * Table name to "rows:sum". When PostgreSQL has written no WAL since the last digest,
   * no row can have changed (every change of a logged table writes WAL), and the last
   * digest stands: most refusals write nothing, and the full digest costs milliseconds.
   */
  async take(): Promise<Map<string, string>> {
    const query = this.query ?? (await this.prepare());
    const lsn = (
      await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(this.db)
    ).rows[0]!.lsn;
    if (this.last?.lsn === lsn) {
      this.reused++;
      return this.last.digest;
    }
    const rows = await sql.raw<{ t: string; n: string; h: string }>(query).execute(this.db);
    const digest = new Map(rows.rows.map((r) => [r.t, `${r.n}:${r.h}`]));
    this.computed++;
    // The position read before the digest: a write during it only makes the next one full.
    this.last = { lsn, digest };
    return digest;
  }
}

/** The tables whose digest differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((t) => before.get(t) !== after.get(t));
}

/**
 * The database state the next request starts from. The runner sends one request at a
 * time, so that a change between two digests is that request's own.
 */
export class StateWatch {
  private last = new Map<string, string>();

  constructor(readonly digest: StateDigest) {}

  /** Starts from the database as it is now (after the runner's own writes: a session). */
  async reset(): Promise<void> {
    this.last = await this.digest.take();
  }

  /** The tables changed since the last digest; from now on compared with this one. */
  async changes(): Promise<string[]> {
    const now = await this.digest.take();
    const changed = changedTables(this.last, now);
    this.last = now;
    return changed;
  }
}
