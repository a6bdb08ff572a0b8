/**
 * `npm run bench:import`: CSV import throughput (issue 6, target 4).
 *
 * Generates a deterministic CSV (IMPORT_BENCH_ROWS rows, default 100,000: text, claimant, two
 * topics, priority and one evidence item with its source per row, 500 distinct sources), then per
 * dialect (BENCH_DB) and round (IMPORT_BENCH_ROUNDS, default 3), each on a fresh copy of a
 * database migrated by our own CLI and seeded with the demo:
 * - **ours**: the product as `npm start` runs it imports the file through its REST endpoint
 *   (`POST /api/projects/:id/imports`, multipart, signed in as the demo editor) into a new project;
 *   timed from the first byte sent to the 201 answer; peak RSS is the server's VmHWM. After each
 *   run the bench checks the rows written (claims, topics, evidence, sources, one audit event per
 *   entity, the batch event), the kept facet counts against a recount, the full-text index and
 *   the normalised text the duplicate lookup reads;
 * - **raw**: the same rows read with csv-parse and bulk-inserted with hand-written SQL into the
 *   same schema (triggers included) in one transaction: prepared statements on SQLite,
 *   multi-row `INSERT … SELECT FROM unnest(…)` per table and batch on PostgreSQL.
 * Prints claims/s of both, the ratio ours ÷ raw and peak RSS, medians of the rounds.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  mkdirSync,
  openAsBlob,
  readFileSync,
  rmSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { Client } from 'pg';
import { normaliseClaimText, priorityRank, type Priority } from '@corroborate/domain';
import { DATA_DIR, type Dialect, PG_URL, ROOT } from './options';
import { startOurs } from './servers';

const ROWS = positive('IMPORT_BENCH_ROWS', 100_000);
const ROUNDS = positive('IMPORT_BENCH_ROUNDS', 3);
const DIALECTS = (process.env['BENCH_DB'] ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim()) as Dialect[];
const PG_TEMPLATE = process.env['IMPORT_BENCH_PG_DB'] ?? 'corroborate_import_bench';
const PG_RUN = `${PG_TEMPLATE}_run`;
const TARGETS = (process.env['IMPORT_BENCH_TARGETS'] ?? 'raw,ours')
  .split(',')
  .map((t) => t.trim()) as ('raw' | 'ours')[];
const SOURCES = 500;
const EDITOR = { email: 'editor@example.org', password: 'demo-editor-pass' };

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
}

function log(message: string): void {
  process.stderr.write(`[import] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// The CSV: like docs/benchmarks.md's former python snippet, deterministic (mulberry32, seed 5).

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The interior ministry',
  'Election officials',
  'Independent observers',
  'Local authorities',
  'Police in the capital',
];
const VERBS = ['detained', 'reported', 'counted', 'confirmed', 'denied'];
const OBJECTS = [
  'protesters after the march',
  'ballots in polling stations',
  'journalists near the square',
  'marches across the country',
];
const HEADER =
  'text,claimant,topics,priority,evidenceUrl,evidenceTitle,evidenceStance,evidenceCredibility,sourceName,sourceKind,sourceReliability';

async function writeCsv(path: string, rows: number): Promise<void> {
  const random = mulberry32(5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const text = `${pick(SUBJECTS)} ${pick(VERBS)} ${int(10, 40000)} ${pick(OBJECTS)} (import ${i})`;
    lines.push(
      `${text},Viasna,election;detentions,NORMAL,https://e.example.org/${i},Report ${i},SUPPORTS,${int(1, 6)},Source ${i % SOURCES},MEDIA,C`,
    );
  }
  await writeFile(path, `${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------------------------------------
// Fresh databases: a template per dialect (migrated and demo-seeded by our CLI), copied per run.

function cli(url: string, dataDir: string, ...args: string[]): void {
  execFileSync(
    process.execPath,
    [
      '-r',
      join(ROOT, 'scripts', 'register.cjs'),
      join(ROOT, 'apps', 'cli', 'src', 'main.ts'),
      ...args,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        DEMO_SEED: 'false',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

const sqliteTemplate = join(DATA_DIR, 'import-template.sqlite');
const sqliteRun = join(DATA_DIR, 'import-run.sqlite');

async function pgAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: `${PG_URL}/postgres` });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function makeTemplate(dialect: Dialect): Promise<void> {
  const dataDir = join(DATA_DIR, `import-cli-${dialect}`);
  mkdirSync(dataDir, { recursive: true });
  if (dialect === 'sqlite') {
    for (const f of [sqliteTemplate, `${sqliteTemplate}-wal`, `${sqliteTemplate}-shm`])
      rmSync(f, { force: true });
    const url = `sqlite:${sqliteTemplate}`;
    cli(url, dataDir, 'migrate');
    cli(url, dataDir, 'seed', '--demo');
    // Fold the WAL into the file so a plain copy is the whole database.
    const db = new Database(sqliteTemplate);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    return;
  }
  await pgAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_RUN} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  });
  const url = `${PG_URL}/${PG_TEMPLATE}`;
  cli(url, dataDir, 'migrate');
  cli(url, dataDir, 'seed', '--demo');
}

/** A fresh copy of the template; returns its DATABASE_URL. */
async function freshDatabase(dialect: Dialect): Promise<string> {
  if (dialect === 'sqlite') {
    for (const f of [sqliteRun, `${sqliteRun}-wal`, `${sqliteRun}-shm`]) rmSync(f, { force: true });
    copyFileSync(sqliteTemplate, sqliteRun);
    return `sqlite:${sqliteRun}`;
  }
  await pgAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${PG_RUN} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_RUN} TEMPLATE ${PG_TEMPLATE}`);
  });
  return `${PG_URL}/${PG_RUN}`;
}

// ---------------------------------------------------------------------------------------------
// A small SQL helper over both drivers, for the checks and the raw baseline.

interface Sql {
  dialect: Dialect;
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

async function connect(
  dialect: Dialect,
  url: string,
): Promise<Sql & { sqlite?: Database.Database; pg?: Client }> {
  if (dialect === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    return {
      dialect,
      sqlite: db,
      all: <T>(sql: string, params: unknown[] = []) =>
        Promise.resolve(db.prepare(sql).all(...params) as T[]),
      close: () => {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const pg = new Client({ connectionString: url });
  await pg.connect();
  return {
    dialect,
    pg,
    all: async <T>(sql: string, params: unknown[] = []) => {
      let i = 0;
      const text = sql.replace(/\?/g, () => `$${++i}`);
      return (await pg.query(text, params)).rows as T[];
    },
    close: () => pg.end(),
  };
}

async function count(db: Sql, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db.all<{ n: number | string }>(sql, params);
  return Number(row?.n ?? 0);
}

/** Proves a run wrote what it should: every row, audit event, kept count and index entry. */
async function verify(
  db: Sql,
  projectId: string,
  sourcesBefore: number,
  auditBefore: number,
): Promise<void> {
  const expect = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted)
      throw new Error(`check failed: ${what} is ${actual}, expected ${wanted}`);
  };
  const inProject = `SELECT "id" FROM "claims" WHERE "projectId" = ?`;
  expect(
    'claims',
    await count(db, `SELECT COUNT(*) AS n FROM "claims" WHERE "projectId" = ?`, [projectId]),
    ROWS,
  );
  expect(
    'topics',
    await count(db, `SELECT COUNT(*) AS n FROM "claim_topics" WHERE "claimId" IN (${inProject})`, [
      projectId,
    ]),
    2 * ROWS,
  );
  expect(
    'evidence',
    await count(db, `SELECT COUNT(*) AS n FROM "evidence" WHERE "claimId" IN (${inProject})`, [
      projectId,
    ]),
    ROWS,
  );
  expect(
    'new sources',
    (await count(db, `SELECT COUNT(*) AS n FROM "sources"`)) - sourcesBefore,
    SOURCES,
  );
  const audit = await db.all<{ action: string; n: number | string }>(
    `SELECT "action", COUNT(*) AS n FROM "audit_events" WHERE "id" > ? GROUP BY "action"`,
    [auditBefore],
  );
  const actions = Object.fromEntries(audit.map((a) => [a.action, Number(a.n)]));
  expect('claim.created events', actions['claim.created'] ?? 0, ROWS);
  expect('evidence.added events', actions['evidence.added'] ?? 0, ROWS);
  expect('source.created events', actions['source.created'] ?? 0, SOURCES);
  expect('import.completed events', actions['import.completed'] ?? 0, 1);
  expect(
    'events of distinct claims',
    await count(
      db,
      `SELECT COUNT(DISTINCT "entityId") AS n FROM "audit_events" WHERE "id" > ? AND "action" = 'claim.created'`,
      [auditBefore],
    ),
    ROWS,
  );
  // Kept facet counts equal a recount.
  const kept = await db.all<{ dim: string; value: string; n: number | string }>(
    `SELECT "dim", "value", SUM("n") AS n FROM "claim_facet_counts" WHERE "projectId" = ? GROUP BY "dim", "value" HAVING SUM("n") <> 0 ORDER BY "dim", "value"`,
    [projectId],
  );
  const recount = await db.all<{ dim: string; value: string; n: number | string }>(
    `SELECT * FROM (
       SELECT 'priority' AS dim, "priority" AS value, COUNT(*) AS n FROM "claims" WHERE "projectId" = ? GROUP BY "priority"
       UNION ALL SELECT 'status', "status", COUNT(*) FROM "claims" WHERE "projectId" = ? GROUP BY "status"
       UNION ALL SELECT 'topic', LOWER(t."topic"), COUNT(*) FROM "claim_topics" t JOIN "claims" c ON c."id" = t."claimId" WHERE c."projectId" = ? GROUP BY LOWER(t."topic")
     ) x ORDER BY dim, value`,
    [projectId, projectId, projectId],
  );
  const norm = (rows: { dim: string; value: string; n: number | string }[]) =>
    JSON.stringify(rows.map((r) => [r.dim, r.value, Number(r.n)]));
  if (norm(kept) !== norm(recount))
    throw new Error(
      `check failed: facet counts ${norm(kept)} differ from a recount ${norm(recount)}`,
    );
  // The full-text index holds every imported claim (duplicates read the claims table itself).
  const last = `import ${ROWS - 1}`;
  if (db.dialect === 'sqlite') {
    expect(
      'full-text matches',
      await count(
        db,
        `SELECT COUNT(*) AS n FROM "claims_fts" f JOIN "claims" c ON c.rowid = f.rowid WHERE "claims_fts" MATCH 'import' AND c."projectId" = ?`,
        [projectId],
      ),
      ROWS,
    );
  } else {
    expect(
      'full-text matches',
      await count(
        db,
        `SELECT COUNT(*) AS n FROM "claims" WHERE to_tsvector('simple', coalesce("text", '') || ' ' || coalesce("claimant", '')) @@ to_tsquery('simple', 'import') AND "projectId" = ?`,
        [projectId],
      ),
      ROWS,
    );
  }
  expect(
    'normalised text of the last row',
    await count(db, `SELECT COUNT(*) AS n FROM "claims" WHERE "normalisedText" LIKE ?`, [
      `%${last}`,
    ]),
    1,
  );
}

// ---------------------------------------------------------------------------------------------
// ours: the product's REST import.

async function graphql<T>(
  url: string,
  cookie: string,
  query: string,
  variables: unknown = {},
): Promise<{ data: T; cookie: string }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-requested-with': 'corroborate-bench',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: unknown };
  if (json.errors || !json.data) throw new Error(JSON.stringify(json.errors));
  return { data: json.data, cookie: (res.headers.get('set-cookie') ?? cookie).split(';')[0] };
}

function peakRssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** User + system CPU seconds a process has used so far (Linux /proc; clock ticks of 10 ms). */
function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface RunResult {
  seconds: number;
  claimsPerSecond: number;
  peakRssMb: number;
  /**
   * CPU seconds of the importing process during the import (ours: the server; raw: this
   * process). Less moved by other load on a shared machine than the wall time; on PostgreSQL the
   * database's own work is not in it.
   */
  cpuSeconds: number;
}

async function runOurs(dialect: Dialect, csv: string): Promise<RunResult> {
  const url = await freshDatabase(dialect);
  const server = await startOurs(dialect, url);
  try {
    const { cookie } = await graphql<unknown>(
      server.url,
      '',
      'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }',
      { input: EDITOR },
    );
    const { data } = await graphql<{ createProject: { id: string } }>(
      server.url,
      cookie,
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Import bench desk' } },
    );
    const projectId = data.createProject.id;
    const db = await connect(dialect, url);
    const sourcesBefore = await count(db, `SELECT COUNT(*) AS n FROM "sources"`);
    const auditBefore = await count(db, `SELECT COALESCE(MAX("id"), 0) AS n FROM "audit_events"`);
    const form = new FormData();
    form.append('file', await openAsBlob(csv), 'claims.csv');
    const cpuBefore = cpuSeconds(server.child.pid);
    const started = process.hrtime.bigint();
    const res = await fetch(`${server.url}/api/projects/${projectId}/imports`, {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'corroborate-bench' },
      body: form,
    });
    const body = (await res.json()) as { import?: { claimsCreated: number } };
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (res.status !== 201 || body.import?.claimsCreated !== ROWS)
      throw new Error(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    const peak = peakRssMb(server.child.pid);
    const cpu = cpuSeconds(server.child.pid) - cpuBefore;
    try {
      await verify(db, projectId, sourcesBefore, auditBefore);
    } finally {
      await db.close();
    }
    return { seconds, claimsPerSecond: ROWS / seconds, peakRssMb: peak, cpuSeconds: cpu };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// raw: the same rows, hand-written SQL, one transaction.

interface CsvRow {
  text: string;
  claimant: string;
  topics: string;
  priority: string;
  evidenceUrl: string;
  evidenceTitle: string;
  evidenceStance: string;
  evidenceCredibility: string;
  sourceName: string;
  sourceKind: string;
  sourceReliability: string;
}

interface RawRows {
  claims: unknown[][];
  topics: unknown[][];
  sources: unknown[][];
  evidence: unknown[][];
  audit: unknown[][];
}

const RAW_BATCH = 5000;

/** Reads the CSV and hands rows to `flush` in batches (the same rows the product writes). */
async function rawRows(
  csv: string,
  projectId: string,
  stamp: (d: Date) => string,
  flush: (rows: RawRows) => Promise<void>,
): Promise<void> {
  const sources = new Map<string, string>();
  const importId = randomUUID();
  let rows: RawRows = { claims: [], topics: [], sources: [], evidence: [], audit: [] };
  const parser = createReadStream(csv).pipe(parse({ columns: true, bom: true }));
  for await (const r of parser as AsyncIterable<CsvRow>) {
    const now = stamp(new Date());
    const id = randomUUID();
    const topics = r.topics.split(';');
    const priority = r.priority as Priority;
    rows.claims.push([
      id,
      projectId,
      r.text,
      normaliseClaimText(r.text),
      r.claimant,
      JSON.stringify(topics),
      priority,
      priorityRank(priority),
      now,
    ]);
    for (const t of topics) rows.topics.push([id, t.toLowerCase()]);
    rows.audit.push([
      'Claim',
      id,
      'claim.created',
      JSON.stringify({
        projectId,
        text: r.text,
        claimant: r.claimant,
        topics,
        priority,
        status: 'NEW',
        version: 1,
        importId,
      }),
      now,
    ]);
    const key = r.sourceName.toLowerCase();
    let sourceId = sources.get(key);
    if (!sourceId) {
      sourceId = randomUUID();
      sources.set(key, sourceId);
      rows.sources.push([sourceId, r.sourceName, key, r.sourceKind, r.sourceReliability, now]);
      rows.audit.push([
        'Source',
        sourceId,
        'source.created',
        JSON.stringify({
          name: r.sourceName,
          kind: r.sourceKind,
          reliability: r.sourceReliability,
          version: 1,
        }),
        now,
      ]);
    }
    const evidenceId = randomUUID();
    rows.evidence.push([
      evidenceId,
      id,
      sourceId,
      r.evidenceUrl,
      r.evidenceTitle,
      r.evidenceStance,
      Number(r.evidenceCredibility),
      now,
    ]);
    rows.audit.push([
      'Evidence',
      evidenceId,
      'evidence.added',
      JSON.stringify({
        claimId: id,
        sourceId,
        url: r.evidenceUrl,
        title: r.evidenceTitle,
        stance: r.evidenceStance,
        credibility: Number(r.evidenceCredibility),
        version: 1,
        importId,
      }),
      now,
    ]);
    if (rows.claims.length >= RAW_BATCH) {
      await flush(rows);
      rows = { claims: [], topics: [], sources: [], evidence: [], audit: [] };
    }
  }
  if (rows.claims.length > 0) await flush(rows);
}

const sqliteStamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

async function rawSqlite(csv: string, url: string, projectId: string): Promise<void> {
  const db = new Database(url.slice('sqlite:'.length));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const claim = db.prepare(
    `INSERT INTO "claims" ("id", "projectId", "text", "normalisedText", "claimant", "topics", "priority", "priorityRank", "status", "hasContradiction", "hasDisagreement", "createdAt", "updatedAt", "version") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'NEW', 0, 0, ?, ?, 1)`,
  );
  const topic = db.prepare(`INSERT INTO "claim_topics" ("claimId", "topic") VALUES (?, ?)`);
  const source = db.prepare(
    `INSERT INTO "sources" ("id", "name", "nameKey", "kind", "reliability", "createdAt", "updatedAt", "version") VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const evidence = db.prepare(
    `INSERT INTO "evidence" ("id", "claimId", "sourceId", "url", "title", "stance", "credibility", "retracted", "retrievedAt", "createdAt", "updatedAt", "version") VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 1)`,
  );
  const audit = db.prepare(
    `INSERT INTO "audit_events" ("entityType", "entityId", "action", "after", "at") VALUES (?, ?, ?, ?, ?)`,
  );
  db.exec('BEGIN');
  try {
    await rawRows(csv, projectId, sqliteStamp, (rows) => {
      for (const r of rows.claims) claim.run(...r, r[8]);
      for (const r of rows.topics) topic.run(...r);
      for (const r of rows.sources) source.run(...r, r[5]);
      for (const r of rows.evidence) evidence.run(...r, r[7], r[7]);
      for (const r of rows.audit) audit.run(...r);
      return Promise.resolve();
    });
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  } finally {
    db.close();
  }
}

function columns(rows: unknown[][], n: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: n }, () => []);
  for (const r of rows) for (let i = 0; i < n; i++) out[i].push(r[i]);
  return out;
}

async function rawPostgres(csv: string, url: string, projectId: string): Promise<void> {
  const pg = new Client({ connectionString: url });
  await pg.connect();
  await pg.query('BEGIN');
  try {
    await rawRows(
      csv,
      projectId,
      (d) => d.toISOString(),
      async (rows) => {
        await pg.query(
          `INSERT INTO "claims" ("id", "projectId", "text", "normalisedText", "claimant", "topics", "priority", "priorityRank", "status", "hasContradiction", "hasDisagreement", "createdAt", "updatedAt", "version")
         SELECT id, project, text, norm, claimant, topics, priority, rank, 'NEW', false, false, at, at, 1
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::timestamptz[]) AS t(id, project, text, norm, claimant, topics, priority, rank, at)`,
          columns(rows.claims, 9),
        );
        await pg.query(
          `INSERT INTO "claim_topics" ("claimId", "topic") SELECT * FROM unnest($1::uuid[], $2::text[])`,
          columns(rows.topics, 2),
        );
        if (rows.sources.length > 0)
          await pg.query(
            `INSERT INTO "sources" ("id", "name", "nameKey", "kind", "reliability", "createdAt", "updatedAt", "version")
           SELECT id, name, key, kind, rel, at, at, 1 FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS t(id, name, key, kind, rel, at)`,
            columns(rows.sources, 6),
          );
        await pg.query(
          `INSERT INTO "evidence" ("id", "claimId", "sourceId", "url", "title", "stance", "credibility", "retracted", "retrievedAt", "createdAt", "updatedAt", "version")
         SELECT id, claim, source, url, title, stance, cred, false, at, at, at, 1 FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::timestamptz[]) AS t(id, claim, source, url, title, stance, cred, at)`,
          columns(rows.evidence, 8),
        );
        await pg.query(
          `INSERT INTO "audit_events" ("entityType", "entityId", "action", "after", "at") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
          columns(rows.audit, 5),
        );
      },
    );
    await pg.query('COMMIT');
  } catch (error) {
    await pg.query('ROLLBACK');
    throw error;
  } finally {
    await pg.end();
  }
}

async function runRaw(dialect: Dialect, csv: string): Promise<RunResult> {
  const url = await freshDatabase(dialect);
  const db = await connect(dialect, url);
  const [project] = await db.all<{ id: string }>(
    `SELECT "id" FROM "projects" ORDER BY "name" LIMIT 1`,
  );
  await db.close();
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  if (dialect === 'sqlite') await rawSqlite(csv, url, project.id);
  else await rawPostgres(csv, url, project.id);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    seconds,
    claimsPerSecond: ROWS / seconds,
    peakRssMb: Math.max(rssBefore, process.memoryUsage().rss) / 1024 / 1024,
    cpuSeconds: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(cpuBefore)),
  };
}

// ---------------------------------------------------------------------------------------------

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const csv = join(DATA_DIR, `import-${ROWS}.csv`);
  await writeCsv(csv, ROWS);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
  log(`${ROWS} rows, ${ROUNDS} round(s), commit ${commit}`);
  const table: string[] = [
    `| database | rows | what | claims/s (median) | seconds (median) | CPU s (median) | peak RSS MB (median) | rounds (claims/s) | ours ÷ raw |`,
    `| -------- | ---: | ---- | ----------------: | ---------------: | -------------: | -------------------: | ----------------- | ---------: |`,
  ];
  for (const dialect of DIALECTS) {
    log(`${dialect}: template (migrate + demo seed)`);
    await makeTemplate(dialect);
    const results: Record<'raw' | 'ours', RunResult[]> = { raw: [], ours: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      // Interleaved, so a change of machine load affects both alike.
      for (const what of TARGETS) {
        const r = what === 'raw' ? await runRaw(dialect, csv) : await runOurs(dialect, csv);
        results[what].push(r);
        log(
          `${dialect} round ${round} ${what}: ${r.seconds.toFixed(2)} s, ${Math.round(r.claimsPerSecond)} claims/s, CPU ${r.cpuSeconds.toFixed(2)} s, peak RSS ${Math.round(r.peakRssMb)} MB`,
        );
      }
    }
    const raw = median(results.raw.map((r) => r.claimsPerSecond));
    for (const what of TARGETS) {
      const rs = results[what];
      const cps = median(rs.map((r) => r.claimsPerSecond));
      table.push(
        `| ${dialect} | ${ROWS} | ${what} | ${Math.round(cps)} | ${median(rs.map((r) => r.seconds)).toFixed(2)} | ${median(rs.map((r) => r.cpuSeconds)).toFixed(2)} | ${Math.round(median(rs.map((r) => r.peakRssMb)))} | ${rs.map((r) => Math.round(r.claimsPerSecond)).join(', ')} | ${what === 'ours' ? `${(cps / raw).toFixed(2)}×` : '—'} |`,
      );
    }
    if (dialect === 'postgres')
      await pgAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${PG_RUN} WITH (FORCE)`);
      });
  }
  process.stdout.write(`\nCSV import, commit ${commit}\n\n${table.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
