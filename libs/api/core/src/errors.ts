import { Logger } from '@nestjs/common';

/** The error codes clients can rely on; one place ({@link toGraphQLError}) maps them onto GraphQL errors. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INSUFFICIENT_STORAGE';

/** Base of every error the product raises on purpose. Anything else is an internal error. */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra machine-readable details sent to the client under `extensions`. */
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class BadInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { field, ...details });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'You must sign in to do this.') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: string) {
    super(`${entity} ${JSON.stringify(id)} does not exist.`, { entity, id });
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}

export class TooManyRequestsError extends AppError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { retryAfterSeconds });
  }
}

/**
 * The database cannot be reached (it is restarting, or the network to it is down). The request
 * can be retried once it is back; `GET /health` answers 503 until then.
 */
export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(
    message = 'The database is not reachable right now. Try again in a moment; if you were saving something, reload first to see whether it was saved.',
  ) {
    super(message, { retryAfterSeconds: 5 });
  }
}

/**
 * The server could not keep a file it must keep (an export, a release, a capture, an import's
 * staging): its disk is full or the folder cannot be written. Nothing was kept; the message says
 * what and who can fix it, never a path or a system error code.
 */
export class InsufficientStorageError extends AppError {
  readonly code = 'INSUFFICIENT_STORAGE';
}

/** File-system error codes that mean a folder cannot take a file at all. */
const UNWRITABLE_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOTDIR',
  'EEXIST',
  'EISDIR',
  'ENOENT',
]);

/**
 * For a write: whether a file-system error (one with a `syscall`) means the disk is full (`full`:
 * ENOSPC, EDQUOT) or the folder cannot be written (`unwritable`: permissions, a read-only disk, a
 * file where a folder should be, a folder gone); null for anything else.
 */
export function fileSystemProblem(error: unknown): 'full' | 'unwritable' | null {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof syscall !== 'string' || typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  return UNWRITABLE_CODES.has(code) ? 'unwritable' : null;
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database is not reachable". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up or shutting down)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08006', // connection_failure
]);
const UNREACHABLE_MESSAGE =
  /Connection terminated|No answer from the database within|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable|the database system is (starting up|shutting down)/i;

/**
 * Whether `error` (or the driver error or cause inside it, as TypeORM wraps them) says that the
 * database could not be reached, as opposed to a query that failed.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
  };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  // TypeORM releases a transaction's connection when the server drops it; the transaction's next
  // statement then fails with this.
  if ((error as { name?: unknown }).name === 'QueryRunnerAlreadyReleasedError') return true;
  if (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message)) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))
  )
    return true;
  // Only the driver error TypeORM wraps, not any `cause`: a failed fetch (TypeError with a socket
  // error as its cause) is not the database.
  return isDatabaseUnavailable(driverError, depth + 1);
}

/**
 * SQLite refused a statement because another connection held the lock (SQLITE_BUSY, also as
 * the driver error TypeORM wraps). The write gate waits and tries again where it can; this is
 * for anything that still gets through.
 */
export function isSqliteBusy(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  return code === 'SQLITE_BUSY' || driverError?.code === 'SQLITE_BUSY';
}

/**
 * The database could not write because its disk is full: SQLite's SQLITE_FULL, PostgreSQL's
 * disk_full (SQLSTATE 53100), also as the driver error TypeORM wraps.
 */
export function isDatabaseDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  return [code, driverError?.code].some((c) => c === 'SQLITE_FULL' || c === '53100');
}

/**
 * The error a client should see as one of ours: an {@link AppError} as it is, an unreachable
 * or busy database as {@link ServiceUnavailableError}, a database on a full disk as
 * {@link InsufficientStorageError}; null for anything else (an internal error).
 */
export function knownError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseDiskFull(error)) {
    databaseLogger.error(
      `Database disk full: ${error instanceof Error ? error.message : String(error)}`,
    );
    return new InsufficientStorageError(
      "The database's disk is full, so this change was not saved. Tell an administrator: the disk holding the database needs space.",
    );
  }
  if (isSqliteBusy(error)) {
    databaseLogger.warn(`Database busy: ${error instanceof Error ? error.message : String(error)}`);
    return new ServiceUnavailableError(
      'The database is busy with another write (such as a command-line import); this change was not saved. Try again in a moment.',
    );
  }
  if (isDatabaseUnavailable(error)) {
    databaseLogger.warn(
      `Database unavailable: ${error instanceof Error ? error.message : String(error)}`,
    );
    return new ServiceUnavailableError();
  }
  return null;
}

const databaseLogger = new Logger('Database');
