import { join } from 'node:path';

export type Dialect = 'sqlite' | 'postgres';

/** Repository root (tests/bench/src → ../../..). */
export const ROOT = join(__dirname, '..', '..', '..');
/** Seeded databases and raw results (gitignored). */
export const DATA_DIR = process.env['BENCH_DATA_DIR'] ?? join(ROOT, 'tests', 'bench', '.data');
export const PG_URL = process.env['BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432';

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not ${raw}`);
  return value;
}

function list<T extends string>(name: string, allowed: readonly T[], fallback: T[]): T[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const values = raw.split(',').map((v) => v.trim());
  for (const v of values)
    if (!allowed.includes(v as T))
      throw new Error(`${name}: ${v} is not one of ${allowed.join(', ')}`);
  return values as T[];
}

export interface BenchOptions {
  /** BENCH_CLAIMS (default 100000). */
  claims: number;
  /** BENCH_DB: sqlite,postgres (default both). */
  dialects: Dialect[];
  /** BENCH_TARGETS: which servers to load (default raw,ours,peer; peer only on PostgreSQL). */
  targets: ('raw' | 'ours' | 'peer')[];
  /** BENCH_CONNECTIONS: autocannon connection counts (default 10,50). */
  connections: number[];
  /** BENCH_ROUNDS (default 3). */
  rounds: number;
  /** BENCH_DURATION seconds per measurement (default 10). */
  duration: number;
  /** BENCH_WARMUP seconds per server before the rounds (default 5). */
  warmup: number;
}

export function benchOptions(): BenchOptions {
  const connections = (process.env['BENCH_CONNECTIONS'] ?? '10,50').split(',').map((c) => {
    const n = Number(c);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`BENCH_CONNECTIONS: ${c} is not a count`);
    return n;
  });
  return {
    claims: int('BENCH_CLAIMS', 100_000),
    dialects: list('BENCH_DB', ['sqlite', 'postgres'] as const, ['sqlite', 'postgres']),
    targets: list('BENCH_TARGETS', ['raw', 'ours', 'peer'] as const, ['raw', 'ours', 'peer']),
    connections,
    rounds: int('BENCH_ROUNDS', 3),
    duration: int('BENCH_DURATION', 10),
    warmup: int('BENCH_WARMUP', 5),
  };
}

/** `100k`, `1m`, or the plain number. */
export function sizeLabel(claims: number): string {
  if (claims % 1_000_000 === 0) return `${claims / 1_000_000}m`;
  if (claims % 1000 === 0) return `${claims / 1000}k`;
  return String(claims);
}

/**
 * BENCH_VERIFIED=all seeds every claim VERIFIED, with evidence, captures (hashes), assessments
 * relying on evidence and an adjudication: the data an export reads. Those databases get their
 * own names (bench_export_<size>), so the default ones are never reseeded under other users.
 */
export type SeedVariant = 'default' | 'verified';

export function seedVariant(): SeedVariant {
  const raw = process.env['BENCH_VERIFIED'];
  if (!raw) return 'default';
  if (raw === 'all') return 'verified';
  throw new Error(`BENCH_VERIFIED must be "all" or unset, not ${raw}`);
}

/**
 * BENCH_CORPUS: which claim texts are seeded. `pessimistic` (the default, data.ts): 5,760
 * templates from a tiny vocabulary, the worst case for any trigram index. `realistic`
 * (corpus.ts): news-style claims from a vocabulary of ~50,000 synthesised words with a Zipf-like
 * frequency, with retold stories as near-duplicates. Realistic databases have their own names
 * (bench_real_<size>), so the pessimistic ones are never reseeded under other users.
 */
export type SeedCorpus = 'pessimistic' | 'realistic';

export function seedCorpus(): SeedCorpus {
  const raw = process.env['BENCH_CORPUS'];
  if (!raw || raw === 'pessimistic') return 'pessimistic';
  if (raw === 'realistic') return 'realistic';
  throw new Error(`BENCH_CORPUS must be "pessimistic" or "realistic", not ${raw}`);
}

function baseName(claims: number, variant: SeedVariant): string {
  const corpus = seedCorpus() === 'realistic' ? 'real_' : '';
  return `bench_${variant === 'verified' ? 'export_' : ''}${corpus}${sizeLabel(claims)}`;
}

export function sqlitePath(claims: number, variant: SeedVariant = seedVariant()): string {
  return join(DATA_DIR, `${baseName(claims, variant)}.sqlite`);
}

/**
 * The PostgreSQL database of this size: `bench_<size>` (`bench_export_<size>` for
 * BENCH_VERIFIED=all, `bench_real_<size>` for BENCH_CORPUS=realistic), or BENCH_PG_DATABASE (a copy of your own, e.g.
 * `CREATE DATABASE mine TEMPLATE bench_100k`, when a change adds a migration; give it the seed
 * marker with `COMMENT ON DATABASE mine IS 'corroborate-bench seed v2 claims=100000'`, or the
 * bench reseeds it). BENCH_PG_DB is accepted as another name for it.
 */
export function pgDatabase(claims: number, variant: SeedVariant = seedVariant()): string {
  const override = process.env['BENCH_PG_DATABASE'] || process.env['BENCH_PG_DB'];
  if (override !== undefined && override !== '') {
    if (!/^[a-z_][a-z0-9_]*$/.test(override))
      throw new Error(`BENCH_PG_DATABASE must be a plain lower-case name, not ${override}`);
    return override;
  }
  return baseName(claims, variant);
}

export function databaseUrl(dialect: Dialect, claims: number): string {
  return dialect === 'sqlite' ? `sqlite:${sqlitePath(claims)}` : `${PG_URL}/${pgDatabase(claims)}`;
}
