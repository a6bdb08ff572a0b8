import { Logger } from '@nestjs/common';
import { AdvancedConsoleLogger, type QueryRunner } from 'typeorm';
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
