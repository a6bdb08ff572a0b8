import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Mutex, type MutexInterface, withTimeout } from 'async-mutex';
import BetterSqlite3 from 'better-sqlite3';
import {
  type DataSource,
  type EntityManager,
  QueryFailedError,
  QueryResult,
  type QueryRunner,
} from 'typeorm';
import { isSqliteBusy, ServiceUnavailableError } from '@corroborate/api-core';
import { StatementLogger } from './statement-logger';

/**
 * How long a write waits for another request's transaction before it is refused: long enough for
 * a large import (a million rows takes minutes on SQLite), short enough that a write never hangs.
 */
export const SQLITE_WRITE_WAIT_MS = 10 * 60 * 1000;

/**
 * Refused after waiting {@link SQLITE_WRITE_WAIT_MS}: the database stayed busy with another
 * write. SERVICE_UNAVAILABLE to clients; nothing of this write was made.
 */
export class SqliteWriteTimeoutError extends ServiceUnavailableError {
  constructor(waitedMs: number) {
    super(
      `Another write (such as a large import) kept the database busy for ${Math.round(waitedMs / 1000)} s; this change was not saved. Try again once it has finished.`,
    );
  }
}

/**
 * Refused after waiting {@link SQLITE_WRITE_WAIT_MS} for another program's write on the same
 * database file (a command-line import or restore, another server): SERVICE_UNAVAILABLE.
 */
export class SqliteBusyError extends ServiceUnavailableError {
  constructor(waitedMs: number) {
    super(
      `Another program kept the database busy with a write for ${Math.round(waitedMs / 1000)} s (such as a command-line import); this change was not saved. Try again once it has finished.`,
    );
  }
}

/**
 * SQLite's own wait for another connection's lock, per attempt. It blocks the whole process
 * (better-sqlite3 is synchronous), so it is short; the gate waits between attempts instead.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 50;

/** Pauses between attempts while another connection holds the write lock (doubling up to the last). */
const BUSY_PAUSE_MS = { first: 10, max: 250 } as const;

/** Statements TypeORM sends to open and close transactions and savepoints. */
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** Read-only statements remembered per SQL text (cleared past this many). */
const READONLY_CACHE_SIZE = 2000;

/**
 * SQLite through TypeORM has one connection and one shared query runner for the whole process,
 * so a transaction is not private to the request that opened it: while it waits for I/O (an
 * import reading its staged file between batches, a release writing its files), any other
 * request's statements run on the same connection, **inside** it. Their writes would then be
 * answered as done and yet commit or roll back with that transaction — lost with it if it fails
 * or the process is killed — and TypeORM would mix up its savepoint depth with theirs.
 *
 * The gate makes transactions take turns, as PostgreSQL's separate connections do:
 *
 * - `dataSource.transaction` (and `dataSource.manager.transaction`) runs under a mutex, and the
 *   request that holds it is known by an `AsyncLocalStorage` context: its own statements, nested
 *   transactions (savepoints) included, run as before.
 * - A statement from any other context that writes waits until that transaction has ended, then
 *   runs on its own. One that only reads runs at once, on a second, read-only connection to the
 *   same file ({@link readConnection}), so it sees what is committed, as a PostgreSQL reader
 *   does, and not the open transaction's rows (which a rollback would take back). Without a file
 *   (`:memory:`) it reads the one connection, open transaction included.
 * - A transaction TypeORM opens by itself (`save`, `remove`, query builders with
 *   `useTransaction`) waits for the mutex too and holds it until it ends. To TypeORM in another
 *   context no transaction looks active meanwhile, so such a `save` opens its own transaction
 *   after the other one rather than running its statements inside it.
 *
 * Transactions that never wait for I/O ran in one go before and still do; only what overlapped
 * now queues. A write that would wait longer than `waitMs` is refused with
 * {@link SqliteWriteTimeoutError}, so a mistake can never hang a request for good.
 *
 * Other programs on the same file (the command-line import, another server) are other
 * connections, which SQLite itself makes take turns on its write lock. A transaction began
 * `DEFERRED` (TypeORM's `BEGIN TRANSACTION`): its first write after a read then failed at once
 * with SQLITE_BUSY while another program wrote, and the busy timeout, when it applied, froze the
 * whole process while it waited. Transactions now begin `IMMEDIATE` (the write lock first), with a
 * short busy timeout ({@link SQLITE_BUSY_TIMEOUT_MS}); a `BEGIN` or a statement outside a
 * transaction that finds the lock taken is tried again after a pause, other requests being served
 * meanwhile, until `waitMs` has passed ({@link SqliteBusyError}).
 */
export class SqliteWriteGate {
  private readonly context = new AsyncLocalStorage<object>();
  private readonly mutex: MutexInterface;
  /** What the mutex throws when a wait times out (compared by identity). */
  private readonly timedOut = new Error('write gate wait timed out');
  /** The context of the explicit transaction holding the mutex, if any. */
  private owner: object | null = null;
  /** Release of a transaction TypeORM opened itself (no context of ours), if one holds the mutex. */
  private implicitRelease: (() => void) | null = null;
  private readonly readonly = new Map<string, boolean>();
  /** The read-only connection for other contexts' reads while a transaction is open (lazily). */
  private reader: BetterSqlite3.Database | null = null;
  private readonly onReader = new Map<string, BetterSqlite3.Statement>();
  /** Writes that waited for another transaction (for tests and logs). */
  waited = 0;

  constructor(
    private readonly db: BetterSqlite3.Database,
    waitMs = SQLITE_WRITE_WAIT_MS,
    /** Called once the read-only connection is opened (the slow-statement timer). */
    private readonly onReaderOpened: (reader: BetterSqlite3.Database) => void = () => undefined,
  ) {
    this.mutex = withTimeout(new Mutex(), waitMs, this.timedOut);
  }

  /**
   * The connection a read should use: the read-only one while another context's transaction is
   * open (it sees what is committed), the shared one otherwise (the holder sees its own writes).
   */
  readConnection(): BetterSqlite3.Database {
    if (!this.heldElsewhere() || this.db.memory) return this.db;
    if (!this.reader) {
      this.reader = new BetterSqlite3(this.db.name, { readonly: true, fileMustExist: true });
      this.reader.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      this.onReaderOpened(this.reader);
    }
    return this.reader;
  }

  /** A statement prepared on the read-only connection (kept, like TypeORM keeps its own). */
  prepareOnReader(reader: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
    let statement = this.onReader.get(sql);
    if (!statement) {
      statement = reader.prepare(sql);
      if (this.onReader.size >= READONLY_CACHE_SIZE) this.onReader.clear();
      this.onReader.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    this.onReader.clear();
    this.reader?.close();
    this.reader = null;
  }

  /** True inside the explicit transaction that holds the gate. */
  owns(): boolean {
    const store = this.context.getStore();
    return store !== undefined && store === this.owner;
  }

  /** True while an explicit transaction of another context is open. */
  heldElsewhere(): boolean {
    return this.owner !== null && !this.owns();
  }

  /** Runs `fn` as the gate's holder (at once when this context already holds it). */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.owns()) return fn();
    const release = await this.acquire();
    const token = {};
    this.owner = token;
    try {
      return await this.context.run(token, fn);
    } finally {
      this.owner = null;
      release();
    }
  }

  /** Whether a statement writes (or opens or ends a transaction). */
  writes(sql: string): boolean {
    return TRANSACTION_CONTROL.test(sql) || !this.isReadonly(sql);
  }

  /** For a transaction TypeORM opens itself: waits for the gate and holds it until {@link endImplicit}. */
  async beginImplicit(): Promise<void> {
    this.implicitRelease = await this.acquire();
  }

  endImplicit(): void {
    const release = this.implicitRelease;
    this.implicitRelease = null;
    release?.();
  }

  private async acquire(): Promise<() => void> {
    const started = Date.now();
    if (this.mutex.isLocked()) this.waited++;
    try {
      return await this.mutex.acquire();
    } catch (error) {
      if (error === this.timedOut) throw new SqliteWriteTimeoutError(Date.now() - started);
      throw error;
    }
  }

  private isReadonly(sql: string): boolean {
    let known = this.readonly.get(sql);
    if (known === undefined) {
      try {
        known = this.db.prepare(sql).readonly;
      } catch {
        // Not preparable on its own (several statements): treat it as a write.
        known = false;
      }
      if (this.readonly.size >= READONLY_CACHE_SIZE) this.readonly.clear();
      this.readonly.set(sql, known);
    }
    return known;
  }
}

type Query = QueryRunner['query'];

const gates = new WeakMap<DataSource, SqliteWriteGate>();

/**
 * The better-sqlite3 connection a read of `dataSource` should use now, for readers that bypass
 * TypeORM (see {@link SqliteWriteGate.readConnection}): the shared one unless another context's
 * transaction is open.
 */
export function sqliteReadConnection(dataSource: DataSource): BetterSqlite3.Database {
  const gate = gates.get(dataSource);
  if (gate) return gate.readConnection();
  return (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
    .databaseConnection;
}

/**
 * Installs a {@link SqliteWriteGate} on a SQLite data source (nothing on PostgreSQL, whose
 * transactions have connections of their own). Call after migrations, before serving requests.
 */
export function gateSqliteWrites(
  dataSource: DataSource,
  waitMs = SQLITE_WRITE_WAIT_MS,
): SqliteWriteGate | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  const driver = dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database };
  const logger = dataSource.logger;
  const gate = new SqliteWriteGate(driver.databaseConnection, waitMs, (reader) => {
    if (logger instanceof StatementLogger) logger.timeSqlite(reader);
  });

  // Explicit transactions: under the gate, as its holder.
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) =>
    gate.exclusive(() => transaction(...args))) as EntityManager['transaction'];

  // The one query runner every SQLite statement goes through.
  const runner = dataSource.driver.createQueryRunner('master');
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  let active = state.isTransactionActive;
  Object.defineProperty(runner, 'isTransactionActive', {
    configurable: true,
    // Another context's open transaction is not this context's: TypeORM then opens its own.
    get: () => active && !gate.heldElsewhere(),
    set: (value: boolean) => {
      active = value;
    },
  });

  // TypeORM's own transactions on the default manager (and so every repository): under the gate
  // as its holder too, like explicit ones.
  for (const method of ['save', 'remove', 'softRemove', 'recover'] as const) {
    const original = manager[method].bind(manager) as (...args: unknown[]) => Promise<unknown>;
    (manager as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      gate.exclusive(() => original(...args));
  }

  driver.databaseConnection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  /** Runs a statement; outside a transaction, tries again while another program holds the lock. */
  const patiently = async (sql: string, rest: unknown[]): Promise<unknown> => {
    const started = Date.now();
    let pause: number = BUSY_PAUSE_MS.first;
    for (;;) {
      try {
        return await query(sql, ...rest);
      } catch (error) {
        // Inside a transaction a failed statement is the transaction's to handle.
        if (!isSqliteBusy(error) || state.transactionDepth > 0) throw error;
        if (Date.now() - started >= waitMs) throw new SqliteBusyError(Date.now() - started);
        await sleep(pause);
        pause = Math.min(pause * 2, BUSY_PAUSE_MS.max);
        // Another request's transaction may have begun while this write waited: after it.
        if (gate.heldElsewhere() && gate.writes(sql))
          return gate.exclusive(() => patiently(sql, rest));
      }
    }
  };
  /** A read while another context's transaction is open: on the read-only connection. */
  const committedRead = (sql: string, rest: unknown[]): unknown => {
    const [parameters = [], structured = false] = rest as [unknown[] | undefined, boolean?];
    // better-sqlite3 binds no booleans (TypeORM's runner turns them into 0/1 too).
    const values = parameters.map((p) => (typeof p === 'boolean' ? +p : p));
    dataSource.logger.logQuery(sql, values);
    try {
      const reader = gate.readConnection();
      const prepared = gate.prepareOnReader(reader, sql);
      const rows: unknown[] = prepared.reader ? prepared.all(...values) : [];
      if (!prepared.reader) prepared.run(...values);
      if (!structured) return rows;
      const result = new QueryResult();
      result.records = rows;
      result.raw = rows;
      return result;
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, sql, values);
      throw new QueryFailedError(sql, values, error as Error);
    }
  };
  runner.query = (async (sql: string, ...rest: unknown[]) => {
    // The write lock first: a transaction that reads, then writes, cannot be refused midway.
    const statement = sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql;
    if (!gate.heldElsewhere()) return patiently(statement, rest);
    if (!gate.writes(sql))
      return gate.readConnection() === driver.databaseConnection
        ? patiently(statement, rest)
        : committedRead(sql, rest);
    // After the other transaction, on its own (a single statement commits by itself).
    return gate.exclusive(() => patiently(statement, rest));
  }) as Query;

  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);
  // TypeORM's own transactions (save, remove…): outside an explicit one they take the gate.
  const implicit = () => !gate.owns();
  runner.startTransaction = async (isolation) => {
    // Nested in the caller's own transaction (explicit, or one TypeORM opened): a savepoint.
    if (!implicit() || (state.transactionDepth > 0 && !gate.heldElsewhere()))
      return start(isolation);
    // Outermost, or another context's transaction is open: after it, as the gate's holder.
    await gate.beginImplicit();
    try {
      await start(isolation);
    } catch (error) {
      gate.endImplicit();
      throw error;
    }
  };
  const ending =
    (end: () => Promise<void>): (() => Promise<void>) =>
    async () => {
      const outermost = implicit() && state.transactionDepth === 1;
      try {
        await end();
      } finally {
        if (outermost && state.transactionDepth === 0) gate.endImplicit();
      }
    };
  runner.commitTransaction = ending(commit);
  runner.rollbackTransaction = ending(rollback);

  gates.set(dataSource, gate);
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = () => {
    gate.close();
    return destroy();
  };
  return gate;
}
