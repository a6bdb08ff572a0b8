import { Logger } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import { type DataSource } from 'typeorm';
import { isSqliteBusy } from '@corroborate/api-core';

/**
 * Rows ANALYZE reads per index when it fills in missing statistics. SQLite suggests 100-1000 for
 * its periodic `optimize`; with 1,000 every index of a 1M-claim database looked alike (about 1,000
 * claims a project) and the planner took the (projectId, status) index over the small partial one
 * of claims in disagreement. 20,000 told them apart and took 2.0 s for every table at 1M claims
 * (1,000: 1.6 s; no limit: 3 s for claims alone).
 */
const ANALYSIS_LIMIT = 20_000;

/**
 * Keeps SQLite's planner statistics (sqlite_stat1) complete. Without them SQLite guesses, and at
 * 100,000 claims a project it sorted a whole project for each queue page through the
 * (projectId, status) index instead of reading the page in order from the (projectId, updatedAt)
 * one; and when only some indexes have statistics (a migration created or rebuilt the others),
 * it takes the ones without for the most selective. So every table with an index that has no
 * statistics is analysed (bounded: {@link ANALYSIS_LIMIT} rows per index), then
 * `PRAGMA optimize=0x10002` re-analyses tables that grew or shrank a lot since (SQLite's advice
 * when a long-lived connection opens). Returns the tables analysed.
 * PostgreSQL keeps its own statistics (autovacuum), so this does nothing there.
 */
export async function completeSqliteStatistics(
  dataSource: DataSource,
  logger: Pick<Logger, 'log'> = new Logger('Database'),
): Promise<string[]> {
  if (dataSource.options.type !== 'better-sqlite3') return [];
  const db = connectionOf(dataSource);
  const analysed: string[] = [];
  withoutWaiting(db, logger, () => {
    const hasStatistics = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'`)
      .get();
    const missing = hasStatistics
      ? `AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = m.name)`
      : '';
    const tables = db
      .prepare(
        `SELECT DISTINCT m.tbl_name AS "table" FROM sqlite_master m
         WHERE m.type = 'index' AND m.tbl_name NOT LIKE 'sqlite_%' ${missing} ORDER BY 1`,
      )
      .pluck()
      .all() as string[];
    if (tables.length) {
      db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
      try {
        for (const table of tables) {
          db.exec(`ANALYZE "${table.replace(/"/g, '""')}"`);
          analysed.push(table);
        }
      } finally {
        db.pragma('analysis_limit = 0');
      }
    }
    db.pragma('optimize = 0x10002');
  });
  return analysed;
}

/**
 * `PRAGMA optimize=0x10002` on SQLite: re-analyses, bounded, the tables whose size changed a lot
 * since their statistics were taken (a large import, a database that started empty). Never waits
 * for the write lock (see {@link withoutWaiting}), and a failure is logged, never thrown:
 * statistics only steer the planner. Nothing on PostgreSQL.
 */
export async function refreshSqliteStatistics(
  dataSource: DataSource,
  logger: Pick<Logger, 'warn' | 'log'> = new Logger('Database'),
): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3' || !dataSource.isInitialized) return;
  try {
    withoutWaiting(connectionOf(dataSource), logger, (db) => db.pragma('optimize = 0x10002'));
  } catch (error) {
    logger.warn(`Refreshing the database statistics failed: ${String(error)}`);
  }
}

function connectionOf(dataSource: DataSource): BetterSqlite3.Database {
  return (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
    .databaseConnection;
}

/**
 * Runs statistics work at once or not at all: ANALYZE writes (sqlite_stat1), so it needs the
 * write lock, and statistics are not worth a wait. While the shared connection is inside a
 * transaction (another request's import, say) or another program holds the lock (the
 * command-line tool importing beside the server, or the server beside the tool), the work is
 * left for the next check (hourly, or after the next large import) with a line in the log;
 * before, a server or command starting then waited silently until the other write ended.
 */
function withoutWaiting(
  db: BetterSqlite3.Database,
  logger: Pick<Logger, 'log'>,
  work: (db: BetterSqlite3.Database) => void,
): void {
  const deferred = () =>
    logger.log('Planner statistics left for later: another write to the database is under way.');
  if (db.inTransaction) return deferred();
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    work(db);
  } catch (error) {
    if (!isSqliteBusy(error)) throw error;
    deferred();
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}

/**
 * {@link refreshSqliteStatistics} every `intervalMs` (SQLite's advice for long-lived
 * connections). The timer does not keep the process alive; the returned function stops it.
 */
export function optimizeSqlitePeriodically(dataSource: DataSource, intervalMs: number): () => void {
  if (dataSource.options.type !== 'better-sqlite3') return () => undefined;
  const timer = setInterval(() => void refreshSqliteStatistics(dataSource), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
