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
