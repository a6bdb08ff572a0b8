import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DATA_DIR, type Dialect, ROOT } from './options';

export type Target = 'raw' | 'ours' | 'peer';

export interface Server {
  target: Target;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to a ready /health (or first answer). */
  startMs: number;
  stop(): Promise<void>;
}

/** A fixed secret for the benchmark's product instance (the raw server hashes tokens with it). */
export const BENCH_SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123456789';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready at ${url}`);
}

async function start(
  target: Target,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  cwd = ROOT,
): Promise<Server> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: [
      'ignore',
      env['BENCH_PIPE_STDOUT'] === '1'
        ? 'pipe'
        : process.env['BENCH_SERVER_STDOUT'] === '1'
          ? 'inherit'
          : 'ignore',
      'inherit',
    ],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(`${url}${readyPath}`, child, target);
  return {
    target,
    url,
    child,
    startMs: Date.now() - started,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(process.env['BENCH_PROFILE'] === '1' ? 'SIGUSR2' : 'SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

const PROFILE_DIR = join(DATA_DIR, 'profiles');

/** BENCH_PROFILE=1: each server writes a V8 CPU profile to .data/profiles when stopped. */
const register = [
  '-r',
  join(ROOT, 'scripts', 'register.cjs'),
  ...(process.env['BENCH_PROFILE'] === '1'
    ? [
        '-r',
        join(ROOT, 'tests', 'bench', 'src', 'exit-on-signal.cjs'),
        '--cpu-prof',
        `--cpu-prof-dir=${PROFILE_DIR}`,
      ]
    : []),
];

/**
 * Node flags of the product's `npm start` (package.json), which the benchmark starts the same
 * way; BENCH_OURS_NODE_FLAGS overrides them (e.g. to measure without).
 */
export function oursNodeFlags(): string[] {
  const override = process.env['BENCH_OURS_NODE_FLAGS'];
  if (override !== undefined) return override.split(' ').filter(Boolean);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const start = pkg.scripts['start'] ?? '';
  return start.match(/--[a-z-]+=?\S*/g)?.filter((f) => f.startsWith('--max-')) ?? [];
}

/**
 * The product, as `npm start` runs it but in production mode with its real configuration.
 * `checkout`: another checkout of the repository to run instead of this one (`bench:ab`); it
 * needs its own dependencies installed.
 */
export function startOurs(
  dialect: Dialect,
  databaseUrl: string,
  env: Record<string, string> = {},
  checkout = ROOT,
): Promise<Server> {
  const dataDir = join(DATA_DIR, checkout === ROOT ? `run-${dialect}` : `run-${dialect}-other`);
  mkdirSync(dataDir, { recursive: true });
  const loader = checkout === ROOT ? register : ['-r', join(checkout, 'scripts', 'register.cjs')];
  return start(
    'ours',
    [...oursNodeFlags(), ...loader, join(checkout, 'apps', 'api', 'src', 'main.ts')],
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      SESSION_SECRET: BENCH_SESSION_SECRET,
      DEMO_SEED: 'false',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      WEB_DIST: join(ROOT, 'dist', 'web'),
      ...env,
    },
    '/health',
    checkout,
  );
}

export function startRaw(databaseUrl: string): Promise<Server> {
  return start(
    'raw',
    [...register, join(ROOT, 'tests', 'bench', 'src', 'raw-server.ts')],
    { DATABASE_URL: databaseUrl, SESSION_SECRET: BENCH_SESSION_SECRET },
    '/health',
  );
}

export function startPeer(databaseUrl: string): Promise<Server> {
  return start(
    'peer',
    [...register, join(ROOT, 'tests', 'bench', 'src', 'peer-server.ts')],
    { DATABASE_URL: databaseUrl, GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
    '/health',
  );
}
