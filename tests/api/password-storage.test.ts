import { verify } from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_HASH_OPTIONS } from '@corroborate/api-users';
import {
  type ApiClient,
  ApiClient as Client,
  DEMO,
  type DirectDb,
  freshDatabase,
  openDirect,
  runCli,
  signedIn,
  startApi,
  type TestApi,
  type TestDatabase,
} from './src';

/** OWASP Password Storage Cheat Sheet, argon2id: at least 19 MiB, 2 iterations, 1 lane. */
const OWASP = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };

/** `$argon2id$v=19$<m, t and p, in any order>$<salt>$<hash>`, the PHC string argon2 stores. */
const PHC =
  /^\$argon2id\$v=19\$([a-z]=\d+(?:,[a-z]=\d+)*)\$([A-Za-z0-9+/]{22,})\$([A-Za-z0-9+/]{43,})$/;

/** The salt of a stored hash. */
const salt = (stored: string): string | undefined => PHC.exec(stored)?.[2];

/**
 * Checks a stored hash is argon2id, version 19, with parameters at or above OWASP's minimums
 * and equal to those the product is configured with, and that it is the hash of `password`.
 */
async function expectArgon2id(stored: string, password: string): Promise<void> {
  const match = PHC.exec(stored);
  expect(match, `not an argon2id PHC string: ${stored.slice(0, 40)}…`).not.toBeNull();
  const params = Object.fromEntries(
    match![1]!.split(',').map((pair) => [pair.split('=')[0], Number(pair.split('=')[1])]),
  );
  expect(Object.keys(params).sort()).toEqual(['m', 'p', 't']);
  expect(params['m']).toBeGreaterThanOrEqual(OWASP.memoryKiB);
  expect(params['t']).toBeGreaterThanOrEqual(OWASP.iterations);
  expect(params['p']).toBeGreaterThanOrEqual(OWASP.parallelism);
  expect(params).toEqual({
    m: PASSWORD_HASH_OPTIONS.memoryCost,
    t: PASSWORD_HASH_OPTIONS.timeCost,
    p: PASSWORD_HASH_OPTIONS.parallelism,
  });
  expect(await verify(stored, password)).toBe(true);
}

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const RESET = `mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }`;

/**
 * Passwords are stored only as argon2id hashes with OWASP's minimum work factors, whichever way
 * they are set: an admin creating a user, an admin resetting one, the command-line
 * `create-admin`, the demo seed. Read straight from the database, beside the API.
 */
describe('password storage', () => {
  let db: TestDatabase;
  let api: TestApi;
  let direct: DirectDb;
  let admin: ApiClient;
  /** Every password set in this file, none of which may appear in the users table. */
  const plaintexts = Object.values(DEMO).map((d) => d.password);

  const storedHash = async (id: string): Promise<string> =>
    (
      await direct.query<{ passwordHash: string }>(
        'SELECT "passwordHash" FROM users WHERE id = $1',
        [id],
      )
    )[0]!.passwordHash;

  beforeAll(async () => {
    db = await freshDatabase();
    api = await startApi({}, db);
    direct = await openDirect(db);
    admin = await signedIn(api, 'admin');
  });
  afterAll(async () => {
    await direct?.close();
    await api?.close();
    await db?.drop();
  });

  it('hashes the password of a created user with argon2id, salted per user', async () => {
    const password = 'created-user-password-1';
    plaintexts.push(password);
    const ids: string[] = [];
    for (const email of ['stored.one@example.org', 'stored.two@example.org']) {
      const { createUser } = await admin.ok<{ createUser: { id: string } }>(CREATE, {
        input: { email, displayName: 'Stored Person', role: 'REVIEWER', password },
      });
      ids.push(createUser.id);
    }
    const [one, two] = [await storedHash(ids[0]!), await storedHash(ids[1]!)];
    await expectArgon2id(one, password);
    await expectArgon2id(two, password);
    // The same password gives two different hashes: each has its own salt.
    expect(one).not.toBe(two);
    expect(salt(one)).not.toBe(salt(two));
    expect(await verify(one, 'created-user-password-2')).toBe(false);
  });

  it('hashes a password reset by an admin with argon2id, replacing the old hash', async () => {
    const password = 'reset-user-password-1';
    plaintexts.push(password);
    const { createUser } = await admin.ok<{ createUser: { id: string } }>(CREATE, {
      input: {
        email: 'reset.me@example.org',
        displayName: 'Reset Me',
        role: 'VIEWER',
        password: 'before-the-reset-pw',
      },
    });
    plaintexts.push('before-the-reset-pw');
    const before = await storedHash(createUser.id);
    await admin.ok(RESET, { input: { userId: createUser.id, newPassword: password } });
    const after = await storedHash(createUser.id);
    expect(after).not.toBe(before);
    await expectArgon2id(after, password);
    expect(await verify(after, 'before-the-reset-pw')).toBe(false);
    // And the person signs in with it.
    const signIn = await new Client(api.url).signIn('reset.me@example.org', password);
    expect(signIn.errors).toBeUndefined();
  });

  it('hashes the password of an admin created on the command line with argon2id', () => {
    const password = 'command-line-admin-pw';
    plaintexts.push(password);
    const result = runCli(
      db,
      [
        'create-admin',
        '--email',
        'cli.admin@example.org',
        '--name',
        'CLI Admin',
        '--password-stdin',
      ],
      password,
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    return direct
      .query<{ passwordHash: string }>('SELECT "passwordHash" FROM users WHERE email = $1', [
        'cli.admin@example.org',
      ])
      .then(([row]) => expectArgon2id(row!.passwordHash, password));
  }, 90_000);

  it('hashes every seeded demo password with argon2id', async () => {
    for (const { email, password } of Object.values(DEMO)) {
      const [row] = await direct.query<{ passwordHash: string }>(
        'SELECT "passwordHash" FROM users WHERE email = $1',
        [email],
      );
      await expectArgon2id(row!.passwordHash, password);
    }
  });

  it('keeps no password in plain text anywhere in the users table', async () => {
    const rows = await direct.query('SELECT * FROM users');
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(DEMO).length + 4);
    expect(plaintexts.length).toBeGreaterThanOrEqual(Object.keys(DEMO).length + 4);
    for (const row of rows) {
      const values = Object.values(row).map((value) => String(value));
      for (const password of plaintexts) {
        for (const value of values) expect(value).not.toContain(password);
      }
    }
  });
});
