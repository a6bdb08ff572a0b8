/**
 * `npm run bench:export`: the product's export of every VERIFIED claim of a project (the CLI
 * `export` command, the real code path, in its own process) against a raw baseline
 * (raw-export.ts: hand-written SQL to JSON lines, also in its own process), interleaved round by
 * round, on databases where every claim is VERIFIED (BENCH_VERIFIED=all: bench_export_<size>).
 * Each child runs under /usr/bin/time for its peak RSS. Prints medians and ratios and writes them
 * with every round's figures to .data/export-<time>.{md,json}.
 *
 * Settings: BENCH_CLAIMS (sizes, comma-separated; default 100000,1000000), BENCH_DB
 * (sqlite,postgres), BENCH_FORMATS (ndjson,jsonld), BENCH_ROUNDS (3), BENCH_RAW=0 (skip the raw
 * baseline: only our peak RSS and times, e.g. for a 1M run where RSS is the point), BENCH_PROFILE=1 (a CPU
 * profile of each export of ours in .data/profiles), BENCH_DATA_DIR, BENCH_PG_URL.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { DATA_DIR, type Dialect, ROOT, sizeLabel, sqlitePath } from './options';
import { ensureSeeded } from './seed';

process.env['BENCH_VERIFIED'] = 'all';

type Target = 'raw' | 'ndjson' | 'jsonld';

interface Run {
  dialect: Dialect;
  claims: number;
  target: Target;
  round: number;
  /** Spawn to exit. */
  wallMs: number;
  /** First progress line (connected, reading) to exit. */
  streamMs: number;
  rssMb: number;
  bytes: number;
  records: number;
}

function log(message: string): void {
  process.stderr.write(`[bench:export] ${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function listEnv<T extends string>(name: string, allowed: readonly T[], fallback: T[]): T[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  const values = raw.split(',').map((v) => v.trim());
  for (const v of values)
    if (!allowed.includes(v as T)) throw new Error(`${name}: ${v} is not one of ${allowed}`);
  return values as T[];
}

const sizes = (process.env['BENCH_CLAIMS'] ?? '100000,1000000').split(',').map((s) => {
  const n = Number(s.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`BENCH_CLAIMS: ${s} is not a count`);
  return n;
});
const dialects = listEnv('BENCH_DB', ['sqlite', 'postgres'] as const, ['sqlite', 'postgres']);
const formats = listEnv('BENCH_FORMATS', ['ndjson', 'jsonld'] as const, ['ndjson', 'jsonld']);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const profile = process.env['BENCH_PROFILE'] === '1';
const withRaw = process.env['BENCH_RAW'] !== '0';
const OUT_DIR = join(DATA_DIR, 'export-out');
const REGISTER = join(ROOT, 'scripts', 'register.cjs');
const CLI = join(ROOT, 'apps', 'cli', 'src', 'main.ts');

function cliEnv(url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    DATA_DIR: join(DATA_DIR, 'export-run'),
    LOG_LEVEL: 'error',
    DEMO_SEED: 'false',
  };
}

/** The product's pending migrations (e.g. new indexes), applied by its own CLI to our database. */
function migrate(url: string): void {
  execFileSync(process.execPath, ['-r', REGISTER, CLI, 'migrate'], {
    cwd: ROOT,
    env: cliEnv(url),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function projectOf(dialect: Dialect, claims: number, url: string): Promise<string> {
  if (dialect === 'sqlite') {
    const db = new Database(sqlitePath(claims), { readonly: true });
    try {
      return (db.prepare('SELECT "id" FROM "projects"').pluck().get() as string) ?? '';
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('SELECT "id" FROM "projects" LIMIT 1')).rows[0].id;
  } finally {
    await client.end();
  }
}

/** One child under /usr/bin/time; resolves when it exits with its timings and peak RSS. */
function runChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  startLine: RegExp,
): Promise<{ wallMs: number; streamMs: number; rssMb: number; stderr: string }> {
  const rssFile = join(OUT_DIR, `rss-${process.pid}.txt`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let streamStart: number | null = null;
    let stderr = '';
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (streamStart === null && startLine.test(chunk)) streamStart = performance.now();
      // Keep the start and the end (progress lines can be many).
      stderr = (stderr + chunk).slice(-4000);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const ended = performance.now();
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
      resolve({
        wallMs: ended - started,
        streamMs: ended - (streamStart ?? started),
        rssMb: kb / 1024,
        stderr,
      });
    });
  });
}

async function runOnce(
  dialect: Dialect,
  claims: number,
  url: string,
  project: string,
  target: Target,
  round: number,
): Promise<Run> {
  mkdirSync(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, `${dialect}-${sizeLabel(claims)}-${target}.out`);
  let result: Awaited<ReturnType<typeof runChild>>;
  let records: number;
  if (target === 'raw') {
    result = await runChild(
      ['-r', REGISTER, join(ROOT, 'tests', 'bench', 'src', 'raw-export.ts')],
      { ...process.env, DATABASE_URL: url, EXPORT_PROJECT: project, EXPORT_OUT: out },
      /^streaming/m,
    );
    records = Number(/done (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  } else {
    const flags = profile
      ? ['--cpu-prof', `--cpu-prof-dir=${join(DATA_DIR, 'profiles')}`, '--cpu-prof-name']
      : [];
    if (profile) flags.push(`export-${dialect}-${sizeLabel(claims)}-${target}-${round}.cpuprofile`);
    result = await runChild(
      [
        ...flags,
        '-r',
        REGISTER,
        CLI,
        'export',
        '--format',
        target,
        '--project',
        project,
        '--out',
        out,
        '--force',
      ],
      cliEnv(url),
      /^Exporting: /m,
    );
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as {
      counts: { claims: number };
    };
    records = manifest.counts.claims;
  }
  const bytes = statSync(out).size;
  rmSync(out, { force: true });
  rmSync(`${out}.manifest.json`, { force: true });
  const run: Run = {
    dialect,
    claims,
    target,
    round,
    wallMs: result.wallMs,
    streamMs: result.streamMs,
    rssMb: result.rssMb,
    bytes,
    records,
  };
  log(
    `${dialect} ${sizeLabel(claims)} ${target} round ${round}: ${records} records, ${(bytes / 1e6).toFixed(0)} MB, wall ${(run.wallMs / 1000).toFixed(1)} s, stream ${(run.streamMs / 1000).toFixed(1)} s, peak RSS ${run.rssMb.toFixed(0)} MB`,
  );
  return run;
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (const dialect of dialects)
    for (const claims of sizes) {
      const url = await ensureSeeded(dialect, claims);
      migrate(url);
      const project = await projectOf(dialect, claims, url);
      log(`${dialect} ${sizeLabel(claims)}: ${url}, project ${project}`);
      const targets: Target[] = withRaw ? ['raw', ...formats] : formats;
      for (let round = 1; round <= rounds; round++)
        for (const target of targets)
          runs.push(await runOnce(dialect, claims, url, project, target, round));
    }

  const rows: string[] = [
    `### Export (commit ${commit()}, ${rounds} rounds, medians; load average ${(await import('node:os')).loadavg()[0].toFixed(1)} at the end)`,
    '',
    '| database | claims | export | records | MB | wall s | stream s | claims/s (stream) | peak RSS MB | ours ÷ raw (stream) | ours ÷ raw (wall) |',
    '| -------- | -----: | ------ | ------: | -: | -----: | -------: | ----------------: | ----------: | ------------------: | ----------------: |',
  ];
  const summary: Record<string, number> = {};
  for (const dialect of dialects)
    for (const claims of sizes) {
      const of = (target: Target) =>
        runs.filter((r) => r.dialect === dialect && r.claims === claims && r.target === target);
      const raw = of('raw');
      const rawStream = raw.length ? median(raw.map((r) => r.streamMs)) : NaN;
      const rawWall = raw.length ? median(raw.map((r) => r.wallMs)) : NaN;
      for (const target of (withRaw ? ['raw', ...formats] : formats) as Target[]) {
        const list = of(target);
        const stream = median(list.map((r) => r.streamMs));
        const wall = median(list.map((r) => r.wallMs));
        const rss = median(list.map((r) => r.rssMb));
        summary[`${dialect}-${sizeLabel(claims)}-${target}-rss`] = rss;
        rows.push(
          `| ${dialect} | ${sizeLabel(claims)} | ${target === 'raw' ? 'raw (NDJSON)' : `ours ${target}`} | ${list[0].records} | ${(median(list.map((r) => r.bytes)) / 1e6).toFixed(0)} | ${(wall / 1000).toFixed(1)} | ${(stream / 1000).toFixed(1)} | ${Math.round(list[0].records / (stream / 1000))} | ${rss.toFixed(0)} | ${target === 'raw' ? '—' : `${(rawStream / stream).toFixed(2)}×`} | ${target === 'raw' ? '—' : `${(rawWall / wall).toFixed(2)}×`} |`,
        );
      }
    }
  if (sizes.length > 1) {
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    rows.push('', `Peak RSS growth from ${sizeLabel(small)} to ${sizeLabel(large)}:`, '');
    for (const dialect of dialects)
      for (const target of (withRaw ? ['raw', ...formats] : formats) as Target[]) {
        const a = summary[`${dialect}-${sizeLabel(small)}-${target}-rss`];
        const b = summary[`${dialect}-${sizeLabel(large)}-${target}-rss`];
        rows.push(
          `- ${dialect} ${target}: ${a.toFixed(0)} → ${b.toFixed(0)} MB (${(b - a).toFixed(0)} MB)`,
        );
      }
  }
  const table = rows.join('\n');
  console.log(`\n${table}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(DATA_DIR, `export-${stamp}.md`), `${table}\n`);
  writeFileSync(join(DATA_DIR, `export-${stamp}.json`), JSON.stringify(runs, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
