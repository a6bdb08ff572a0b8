import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp, runStartupTasks } from '@corroborate/api-app';
import { type AppConfig, loadConfig } from '@corroborate/api-core';
import { DEMO_USERS } from '@corroborate/api-demo';

export type Dialect = 'sqlite' | 'postgres';

/** Which database this run of the API suite uses: `TEST_DB=sqlite|postgres` (default sqlite). */
export function testDialect(): Dialect {
  const value = process.env['TEST_DB'] ?? 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres')
    throw new Error(`TEST_DB must be sqlite or postgres, not ${value}`);
  return value;
}

export const POSTGRES_ADMIN_URL =
  process.env['TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestApi {
  url: string;
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A fresh empty database of the suite's dialect; returns its DATABASE_URL and a cleanup. */
export async function freshDatabase(
  dialect: Dialect = testDialect(),
): Promise<{ databaseUrl: string; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-test-'));
  if (dialect === 'sqlite') {
    return {
      databaseUrl: `sqlite:${join(dataDir, 'test.db')}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `corroborate_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new Client({ connectionString: `${POSTGRES_ADMIN_URL}/postgres` });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL} (${String(error)}). Start it, e.g. ` +
        '`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`, or set TEST_PG_URL.',
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    databaseUrl: `${POSTGRES_ADMIN_URL}/${name}`,
    dataDir,
    drop: async () => {
      const c = new Client({ connectionString: `${POSTGRES_ADMIN_URL}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the real API (same module, pipes, filters and startup tasks as production) on a fresh
 * database with the demo seeded, listening on a random port.
 */
export type TestDatabase = Awaited<ReturnType<typeof freshDatabase>>;

export async function startApi(
  env: Record<string, string> = {},
  /** Share a database between instances; the caller then drops it (close() leaves it). */
  shared?: TestDatabase,
): Promise<TestApi> {
  const db = shared ?? (await freshDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.databaseUrl,
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'error',
    DEMO_SEED: 'true',
    PORT: '0',
    HOST: '127.0.0.1',
    WEB_DIST: join(db.dataDir, 'no-web-build'),
    ...env,
  });
  const app = await createApp(config);
  await runStartupTasks(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      if (!shared) await db.drop();
    },
  };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** A GraphQL client over HTTP that keeps its session cookie, like a browser tab. */
export class ApiClient {
  cookie: string | null = null;
  bearer: string | null = null;
  lastSetCookie: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers['cookie'] = this.cookie;
    if (this.bearer) headers['authorization'] = `Bearer ${this.bearer}`;
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    this.lastSetCookie = setCookie;
    if (setCookie) {
      const [pair] = setCookie.split(';');
      const value = pair.split('=').slice(1).join('=');
      this.cookie = value ? pair : null;
    }
    return (await res.json()) as GraphQLResponse<T>;
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async signIn(email: string, password: string): Promise<GraphQLResponse> {
    return this.request(
      'mutation SignIn($input: SignInInput!) { signIn(input: $input) { user { id email role } } }',
      { input: { email, password } },
    );
  }
}

/** The first error's code, for terse assertions. */
export function errorCode(result: GraphQLResponse): unknown {
  return result.errors?.[0]?.extensions?.['code'];
}

type DemoLogin = 'admin' | 'editor' | 'reviewer' | 'reviewer2' | 'viewer';

/** Demo logins by the local part of their email (admin, editor, reviewer, reviewer2, viewer). */
export const DEMO = Object.fromEntries(
  DEMO_USERS.map((u) => [u.email.split('@')[0], { email: u.email, password: u.password }]),
) as Record<DemoLogin, { email: string; password: string }>;

export async function signedIn(api: TestApi, who: keyof typeof DEMO): Promise<ApiClient> {
  const client = new ApiClient(api.url);
  const result = await client.signIn(DEMO[who].email, DEMO[who].password);
  if (result.errors) throw new Error(`sign-in as ${who} failed: ${JSON.stringify(result.errors)}`);
  return client;
}
