import { Logger } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import { AdvancedConsoleLogger, type LoggerOptions, type QueryRunner } from 'typeorm';
import { isSqliteBusy } from '@corroborate/api-core';

/** The longest part of a slow statement's text that is logged. */
const MAX_LOGGED_SQL = 2000;

/**
 * TypeORM's console logger (DATABASE_LOGGING prints every statement), except that a statement
 * slower than DATABASE_SLOW_STATEMENT_MS becomes a warning in the product's own log, with its
 * time and text but not its parameters: those can hold what users typed (search text, names).
 * A SQLite statement refused because another program held the lock is not logged as failed: the
 * write gate tries it again (and reports it if it gives up).
 */
export class StatementLogger extends AdvancedConsoleLogger {
  private readonly out = new Logger('Database');

  /** @param slowMs DATABASE_SLOW_STATEMENT_MS (0: off), for {@link timeSqlite}. */
  constructor(
    options: LoggerOptions,
    private readonly slowMs = 0,
  ) {
    super(options);
  }

  /**
   * Times each statement prepared on a SQLite connection while it runs, and logs the slow ones.
   * On SQLite this replaces TypeORM's own measure (`maxQueryExecutionTime`), which starts its
   * clock before an `await`: statements started together (a page's loaders, the dashboard's six)
   * then run one after another on the one connection inside each other's measured time, and a
   * fast statement was logged with the time of the slow one before it. Here only the driver's
   * synchronous run is timed (`all`, `get`, `run`; not `iterate`, whose time is the reader's).
   */
  timeSqlite(db: BetterSqlite3.Database): void {
    if (this.slowMs <= 0) return;
    const slowMs = this.slowMs;
    const prepare = db.prepare.bind(db);
    db.prepare = ((source: string) => {
      const statement = prepare(source);
      for (const method of ['all', 'get', 'run'] as const) {
        const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
        Object.defineProperty(statement, method, {
          configurable: true,
          value: (...args: unknown[]) => {
            const started = performance.now();
            try {
              return run(...args);
            } finally {
              const ms = performance.now() - started;
              if (ms > slowMs) this.logQuerySlow(ms, source);
            }
          },
        });
      }
      return statement;
    }) as BetterSqlite3.Database['prepare'];
  }

  // TypeORM declares the error a string; better-sqlite3's arrive as the driver's Error.
  override logQueryError(
    error: string,
    query: string,
    parameters?: unknown[],
    queryRunner?: QueryRunner,
  ): void {
    if (isSqliteBusy(error as unknown)) return;
    super.logQueryError(error, query, parameters, queryRunner);
  }

  override logQuerySlow(time: number, query: string): void {
    const sql = query.replace(/\s+/g, ' ').trim();
    const shown = sql.length > MAX_LOGGED_SQL ? `${sql.slice(0, MAX_LOGGED_SQL)}…` : sql;
    this.out.warn(
      `Slow statement: ${Math.round(time)} ms (over DATABASE_SLOW_STATEMENT_MS): ${shown}`,
    );
  }
}
