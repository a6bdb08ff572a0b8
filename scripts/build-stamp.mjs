// Build stamps: whether a build's output is still the build of its current inputs.
//
// A stamp (JSON, written beside the output folder after a successful build) holds a SHA-256 of
// every input file (path and content, in path order) and of the settings that shape the build,
// and the size of every file the build wrote. The output is fresh only when the inputs hash the
// same and every output file is still there with its size, so any change to a source, a missing
// or partly written output, or an interrupted build (the stamp is removed before building and
// written only after success) all lead to a rebuild.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.nx', 'coverage']);

/** Every file under `dir` (relative to `root`, with `/`), skipping dependency and output folders. */
function filesUnder(root, dir) {
  const found = [];
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(join(abs, entry.name));
      } else if (entry.isFile()) {
        found.push(relative(root, join(abs, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(join(root, dir));
  return found;
}

/**
 * SHA-256 over the input files (`dirs` walked, `files` as given; a missing one counts as
 * missing) and `settings` (environment values and the like that change the output).
 */
export function inputsHash(root, { dirs = [], files = [], settings = {} }) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1))));
  const paths = [...new Set([...dirs.flatMap((d) => filesUnder(root, d)), ...files])].sort();
  for (const path of paths) {
    hash.update(`\0${path}\0`);
    const abs = join(root, path);
    hash.update(existsSync(abs) ? readFileSync(abs) : '\0missing\0');
  }
  return hash.digest('hex');
}

/** Every file under the output folder with its size (paths relative to the folder). */
export function outputSizes(outDir) {
  const sizes = {};
  if (!existsSync(outDir)) return sizes;
  for (const path of filesUnder(outDir, '.')) sizes[path] = statSync(join(outDir, path)).size;
  return sizes;
}

function readStamp(stampFile) {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Why the output must be built again, or null when it is fresh: inputs hashing to `hash`, and
 * every output file of the stamp still present with its size.
 */
export function staleReason(stampFile, outDir, hash) {
  const stamp = readStamp(stampFile);
  if (!stamp || typeof stamp.inputs !== 'string' || typeof stamp.outputs !== 'object')
    return 'no previous build';
  if (stamp.inputs !== hash) return 'sources changed';
  const outputs = Object.entries(stamp.outputs);
  if (outputs.length === 0) return 'no output';
  for (const [path, size] of outputs) {
    const abs = join(outDir, path);
    if (!existsSync(abs) || statSync(abs).size !== size) return `output ${path} missing or changed`;
  }
  return null;
}

/** Forgets the previous build (before building, so an interrupted build is never taken as done). */
export function clearStamp(stampFile) {
  rmSync(stampFile, { force: true });
}

/** Records a successful build of inputs hashing to `hash` into `outDir`. */
export function writeStamp(stampFile, outDir, hash) {
  writeFileSync(
    stampFile,
    `${JSON.stringify({ inputs: hash, outputs: outputSizes(outDir) }, null, 2)}\n`,
  );
}
