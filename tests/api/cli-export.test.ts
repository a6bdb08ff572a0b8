import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectEntity } from '@corroborate/api-projects';
import { ADJUDICATE, freshDatabase, runCli, signedIn, startApi, testDialect } from './src';
import { checkClaimReviewProfile } from './src/claim-review-profile';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

// Each run of the tool starts Node and the Nest context (a few seconds on a busy machine).
describe(`corroborate export on ${testDialect()}`, { timeout: 120_000 }, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let projectId: string;
  let verifiedIds: string[];
  const cli = (args: string[]) => runCli(db, args);
  const outFile = (name: string) => join(db.dataDir, name);

  beforeAll(async () => {
    db = await freshDatabase();
    // The API migrates and seeds the demo; an editor verifies two claims; then it stops.
    const api = await startApi({}, db);
    const editor = await signedIn(api, 'editor');
    const waiting = await editor.ok<{
      claims: { edges: { node: { id: string; version: number } }[] };
    }>(`{ claims(filter: { statuses: [NEEDS_ADJUDICATION] }) { edges { node { id version } } } }`);
    verifiedIds = [];
    for (const { node } of waiting.claims.edges.slice(0, 2)) {
      await editor.ok(ADJUDICATE, {
        input: {
          claimId: node.id,
          expectedVersion: node.version,
          verdict: 'MOSTLY_TRUE',
          likelihood: 'LIKELY',
          confidence: 'MODERATE',
          publicSummary: 'Checked.',
          citedAssessmentIds: [],
          citedEvidenceIds: [],
        },
      });
      verifiedIds.push(node.id);
    }
    projectId = (await api.dataSource.getRepository(ProjectEntity).find())[0].id;
    await api.close();
  }, 120_000);
  afterAll(() => db?.drop());

  it('has --help and lists the command', () => {
    expect(cli(['--help']).out).toContain('export');
    const help = cli(['export', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--format', '--project', '--out', '--priority', '--verified-from'])
      expect(help.out).toContain(option);
  });

  it('writes NDJSON and its manifest, with progress on stderr, exit 0', () => {
    const file = outFile('claims.ndjson');
    const run = cli(['export', '--format', 'ndjson', '--project', projectId, '--out', file]);
    expect(run.err).toMatch(/Exporting: 2\/2 verified claims read, 2 written/);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Wrote 2 claims to .*claims\.ndjson/);
    const bytes = readFileSync(file);
    const lines = bytes
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(lines.map((l) => l.id).sort()).toEqual([...verifiedIds].sort());
    const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as {
      format: string;
      filters: Record<string, unknown>;
      counts: { claims: number };
      files: { name: string; bytes: number; sha256: string }[];
    };
    expect(manifest).toMatchObject({
      format: 'ndjson',
      filters: { status: 'VERIFIED', projectId },
      counts: { claims: 2 },
      files: [{ name: 'claims.ndjson', bytes: bytes.length, sha256: sha(bytes) }],
    });
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it('writes ClaimReview JSON-LD that fits the profile and CSV that parses back', async () => {
    const ld = outFile('claims.jsonld');
    expect(cli(['export', '--format', 'jsonld', '--project', projectId, '--out', ld]).code).toBe(0);
    const { problems, reviews } = await checkClaimReviewProfile(
      JSON.parse(readFileSync(ld, 'utf8')),
    );
    expect(problems).toEqual([]);
    expect(reviews).toHaveLength(2);
    const csv = outFile('claims.csv');
    expect(cli(['export', '--format', 'csv', '--project', projectId, '--out', csv]).code).toBe(0);
    const rows = parseCsv(readFileSync(csv, 'utf8'), { columns: true }) as { claim_id: string }[];
    expect(rows.map((r) => r.claim_id).sort()).toEqual([...verifiedIds].sort());
  });

  it('an empty selection writes an empty file and a manifest, exit 0', () => {
    const file = outFile('none.ndjson');
    const run = cli([
      'export',
      '--format',
      'ndjson',
      '--project',
      projectId,
      '--out',
      file,
      '--verified-from',
      '2999-01-01',
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8'))).toMatchObject({
      counts: { claims: 0 },
      files: [{ bytes: 0, sha256: sha('') }],
    });
  });

  it('bad arguments exit 2 naming the option; an unknown project exits 1; nothing is written', () => {
    const file = outFile('bad.csv');
    const format = cli(['export', '--format', 'pdf', '--project', projectId, '--out', file]);
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/--format/);
    const missing = cli(['export', '--format', 'csv', '--out', file]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--project/);
    const date = cli([
      'export',
      '--format',
      'csv',
      '--project',
      projectId,
      '--out',
      file,
      '--created-from',
      'soon',
    ]);
    expect(date).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--created-from: createdFrom must be a date/),
    });
    const priority = cli([
      'export',
      '--format',
      'csv',
      '--project',
      projectId,
      '--out',
      file,
      '--priority',
      'SOON',
    ]);
    expect(priority).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--priority: priorities must be among/),
    });
    const id = cli(['export', '--format', 'csv', '--project', 'nope', '--out', file]);
    expect(id).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--project: projectId must be an id/),
    });
    const unknown = cli([
      'export',
      '--format',
      'csv',
      '--project',
      '00000000-0000-4000-8000-000000000000',
      '--out',
      file,
    ]);
    expect(unknown).toMatchObject({ code: 1, err: expect.stringMatching(/NOT_FOUND: Project/) });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
    // An existing file is kept unless --force.
    const again = cli([
      'export',
      '--format',
      'ndjson',
      '--project',
      projectId,
      '--out',
      outFile('claims.ndjson'),
    ]);
    expect(again).toMatchObject({ code: 2, err: expect.stringMatching(/exists; add --force/) });
    expect(
      cli([
        'export',
        '--format',
        'ndjson',
        '--project',
        projectId,
        '--out',
        outFile('claims.ndjson'),
        '--force',
      ]).code,
    ).toBe(0);
  });

  it('cuts, lists and downloads releases; the files match the manifest; bad ids exit 2 or 1', () => {
    const first = cli(['release', 'cut', '--name', 'Weekly', '--project', projectId]);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/Releasing: 2\/2 verified claims read/);
    expect(first.out).toMatch(
      /Cut release 1 of "Weekly" .*: 2 claims; since the previous release 2 added, 0 changed, 0 retracted/,
    );
    const id = /\(([0-9a-f-]{36})\)/.exec(first.out)![1];
    const second = cli(['release', 'cut', '--name', 'weekly', '--project', projectId]);
    expect(second.out).toMatch(/Cut release 2 of "weekly" .*0 added, 0 changed, 0 retracted/);
    const list = cli(['release', 'list', '--name', 'WEEKLY']);
    expect(
      list.out
        .trim()
        .split('\n')
        .map((l) => /#(\d+)/.exec(l)?.[1]),
    ).toEqual(['2', '1']);
    const dir = outFile('release-1');
    const download = cli(['release', 'download', id, '--out', dir]);
    expect(download.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'weekly-1.manifest.json'), 'utf8')) as {
      release: { number: number };
      files: { name: string; sha256: string }[];
    };
    expect(manifest.release.number).toBe(1);
    expect(manifest.files).toHaveLength(3);
    for (const file of manifest.files)
      expect(sha(readFileSync(join(dir, file.name)))).toBe(file.sha256);
    const delta = JSON.parse(readFileSync(join(dir, 'weekly-1.delta.json'), 'utf8')) as {
      added: unknown[];
    };
    expect(delta.added).toHaveLength(2);
    expect(cli(['release', 'download', 'nope', '--out', dir])).toMatchObject({ code: 2 });
    expect(
      cli(['release', 'download', '00000000-0000-4000-8000-000000000000', '--out', dir]),
    ).toMatchObject({ code: 1, err: expect.stringMatching(/NOT_FOUND: Release/) });
  });
});
