import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/** Thrown when the environment does not describe a valid configuration; names each bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: () => 'must be one of true, false, 1, 0, yes, no',
  })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`));

/** A whole number from 0 to `max`; `message` says what a bad value must be instead. */
const wholeNumber = (message: string, max: number, maxMessage = `must be at most ${max}`) =>
  z.string().regex(/^\d+$/, message).transform(Number).pipe(z.number().int().max(max, maxMessage));

/** A host name (`intranet.example.org`), an IP address or a CIDR block (`10.1.0.0/16`, `fd00::/8`). */
function isHostOrCidr(entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash >= 0) {
    const ip = entry.slice(0, slash);
    const bits = entry.slice(slash + 1);
    const family = isIP(ip);
    if (family === 0 || !/^\d{1,3}$/.test(bits)) return false;
    return Number(bits) <= (family === 4 ? 32 : 128);
  }
  if (isIP(entry) !== 0) return true;
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(
    entry,
  );
}

/** proxy-addr's names for address ranges, as express' `trust proxy` accepts them. */
const TRUST_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IP address or CIDR block (`10.1.0.0/16`, `fd00::/8`); no host names. */
function isIpOrCidr(entry: string): boolean {
  return (entry.includes('/') || isIP(entry) !== 0) && isHostOrCidr(entry);
}

/**
 * Which proxies in front of the API to believe about the client's address (X-Forwarded-For):
 * `false` none, a number of hops, or addresses, CIDR blocks and range names.
 */
const trustProxy = z.string().transform((value, ctx): string[] | number | false => {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === 'none') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops >= 1 && hops <= 10) return hops;
    ctx.addIssue({ code: 'custom', message: 'a number of proxy hops must be from 1 to 10' });
    return z.NEVER;
  }
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.find((e) => !TRUST_PROXY_RANGES.includes(e) && !isIpOrCidr(e));
  if (entries.length === 0 || bad !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${bad === undefined ? 'is empty' : `"${bad}" is neither an IP address, a CIDR block (e.g. 10.1.0.0/16) nor one of ${TRUST_PROXY_RANGES.join(', ')}`}; or give false, or a number of hops`,
    });
    return z.NEVER;
  }
  return entries;
});

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: () => 'must be one of development, production, test',
    })
    .default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535, 'must be at most 65535'))
    .default(3000),
  PUBLIC_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^(postgres|postgresql|sqlite):/,
      'must start with postgres://, postgresql:// or sqlite: (e.g. sqlite:./data/corroborate.db)',
    )
    .optional(),
  DATABASE_LOGGING: booleanString.default(false),
  DATABASE_CONNECT_TIMEOUT_SECONDS: positiveInt(3600).default(30),
  DATABASE_STATEMENT_TIMEOUT_SECONDS: wholeNumber(
    'must be a whole number of seconds (0 waits for ever)',
    86_400,
  ).default(120),
  DATABASE_SLOW_STATEMENT_MS: wholeNumber(
    'must be a whole number of milliseconds (0 logs none)',
    3_600_000,
  ).default(5000),
  MIGRATIONS_RUN: booleanString.default(true),
  DEMO_SEED: booleanString.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: positiveInt(24 * 365).default(24 * 7),
  COOKIE_SECURE: booleanString.optional(),
  TRUST_PROXY: trustProxy.default(['loopback']),
  HTTP_KEEP_ALIVE_SECONDS: positiveInt(3600).default(65),
  LOGIN_MAX_FAILURES: positiveInt(1000).default(5),
  LOGIN_WINDOW_SECONDS: positiveInt(86_400).default(15 * 60),
  LOGIN_BLOCK_SECONDS: positiveInt(86_400).default(15 * 60),
  WEB_DIST: z.string().min(1).default('./dist/web'),
  COMMENT_EDIT_WINDOW_SECONDS: wholeNumber('must be a whole number of seconds', 86_400).default(
    15 * 60,
  ),
  UPLOAD_MAX_BYTES: positiveInt(2 ** 31 - 1).default(25 * 1024 * 1024),
  IMPORT_MAX_BYTES: positiveInt(2 ** 40).default(200 * 1024 * 1024),
  IMPORT_JSONLD_MAX_BYTES: positiveInt(2 ** 31 - 1).default(20 * 1024 * 1024),
  DUPLICATES_MEMORY_MB: wholeNumber(
    'must be a whole number of megabytes (0 keeps none)',
    1024 * 1024,
  ).default(256),
  EXPORT_RETENTION_HOURS: wholeNumber(
    'must be a whole number of hours (0 keeps exports for ever)',
    24 * 3660,
    'must be at most 87840 (ten years)',
  ).default(7 * 24),
  CAPTURE_ALLOW_HOSTS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().refine(isHostOrCidr, {
          error: (issue) =>
            `"${String(issue.input)}" is neither a host name, an IP address nor a CIDR block (e.g. 10.1.0.0/16)`,
        }),
      ),
    )
    .default([]),
  CAPTURE_ALLOW_PRIVATE: booleanString.default(false),
  CAPTURE_TIMEOUT_SECONDS: positiveInt(600).default(20),
  CAPTURE_MAX_REDIRECTS: wholeNumber('must be a whole number', 20).default(5),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss:// (e.g. redis://127.0.0.1:6379)')
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1 to 64 letters, digits or : _ . -')
    .default('corroborate:'),
  LOG_LEVEL: z
    .enum(['error', 'warn', 'log', 'debug', 'verbose'], {
      error: () => 'must be one of error, warn, log, debug, verbose',
    })
    .default('warn'),
});

export type DatabaseConfig =
  | { type: 'sqlite'; path: string; logging: boolean; slowStatementMs: number }
  | {
      type: 'postgres';
      url: string;
      logging: boolean;
      /** A statement that takes longer than this is logged as a warning (0: none). */
      slowStatementMs: number;
      /** Longest wait for a connection (a new one, or a free one of the pool). */
      connectTimeoutMs: number;
      /** A statement with no answer after this long has its connection closed (0: never). */
      statementTimeoutMs: number;
    };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | undefined;
  dataDir: string;
  database: DatabaseConfig;
  migrationsRun: boolean;
  demoSeed: boolean;
  sessionSecret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /**
   * The proxies (load balancers) whose X-Forwarded-For the API believes about a client's address,
   * which sign-in throttling and the audit of sign-ins use: express' `trust proxy` setting.
   */
  trustProxy: string[] | number | false;
  /**
   * How long an idle keep-alive connection stays open. Longer than a load balancer keeps its idle
   * connections to the API (nginx and most cloud balancers: 60 s), so the balancer never sends a
   * request on a connection the API is closing at that moment (it answers 502 for that request).
   */
  httpKeepAliveMs: number;
  login: { maxFailures: number; windowSeconds: number; blockSeconds: number };
  webDist: string;
  /** How long after posting a comment its author may still edit it. */
  commentEditWindowSeconds: number;
  /** Largest capture (upload or URL fetch) accepted, in bytes. */
  uploadMaxBytes: number;
  /**
   * Imports: the largest file accepted (CSV and NDJSON stream, so this bounds disk and time, not
   * memory), and the largest JSON-LD document, which is parsed whole.
   */
  importMaxBytes: number;
  /** Ad-hoc export files are removed after this many hours (0: never); releases are kept. */
  exportRetentionHours: number;
  /** Memory for the trigram sets duplicate lookup keeps between lookups, in bytes (0: none). */
  duplicatesMemoryBytes: number;
  importJsonLdMaxBytes: number;
  /** Server-side URL capture: what the operator allows beyond public addresses, and limits. */
  capture: {
    /** Host names, IP addresses or CIDR blocks that may be fetched even when not public. */
    allowHosts: string[];
    /** Allow private (RFC 1918, fc00::/7, carrier-grade NAT) addresses; never loopback or link-local. */
    allowPrivate: boolean;
    timeoutSeconds: number;
    maxRedirects: number;
  };
  /**
   * Live updates fan out through Redis when set, and sign-in throttling counts there, so several
   * API instances share both.
   */
  redisUrl: string | undefined;
  /** Prefix of the keys this installation keeps in Redis (sign-in throttling counts). */
  redisKeyPrefix: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

/**
 * Reads and validates the whole configuration from the environment. Empty strings count as unset.
 * Throws a {@link ConfigError} naming every bad variable; nothing else in the product reads process.env.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): AppConfig {
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0]),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const dataDir = isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR);
  const production = e.NODE_ENV === 'production';

  if (production && !e.SESSION_SECRET) {
    throw new ConfigError([
      {
        variable: 'SESSION_SECRET',
        message:
          'is required when NODE_ENV=production (at least 32 random characters, e.g. `openssl rand -hex 32`); there is no default secret',
      },
    ]);
  }

  let database: DatabaseConfig;
  if (e.DATABASE_URL && /^postgres(ql)?:/.test(e.DATABASE_URL)) {
    database = {
      type: 'postgres',
      url: e.DATABASE_URL,
      logging: e.DATABASE_LOGGING,
      slowStatementMs: e.DATABASE_SLOW_STATEMENT_MS,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
    };
  } else {
    const file = e.DATABASE_URL ? e.DATABASE_URL.replace(/^sqlite:(\/\/)?/, '') : '';
    const path =
      file === ':memory:'
        ? file
        : file
          ? isAbsolute(file)
            ? file
            : resolve(cwd, file)
          : join(dataDir, 'corroborate.db');
    database = {
      type: 'sqlite',
      path,
      logging: e.DATABASE_LOGGING,
      slowStatementMs: e.DATABASE_SLOW_STATEMENT_MS,
    };
  }

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    dataDir,
    database,
    migrationsRun: e.MIGRATIONS_RUN,
    demoSeed: e.DEMO_SEED ?? database.type === 'sqlite',
    sessionSecret: e.SESSION_SECRET ?? developmentSecret(dataDir),
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: e.TRUST_PROXY,
    httpKeepAliveMs: e.HTTP_KEEP_ALIVE_SECONDS * 1000,
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
      blockSeconds: e.LOGIN_BLOCK_SECONDS,
    },
    webDist: isAbsolute(e.WEB_DIST) ? e.WEB_DIST : resolve(cwd, e.WEB_DIST),
    commentEditWindowSeconds: e.COMMENT_EDIT_WINDOW_SECONDS,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importJsonLdMaxBytes: e.IMPORT_JSONLD_MAX_BYTES,
    exportRetentionHours: e.EXPORT_RETENTION_HOURS,
    duplicatesMemoryBytes: e.DUPLICATES_MEMORY_MB * 1024 * 1024,
    capture: {
      allowHosts: e.CAPTURE_ALLOW_HOSTS,
      allowPrivate: e.CAPTURE_ALLOW_PRIVATE,
      timeoutSeconds: e.CAPTURE_TIMEOUT_SECONDS,
      maxRedirects: e.CAPTURE_MAX_REDIRECTS,
    },
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    logLevel: e.LOG_LEVEL,
  };
}

/**
 * Outside production a secret is generated once and kept in the data folder, so sessions
 * survive restarts without anyone having to configure one.
 */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Injection token for the validated {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Every variable the product reads, for the README's configuration table and `--help` output. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);
