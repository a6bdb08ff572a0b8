import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectEntity } from '@corroborate/api-projects';
import {
  ADJUDICATE,
  type ApiClient,
  freshDatabase,
  runCli,
  signedIn,
  spawnCli,
  startApi,
  type TestApi,
  type TestDatabase,
  testDialect,
  withFullDisk,
} from './src';

const cli = runCli;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A capture's bytes: a PDF-looking file with bytes that are not text, so nothing is re-encoded. */
const CAPTURE = Buffer.concat([
  Buffer.from('%PDF-1.4\n% saved page of the UN rights office\n'),
  Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
]);
/** The same, without blocking the event loop, so the API keeps taking writes meanwhile. */
const cliAsync = (db: TestDatabase, args: string[]) =>
  new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawnCli(db, args);
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });

describe(`corroborate backup and restore on ${testDialect()}`, { timeout: 180_000 }, () => {
  let source: TestDatabase;
  let api: TestApi;
  let editor: ApiClient;
  let projectId: string;
  let capture: { id: string; sha256: string; byteSize: number; downloadUrl: string };
  const restored: TestDatabase[] = [];

  beforeAll(async () => {
    source = await freshDatabase();
    api = await startApi({}, source);
    editor = await signedIn(api, 'editor');
    // Two verified claims, so exports have content to compare.
    const waiting = await editor.ok<{
      claims: { edges: { node: { id: string; version: number } }[] };
    }>(`{ claims(filter: { statuses: [NEEDS_ADJUDICATION] }) { edges { node { id version } } } }`);
    for (const { node } of waiting.claims.edges.slice(0, 2))
      await editor.ok(ADJUDICATE, {
        input: {
          claimId: node.id,
          expectedVersion: node.version,
          verdict: 'MOSTLY_TRUE',
          likelihood: 'LIKELY',
          confidence: 'MODERATE',
          publicSummary: 'Checked against two independent sources.',
          citedAssessmentIds: [],
          citedEvidenceIds: [],
        },
      });
    projectId = (await api.dataSource.getRepository(ProjectEntity).find())[0]?.id as string;
    // A capture (an uploaded file) on one evidence item, so the backup has a file to carry.
    const withEvidence = await editor.ok<{
      claims: { edges: { node: { status: string; evidence: { id: string }[] } }[] };
    }>('{ claims(first: 50) { edges { node { status evidence { id } } } } }');
    // Not a verified claim: those are locked.
    const evidenceId = withEvidence.claims.edges
      .filter((e) => e.node.status !== 'VERIFIED')
      .flatMap((e) => e.node.evidence)[0]?.id;
    const form = new FormData();
    form.append('file', new Blob([CAPTURE], { type: 'application/pdf' }), 'un-statement.pdf');
    const uploaded = await fetch(`${api.url}/api/evidence/${evidenceId}/captures`, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', cookie: editor.cookie ?? '' },
      body: form,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    ({ capture } = (await uploaded.json()) as { capture: typeof capture });
    expect(capture.sha256).toBe(sha(CAPTURE));
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await source?.drop();
    for (const db of restored) await db.drop();
  });

  const claimIds = async (dataSource: TestApi['dataSource']) =>
    ((await dataSource.query('SELECT "id" FROM "claims" ORDER BY "id"')) as { id: string }[]).map(
      (r) => r.id,
    );

  it('backs up while writes continue; the restore holds a consistent snapshot and the captures’ bytes', async () => {
    const out = join(source.dataDir, 'backup-live');
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        await editor.ok(
          'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
          {
            input: { projectId, text: `Claim taken in during the backup ${written}` },
          },
        );
        written++;
      }
    })();
    const before = await claimIds(api.dataSource);
    const run = await cliAsync(source, ['backup', '--out', out]);
    writing = false;
    await writes;
    expect(run.code, run.err).toBe(0);
    expect(run.err).toMatch(/Copying the database/);
    expect(written).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(out, 'backup.json'), 'utf8')) as {
      dialect: string;
      database: { sha256: string };
    };
    expect(manifest.dialect).toBe(testDialect());
    expect(manifest.database.sha256).toMatch(/^[0-9a-f]{64}$/);

    const target = await freshDatabase();
    restored.push(target);
    const restore = cli(target, ['restore', '--from', out]);
    expect(restore.code, restore.err).toBe(0);
    expect(cli(target, ['migrate', '--check']).code).toBe(0);
    const copy = await startApi({ DEMO_SEED: 'false' }, target);
    try {
      const after = await claimIds(api.dataSource);
      const inCopy = await claimIds(copy.dataSource);
      // Everything committed before the backup began is there; nothing that never existed is.
      expect(inCopy).toEqual(expect.arrayContaining(before));
      expect(after).toEqual(expect.arrayContaining(inCopy));
      // Sign-in works against the restored users.
      const viewer = await signedIn(copy, 'viewer');
      // The capture came across: its record and its bytes, downloadable with the same SHA-256.
      const [kept] = (await copy.dataSource.query(
        `SELECT "sha256", "byteSize" FROM "captures" WHERE "id" = '${capture.id}'`,
      )) as { sha256: string; byteSize: number | string }[];
      expect(kept).toBeDefined();
      expect({ sha256: kept.sha256, byteSize: Number(kept.byteSize) }).toEqual({
        sha256: sha(CAPTURE),
        byteSize: CAPTURE.length,
      });
      const download = await fetch(`${copy.url}${capture.downloadUrl}`, {
        headers: { cookie: viewer.cookie ?? '' },
      });
      expect(download.status).toBe(200);
      expect(download.headers.get('repr-digest')).toBe(
        `sha-256=:${Buffer.from(sha(CAPTURE), 'hex').toString('base64')}:`,
      );
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.equals(CAPTURE)).toBe(true);
      expect(sha(bytes)).toBe(capture.sha256);
      console.info(
        `backup: ${written} claims created while it ran; ${before.length} claims before it began, ` +
          `${inCopy.length} in the restored copy, ${after.length} in the original afterwards`,
      );
    } finally {
      await copy.close();
    }
  });

  it('gives byte-identical exports from the original and from its restored backup', async () => {
    const out = join(source.dataDir, 'backup-quiet');
    expect(cli(source, ['backup', '--out', out]).code).toBe(0);
    const target = await freshDatabase();
    restored.push(target);
    expect(cli(target, ['restore', '--from', out]).code).toBe(0);
    for (const format of ['ndjson', 'jsonld', 'csv']) {
      const a = join(source.dataDir, `original.${format}`);
      const b = join(target.dataDir, `restored.${format}`);
      const one = cli(source, ['export', '--format', format, '--project', projectId, '--out', a]);
      const two = cli(target, ['export', '--format', format, '--project', projectId, '--out', b]);
      expect(one.code, one.err).toBe(0);
      expect(two.code, two.err).toBe(0);
      // The JSON-LD feed's dateModified is when it was generated; everything else must match.
      const bytes = (path: string) =>
        format === 'jsonld'
          ? Buffer.from(readFileSync(path, 'utf8').replace(/"dateModified":"[^"]+"/, ''))
          : readFileSync(path);
      expect(bytes(b).equals(bytes(a)), format).toBe(true);
      expect(readFileSync(a).length).toBeGreaterThan(100);
      console.info(
        `backup: ${format} export of the original and the restore identical, ${readFileSync(a).length} bytes`,
      );
    }
  });

  it('refuses to restore over a database that is not empty, changing nothing', () => {
    const out = join(source.dataDir, 'backup-quiet');
    const before = readFileSync(join(out, 'backup.json'), 'utf8');
    const run = cli(source, ['restore', '--from', out]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/not empty; restore only into a new, empty database/);
    expect(readFileSync(join(out, 'backup.json'), 'utf8')).toBe(before);
  });

  it('says the disk is full, exit 1, and leaves no partial backup behind', async (context) => {
    await withFullDisk(
      join(source.dataDir, 'full-disk'),
      (reason) => context.skip(reason),
      async (disk) => {
        const out = join(disk.path, 'backup');
        const result = cli(source, ['backup', '--out', out]);
        expect(result.code).toBe(1);
        expect(result.err).toContain(
          `The disk holding ${out} is full: the backup could not be finished, and what it had written was removed.`,
        );
        // Nothing that could be taken for a backup: no manifest, no database copy, no folders.
        expect(readdirSync(out)).toEqual([]);
        expect(cli(source, ['restore', '--from', out]).err).toMatch(/holds no backup\.json/);
      },
    );
  });

  it('refuses a folder that is not a backup, and a non-empty backup target, as usage errors', () => {
    const notBackup = cli(source, ['restore', '--from', source.dataDir]);
    expect(notBackup.code).toBe(2);
    expect(notBackup.err).toMatch(/holds no backup\.json/);
    const busy = cli(source, ['backup', '--out', join(source.dataDir, 'backup-quiet')]);
    expect(busy.code).toBe(2);
    expect(busy.err).toMatch(/is not empty; choose a new folder or pass --force/);
    expect(existsSync(join(source.dataDir, 'backup-quiet', 'backup.json'))).toBe(true);
  });
});
