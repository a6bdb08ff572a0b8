import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pendingSchemaChanges,
  postgresMigrations,
  sqliteMigrations,
} from '@corroborate/api-database';
import { startApi, type TestApi, testDialect } from './src';

describe(`migrations on ${testDialect()}`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('migrate an empty database to exactly the schema the entities describe', async () => {
    expect(await pendingSchemaChanges(api.dataSource)).toEqual([]);
  });

  it('record every migration of the dialect as applied, and none is pending', async () => {
    const expected = testDialect() === 'postgres' ? postgresMigrations : sqliteMigrations;
    const applied = await api.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(
      expected.map((m) => new m().name),
    );
    expect(await api.dataSource.showMigrations()).toBe(false);
  });

  it('create every index the entities leave to hand-written migrations (synchronize: false)', async () => {
    const declared = api.dataSource.entityMetadatas
      .flatMap((entity) => entity.indices)
      .filter((index) => index.synchronize === false)
      .map((index) => index.name)
      .sort();
    expect(declared).toEqual(
      expect.arrayContaining([
        'claims_disagreement',
        'claims_duplicate_of',
        'claims_project_priority',
        'claims_project_updated',
        'evidence_source_retracted',
      ]),
    );
    const rows = (await api.dataSource.query(
      testDialect() === 'postgres'
        ? `SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'`
        : `SELECT name FROM sqlite_master WHERE type IN ('index', 'table')`,
    )) as { name: string }[];
    const present = new Set(rows.map((r) => r.name));
    // SQLite's full-text "index" is the FTS5 table claims_fts (ClaimSearch migration).
    if (present.has('claims_fts')) present.add('claims_search');
    expect(declared.filter((name) => !present.has(name))).toEqual([]);
  });

  it('index every foreign key, so deleting or re-keying a referenced row never scans the table referring to it', async () => {
    // A foreign key whose column leads no index makes the database read the whole referring
    // table for every delete of a referenced row (found at 1M claims: deleting an assignment on
    // reassignment read every assessment). A partial index counts only when it keeps every row
    // that has a value (IS NOT NULL), as an equality lookup of the key may then use it.
    let unindexed: string[];
    if (testDialect() === 'postgres') {
      const rows = (await api.dataSource.query(
        `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
           FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
            AND NOT EXISTS (
              SELECT 1 FROM pg_index i
               WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]
                 AND (i.indpred IS NULL OR pg_get_expr(i.indpred, i.indrelid) LIKE '%IS NOT NULL%'))`,
      )) as { table: string; column: string }[];
      unindexed = rows.map((r) => `${r.table.replace(/"/g, '')}.${r.column}`);
    } else {
      unindexed = [];
      const tables = (await api.dataSource.query(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )) as { name: string }[];
      for (const { name } of tables) {
        const leading = new Set<string>();
        const indexes = (await api.dataSource.query(`PRAGMA index_list("${name}")`)) as {
          name: string;
          partial: number;
        }[];
        for (const index of indexes) {
          if (index.partial) {
            const [{ sql }] = (await api.dataSource.query(
              `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`,
              [index.name],
            )) as { sql: string }[];
            if (!/IS NOT NULL/i.test(sql.slice(sql.toUpperCase().lastIndexOf(' WHERE ')))) continue;
          }
          const columns = (await api.dataSource.query(`PRAGMA index_xinfo("${index.name}")`)) as {
            name: string | null;
            key: number;
          }[];
          const first = columns.find((c) => c.key === 1);
          if (first?.name) leading.add(first.name);
        }
        const primary = (
          (await api.dataSource.query(`PRAGMA table_info("${name}")`)) as {
            name: string;
            pk: number;
          }[]
        ).find((c) => c.pk === 1);
        if (primary) leading.add(primary.name);
        const keys = (await api.dataSource.query(`PRAGMA foreign_key_list("${name}")`)) as {
          from: string;
          seq: number;
        }[];
        for (const key of keys)
          if (key.seq === 0 && !leading.has(key.from)) unindexed.push(`${name}.${key.from}`);
      }
    }
    expect(unindexed.sort()).toEqual([]);
  });

  it.runIf(testDialect() === 'postgres')(
    'run the product’s PostgreSQL connections without JIT compilation',
    async () => {
      const [{ jit }] = (await api.dataSource.query('SHOW jit')) as { jit: string }[];
      expect(jit).toBe('off');
    },
  );

  it('refuse to drift: a column the entities do not know about shows up as a pending change', async () => {
    await api.dataSource.query('ALTER TABLE projects ADD COLUMN stray_column integer');
    try {
      const changes = await pendingSchemaChanges(api.dataSource);
      // PostgreSQL drops the column; SQLite rebuilds the table without it.
      expect(changes.join('\n')).toMatch(
        testDialect() === 'postgres' ? /DROP COLUMN "stray_column"/ : /projects/,
      );
    } finally {
      await api.dataSource.query('ALTER TABLE projects DROP COLUMN stray_column');
    }
  });
});
