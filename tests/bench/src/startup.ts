/**
 * `npm run bench:startup`: cold start to a ready /health on an existing, migrated database, in
 * rounds, each round running (in this order, so load drifts hit all of them alike):
 *
 * - **baseline**: a bare `node -e` http server answering /health (what starting Node and a
 *   listening socket cost on this machine right now);
 * - **source**: the server run from its TypeScript sources through SWC's require hook, as
 *   `npm run dev:api` (and `npm start` before the ahead-of-time build) runs it
 *   (`node -r ./scripts/register.cjs apps/api/src/main.ts`);
 * - **server**: the product's server alone, as `npm start` runs it after its build check
 *   (`node dist/server/main.js`);
 * - **npm start**: the whole command (`npm start`: the build check, which finds nothing changed,
 *   then the server). The builds are made once before the rounds, as after a first start.
 *
 * Time is from spawn to the first 200 from /health (polled every 25 ms). Prints medians and
 * ratios to the baseline. Settings: BENCH_DB (sqlite,postgres), BENCH_CLAIMS (100000: the
 * bench_export_<size> databases of `npm run bench:export`, which the server may migrate),
 * BENCH_ROUNDS (5), BENCH_STARTUP_TARGETS (baseline,source,server,npm), BENCH_PROFILE=1 (a CPU
 * profile of each server start in .data/profiles).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, type Dialect, ROOT, sizeLabel } from './options';
import { ensureSeeded } from './seed';
import { freePort } from './servers';

process.env['BENCH_VERIFIED'] = process.env['BENCH_VERIFIED'] ?? 'all';

type Target = 'baseline' | 'source' | 'server' | 'npm';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const claims = Number(process.env['BENCH_CLAIMS'] ?? 100_000);
const dialects = (process.env['BENCH_DB'] ?? 'sqlite,postgres').split(',') as Dialect[];
const targets = (process.env['BENCH_STARTUP_TARGETS'] ?? 'baseline,source,server,npm').split(
  ',',
) as Target[];
const profile = process.env['BENCH_PROFILE'] === '1';

function log(message: string): void {
  process.stderr.write(`[bench:startup] ${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const BASELINE = `require('node:http').createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

function command(target: Target, round: number, dialect: Dialect): [string, string[]] {
  if (target === 'baseline') return [process.execPath, ['-e', BASELINE]];
  if (target === 'npm') return ['npm', ['start', '--silent']];
  const flags = profile
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${join(DATA_DIR, 'profiles')}`,
        '--cpu-prof-name',
        `startup-${dialect}-${round}.cpuprofile`,
        '-r',
        join(ROOT, 'tests', 'bench', 'src', 'exit-on-signal.cjs'),
      ]
    : [];
  if (target === 'server') return [process.execPath, [...flags, join('dist', 'server', 'main.js')]];
  return [
    process.execPath,
    [...flags, '-r', './scripts/register.cjs', join('apps', 'api', 'src', 'main.ts')],
  ];
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    // npm start runs the server in a child of its own: signal the whole process group.
    try {
      process.kill(-child.pid!, profile ? 'SIGUSR2' : 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 15_000).unref();
  });
}

async function startOnce(
  target: Target,
  round: number,
  dialect: Dialect,
  url: string,
): Promise<number> {
  const port = await freePort();
  const dataDir = join(DATA_DIR, `startup-${dialect}`);
  mkdirSync(dataDir, { recursive: true });
  const [cmd, args] = command(target, round, dialect);
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      DEMO_SEED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${target} exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 300_000) throw new Error(`${target} never got ready`);
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await stop(child);
  }
}

async function main(): Promise<void> {
  const lines = [
    `### Cold start to a ready /health (${rounds} rounds, medians; load average ${loadavg()[0].toFixed(1)} at the start)`,
    '',
    '| database | start | median s | min s | max s | ÷ baseline |',
    '| -------- | ----- | -------: | ----: | ----: | ---------: |',
  ];
  const all: Record<string, number[]> = {};
  // What `npm start` builds on its first run; the rounds then measure the starts after it.
  if (targets.includes('server') || targets.includes('npm'))
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  for (const dialect of dialects) {
    const url = await ensureSeeded(dialect, claims);
    log(`${dialect}: ${url} (${sizeLabel(claims)} claims)`);
    const times: Record<Target, number[]> = { baseline: [], source: [], server: [], npm: [] };
    for (let round = 1; round <= rounds; round++)
      for (const target of targets) {
        const ms = await startOnce(target, round, dialect, url);
        times[target].push(ms);
        log(`${dialect} ${target} round ${round}: ${(ms / 1000).toFixed(2)} s`);
      }
    const base = median(times.baseline);
    for (const target of targets) {
      const list = times[target];
      all[`${dialect}-${target}`] = list;
      const m = median(list);
      lines.push(
        `| ${dialect} | ${target === 'npm' ? '`npm start`' : target} | ${(m / 1000).toFixed(2)} | ${(Math.min(...list) / 1000).toFixed(2)} | ${(Math.max(...list) / 1000).toFixed(2)} | ${target === 'baseline' || !base ? '—' : `${(m / base).toFixed(1)}×`} |`,
      );
    }
  }
  const table = lines.join('\n');
  console.log(`\n${table}\n`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(DATA_DIR, `startup-${stamp}.md`), `${table}\n`);
  writeFileSync(join(DATA_DIR, `startup-${stamp}.json`), JSON.stringify(all, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
