import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'corroborate-config-'));

function problemsOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to an embedded SQLite file in the data folder on port 3000', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({
      type: 'sqlite',
      path: join(dir, 'corroborate.db'),
      logging: false,
      slowStatementMs: 5000,
    });
    expect(config.migrationsRun).toBe(true);
    expect(config.demoSeed).toBe(true);
    expect(config.sessionSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the generated development secret across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(
      loadConfig({ DATA_DIR: dir }).sessionSecret,
    );
  });

  it('uses PostgreSQL for a postgres:// DATABASE_URL and does not seed the demo there by default', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      DATABASE_URL: 'postgres://u@db:5432/corroborate',
    });
    expect(config.database).toEqual({
      type: 'postgres',
      url: 'postgres://u@db:5432/corroborate',
      logging: false,
      slowStatementMs: 5000,
      connectTimeoutMs: 30_000,
      statementTimeoutMs: 120_000,
    });
    expect(config.demoSeed).toBe(false);
    expect(
      loadConfig({
        DATA_DIR: dataDir(),
        DATABASE_URL: 'postgres://u@db:5432/corroborate',
        DATABASE_STATEMENT_TIMEOUT_SECONDS: '0',
        DATABASE_CONNECT_TIMEOUT_SECONDS: '5',
        DATABASE_SLOW_STATEMENT_MS: '0',
      }).database,
    ).toMatchObject({ connectTimeoutMs: 5_000, statementTimeoutMs: 0, slowStatementMs: 0 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT', /port number/],
    [{ PORT: '70000' }, 'PORT', /at most 65535/],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL', /postgres:\/\//],
    [{ MIGRATIONS_RUN: 'maybe' }, 'MIGRATIONS_RUN', /true, false/],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV', /development, production, test/],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET', /at least 32/],
    [{ LOGIN_MAX_FAILURES: '0' }, 'LOGIN_MAX_FAILURES', /at least 1/],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL', /URL/],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL', /redis:\/\//],
    [{ UPLOAD_MAX_BYTES: '0' }, 'UPLOAD_MAX_BYTES', /at least 1/],
    [{ UPLOAD_MAX_BYTES: '25MB' }, 'UPLOAD_MAX_BYTES', /whole number/],
    [{ EXPORT_RETENTION_HOURS: 'a week' }, 'EXPORT_RETENTION_HOURS', /whole number of hours/],
    [{ DUPLICATES_MEMORY_MB: '256MB' }, 'DUPLICATES_MEMORY_MB', /whole number of megabytes/],
    [
      { DATABASE_STATEMENT_TIMEOUT_SECONDS: '2m' },
      'DATABASE_STATEMENT_TIMEOUT_SECONDS',
      /whole number of seconds/,
    ],
    [{ DATABASE_CONNECT_TIMEOUT_SECONDS: '0' }, 'DATABASE_CONNECT_TIMEOUT_SECONDS', /at least 1/],
    [{ DATABASE_SLOW_STATEMENT_MS: '2s' }, 'DATABASE_SLOW_STATEMENT_MS', /milliseconds/],
    [{ DUPLICATES_MEMORY_MB: '2000000' }, 'DUPLICATES_MEMORY_MB', /at most 1048576/],
    [{ EXPORT_RETENTION_HOURS: '100000' }, 'EXPORT_RETENTION_HOURS', /at most 87840/],
    [{ CAPTURE_ALLOW_HOSTS: 'ok.example.org, 10.0.0.0/33' }, 'CAPTURE_ALLOW_HOSTS', /CIDR/],
    [{ CAPTURE_ALLOW_HOSTS: 'http://x.org' }, 'CAPTURE_ALLOW_HOSTS', /host name/],
    [{ CAPTURE_ALLOW_PRIVATE: 'sometimes' }, 'CAPTURE_ALLOW_PRIVATE', /true, false/],
    [{ CAPTURE_TIMEOUT_SECONDS: '0' }, 'CAPTURE_TIMEOUT_SECONDS', /at least 1/],
    [{ CAPTURE_MAX_REDIRECTS: '21' }, 'CAPTURE_MAX_REDIRECTS', /at most 20/],
  ])('refuses %o naming the variable', (env, variable, message) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0].variable).toBe(variable);
    expect(problems[0].message).toMatch(message);
  });

  it('reports every bad variable at once, and the error message names them', () => {
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'x', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toMatch(/PORT: .*\n.*LOG_LEVEL: /);
    }
  });

  it('stops in production without a session secret, with no default', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      {
        variable: 'SESSION_SECRET',
        message: expect.stringMatching(/required when NODE_ENV=production/),
      },
    ]);
    const config = loadConfig({
      DATA_DIR: dataDir(),
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
    });
    expect(config.sessionSecret).toBe('x'.repeat(40));
    expect(config.cookieSecure).toBe(true);
  });

  it('limits captures to 25 MiB and public addresses by default', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.uploadMaxBytes).toBe(26_214_400);
    expect(config.capture).toEqual({
      allowHosts: [],
      allowPrivate: false,
      timeoutSeconds: 20,
      maxRedirects: 5,
    });
  });

  it('reads the capture allow-list of host names, addresses and CIDR blocks', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      UPLOAD_MAX_BYTES: '1024',
      CAPTURE_ALLOW_HOSTS: ' Intranet.Example.org, 127.0.0.1,10.1.0.0/16 ,fd00::/8,',
      CAPTURE_ALLOW_PRIVATE: 'true',
      CAPTURE_TIMEOUT_SECONDS: '5',
      CAPTURE_MAX_REDIRECTS: '0',
    });
    expect(config.uploadMaxBytes).toBe(1024);
    expect(config.capture).toEqual({
      allowHosts: ['intranet.example.org', '127.0.0.1', '10.1.0.0/16', 'fd00::/8'],
      allowPrivate: true,
      timeoutSeconds: 5,
      maxRedirects: 0,
    });
  });

  it('believes X-Forwarded-For only from loopback proxies unless TRUST_PROXY says otherwise', () => {
    const trust = (TRUST_PROXY?: string) =>
      loadConfig({ DATA_DIR: dataDir(), ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) })
        .trustProxy;
    expect(trust()).toEqual(['loopback']);
    expect(trust(' 10.0.0.5, 10.1.0.0/16,UniqueLocal ,fd00::/8')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'uniquelocal',
      'fd00::/8',
    ]);
    expect(trust('2')).toBe(2);
    expect(trust('false')).toBe(false);
    expect(trust('none')).toBe(false);
  });

  it('refuses a TRUST_PROXY entry that is not an address, a block, a range name or a hop count', () => {
    expect(problemsOf({ TRUST_PROXY: '10.0.0.5,lb.example.org' })).toEqual([
      {
        variable: 'TRUST_PROXY',
        message:
          '"lb.example.org" is neither an IP address, a CIDR block (e.g. 10.1.0.0/16) nor one of loopback, linklocal, uniquelocal; or give false, or a number of hops',
      },
    ]);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })[0]?.message).toMatch(
      /^"10.0.0.0\/33" is neither/,
    );
    expect(problemsOf({ TRUST_PROXY: '0' })).toEqual([
      { variable: 'TRUST_PROXY', message: 'a number of proxy hops must be from 1 to 10' },
    ]);
    expect(problemsOf({ TRUST_PROXY: ' , ' })[0]?.message).toMatch(/^is empty/);
  });

  it('keeps idle connections open longer than a load balancer keeps its own (60 s)', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).httpKeepAliveMs).toBe(65_000);
    expect(
      loadConfig({ DATA_DIR: dataDir(), HTTP_KEEP_ALIVE_SECONDS: '120' }).httpKeepAliveMs,
    ).toBe(120_000);
    expect(problemsOf({ HTTP_KEEP_ALIVE_SECONDS: '0' })).toEqual([
      { variable: 'HTTP_KEEP_ALIVE_SECONDS', message: 'must be at least 1' },
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), PORT: '' }).port).toBe(3000);
  });
});
