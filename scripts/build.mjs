// `npm run build` (and the first step of `npm start`): builds what changed since the last build.
//
//   node scripts/build.mjs [web] [server] [--force] [--quiet] [--out-dir <dir>]
//
// - web: the web app with Vite into dist/web;
// - server: the API server and the command-line tool, compiled by SWC (legacy decorators and
//   decorator metadata, as in development and the tests) and bundled, our own code only, into
//   dist/server/main.js and dist/server/cli.js; every package in node_modules stays a require().
//
// Each target is skipped when its inputs hash the same as at its last build and its output is
// complete (scripts/build-stamp.mjs); --force builds anyway; --quiet says nothing when nothing
// is built; --out-dir builds into another folder than dist/ (the tooling tests). Without a target,
// both. Progress goes to stderr.
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearStamp, inputsHash, staleReason, writeStamp } from './build-stamp.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Files whose change may change any build: dependencies, compiler settings, this script. */
const COMMON = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

/** What each build reads. tests/tooling/build.spec.ts checks the lists cover every import. */
export const INPUT_DIRS = {
  web: ['apps/web', 'libs/web', 'libs/graphql', 'libs/domain'],
  server: ['apps/api/src', 'apps/cli/src', 'libs/api', 'libs/domain'],
};

/** The build targets, writing into `dist` (`<dist>/<name>`, stamped by `<dist>/<name>.build.json`). */
export const targets = (dist) => ({
  web: {
    outDir: join(dist, 'web'),
    stamp: join(dist, 'web.build.json'),
    inputs: () => ({
      dirs: INPUT_DIRS.web,
      files: COMMON,
      // Vite bakes NODE_ENV and VITE_* variables into the bundle.
      settings: Object.fromEntries(
        Object.entries(process.env).filter(([k]) => k === 'NODE_ENV' || k.startsWith('VITE_')),
      ),
    }),
    build: buildWeb,
  },
  server: {
    outDir: join(dist, 'server'),
    stamp: join(dist, 'server.build.json'),
    inputs: () => ({ dirs: INPUT_DIRS.server, files: COMMON, settings: {} }),
    build: buildServer,
  },
});

async function buildWeb(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'apps', 'web', 'vite.config.mts'),
    build: { outDir },
  });
}

/** The SWC settings of `scripts/register.cjs` (tsconfig.json) and the vitest config. */
const SWC_OPTIONS = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs', noInterop: false },
  sourceMaps: true,
  swcrc: false,
  configFile: false,
};

/**
 * Our own modules are bundled; anything else (node_modules, Node's own) stays external. The
 * modules are compiled to CommonJS first, so the bundle keeps Node's CommonJS semantics
 * (evaluation order, circular imports) exactly as in development.
 */
function isOurs(id) {
  return (
    id.startsWith('.') || isAbsolute(id) || id.startsWith('@corroborate/') || id.startsWith('\0')
  );
}

const CLI_ENTRY = '\0corroborate-cli';

async function buildServer(outDir) {
  const [{ rolldown }, swc] = await Promise.all([import('rolldown'), import('@swc/core')]);
  const cliMain = join(ROOT, 'apps', 'cli', 'src', 'main.ts');
  const bundle = await rolldown({
    input: { main: join(ROOT, 'apps', 'api', 'src', 'main.ts'), cli: CLI_ENTRY },
    platform: 'node',
    external: (id) => !isOurs(id),
    logLevel: 'warn',
    plugins: [
      {
        name: 'corroborate-cli-entry',
        // apps/cli/src/main.ts runs itself only as Node's main module; the bundle calls run().
        resolveId: (id) => (id === CLI_ENTRY ? id : null),
        load: (id) =>
          id === CLI_ENTRY
            ? `const { run } = require(${JSON.stringify(cliMain)});\n` +
              `void run(process.argv.slice(2)).then((code) => process.exit(code));\n`
            : null,
      },
      {
        name: 'corroborate-swc',
        async transform(code, id) {
          if (!/\.[cm]?ts$/.test(id) || id.endsWith('.d.ts')) return null;
          const out = await swc.transform(code, { ...SWC_OPTIONS, filename: id });
          return { code: out.code, map: out.map, moduleType: 'js' };
        },
      },
    ],
  });
  try {
    await bundle.write({
      dir: outDir,
      format: 'cjs',
      // Every module of ours is strict code (TypeScript modules); the bundle's chunks must be too.
      banner: "'use strict';",
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      cleanDir: true,
    });
  } finally {
    await bundle.close();
  }
}

async function main(argv) {
  const names = [];
  let force = false;
  let quiet = false;
  let dist = join(ROOT, 'dist');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') force = true;
    else if (arg === '--quiet') quiet = true;
    else if (arg === '--out-dir' && argv[i + 1]) dist = resolve(argv[++i]);
    else if (arg in INPUT_DIRS) names.push(arg);
    else {
      console.error(
        `build: unknown argument ${arg} (targets: web, server; --force, --quiet, --out-dir <dir>)`,
      );
      process.exit(2);
    }
  }
  const all = targets(dist);
  mkdirSync(dist, { recursive: true });
  for (const name of names.length > 0 ? names : Object.keys(all)) {
    const target = all[name];
    const hash = inputsHash(ROOT, target.inputs());
    const reason = force ? 'forced' : staleReason(target.stamp, target.outDir, hash);
    if (reason === null) {
      if (!quiet) console.error(`build: ${name} unchanged since its last build, kept`);
      continue;
    }
    const started = Date.now();
    console.error(`build: ${name} (${reason})…`);
    clearStamp(target.stamp);
    await target.build(target.outDir);
    writeStamp(target.stamp, target.outDir, hash);
    console.error(`build: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
