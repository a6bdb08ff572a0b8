import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type TestDatabase } from './harness';

/** Where the command-line tool runs from (the repository), and its Node arguments. */
export const CLI_CWD = join(__dirname, '..', '..', '..');
export const CLI_ARGS = [
  '-r',
  join(CLI_CWD, 'scripts', 'register.cjs'),
  join(CLI_CWD, 'apps', 'cli', 'src', 'main.ts'),
];

/** The environment of a command run against a test database. */
export function cliEnv(db: TestDatabase): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: db.databaseUrl, DATA_DIR: db.dataDir, NODE_ENV: 'test' };
}

/** Runs the command-line tool to its end (blocking): exit code, stdout and stderr. */
export function runCli(
  db: TestDatabase,
  args: string[],
  input?: string,
): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [...CLI_ARGS, ...args], {
    cwd: CLI_CWD,
    input,
    encoding: 'utf8',
    env: cliEnv(db),
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Starts the command-line tool without waiting for it, so the test process keeps running. */
export function spawnCli(db: TestDatabase, args: string[]): ChildProcess {
  return spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: CLI_CWD, env: cliEnv(db) });
}
