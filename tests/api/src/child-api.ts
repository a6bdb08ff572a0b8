import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { type TestDatabase } from './harness';

const root = join(__dirname, '..', '..', '..');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The real server (`apps/api/src/main.ts`) in its own process, so a test can kill -9 it. */
export interface ChildApi {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far (for failure messages). */
  output(): string;
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code or signal once the process has gone. */
  exited: Promise<string>;
  /** SIGKILL (if still running) and wait for the exit. */
  kill(): Promise<string>;
}

export async function spawnApi(
  db: TestDatabase,
  env: Record<string, string> = {},
  readyWithinMs = 120_000,
): Promise<ChildApi> {
  const port = await freePort();
  // A temporary folder of its own (import staging), so runs sharing a machine do not meet there.
  const tmp = join(db.dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const child = spawn(
    process.execPath,
    ['-r', join(root, 'scripts', 'register.cjs'), join(root, 'apps', 'api', 'src', 'main.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: db.databaseUrl,
        DATA_DIR: db.dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'error',
        DEMO_SEED: 'true',
        WEB_DIST: join(db.dataDir, 'no-web-build'),
        TMPDIR: tmp,
        ...env,
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let gone = false;
  // Should the test process end first (a timeout, Ctrl-C), the server goes with it.
  const orphanGuard = () => {
    if (!gone) child.kill('SIGKILL');
  };
  process.once('exit', orphanGuard);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      gone = true;
      process.off('exit', orphanGuard);
      resolve(signal ?? String(code));
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (gone) throw new Error(`The API process exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API process did not become ready in ${readyWithinMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await pause(200);
  }
  return {
    url,
    child,
    output: () => output,
    signal: (signal) => {
      if (!gone && child.pid) process.kill(child.pid, signal);
    },
    exited,
    kill: async () => {
      if (!gone && child.pid) process.kill(child.pid, 'SIGKILL');
      return exited;
    },
  };
}

/**
 * A direct connection to a test database, beside the API (SQL written with `$1` placeholders;
 * they become `?` on SQLite).
 */
export interface DirectDb {
  readonly dialect: 'sqlite' | 'postgres';
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  count(table: string): Promise<number>;
  /** True while another connection holds an open write transaction. */
  writeTransactionOpen(): Promise<boolean>;
  /**
   * Opens a transaction that keeps every other connection from writing to `table` (on SQLite,
   * to the whole database) until `releaseWrites`; false, with nothing held, when another
   * connection is writing at that moment.
   */
  holdWrites(table: string): Promise<boolean>;
  releaseWrites(): Promise<void>;
  close(): Promise<void>;
}

export async function openDirect(db: TestDatabase): Promise<DirectDb> {
  if (db.databaseUrl.startsWith('sqlite:')) {
    const sqlite = new Database(db.databaseUrl.slice('sqlite:'.length));
    sqlite.pragma('busy_timeout = 0');
    const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
      const statement = sqlite.prepare(sql.replace(/\$\d+/g, '?'));
      if (statement.reader) return Promise.resolve(statement.all(...params) as T[]);
      statement.run(...params);
      return Promise.resolve([]);
    };
    return {
      dialect: 'sqlite',
      query,
      count: async (table) =>
        Number((await query<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n),
      writeTransactionOpen: () => {
        try {
          sqlite.exec('BEGIN IMMEDIATE');
          sqlite.exec('ROLLBACK');
          return Promise.resolve(false);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_BUSY') return Promise.resolve(true);
          throw error;
        }
      },
      holdWrites: () => {
        try {
          sqlite.exec('BEGIN IMMEDIATE');
          return Promise.resolve(true);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_BUSY') return Promise.resolve(false);
          throw error;
        }
      },
      releaseWrites: () => {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        return Promise.resolve();
      },
      close: () => {
        sqlite.close();
        return Promise.resolve();
      },
    };
  }
  const pg = new Client({ connectionString: db.databaseUrl });
  await pg.connect();
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await pg.query(sql, params)).rows as T[];
  return {
    dialect: 'postgres',
    query,
    count: async (table) =>
      Number((await query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`))[0].n),
    writeTransactionOpen: async () =>
      Number(
        (
          await query<{ n: string }>(
            `SELECT COUNT(*) AS n FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL`,
          )
        )[0].n,
      ) > 0,
    holdWrites: async (table) => {
      await pg.query('BEGIN');
      try {
        // EXCLUSIVE: other connections may still read the table, not write it.
        await pg.query(`LOCK TABLE "${table}" IN EXCLUSIVE MODE NOWAIT`);
        return true;
      } catch (error) {
        await pg.query('ROLLBACK');
        if ((error as { code?: string }).code === '55P03') return false;
        throw error;
      }
    },
    releaseWrites: async () => {
      await pg.query('ROLLBACK');
    },
    close: () => pg.end(),
  };
}
