import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash, argon2id } from 'argon2';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { realisticClaimText } from './corpus';
import {
  BENCH_USER,
  claimBatch,
  type ClaimBatch,
  registry,
  type Registry,
  type Row,
  TABLES,
  type Table,
  type Value,
} from './data';
import {
  DATA_DIR,
  databaseUrl,
  type Dialect,
  PG_URL,
  pgDatabase,
  ROOT,
  seedCorpus,
  seedVariant,
  sqlitePath,
} from './options';

/** Bumped whenever the generated data changes, so cached databases are reseeded. */
const SEED_VERSION = 2;
const BATCH = 5000;

function marker(claims: number): string {
  const variant = seedVariant() === 'verified' ? ' verified=all' : '';
  const corpus = seedCorpus() === 'realistic' ? ' corpus=realistic' : '';
  return `corroborate-bench seed v${SEED_VERSION} claims=${claims}${variant}${corpus}`;
}

/** BENCH_VERIFIED=all: every claim VERIFIED, in one project (an export of the whole set). */
function seedRegistry(passwordHash: string) {
  return seedVariant() === 'verified' ? registry(passwordHash, 2000, 1) : registry(passwordHash);
}

function batchOf(reg: Registry, from: number, claims: number) {
  const to = Math.min(claims, from + BATCH);
  const text = seedCorpus() === 'realistic' ? realisticClaimText : undefined;
  return claimBatch(reg, from, to, claims, seedVariant() === 'verified', text);
}

function log(message: string): void {
  process.stderr.write(`[seed] ${message}\n`);
}

/** Applies the product's own migrations through its CLI (so the schema is exactly ours). */
function migrate(url: string): void {
  execFileSync(
    process.execPath,
    [
      '-r',
      join(ROOT, 'scripts', 'register.cjs'),
      join(ROOT, 'apps', 'cli', 'src', 'main.ts'),
      'migrate',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, DEMO_SEED: 'false', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/**
 * Makes sure the benchmark database of this dialect and size exists and is seeded; reuses it
 * when a previous run finished seeding it (a marker next to the SQLite file, a comment on the
 * PostgreSQL database). Returns its DATABASE_URL.
 */
export async function ensureSeeded(dialect: Dialect, claims: number): Promise<string> {
  const url = databaseUrl(dialect, claims);
  if (dialect === 'sqlite') {
    const file = sqlitePath(claims);
    const done = `${file}.seeded`;
    if (existsSync(done) && readFileSync(done, 'utf8') === marker(claims)) return url;
    mkdirSync(DATA_DIR, { recursive: true });
    for (const f of [file, `${file}-wal`, `${file}-shm`, done]) rmSync(f, { force: true });
    const started = Date.now();
    migrate(url);
    await seedSqlite(file, claims);
    writeFileSync(done, marker(claims));
    log(`SQLite ${claims} claims seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return url;
  }
  const name = pgDatabase(claims);
  const admin = new Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  try {
    const found = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    if (found.rows[0]?.comment === marker(claims)) return url;
    if (found.rows.length > 0) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const started = Date.now();
    migrate(url);
    await seedPostgres(url, claims);
    await admin.query(`COMMENT ON DATABASE ${name} IS '${marker(claims)}'`);
    log(`PostgreSQL ${claims} claims seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await admin.end();
  }
  return url;
}

/**
 * The queue's facet counts (claim_facet_counts, kept by triggers that the bulk load bypasses),
 * recomputed as the QueueFacetCounts migration computes them.
 */
const FACET_BACKFILL = [
  'DELETE FROM "claim_facet_counts"',
  `INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
     SELECT "projectId", 'status', "status", COUNT(*) FROM "claims" GROUP BY "projectId", "status"
     UNION ALL SELECT "projectId", 'priority', "priority", COUNT(*) FROM "claims" GROUP BY "projectId", "priority"
     UNION ALL SELECT c."projectId", 'topic', LOWER(t."topic"), COUNT(*) FROM "claim_topics" t
       JOIN "claims" c ON c."id" = t."claimId" GROUP BY c."projectId", LOWER(t."topic")`,
];

function passwordHash(): Promise<string> {
  // The product's parameters (libs/api/users/src/passwords.ts), so sign-in verifies it as usual.
  return hash(BENCH_USER.password, {
    type: argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
}

function progress(done: number, total: number, started: number): void {
  if (done % 100_000 !== 0 && done !== total) return;
  const seconds = (Date.now() - started) / 1000;
  log(`${done}/${total} claims (${Math.round(done / seconds)}/s)`);
}

// ---------------------------------------------------------------------------------- SQLite

/** TypeORM's SQLite datetime text: UTC "YYYY-MM-DD HH:MM:SS.SSS". */
function sqliteTs(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function sqliteValue(type: string, value: Value): Value {
  if (value === null) return null;
  if (type === 'ts') return sqliteTs(value as number);
  if (type === 'bool') return value ? 1 : 0;
  return value;
}

async function seedSqlite(file: string, claims: number): Promise<void> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -200000');
  // Secondary indexes and the full-text triggers are dropped while loading and put back exactly
  // as the migrations made them (their SQL is read from sqlite_master), then FTS is rebuilt.
  const saved = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ('claims', 'claim_topics', 'evidence', 'captures', 'assignments', 'assessments', 'assessment_evidence', 'adjudications') AND type IN ('index', 'trigger')`,
    )
    .all() as { type: string; name: string; sql: string }[];
  for (const s of saved) db.exec(`DROP ${s.type.toUpperCase()} "${s.name}"`);

  const inserters = new Map<Table, (row: Row) => void>();
  const insert = (table: Table, rows: Row[]) => {
    let run = inserters.get(table);
    if (!run) {
      const names = Object.keys(table.columns);
      const types = Object.values(table.columns);
      const stmt = db.prepare(
        `INSERT INTO "${table.name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      );
      run = (row: Row) => stmt.run(names.map((n, i) => sqliteValue(types[i], row[n] ?? null)));
      inserters.set(table, run);
    }
    for (const row of rows) run(row);
  };
  const reg = seedRegistry(await passwordHash());
  db.transaction(() => {
    insert(TABLES.users, reg.users);
    insert(TABLES.projects, reg.projects);
    insert(TABLES.sources, reg.sources);
  })();
  const started = Date.now();
  for (let from = 0; from < claims; from += BATCH) {
    const batch = batchOf(reg, from, claims);
    db.transaction(() => writeBatch(batch, insert))();
    progress(Math.min(claims, from + BATCH), claims, started);
  }
  log('SQLite: indexes, triggers, full-text rebuild, ANALYZE');
  for (const s of saved) db.exec(s.sql);
  db.exec(`INSERT INTO "claims_fts"("claims_fts") VALUES ('rebuild')`);
  // The FTS5 trigram table of duplicate lookup exists only before the ClaimDuplicatesIndex migration.
  if (db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'claims_trgm'`).get() !== undefined)
    db.exec(`INSERT INTO "claims_trgm"("claims_trgm") VALUES ('rebuild')`);
  for (const sql of FACET_BACKFILL) db.exec(sql);
  // The claim-text versions of duplicate lookup (ClaimTextVersions migration), kept by triggers.
  if (
    db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'claim_text_versions'`).get() !== undefined
  )
    db.exec(
      `DELETE FROM "claim_text_versions"; INSERT INTO "claim_text_versions" ("projectId", "inserted", "changed") SELECT "projectId", COUNT(*), 0 FROM "claims" GROUP BY "projectId"`,
    );
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function writeBatch(batch: ClaimBatch, insert: (table: Table, rows: Row[]) => void): void {
  insert(TABLES.claims, batch.claims);
  insert(TABLES.claimTopics, batch.claimTopics);
  insert(TABLES.evidence, batch.evidence);
  insert(TABLES.captures, batch.captures);
  insert(TABLES.assignments, batch.assignments);
  insert(TABLES.assessments, batch.assessments);
  insert(TABLES.assessmentEvidence, batch.assessmentEvidence);
  insert(TABLES.adjudications, batch.adjudications);
}

// ------------------------------------------------------------------------------ PostgreSQL

const PG_TYPES: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  int: 'int4',
  bool: 'bool',
  ts: 'timestamptz',
};

/**
 * One INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …) per table and batch: one parameter
 * per column whatever the number of rows, so batches of thousands of rows are one round trip.
 */
async function insertPg(client: Client, table: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(table.columns);
  const types = Object.values(table.columns);
  const arrays = names.map((n, i) =>
    rows.map((row) => {
      const v = row[n] ?? null;
      return v !== null && types[i] === 'ts' ? new Date(v as number).toISOString() : v;
    }),
  );
  await client.query(
    `INSERT INTO "${table.name}" (${names.map((n) => `"${n}"`).join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${PG_TYPES[t]}[]`).join(', ')})`,
    arrays,
  );
}

async function seedPostgres(url: string, claims: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Rows are consistent by construction: skip FK triggers while loading (superuser only), and
    // drop secondary indexes, recreating them afterwards from their exact definitions.
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    const saved = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('claims', 'claim_topics', 'evidence', 'captures', 'assignments', 'assessments', 'assessment_evidence', 'adjudications') AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    );
    for (const s of saved.rows) await client.query(`DROP INDEX "${s.name}"`);
    const reg = seedRegistry(await passwordHash());
    await insertPg(client, TABLES.users, reg.users);
    await insertPg(client, TABLES.projects, reg.projects);
    await insertPg(client, TABLES.sources, reg.sources);
    const started = Date.now();
    for (let from = 0; from < claims; from += BATCH) {
      const batch = batchOf(reg, from, claims);
      await client.query('BEGIN');
      for (const [table, rows] of [
        [TABLES.claims, batch.claims],
        [TABLES.claimTopics, batch.claimTopics],
        [TABLES.evidence, batch.evidence],
        [TABLES.captures, batch.captures],
        [TABLES.assignments, batch.assignments],
        [TABLES.assessments, batch.assessments],
        [TABLES.assessmentEvidence, batch.assessmentEvidence],
        [TABLES.adjudications, batch.adjudications],
      ] as const)
        await insertPg(client, table, rows);
      await client.query('COMMIT');
      progress(Math.min(claims, from + BATCH), claims, started);
    }
    log('PostgreSQL: indexes, VACUUM ANALYZE');
    for (const s of saved.rows) await client.query(s.def);
    for (const sql of FACET_BACKFILL) await client.query(sql);
    await client.query(`SET session_replication_role = origin`);
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}

/** `npm run bench:seed`: seeds (or confirms) the databases of BENCH_DB at BENCH_CLAIMS. */
export async function seedAll(dialects: Dialect[], claims: number): Promise<void> {
  for (const dialect of dialects) {
    const url = await ensureSeeded(dialect, claims);
    log(`${dialect}: ${url}`);
  }
}
