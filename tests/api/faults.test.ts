import { existsSync, readdirSync, utimesSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiClient,
  type ChildApi,
  DEMO,
  type DirectDb,
  freshDatabase,
  openDirect,
  pause,
  spawnApi,
  type TestDatabase,
  testDialect,
} from './src';

/**
 * kill -9 of the API process in the middle of an import, an export and a release cut. The server
 * runs in its own process; the test stops it (SIGSTOP) at the moment that matters, checks that the
 * work really is half done, and kills it (SIGKILL). After a restart nothing half done may be
 * visible as done, and the same work must succeed.
 *
 * `npm test` imports IMPORT_ROWS=500 rows; `npm run test:reliability` 1,000,000 (a 181 MiB file, under
 * the default IMPORT_MAX_BYTES of 200 MiB; the spawned API takes a larger limit from the environment).
 */
const IMPORT_ROWS = Number(process.env['IMPORT_ROWS'] ?? 500);
/** Claims imported after the crash, then verified, so that exports and releases take a while. */
const VERIFIED_ROWS = 500;
/**
 * The import a write waits on before the kill: large enough that its transaction stays open for
 * the write to arrive (a second or more), small enough for every `npm test`.
 */
const WAITING_ROWS = 5000;
const TABLES = ['claims', 'claim_topics', 'sources', 'evidence', 'audit_events'] as const;

function csvOf(rows: number, label: string): string {
  const lines = [
    'text,claimant,topics,priority,evidenceUrl,evidenceStance,evidenceCredibility,sourceName,sourceKind,sourceReliability',
  ];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `"${label} ${i}: officials in district ${i % 97} reported ${i * 7} detentions on day ${i % 31}.",` +
        `Agency ${i % 13},detentions;${label.toLowerCase().replace(/\W+/g, '-')},NORMAL,` +
        `https://example.org/${i},SUPPORTS,2,Fault source ${i % 20},MEDIA,C`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * Uploads an import over plain HTTP; `sent` resolves once the whole body has been handed to the
 * network, so the server's only write transaction after that is the import's own.
 */
function uploadImport(
  api: ChildApi,
  cookie: string,
  projectId: string,
  csv: string,
): { sent: Promise<void>; answer: Promise<{ status: number; body: string }> } {
  const boundary = `----faults${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="claims.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    ),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${api.url}/api/projects/${projectId}/imports`,
      {
        method: 'POST',
        headers: {
          cookie,
          'x-requested-with': 'XMLHttpRequest',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(body.length),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('finish', () => markSent());
    req.end(body);
  });
  return { sent, answer };
}

/** Starts an NDJSON export of the project as the web page does; its progress streams back. */
function startExport(api: ChildApi, cookie: string, projectId: string): Promise<Response> {
  return fetch(`${api.url}/api/exports`, {
    method: 'POST',
    headers: {
      cookie,
      'content-type': 'application/json',
      'x-requested-with': 'XMLHttpRequest',
    },
    body: JSON.stringify({ format: 'ndjson', filter: { projectId } }),
  });
}

/**
 * Freezes the server (SIGSTOP), asks `atTheRightMoment` whether the work is half done, and kills
 * it (SIGKILL) if so; otherwise lets it run a little longer and asks again.
 */
async function killWhen(
  api: ChildApi,
  atTheRightMoment: () => Promise<boolean>,
  tooLate: () => Promise<string | null>,
  withinMs = 300_000,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    api.signal('SIGSTOP');
    const late = await tooLate();
    if (late) {
      api.signal('SIGCONT');
      throw new Error(`Too late to interrupt: ${late}`);
    }
    if (await atTheRightMoment()) {
      api.signal('SIGKILL');
      await api.exited;
      return;
    }
    api.signal('SIGCONT');
    // Short steps: on a loaded machine a step of 25 ms could let a short moment (a release's
    // claims written, its row not yet) pass between two looks.
    await pause(5);
  }
  throw new Error('The moment to interrupt never came.');
}

describe(`kill -9 of the API on ${testDialect()}`, { timeout: 600_000 }, () => {
  let db: TestDatabase;
  let direct: DirectDb;
  let api: ChildApi;
  let editor: ApiClient;
  let projectId: string;

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = await direct.count(table);
    return out;
  };
  const consistent = async () => {
    if (direct.dialect === 'sqlite') {
      // A new connection, as a restarted process has: a connection kept open across another
      // process's crash can report FTS5 "corruption" from its own stale cache (see the doc).
      const fresh = await openDirect(db);
      try {
        expect(await fresh.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      } finally {
        await fresh.close();
      }
    }
    // Nothing still holds a transaction open on the database (PostgreSQL ends a dead client's
    // transaction once it notices the closed connection).
    let open = true;
    for (let i = 0; i < 100 && open; i++) {
      open = await direct.writeTransactionOpen();
      if (open) await pause(100);
    }
    expect(open).toBe(false);
  };
  const signIn = async () => {
    editor = new ApiClient(api.url);
    const result = await editor.signIn(DEMO.editor.email, DEMO.editor.password);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };

  beforeAll(async () => {
    db = await freshDatabase();
    api = await spawnApi(db);
    direct = await openDirect(db);
    await signIn();
    projectId = (
      await editor.ok<{ createProject: { id: string } }>(
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        { input: { name: 'Faults proof', requiredReviews: 2 } },
      )
    ).createProject.id;
  }, 180_000);
  afterAll(async () => {
    await api?.kill();
    await direct?.close();
    await db?.drop();
  });

  it(`kill -9 in the middle of a ${IMPORT_ROWS}-row import: nothing imported, the database consistent, the next import succeeds`, async () => {
    const before = await counts();
    const csv = csvOf(IMPORT_ROWS, 'Killed import');
    const started = Date.now();
    const upload = uploadImport(api, editor.cookie as string, projectId, csv);
    const answered = upload.answer.then(
      (a) => `answered ${a.status}`,
      () => null,
    );
    await upload.sent;
    const sentAfter = Date.now() - started;
    let lateAnswer: string | null = null;
    void answered.then((a) => (lateAnswer = a));
    const killedPid = api.child.pid as number;
    const staging = () =>
      readdirSync(join(db.dataDir, 'tmp')).filter((name) =>
        name.startsWith(`corroborate-import-${killedPid}-`),
      );
    // The import's one transaction is open (it has written rows that are not yet committed).
    await killWhen(
      api,
      () => direct.writeTransactionOpen(),
      () => Promise.resolve(lateAnswer),
    );
    expect(await answered).toBeNull();
    console.info(
      `import kill: ${IMPORT_ROWS} rows (${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MiB) sent in ` +
        `${(sentAfter / 1000).toFixed(1)} s; killed inside its transaction ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s after the upload began`,
    );

    // Nothing of the import is there, even though it had written inside its transaction.
    expect(await counts()).toEqual(before);
    expect(
      await direct.query(`SELECT "id" FROM "audit_events" WHERE "action" = 'import.completed'`),
    ).toEqual([]);
    await consistent();

    // The killed process left its staging file behind; the restarted server removes it.
    expect(staging()).toHaveLength(1);

    // The restarted server takes the next import whole; the old session still works.
    const cookie = editor.cookie as string;
    api = await spawnApi(db);
    await consistent();
    expect(staging()).toEqual([]);
    editor = new ApiClient(api.url);
    editor.cookie = cookie;
    const next = uploadImport(api, cookie, projectId, csvOf(VERIFIED_ROWS, 'After the crash'));
    const result = await next.answer;
    expect(result.status, result.body).toBe(201);
    expect(JSON.parse(result.body)).toMatchObject({
      import: { claimsCreated: VERIFIED_ROWS, evidenceCreated: VERIFIED_ROWS },
    });
    const after = await counts();
    expect(after['claims']).toBe(before['claims'] + VERIFIED_ROWS);
    expect(after['evidence']).toBe(before['evidence'] + VERIFIED_ROWS);
  });

  it('kill -9 in the middle of an export and of a release cut: nothing is presented as complete', async () => {
    // The imported claims become VERIFIED (set directly: the workflow is proven elsewhere), so
    // there is enough to export that the export takes a while.
    const postgres = direct.dialect === 'postgres';
    await direct.query(`UPDATE "claims" SET "status" = 'VERIFIED' WHERE "projectId" = $1`, [
      projectId,
    ]);
    const newId = postgres
      ? 'gen_random_uuid()'
      : `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
    // An export reads 1,000 claims per batch and writes fast: copy the imported claims until
    // there are 16 times as many, so the export and the release spend long enough between
    // their first written bytes and their record to be caught there.
    const columns = (
      await direct.query<{ name: string }>(
        postgres
          ? `SELECT column_name AS "name" FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'claims'`
          : `SELECT "name" FROM pragma_table_info('claims')`,
      )
    )
      .map((c) => `"${c.name}"`)
      .filter((c) => c !== '"id"')
      .join(', ');
    for (let i = 0; i < 4; i++)
      await direct.query(
        `INSERT INTO "claims" ("id", ${columns}) SELECT ${newId}, ${columns} FROM "claims" WHERE "projectId" = $1`,
        [projectId],
      );
    await direct.query(
      `INSERT INTO "adjudications" ("id", "claimId", "verdict", "likelihood", "confidence", "publicSummary",
         "citedAssessmentIds", "citedEvidenceIds", "createdAt")
       SELECT ${newId}, "id", 'MOSTLY_TRUE', 'LIKELY', 'HIGH', 'Confirmed by two independent sources.', '[]', '[]',
         ${postgres ? 'now()' : `strftime('%Y-%m-%d %H:%M:%f', 'now')`}
       FROM "claims" WHERE "projectId" = $1`,
      [projectId],
    );
    const exportsDir = join(db.dataDir, 'exports');
    const releasesDir = join(db.dataDir, 'releases');

    // An export, killed after it has written part of its file.
    const res = await startExport(api, editor.cookie as string, projectId);
    expect(res.status).toBe(200);
    const exportId = res.headers.get('x-export-id') as string;
    expect(exportId).toMatch(/^[0-9a-f-]{36}$/);
    const reading = res.text().catch(() => 'connection lost');
    const dir = join(exportsDir, exportId);
    await killWhen(
      api,
      async () =>
        existsSync(join(dir, 'export.partial')) &&
        !existsSync(join(dir, 'manifest.json')) &&
        (await direct.count('exports')) === 0,
      () => Promise.resolve(existsSync(join(dir, 'manifest.json')) ? 'the export completed' : null),
    );
    expect(await reading).not.toMatch(/"event":"completed"/);

    // A release cut, killed after it has recorded part of its claims and files.
    api = await spawnApi(db);
    const cut = new ApiClient(api.url);
    cut.cookie = editor.cookie;
    const cutting = cut
      .request('mutation($input: CutReleaseInput!) { cutRelease(input: $input) { id } }', {
        input: { name: 'Faults weekly', filter: { projectId } },
      })
      .catch(() => null);
    await killWhen(
      api,
      async () =>
        (await direct.count('release_claims')) > 0 && (await direct.count('releases')) === 0,
      async () => ((await direct.count('releases')) > 0 ? 'the release was cut' : null),
    );
    expect(await cutting).toBeNull();

    // After a restart: no export or release is listed or served, no audit event says one was
    // made, and no manifest is on disk claiming completion.
    api = await spawnApi(db);
    await consistent();
    const reader = new ApiClient(api.url);
    reader.cookie = editor.cookie;
    expect(await direct.count('exports')).toBe(0);
    expect(await direct.count('releases')).toBe(0);
    expect(
      await direct.query(
        `SELECT "id" FROM "audit_events" WHERE "action" IN ('export.created', 'release.cut')`,
      ),
    ).toEqual([]);
    for (const path of [`/api/exports/${exportId}/file`, `/api/exports/${exportId}/manifest.json`])
      expect(
        (await fetch(`${api.url}${path}`, { headers: { cookie: reader.cookie as string } })).status,
      ).toBe(404);
    expect((await reader.ok<{ releases: unknown[] }>('{ releases { id } }')).releases).toEqual([]);
    const manifests = (folder: string) =>
      existsSync(folder)
        ? readdirSync(folder).filter(
            (id) =>
              existsSync(join(folder, id, 'manifest.json')) ||
              existsSync(join(folder, id, 'export')),
          )
        : [];
    expect(manifests(exportsDir)).toEqual([]);
    expect(manifests(releasesDir)).toEqual([]);

    // The same export and release now complete, and the release is number 1.
    const again = await startExport(api, reader.cookie as string, projectId);
    const lines = (await again.text()).trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({
      event: 'completed',
      manifest: { counts: { claims: VERIFIED_ROWS * 16 } },
    });
    const release = await reader.ok<{ cutRelease: { number: number; counts: { claims: number } } }>(
      'mutation($input: CutReleaseInput!) { cutRelease(input: $input) { number counts { claims } } }',
      { input: { name: 'Faults weekly', filter: { projectId } } },
    );
    expect(release.cutRelease).toEqual({ number: 1, counts: { claims: VERIFIED_ROWS * 16 } });
  });
  it('kill -9 with a write waiting on an import: a claim answered as created is there after the restart', async () => {
    // On SQLite every request shares one connection: a write answered while an import's
    // transaction was open used to be made inside it, and was lost with it. It now waits for the
    // import (and so is never answered here); on PostgreSQL it is saved on its own connection.
    await signIn();
    const text = 'Typed in while an import was writing, just before the server was killed.';
    const upload = uploadImport(
      api,
      editor.cookie as string,
      projectId,
      csvOf(WAITING_ROWS, 'Killed with a write waiting'),
    );
    const answered = upload.answer.then(
      (a) => `answered ${a.status}`,
      () => null,
    );
    let lateAnswer: string | null = null;
    void answered.then((a) => (lateAnswer = a));
    await upload.sent;
    // The server keeps running until the import's transaction is open.
    const deadline = Date.now() + 180_000;
    while (!(await direct.writeTransactionOpen())) {
      if (lateAnswer !== null || Date.now() > deadline)
        throw new Error(`The import's transaction was never seen open (${lateAnswer})`);
      await pause(5);
    }
    let acknowledged: string | null = null;
    const typed = editor
      .ok<{ createClaim: { id: string } }>(
        'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
        { input: { projectId, text } },
      )
      .then(
        (r) => {
          acknowledged = r.createClaim.id;
        },
        () => undefined,
      );
    await pause(300);
    await killWhen(
      api,
      () => direct.writeTransactionOpen(),
      () => Promise.resolve(lateAnswer),
    );
    await typed;
    expect(await answered).toBeNull();
    api = await spawnApi(db);
    await consistent();
    const found = await direct.query<{ id: string }>(
      'SELECT "id" FROM "claims" WHERE "text" = $1',
      [text],
    );
    // Answered as created: it is there. (Not answered: it may or may not have been made.)
    if (acknowledged !== null) expect(found.map((r) => r.id)).toEqual([acknowledged]);
    // On SQLite it waited for the import, so it was never answered.
    if (direct.dialect === 'sqlite') expect(acknowledged).toBeNull();
  });

  it('kill -9 after an export and a release have written every file, before their records: not presented as complete, swept later', async () => {
    // The record is written last and is what presents an export or a release as complete. This
    // aims the kill at the moment between the finished files (the export renamed into place, the
    // release's three files, delta and manifest written) and the record: the test holds the
    // table's writes (on SQLite, every write) once the server has nothing else to write, and
    // kills the server while it waits to write the record.
    await signIn();
    const postgres = direct.dialect === 'postgres';
    const exportsDir = join(db.dataDir, 'exports');
    const releasesDir = join(db.dataDir, 'releases');
    const folders = (root: string) => new Set(existsSync(root) ? readdirSync(root) : []);
    const releasesBefore = folders(releasesDir);
    const recorded = {
      exports: await direct.count('exports'),
      releases: await direct.count('releases'),
    };
    const verified = Number(
      (
        await direct.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM "claims" WHERE "projectId" = $1 AND "status" = 'VERIFIED'`,
          [projectId],
        )
      )[0].n,
    );
    expect(verified).toBeGreaterThan(0);
    const lastNumber = Number(
      (
        await direct.query<{ n: number | string | null }>(
          `SELECT MAX("number") AS n FROM "releases" WHERE "nameKey" = 'faults weekly'`,
        )
      )[0].n ?? 0,
    );
    /** Holds writes while the server is stopped, so it cannot be half-way through one. */
    const holdWhileStopped = async (table: string) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        api.signal('SIGSTOP');
        const held = await direct.holdWrites(table);
        api.signal('SIGCONT');
        if (held) return;
        await pause(5);
      }
      throw new Error(`Could not hold the writes to ${table}`);
    };
    const waitFor = async (what: string, done: () => Promise<boolean> | boolean) => {
      const deadline = Date.now() + 120_000;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`Never happened: ${what}`);
        await pause(5);
      }
    };

    /**
     * Kills the server once it waits to write its record to `table`, whose writes the test holds
     * (PostgreSQL: seen waiting for the lock; SQLite: after a moment), then lets writes go on.
     */
    const killWaitingToRecord = async (table: string) => {
      if (postgres)
        await waitFor(
          `the server waited to write its record to ${table}`,
          async () =>
            (
              await direct.query(
                `SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                 WHERE c.relname = $1 AND NOT l.granted`,
                [table],
              )
            ).length > 0,
        );
      else await pause(300);
      api.signal('SIGKILL');
      await api.exited;
      await direct.releaseWrites();
    };

    // The export: once its partial file exists the server writes nothing until its record.
    const res = await startExport(api, editor.cookie as string, projectId);
    expect(res.status).toBe(200);
    const exportId = res.headers.get('x-export-id') as string;
    const reading = res.text().catch(() => 'connection lost');
    const exportDir = join(exportsDir, exportId);
    await waitFor('the export began writing', () => existsSync(join(exportDir, 'export.partial')));
    await holdWhileStopped('exports');
    await waitFor('the export wrote its manifest', () =>
      existsSync(join(exportDir, 'manifest.json')),
    );
    await killWaitingToRecord('exports');
    // Every file was complete; only the record was missing.
    expect(readdirSync(exportDir).sort()).toEqual(['export', 'manifest.json']);
    expect(await direct.count('exports')).toBe(recorded.exports);
    expect(await reading).not.toMatch(/"event":"completed"/);

    // The release: once every claim of the cut is recorded in `release_claims`, the server
    // writes nothing until the release's record (files, delta and manifest are files).
    api = await spawnApi(db);
    const cut = new ApiClient(api.url);
    cut.cookie = editor.cookie;
    const cutting = cut
      .request('mutation($input: CutReleaseInput!) { cutRelease(input: $input) { id } }', {
        input: { name: 'Faults weekly', filter: { projectId } },
      })
      .catch(() => null);
    let releaseId = '';
    await waitFor('the release recorded all its claims', async () => {
      api.signal('SIGSTOP');
      try {
        const rows = await direct.query<{ releaseId: string; n: number | string }>(
          `SELECT "releaseId", COUNT(*) AS n FROM "release_claims"
           WHERE "releaseId" NOT IN (SELECT "id" FROM "releases") GROUP BY "releaseId"`,
        );
        const complete = rows.find(
          (r) => !releasesBefore.has(r.releaseId) && Number(r.n) === verified,
        );
        if ((await direct.count('releases')) > recorded.releases)
          throw new Error('Too late to interrupt: the release was cut');
        if (!complete) return false;
        releaseId = complete.releaseId;
        // Not held when the server was writing something else that moment: look again.
        return await direct.holdWrites('releases');
      } finally {
        api.signal('SIGCONT');
      }
    });
    const releaseDir = join(releasesDir, releaseId);
    await waitFor('the release wrote its manifest', () =>
      existsSync(join(releaseDir, 'manifest.json')),
    );
    await killWaitingToRecord('releases');
    expect(readdirSync(releaseDir).sort()).toEqual([
      'csv',
      'delta.json',
      'jsonld',
      'manifest.json',
      'ndjson',
    ]);
    expect(await direct.count('releases')).toBe(recorded.releases);
    expect(await cutting).toBeNull();

    // After a restart: neither is served, listed or audited as made.
    api = await spawnApi(db);
    await consistent();
    const reader = new ApiClient(api.url);
    reader.cookie = editor.cookie;
    for (const path of [
      `/api/exports/${exportId}/file`,
      `/api/exports/${exportId}/manifest.json`,
      `/api/releases/${releaseId}/files/ndjson`,
      `/api/releases/${releaseId}/manifest.json`,
    ])
      expect(
        (await fetch(`${api.url}${path}`, { headers: { cookie: reader.cookie as string } })).status,
      ).toBe(404);
    const listed = await reader.ok<{ releases: { id: string }[] }>('{ releases { id } }');
    expect(listed.releases.map((r) => r.id)).not.toContain(releaseId);
    expect(
      await direct.query(`SELECT "id" FROM "audit_events" WHERE "entityId" IN ($1, $2)`, [
        exportId,
        releaseId,
      ]),
    ).toEqual([]);

    // An hour after their last write the leftovers are swept (here: their files dated two hours
    // back, then a restart, whose start-up sweep removes them with the release's claim rows).
    await api.kill();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const dir of [exportDir, releaseDir]) {
      for (const entry of readdirSync(dir)) utimesSync(join(dir, entry), twoHoursAgo, twoHoursAgo);
      utimesSync(dir, twoHoursAgo, twoHoursAgo);
    }
    api = await spawnApi(db);
    await waitFor(
      'the leftovers were swept',
      async () =>
        !existsSync(exportDir) &&
        !existsSync(releaseDir) &&
        (await direct.query(`SELECT 1 FROM "release_claims" WHERE "releaseId" = $1`, [releaseId]))
          .length === 0,
    );

    // The next release of that name is the next number: the abandoned cut took none.
    await signIn();
    const next = await editor.ok<{ cutRelease: { number: number; counts: { claims: number } } }>(
      'mutation($input: CutReleaseInput!) { cutRelease(input: $input) { number counts { claims } } }',
      { input: { name: 'Faults weekly', filter: { projectId } } },
    );
    expect(next.cutRelease).toEqual({ number: lastNumber + 1, counts: { claims: verified } });
  });
});
