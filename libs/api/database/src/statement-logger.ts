import { Logger } from '@nestjs/common';
import { AdvancedConsoleLogger } from 'typeorm';

/** The longest part of a slow statement's text that is logged. */
const MAX_LOGGED_SQL = 2000;

/**
 * TypeORM's console logger (DATABASE_LOGGING prints every statement), except that a statement
 * slower than DATABASE_SLOW_STATEMENT_MS becomes a warning in the product's own log, with its
 * time and text but not its parameters: those can hold what users typed (search text, names).
 */
export class StatementLogger extends AdvancedConsoleLogger {
  private readonly out = new Logger('Database');

  override logQuerySlow(time: number, query: string): void {
    const sql = query.replace(/\s+/g, ' ').trim();
    const shown = sql.length > MAX_LOGGED_SQL ? `${sql.slice(0, MAX_LOGGED_SQL)}…` : sql;
    this.out.warn(
      `Slow statement: ${Math.round(time)} ms (over DATABASE_SLOW_STATEMENT_MS): ${shown}`,
    );
  }
}
