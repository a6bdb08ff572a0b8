import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  freshDatabase,
  runCli,
  spawnCli,
  startApi,
  type TestApi,
  type TestDatabase,
  testDialect,
  withFullDisk,
} from './src';

/** Each run of the CLI compiles TypeScript on the fly: seconds apiece on a busy machine. */
const SLOW = 180_000;

describe(`the import command on ${testDialect()}`, () => {
  let db: TestDatabase;
  let api: TestApi;
  let projectId: string;
  let dir: string;

  const cli = (args: string[]) => runCli(db, args);
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const claimCount = async () => {
    const [row] = (await api.dataSource.query('SELECT COUNT(*) AS n FROM "claims"')) as {
      n: string | number;
    }[];
    return Number(row.n);
  };

  beforeAll(async () => {
    db = await freshDatabase();
    api = await startApi({}, db);
    const [project] = (await api.dataSource.query('SELECT "id" FROM "projects"')) as {
      id: string;
    }[];
    projectId = project.id;
    dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-import-'));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'documents itself',
    () => {
      const help = cli(['import', '--help']);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/--project <id>/);
      expect(help.out).toMatch(/--format <format>/);
      expect(help.out).toMatch(/--dry-run +check the file exactly as an import would/);
      expect(cli(['--help']).out).toMatch(/import/);
    },
    SLOW,
  );

  it(
    'imports a CSV with progress on stderr and a summary on stdout, exit 0',
    async () => {
      const before = await claimCount();
      const path = file(
        'ok.csv',
        'text,claimant\n"Turnout was 84 percent, officials said.",CEC\nA second claim.,\n',
      );
      const result = cli(['import', '--project', projectId, path]);
      expect(result.code, result.err).toBe(0);
      expect(result.err).toMatch(/Reading: .* 2 records parsed/);
      expect(result.err).toMatch(/Checked the first 2 records for likely duplicates/);
      expect(result.err).toMatch(/Writing: 0 of 2 claims\n(.*\n)*Writing: 2 of 2 claims/);
      expect(result.err).toMatch(/Committing 2 claims…/);
      // The database was free: no wait to report.
      expect(result.err).not.toMatch(/Waiting for another write/);
      expect(result.out).toMatch(
        /^Imported 2 claims, 0 evidence items and 0 new sources from 2 records/,
      );
      expect(await claimCount()).toBe(before + 2);
    },
    SLOW,
  );

  it(
    'with --dry-run checks the file as an import would and prints what it would import, writing nothing: exit 0 valid, 1 invalid',
    async () => {
      const counts = async () => {
        const out: number[] = [];
        for (const table of ['claims', 'evidence', 'sources', 'audit_events']) {
          const [row] = (await api.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as {
            n: string | number;
          }[];
          out.push(Number(row.n));
        }
        return out;
      };
      const before = await counts();
      const good = file(
        'dry.csv',
        [
          'text,claimant,topics,priority,evidenceUrl,evidenceStance,sourceName',
          '"Authorities have detained more than 30,000 protesters.",UN,detentions;protests,HIGH,https://un.example/1,SUPPORTS,UN OHCHR',
          'A claim checked without being written.,,,,,,',
        ].join('\n'),
      );
      const result = cli(['import', '--dry-run', '--project', projectId, good]);
      expect(result.code, result.err).toBe(0);
      expect(result.err).toMatch(/Reading: .* 2 records parsed/);
      // The demo project holds this claim.
      expect(result.err).toMatch(
        /Warning: line 2 looks like a duplicate of claim [0-9a-f-]+ \(similarity 1\.00\)/,
      );
      expect(result.out).toBe(
        [
          'Dry run, nothing imported: the file is valid and would import 2 claims and 1 evidence item from 2 records.',
          'As they would be imported:',
          '  line 2: "Authorities have detained more than 30,000 protesters." — claimant UN; topics detentions, protests; priority HIGH; 1 evidence item (UN OHCHR)',
          '  line 3: "A claim checked without being written." — priority NORMAL',
          '',
        ].join('\n'),
      );
      expect(await counts()).toEqual(before);

      const bad = file('dry-bad.ndjson', '{"text":"fine"}\n{"text":"x","priority":"SOON"}\n');
      const refused = cli(['import', '--dry-run', '--project', projectId, bad]);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /line 2, priority: priority "SOON" is not one of the allowed values: LOW, NORMAL, HIGH, URGENT\./,
      );
      expect(refused.err).toMatch(/1 problem in 2 records; nothing would be imported\./);
      expect(refused.out).toBe('');
      expect(await counts()).toEqual(before);
    },
    SLOW,
  );

  // On PostgreSQL the import's transaction begins at once and waits inside, row by row.
  it.skipIf(testDialect() !== 'sqlite')(
    'says that it waits while another program holds the write lock, then imports',
    async () => {
      const before = await claimCount();
      const path = file('wait.csv', 'text\nA claim imported after the wait.\n');
      const other = new Database(db.databaseUrl.replace(/^sqlite:/, ''));
      other.exec('BEGIN IMMEDIATE');
      let err = '';
      const child = spawnCli(db, ['import', '--project', projectId, path]);
      child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      try {
        await vi.waitFor(() => expect(err).toMatch(/Waiting for another write to the database/), {
          timeout: 120_000,
          interval: 100,
        });
        expect(err).not.toMatch(/Writing:/);
      } finally {
        other.exec('COMMIT');
        other.close();
      }
      expect(await exited, err).toBe(0);
      expect(err).toMatch(/Waiting for another write(.*\n)*Writing: 1 of 1 claim\b/);
      expect(await claimCount()).toBe(before + 1);
    },
    SLOW,
  );

  it(
    'prints every problem as line, field and reason and imports nothing, exit 1',
    async () => {
      const before = await claimCount();
      const path = file(
        'bad.ndjson',
        '{"text":"fine"}\n{"text":"x","priority":"SOON"}\n{"claimant":"nobody"}\n',
      );
      const result = cli(['import', '--project', projectId, path]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(
        /line 2, priority: priority "SOON" is not one of the allowed values: LOW, NORMAL, HIGH, URGENT\./,
      );
      expect(result.err).toMatch(/line 3, text: text is required\./);
      expect(result.err).toMatch(/2 problems in 3 records; nothing was imported\./);
      expect(await claimCount()).toBe(before);
    },
    SLOW,
  );

  it(
    'refuses bad arguments with exit 2',
    () => {
      const path = file('x.csv', 'text\nx\n');
      expect(cli(['import', path]).code).toBe(2);
      expect(cli(['import', '--project', 'nope', path])).toMatchObject({
        code: 2,
        err: expect.stringMatching(/--project must be a project id/),
      });
      expect(cli(['import', '--project', projectId, '--format', 'xlsx', path])).toMatchObject({
        code: 2,
        err: expect.stringMatching(/--format must be one of csv, ndjson, jsonld/),
      });
      expect(cli(['import', '--project', projectId, join(dir, 'missing.csv')])).toMatchObject({
        code: 2,
        err: expect.stringMatching(/Cannot read the file/),
      });
      expect(cli(['import', '--project', projectId, file('x.txt', 'text\nx\n')])).toMatchObject({
        code: 2,
        err: expect.stringMatching(/pass --format/),
      });
    },
    SLOW,
  );

  it(
    'says the temporary folder is full, exit 1, and imports nothing',
    async (context) => {
      const lines = ['text'];
      for (let i = 1; i <= 600; i++) lines.push(`Claim ${i} staged by the command on a full disk.`);
      const path = file('full.csv', `${lines.join('\n')}\n`);
      const before = await claimCount();
      let result: ReturnType<typeof cli> | null = null;
      await withFullDisk(
        join(dir, 'full-tmp'),
        (reason) => context.skip(reason),
        async (disk) => {
          const tmp = process.env['TMPDIR'];
          process.env['TMPDIR'] = disk.path;
          try {
            result = cli(['import', '--project', projectId, path]);
          } finally {
            if (tmp === undefined) delete process.env['TMPDIR'];
            else process.env['TMPDIR'] = tmp;
          }
        },
      );
      expect(result).toMatchObject({ code: 1 });
      expect(result!.err).toMatch(
        /The server's temporary folder is full, so nothing was imported\. Tell an administrator: the disk holding the temporary folder \(TMPDIR\) needs space\./,
      );
      expect(await claimCount()).toBe(before);
    },
    SLOW,
  );

  it('fails with exit 1 for an unknown project', () => {
    const result = cli([
      'import',
      '--project',
      '00000000-0000-4000-8000-000000000000',
      file('y.csv', 'text\nx\n'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /NOT_FOUND: Project "00000000-0000-4000-8000-000000000000" does not exist/,
    );
  });
});
