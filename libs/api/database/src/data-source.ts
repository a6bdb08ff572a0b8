import { mkdirSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { type DatabaseConfig } from '@corroborate/api-core';
import { postgresMigrations } from './migrations/postgres';
import { sqliteMigrations } from './migrations/sqlite';
import { applyDialect } from './portable-columns';
import { SqliteMillisecondTimestamps } from './sqlite-timestamps';
import { StatementLogger } from './statement-logger';

// TypeORM's own option type for entity lists.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/** TypeORM options for the configured database. `synchronize` is off everywhere: schema changes are migrations. */
export function dataSourceOptions(
  database: DatabaseConfig,
  entities: EntityList,
  migrationsRun = false,
): DataSourceOptions {
  applyDialect(database.type);
  if (database.type === 'postgres') {
    return {
      type: 'postgres',
      url: database.url,
      entities,
      migrations: postgresMigrations,
      migrationsRun,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logger: new StatementLogger(database.logging ? 'all' : ['error'], database.slowStatementMs),
      maxQueryExecutionTime: database.slowStatementMs || undefined,
      uuidExtension: 'pgcrypto',
      extra: {
        max: 10,
        connectionTimeoutMillis: database.connectTimeoutMs,
        // PostgreSQL's JIT compiles any statement its planner costs highly; the queue's counts over
        // a large project were such statements, and compiling took 230-350 ms of each part's
        // 1.7-2.1 s at 1M claims (EXPLAIN ANALYZE) without making the rest faster. Off for the
        // product's own connections only.
        options: '-c jit=off',
      },
    };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  const logger = new StatementLogger(
    database.logging ? 'all' : ['error'],
    database.slowStatementMs,
  );
  return {
    type: 'better-sqlite3',
    database: database.path,
    entities,
    subscribers: [SqliteMillisecondTimestamps],
    migrations: sqliteMigrations,
    migrationsRun,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger,
    // Slow statements are timed on the connection itself (StatementLogger.timeSqlite), not by
    // TypeORM, whose measure on SQLite includes the statements started at the same time.
    enableWAL: true,
    prepareDatabase: (db: BetterSqlite3.Database) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
      logger.timeSqlite(db);
    },
  };
}

export function createDataSource(database: DatabaseConfig, entities: EntityList): DataSource {
  return new DataSource(dataSourceOptions(database, entities));
}

/**
 * SQL the entities would still need after all migrations ran. Empty means the migrations
 * describe the entities exactly.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
