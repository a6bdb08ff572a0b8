import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { type Command } from 'commander';
import { Client } from 'pg';
import {
  type AppConfig,
  fileSystemProblem,
  isDatabaseDiskFull,
  loadConfig,
} from '@corroborate/api-core';
import { type CommandKit } from './export';

/** Folders of DATA_DIR a backup carries: immutable captures, finished exports and releases. */
const FOLDERS = ['captures', 'exports', 'releases'] as const;
const MANIFEST = 'backup.json';

export interface BackupManifest {
  format: 1;
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  database: { file: string; bytes: number; sha256: string };
  folders: string[];
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function isEmptyDir(path: string): boolean {
  return !existsSync(path) || readdirSync(path).length === 0;
}

/** pg_dump could not write its output: the disk holding it is full. */
class DumpDiskFullError extends Error {}

/** Runs pg_dump / pg_restore; a failure carries their own message. */
function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[], kit: CommandKit): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error)
    throw kit.failure(
      `${tool} could not run (${result.error.message}). Install the PostgreSQL client tools matching the server.`,
      1,
    );
  if (result.status !== 0 && /No space left on device|Disk quota exceeded/i.test(result.stderr))
    throw new DumpDiskFullError(result.stderr.trim());
  if (result.status !== 0) throw kit.failure(`${tool} failed: ${result.stderr.trim()}`, 1);
}

/** Tables of the public schema (PostgreSQL) or the main database (SQLite). */
async function tableCount(config: AppConfig): Promise<number> {
  if (config.database.type === 'sqlite') {
    if (!existsSync(config.database.path)) return 0;
    const db = new Database(config.database.path, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare(
          "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .get() as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: config.database.url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * A consistent copy of the database and the data folder's captures, exports and releases, taken
 * while the product keeps running: SQLite through its online backup API, PostgreSQL through
 * pg_dump (one snapshot). Captures are immutable and written before the rows that name them, so
 * copying them after the database snapshot misses none it refers to.
 */
async function backup(out: string, force: boolean, kit: CommandKit): Promise<BackupManifest> {
  const config = loadConfig({ ...process.env, MIGRATIONS_RUN: 'false' });
  const dir = resolve(out);
  if (!force && !isEmptyDir(dir))
    throw kit.failure(`${dir} is not empty; choose a new folder or pass --force.`, 2);
  mkdirSync(dir, { recursive: true });
  // What this backup wrote, removed again if it cannot finish: a folder with some of a backup
  // and no manifest must not be taken for one (and --force keeps what was there before).
  const written: string[] = [];
  try {
    return await writeBackup(config, dir, written, kit);
  } catch (error) {
    for (const path of written.reverse()) rmSync(path, { recursive: true, force: true });
    const problem =
      error instanceof DumpDiskFullError || isDatabaseDiskFull(error)
        ? 'full'
        : fileSystemProblem(error);
    if (problem === 'full')
      throw kit.failure(
        `The disk holding ${dir} is full: the backup could not be finished, and what it had written was removed. Free space there or choose another folder, then run the backup again.`,
        1,
      );
    if (problem === 'unwritable')
      throw kit.failure(
        `Cannot write the backup into ${dir} (${String((error as { code?: unknown }).code)}): what it had written was removed. Choose a folder you can write to.`,
        1,
      );
    throw error;
  }
}

async function writeBackup(
  config: AppConfig,
  dir: string,
  written: string[],
  kit: CommandKit,
): Promise<BackupManifest> {
  const progress = kit.progress ?? process.stderr;
  progress.write('Copying the database…\n');
  let file: string;
  if (config.database.type === 'sqlite') {
    if (!existsSync(config.database.path))
      throw kit.failure(`There is no database at ${config.database.path}.`, 1);
    file = 'corroborate.db';
    written.push(join(dir, file));
    const db = new Database(config.database.path, { fileMustExist: true });
    try {
      await db.backup(join(dir, file), {
        progress: ({ totalPages, remainingPages }) => {
          progress.write(`  ${totalPages - remainingPages}/${totalPages} pages\n`);
          return 200;
        },
      });
    } finally {
      db.close();
    }
  } else {
    file = 'database.dump';
    written.push(join(dir, file));
    pgTool(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        // Duplicate lookup's change log: transaction ids that mean nothing in another cluster
        // (see the ClaimTextChanges migration); a restored database starts without them.
        '--exclude-table-data=claim_text_changes',
        '--exclude-table-data=claim_text_changes_pruned',
        '--file',
        join(dir, file),
        config.database.url,
      ],
      kit,
    );
  }
  const folders: string[] = [];
  for (const folder of FOLDERS) {
    const source = join(config.dataDir, folder);
    if (!existsSync(source)) continue;
    progress.write(`Copying ${folder}/…\n`);
    written.push(join(dir, folder));
    cpSync(source, join(dir, folder), {
      recursive: true,
      filter: (path) => !path.includes(`${folder}/tmp`),
    });
    folders.push(folder);
  }
  const path = join(dir, file);
  const manifest: BackupManifest = {
    format: 1,
    dialect: config.database.type,
    createdAt: new Date().toISOString(),
    database: { file, bytes: statSync(path).size, sha256: await sha256(path) },
    folders,
  };
  // Written whole or not at all: the manifest is what makes the folder a backup.
  const partial = join(dir, `${MANIFEST}.partial`);
  written.push(partial);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, join(dir, MANIFEST));
  return manifest;
}

/** Restores a backup into an EMPTY database and data folder of the same dialect. */
async function restore(from: string, kit: CommandKit): Promise<BackupManifest> {
  const config = loadConfig({ ...process.env, MIGRATIONS_RUN: 'false' });
  const dir = resolve(from);
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath))
    throw kit.failure(`${dir} holds no ${MANIFEST}; is it a backup folder?`, 2);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  if (manifest.format !== 1 || !manifest.database?.file)
    throw kit.failure(`${manifestPath} is not a backup manifest this version understands.`, 2);
  if (manifest.dialect !== config.database.type)
    throw kit.failure(
      `This backup is of a ${manifest.dialect} database but DATABASE_URL points at ${config.database.type}.`,
      2,
    );
  const dumpPath = join(dir, manifest.database.file);
  if (!existsSync(dumpPath) || (await sha256(dumpPath)) !== manifest.database.sha256)
    throw kit.failure(`${dumpPath} is missing or does not match the SHA-256 in ${MANIFEST}.`, 1);
  if ((await tableCount(config)) > 0)
    throw kit.failure(
      'The target database is not empty; restore only into a new, empty database (nothing was changed).',
      1,
    );
  for (const folder of manifest.folders) {
    if (!isEmptyDir(join(config.dataDir, folder)))
      throw kit.failure(
        `${join(config.dataDir, folder)} is not empty; restore into a new data folder (nothing was changed).`,
        1,
      );
  }
  const progress = kit.progress ?? process.stderr;
  progress.write('Restoring the database…\n');
  if (config.database.type === 'sqlite') {
    mkdirSync(resolve(config.database.path, '..'), { recursive: true });
    cpSync(dumpPath, config.database.path);
  } else {
    pgTool(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--dbname',
        config.database.url,
        dumpPath,
      ],
      kit,
    );
  }
  for (const folder of manifest.folders) {
    progress.write(`Restoring ${folder}/…\n`);
    cpSync(join(dir, folder), join(config.dataDir, folder), { recursive: true });
  }
  return manifest;
}

export function registerBackupCommands(program: Command, kit: CommandKit): void {
  program
    .command('backup')
    .description(
      'copy the database (SQLite online backup / pg_dump) and the captures, exports and releases into a folder, while the product keeps running',
    )
    .requiredOption('--out <dir>', 'a new or empty folder for the backup')
    .option('--force', 'write into a folder that is not empty')
    .action(async (options: { out: string; force?: boolean }) => {
      const manifest = await backup(options.out, options.force === true, kit);
      kit.out(
        `Backed up the ${manifest.dialect} database (${manifest.database.bytes} bytes, SHA-256 ${manifest.database.sha256}) and ${manifest.folders.join(', ') || 'no data folders'} into ${resolve(options.out)}.`,
      );
    });
  program
    .command('restore')
    .description('restore a backup folder into an empty database and data folder of the same kind')
    .requiredOption('--from <dir>', 'the backup folder (with backup.json)')
    .action(async (options: { from: string }) => {
      const manifest = await restore(options.from, kit);
      kit.out(
        `Restored the ${manifest.dialect} backup of ${manifest.createdAt}. Run \`corroborate migrate\` if this version has newer migrations.`,
      );
    });
}
