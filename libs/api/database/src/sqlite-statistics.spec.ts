import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataSourceOptions } from './data-source';
import { completeSqliteStatistics } from './sqlite-statistics';

const open = () =>
  new DataSource(
    dataSourceOptions({ type: 'sqlite', path: ':memory:', logging: false, slowStatementMs: 0 }, []),
  ).initialize();

const statistics = async (ds: DataSource) =>
  (
    (await ds.query('SELECT idx, stat FROM sqlite_stat1 ORDER BY idx')) as {
      idx: string;
      stat: string;
    }[]
  ).map((r) => r.idx);

describe('completeSqliteStatistics', () => {
  let ds: DataSource | undefined;
  afterEach(async () => {
    await ds?.destroy();
    ds = undefined;
  });

  it('analyses every table with an index that has no statistics, then only what is missing', async () => {
    ds = await open();
    await ds.query('CREATE TABLE claims (id INTEGER PRIMARY KEY, project TEXT, status TEXT)');
    await ds.query('CREATE INDEX claims_project ON claims (project)');
    await ds.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    await ds.query(
      `INSERT INTO claims (project, status) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) SELECT 'p' || (i % 5), 'NEW' FROM n`,
    );
    expect(await completeSqliteStatistics(ds)).toEqual(['claims']);
    expect(await statistics(ds)).toEqual(['claims_project']);
    expect(await completeSqliteStatistics(ds)).toEqual([]);

    // A migration adds an index: its table is analysed again, so no index lacks statistics while
    // the others have them (the planner would take it for the most selective).
    await ds.query('CREATE INDEX claims_status ON claims (status)');
    expect(await completeSqliteStatistics(ds)).toEqual(['claims']);
    expect(await statistics(ds)).toEqual(['claims_project', 'claims_status']);
  });

  it("never waits for another program's write lock: the statistics are left for later", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corroborate-statistics-'));
    const file = join(dir, 'db.sqlite');
    ds = await new DataSource(
      dataSourceOptions({ type: 'sqlite', path: file, logging: false, slowStatementMs: 0 }, []),
    ).initialize();
    await ds.query('CREATE TABLE claims (id INTEGER PRIMARY KEY, project TEXT)');
    await ds.query('CREATE INDEX claims_project ON claims (project)');
    await ds.query(`INSERT INTO claims (project) VALUES ('p1'), ('p2')`);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const log = vi.fn();
    try {
      expect(await completeSqliteStatistics(ds, { log })).toEqual([]);
      expect(log).toHaveBeenCalledWith(
        'Planner statistics left for later: another write to the database is under way.',
      );
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(await completeSqliteStatistics(ds, { log })).toEqual(['claims']);
    expect(await statistics(ds)).toEqual(['claims_project']);
    await ds.destroy();
    ds = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('does nothing on PostgreSQL', async () => {
    const postgres = { options: { type: 'postgres' } } as unknown as DataSource;
    expect(await completeSqliteStatistics(postgres)).toEqual([]);
  });
});
