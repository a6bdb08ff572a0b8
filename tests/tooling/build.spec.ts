import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { clearStamp, inputsHash, staleReason, writeStamp } from '../../scripts/build-stamp.mjs';
import { INPUT_DIRS, type TargetName } from '../../scripts/build.mjs';

const root = join(__dirname, '..', '..');

describe('build stamps (what `npm start` rebuilds)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-stamp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function project() {
    const base = mkdtempSync(join(dir, 'p-'));
    mkdirSync(join(base, 'src', 'nested'), { recursive: true });
    mkdirSync(join(base, 'out', 'assets'), { recursive: true });
    writeFileSync(join(base, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(base, 'src', 'nested', 'b.tsx'), 'export const b = 2;\n');
    writeFileSync(join(base, 'config.json'), '{}\n');
    writeFileSync(join(base, 'out', 'index.html'), '<html></html>\n');
    writeFileSync(join(base, 'out', 'assets', 'app.js'), 'console.log(1);\n');
    const inputs = { dirs: ['src'], files: ['config.json'], settings: { NODE_ENV: 'production' } };
    const stamp = join(base, 'out.build.json');
    const out = join(base, 'out');
    writeStamp(stamp, out, inputsHash(base, inputs));
    return { base, inputs, stamp, out };
  }

  it('keeps a build whose inputs and output are unchanged', () => {
    const { base, inputs, stamp, out } = project();
    expect(staleReason(stamp, out, inputsHash(base, inputs))).toBeNull();
  });

  it('rebuilds after a source is edited, added or removed, or a setting changes', () => {
    const { base, inputs, stamp, out } = project();
    writeFileSync(join(base, 'src', 'nested', 'b.tsx'), 'export const b = 3;\n');
    expect(staleReason(stamp, out, inputsHash(base, inputs))).toBe('sources changed');

    const added = project();
    writeFileSync(join(added.base, 'src', 'nested', 'c.ts'), '');
    expect(staleReason(added.stamp, added.out, inputsHash(added.base, added.inputs))).toBe(
      'sources changed',
    );

    const removed = project();
    rmSync(join(removed.base, 'config.json'));
    expect(staleReason(removed.stamp, removed.out, inputsHash(removed.base, removed.inputs))).toBe(
      'sources changed',
    );

    const setting = project();
    const hash = inputsHash(setting.base, { ...setting.inputs, settings: { NODE_ENV: 'dev' } });
    expect(staleReason(setting.stamp, setting.out, hash)).toBe('sources changed');
  });

  it('ignores dependency and output folders inside a source folder', () => {
    const { base, inputs, stamp, out } = project();
    mkdirSync(join(base, 'src', 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(base, 'src', 'node_modules', 'x', 'index.js'), '');
    expect(staleReason(stamp, out, inputsHash(base, inputs))).toBeNull();
  });

  it('rebuilds a missing or partly written output, and after an interrupted build', () => {
    const missing = project();
    rmSync(join(missing.out, 'assets', 'app.js'));
    expect(staleReason(missing.stamp, missing.out, inputsHash(missing.base, missing.inputs))).toBe(
      'output assets/app.js missing or changed',
    );

    const partial = project();
    truncateSync(join(partial.out, 'index.html'), 3);
    expect(staleReason(partial.stamp, partial.out, inputsHash(partial.base, partial.inputs))).toBe(
      'output index.html missing or changed',
    );

    const gone = project();
    rmSync(gone.out, { recursive: true });
    expect(staleReason(gone.stamp, gone.out, inputsHash(gone.base, gone.inputs))).toMatch(
      /missing/,
    );

    const interrupted = project();
    clearStamp(interrupted.stamp);
    expect(
      staleReason(
        interrupted.stamp,
        interrupted.out,
        inputsHash(interrupted.base, interrupted.inputs),
      ),
    ).toBe('no previous build');
  });
});

/** Every source file under a folder (no dependency or output folders). */
function sources(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') found.push(...sources(path));
    } else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) found.push(path);
  }
  return found;
}

const SPECIFIER = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)'([^']+)'/g;

describe('build inputs', () => {
  it.each(['web', 'server'] as TargetName[])(
    'of the %s build hold every file of ours its sources import',
    (name) => {
      const dirs = INPUT_DIRS[name].map((d) => join(root, d));
      const inside = (file: string) => dirs.some((d) => file === d || file.startsWith(d + sep));
      const outside: string[] = [];
      for (const file of dirs.flatMap(sources)) {
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
          let target: string | undefined;
          if (spec.startsWith('.')) target = resolve(dirname(file), spec);
          else if (spec.startsWith('@corroborate/')) {
            const pkg = join(root, 'node_modules', ...spec.split('/').slice(0, 2));
            target = existsSync(pkg) ? realpathSync(pkg) : pkg;
          }
          if (target !== undefined && !inside(target))
            outside.push(`${relative(root, file)} imports ${spec}`);
        }
      }
      expect(outside).toEqual([]);
    },
  );
});

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the built server (what `npm start` runs)', () => {
  // Inside the repository, so the bundle finds node_modules as dist/server does.
  mkdirSync(join(root, 'dist'), { recursive: true });
  const dist = mkdtempSync(join(root, 'dist', 'tooling-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-built-'));
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dist, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const build = () =>
    spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), 'server', '--out-dir', dist], {
      cwd: root,
      encoding: 'utf8',
    });

  it('is built once, kept while nothing changed, and rebuilt when its output is incomplete', () => {
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('build: server (no previous build)');
    expect(existsSync(join(dist, 'server', 'main.js'))).toBe(true);
    expect(existsSync(join(dist, 'server', 'cli.js'))).toBe(true);
    // Our modules are strict code, as TypeScript compiles them; so is every file of the bundle.
    for (const file of readdirSync(join(dist, 'server')).filter((f) => f.endsWith('.js')))
      expect(readFileSync(join(dist, 'server', file), 'utf8')).toMatch(/^"use strict";/);

    const second = build();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('build: server unchanged since its last build, kept');

    rmSync(join(dist, 'server', 'cli.js'));
    const third = build();
    expect(third.stderr).toContain('build: server (output cli.js missing or changed)');
    expect(existsSync(join(dist, 'server', 'cli.js'))).toBe(true);
  }, 120_000);

  it('starts on a new SQLite database: migrates, seeds the demo, prints the URL and logins, serves the committed GraphQL schema', async () => {
    const port = await freePort();
    let output = '';
    server = spawn(process.execPath, [join(dist, 'server', 'main.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        DEMO_SEED: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = Date.now();
    while (!output.includes('Demo logins')) {
      if (server.exitCode !== null) throw new Error(`the server exited: ${output}`);
      if (Date.now() - started > 90_000) throw new Error(`the server never got ready: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain(`Corroborate is running at http://localhost:${port}`);
    expect(output).toMatch(/admin@example\.org\s+demo-admin-pass/);

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);

    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    const { data } = (await res.json()) as { data: IntrospectionQuery };
    const served = printSchema(lexicographicSortSchema(buildClientSchema(data)));
    const committed = printSchema(
      lexicographicSortSchema(
        buildSchema(readFileSync(join(root, 'libs', 'graphql', 'schema.gql'), 'utf8')),
      ),
    );
    // Class names make the GraphQL type names: the bundle must keep every one.
    expect(served).toBe(committed);
  }, 120_000);

  it('has a command-line tool that finds the database migrated', () => {
    server?.kill('SIGKILL');
    const out = execFileSync(
      process.execPath,
      [join(dist, 'server', 'cli.js'), 'migrate', '--check'],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      },
    );
    expect(out).toContain('No pending migrations.');
  }, 60_000);
});
