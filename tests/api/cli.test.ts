import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ARGS, CLI_CWD, freshDatabase, runCli, testDialect } from './src';

describe(`the command-line tool on ${testDialect()}`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const cli = (args: string[], input?: string) => runCli(db, args, input);

  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(() => db.drop());

  it('prints help listing every command, exit 0', () => {
    const { code, out } = cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['migrate', 'seed', 'create-admin']) expect(out).toContain(command);
    expect(cli(['create-admin', '--help']).out).toMatch(/--password-stdin/);
  });

  it('refuses to seed an unmigrated database with a message saying what to do, exit 1', () => {
    const { code, err } = cli(['seed', '--demo']);
    expect(code).toBe(1);
    expect(err).toMatch(/pending migrations\. Run `corroborate migrate` first/);
  });

  it('migrates, reports nothing pending afterwards, and migrating again applies nothing', () => {
    const first = cli(['migrate']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Applied Foundation\d+/);
    expect(cli(['migrate', '--check'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/No pending/),
    });
    expect(cli(['migrate']).out).toMatch(/^0 migrations applied/m);
  });

  it('seeds the demo once; a second run adds nothing', () => {
    expect(cli(['seed', '--demo'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/5 users, 1 project and 6 claims added/),
    });
    expect(cli(['seed', '--demo'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/0 users, 0 projects and 0 claims added/),
    });
  });

  it('creates an admin from a password on stdin; a duplicate is refused with exit 1', () => {
    const ok = cli(
      ['create-admin', '--email', 'Chief@Example.org', '--name', 'Chief', '--password-stdin'],
      'a-long-admin-password\n',
    );
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Created admin chief@example.org/);
    const again = cli(
      ['create-admin', '--email', 'chief@example.org', '--name', 'Chief', '--password-stdin'],
      'a-long-admin-password\n',
    );
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/CONFLICT: A user with the email chief@example.org already exists/);
  });

  it('names each bad option of create-admin and exits 2', () => {
    const bad = cli(['create-admin', '--email', 'nope', '--name', 'X', '--password', 'short']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--email: Email must be a valid email address/);
    expect(bad.err).toMatch(/--password: Password must be between 12/);
  });

  it('exits 2 on an unknown command or a missing required option, and on bad configuration', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    expect(cli(['seed']).code).toBe(2);
    const result = spawnSync(process.execPath, [...CLI_ARGS, 'migrate'], {
      cwd: CLI_CWD,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: 'mysql://nope', DATA_DIR: db.dataDir },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/DATABASE_URL: must start with postgres/);
  });

  it('says plainly when the database cannot be reached, without stack traces or the password, exit 1', () => {
    const result = spawnSync(process.execPath, [...CLI_ARGS, 'migrate', '--check'], {
      cwd: CLI_CWD,
      encoding: 'utf8',
      env: {
        ...process.env,
        // Port 1 refuses connections.
        DATABASE_URL: 'postgres://corroborate:s3cret-password@127.0.0.1:1/newsroom',
        DATA_DIR: db.dataDir,
        NODE_ENV: 'test',
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^Cannot reach the database \(PostgreSQL at 127\.0\.0\.1:1\/newsroom\): ECONNREFUSED.*Check that it is running and that DATABASE_URL points at it\.\n$/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at |s3cret-password/);
  });

  it('has --help for every command', async () => {
    // In-process: commander prints each command's help and exits through exitOverride().
    const { buildProgram } = await import('@corroborate/cli');
    for (const command of [
      'migrate',
      'seed',
      'create-admin',
      'import',
      'export',
      'backup',
      'restore',
      'release',
    ]) {
      let help = '';
      const program = buildProgram();
      for (const each of [program, ...program.commands]) {
        each.configureOutput({ writeOut: (text) => (help += text), writeErr: () => undefined });
      }
      await expect(
        program.parseAsync([command, '--help'], { from: 'user' }),
        command,
      ).rejects.toMatchObject({ exitCode: 0, code: 'commander.helpDisplayed' });
      expect(help, command).toMatch(new RegExp(`^Usage: corroborate ${command}`, 'm'));
      expect(help, command).toMatch(/--help/);
    }
  });
});
