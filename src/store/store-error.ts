// Failures of the storage layer that a person must act on, with stable codes; the message
// is written for the operator who starts the system, in Chinese first. A lost connection
// is one of them: the driver's many ways of saying so become one code, so that a route
// answers 503 instead of 500 and the process never dies of it.

export type StoreErrorCode =
  | 'DATA_DIR_IN_USE'
  | 'EMBEDDED_START_FAILED'
  /** The embedded server died and could not be started again. */
  | 'EMBEDDED_SERVER_LOST'
  /** The database does not answer now: connection lost, refused, or the server restarting. */
  | 'DATABASE_UNAVAILABLE'
  /** The database's disk is full: the statement was refused and its transaction undone. */
  | 'DATABASE_DISK_FULL'
  /** DATABASE_URL's role could disable the audit trigger or change the schema. */
  | 'DATABASE_ROLE_REFUSED'
  /** Migrations are pending and there is no owner connection to run them. */
  | 'SCHEMA_OUT_OF_DATE'
  /** The database was migrated by a newer release than the one starting. */
  | 'SCHEMA_NEWER_THAN_RELEASE'
  /** A migration or owner-only step asked of a store that has no owner connection. */
  | 'OWNER_CONNECTION_REQUIRED';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** What a person reading an HTTP answer is told; the cause stays in the server's log. */
const UNAVAILABLE_MESSAGE = '数据库暂时无法访问，请稍后重试';

export function databaseUnavailable(cause: unknown): StoreError {
  return new StoreError('DATABASE_UNAVAILABLE', UNAVAILABLE_MESSAGE, { cause });
}

const DISK_FULL_MESSAGE =
  '数据库所在磁盘空间已满，本次操作未保存（没有写入任何内容）；请通知系统管理员清理磁盘空间后重试';

/**
 * PostgreSQL's disk_full (53100: a table or index could not grow) or the system's ENOSPC.
 * The transaction is undone as any failed one is, so nothing half-written stays; once
 * space is freed the next request succeeds with no repair.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '53100' || code === 'ENOSPC';
}

export function databaseDiskFull(cause: unknown): StoreError {
  return new StoreError('DATABASE_DISK_FULL', DISK_FULL_MESSAGE, { cause });
}

/**
 * The error for the operator at a terminal: Chinese then English, and the driver's own
 * words for a database out of reach (a refused login, a missing socket), which the HTTP
 * answer keeps to the log.
 */
export function operatorMessage(error: StoreError): string {
  if (error.code === 'DATABASE_DISK_FULL') {
    return `${error.message} / the database's disk is full: nothing was written; free space and try again`;
  }
  if (error.code !== 'DATABASE_UNAVAILABLE') return error.message;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message} / the database cannot be reached${cause}`;
}

/**
 * SQLSTATE classes and codes that mean the connection, not the statement, failed:
 * 08 connection exception; 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown),
 * 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, recovering);
 * 53300 too_many_connections.
 */
const LOST_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Socket errors from Node: refused, reset, gone, timed out, the socket file missing. */
const LOST_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
  'EAI_AGAIN',
]);
/** What `pg` and `pg-pool` throw as plain Errors when a connection goes or never comes. */
const LOST_MESSAGES = [
  'Connection terminated',
  'not queryable',
  'timeout exceeded when trying to connect',
];

/** Whether an error says the database is out of reach rather than that a statement failed. */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof StoreError) return error.code === 'DATABASE_UNAVAILABLE';
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') && code.length === 5) return true;
    if (LOST_SQLSTATES.has(code) || LOST_ERRNOS.has(code)) return true;
  }
  if (LOST_MESSAGES.some((m) => error.message.includes(m))) return true;
  // pg-pool wraps a failed connect in `cause`; AggregateError holds one per address tried.
  if (error instanceof AggregateError) return error.errors.some(isConnectionLoss);
  return error.cause !== undefined && error.cause !== error && isConnectionLoss(error.cause);
}

/** Whether `pg` refused a statement before sending it: safe to send again on a new connection. */
export function wasNeverSent(error: unknown): boolean {
  return error instanceof Error && error.message.endsWith('and is not queryable');
}
