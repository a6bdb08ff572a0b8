import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type ApiClient,
  type ImportEvent,
  signedIn,
  startApi,
  type TestApi,
  testDialect,
  upload,
  uploadWithStages,
} from './src';

/**
 * The batched import path: more rows than one batch (so several batches, and on SQLite the
 * set-based upkeep that replaces the per-row insert triggers), proven row by row against what
 * the one-by-one path wrote.
 */
const ROWS = 2600;
/** Written with different case and spacing; one of them is already in the registry. */
const SOURCE_NAMES = ['Bulk Wire', 'BULK WIRE', ' bulk   wire ', 'Registry Daily', 'Other Post'];
const INSERT_TRIGGERS = [
  'claims_fts_insert',
  'claim_facets_insert',
  'claim_topic_facets_insert',
  'claim_text_versions_insert',
];

describe(`batched imports on ${testDialect()}`, () => {
  let api: TestApi;
  let editor: ApiClient;
  let projectId: string;
  const postgres = testDialect() === 'postgres';

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = (await api.dataSource.query(sql, params)) as { n: string | number }[];
    return Number(row.n);
  }
  const p = (i: number) => (postgres ? `$${i}` : '?');

  async function tableCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of [
      'claims',
      'claim_topics',
      'sources',
      'evidence',
      'audit_events',
      'claim_facet_counts',
    ])
      out[table] = await count(`SELECT COUNT(*) AS n FROM "${table}"`);
    return out;
  }

  /** The kept facet counts of the project, and the same counted from the claims. */
  async function facets(): Promise<{ kept: string; recount: string }> {
    const kept = (await api.dataSource.query(
      `SELECT "dim", "value", SUM("n") AS n FROM "claim_facet_counts" WHERE "projectId" = ${p(1)}
        GROUP BY "dim", "value" HAVING SUM("n") <> 0 ORDER BY "dim", "value"`,
      [projectId],
    )) as { dim: string; value: string; n: string | number }[];
    const recount = (await api.dataSource.query(
      `SELECT * FROM (
         SELECT 'priority' AS dim, "priority" AS value, COUNT(*) AS n FROM "claims" WHERE "projectId" = ${p(1)} GROUP BY "priority"
         UNION ALL SELECT 'status', "status", COUNT(*) FROM "claims" WHERE "projectId" = ${p(1)} GROUP BY "status"
         UNION ALL SELECT 'topic', LOWER(t."topic"), COUNT(*) FROM "claim_topics" t JOIN "claims" c ON c."id" = t."claimId"
          WHERE c."projectId" = ${p(1)} GROUP BY LOWER(t."topic")
       ) x ORDER BY dim, value`,
      postgres ? [projectId] : [projectId, projectId, projectId],
    )) as { dim: string; value: string; n: string | number }[];
    const norm = (rows: typeof kept) =>
      JSON.stringify(rows.map((r) => [r.dim, r.value, Number(r.n)]));
    return { kept: norm(kept), recount: norm(recount) };
  }

  function csv(rows: number, extra: (i: number) => string = () => ''): string {
    const lines = [
      'text,claimant,topics,priority,evidenceUrl,evidenceStance,evidenceCredibility,sourceName,sourceKind,sourceReliability',
    ];
    for (let i = 0; i < rows; i++)
      lines.push(
        `Bulk ${i}: ${i * 13} ${['ballots', 'marchers', 'observers'][i % 3]} counted in ${['Minsk', 'Brest', 'Hrodna', 'Vitebsk'][i % 4]} ward ${i % 97}${extra(i)},Desk ${['north', 'south', 'east'][i % 3]},Elections;ward ${i % 5},${['LOW', 'NORMAL', 'HIGH', 'URGENT'][i % 4]},https://bulk.example/${i},SUPPORTS,${(i % 6) + 1},${SOURCE_NAMES[i % SOURCE_NAMES.length]},MEDIA,C`,
      );
    return `${lines.join('\n')}\n`;
  }

  /** Makes the insert of the evidence item with this URL fail (a write failing in a later batch). */
  async function failEvidenceAt(failing: string): Promise<void> {
    if (postgres) {
      await api.dataSource
        .query(`CREATE FUNCTION "test_fail_evidence"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW."url" = '${failing}' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$`);
      await api.dataSource.query(
        `CREATE TRIGGER "test_fail_evidence" BEFORE INSERT ON "evidence" FOR EACH ROW EXECUTE FUNCTION "test_fail_evidence"()`,
      );
    } else {
      await api.dataSource.query(
        `CREATE TRIGGER "test_fail_evidence" BEFORE INSERT ON "evidence" WHEN new."url" = '${failing}' BEGIN SELECT RAISE(ABORT, 'forced failure'); END`,
      );
    }
  }

  async function stopFailingEvidence(): Promise<void> {
    if (postgres) {
      await api.dataSource.query(`DROP TRIGGER "test_fail_evidence" ON "evidence"`);
      await api.dataSource.query(`DROP FUNCTION "test_fail_evidence"()`);
    } else await api.dataSource.query(`DROP TRIGGER "test_fail_evidence"`);
  }

  async function newProject(name: string): Promise<string> {
    const { createProject } = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name } },
    );
    return createProject.id;
  }

  /**
   * Pauses the first `EntityManager` call of `method` whose arguments `when` accepts (the
   * import's, inside its transaction) until `resume`; `restore` resumes it and removes the spy.
   */
  function pauseOnce(method: 'findBy' | 'save', when: (args: unknown[]) => boolean) {
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let reached!: () => void;
    const atPause = new Promise<void>((resolve) => (reached = resolve));
    const original = EntityManager.prototype[method] as (...args: unknown[]) => Promise<unknown>;
    let armed = true;
    const spy = vi.spyOn(EntityManager.prototype, method).mockImplementation(async function (
      this: EntityManager,
      ...args: unknown[]
    ) {
      if (armed && when(args)) {
        armed = false;
        reached();
        await paused;
      }
      return original.apply(this, args);
    } as never);
    return {
      atPause,
      resume,
      restore: () => {
        resume();
        spy.mockRestore();
      },
    };
  }

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    const { createProject } = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Bulk import desk' } },
    );
    projectId = createProject.id;
    await editor.ok('mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }', {
      input: { name: 'registry daily', kind: 'MEDIA', reliability: 'B' },
    });
  });
  afterAll(() => api?.close());

  it('writes every claim, topic, source and evidence item of several batches with its own audit event, counts and indexes', async () => {
    const before = await tableCounts();
    const auditBefore = await count(`SELECT COALESCE(MAX("id"), 0) AS n FROM "audit_events"`);
    // A lookup before the import (on SQLite it keeps the project's trigram sets, which the
    // import's claims must then replace).
    const lookup = (t: string) =>
      editor.ok<{ likelyDuplicates: { score: number; claim: { text: string } }[] }>(
        'query($p: ID!, $t: String!) { likelyDuplicates(projectId: $p, text: $t, first: 1) { score claim { text } } }',
        { p: projectId, t },
      );
    expect((await lookup('Bulk 0: 0 ballots counted in Minsk ward 0')).likelyDuplicates).toEqual(
      [],
    );
    // On PostgreSQL the batches' statements run while the next batch is built: each is sent
    // when the one before has finished, never queued on a busy client (which node-postgres 9
    // refuses; 8 warns).
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const { status, body } = await upload(api, editor, projectId, csv(ROWS), 'bulk.csv').finally(
      () => process.off('warning', onWarning),
    );
    expect(status, JSON.stringify(body.error)).toBe(201);
    expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
    // Bulk Wire (three spellings) and Other Post are new; registry daily is matched.
    expect(body.import).toMatchObject({
      claimsCreated: ROWS,
      evidenceCreated: ROWS,
      sourcesCreated: 2,
      duplicateChecksSkipped: ROWS - 1000,
    });
    const after = await tableCounts();
    expect(after['claims'] - before['claims']).toBe(ROWS);
    expect(after['claim_topics'] - before['claim_topics']).toBe(2 * ROWS);
    expect(after['evidence'] - before['evidence']).toBe(ROWS);
    expect(after['sources'] - before['sources']).toBe(2);
    // One event per claim, per evidence item and per new source, and the batch's.
    expect(after['audit_events'] - before['audit_events']).toBe(ROWS + ROWS + 2 + 1);
    const perEntity = (await api.dataSource.query(
      `SELECT "action", COUNT(*) AS n, COUNT(DISTINCT "entityId") AS entities FROM "audit_events"
        WHERE "id" > ${p(1)} GROUP BY "action" ORDER BY "action"`,
      [auditBefore],
    )) as { action: string; n: string | number; entities: string | number }[];
    expect(perEntity.map((r) => [r.action, Number(r.n), Number(r.entities)])).toEqual([
      ['claim.created', ROWS, ROWS],
      ['evidence.added', ROWS, ROWS],
      ['import.completed', 1, 1],
      ['source.created', 2, 2],
    ]);
    // Every claim of the project has its claim.created event, every evidence item its own.
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM "claims" c WHERE c."projectId" = ${p(1)} AND NOT EXISTS (
           SELECT 1 FROM "audit_events" a WHERE a."entityType" = 'Claim' AND a."action" = 'claim.created'
              AND a."entityId" = ${postgres ? 'c."id"::text' : 'c."id"'})`,
        [projectId],
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM "evidence" e JOIN "claims" c ON c."id" = e."claimId" WHERE c."projectId" = ${p(1)} AND NOT EXISTS (
           SELECT 1 FROM "audit_events" a WHERE a."entityType" = 'Evidence' AND a."action" = 'evidence.added'
              AND a."entityId" = ${postgres ? 'e."id"::text' : 'e."id"'})`,
        [projectId],
      ),
    ).toBe(0);
    // Sources matched case- and space-insensitively within the file and against the registry.
    const sources = (await api.dataSource.query(
      `SELECT s."name" AS name, COUNT(*) AS n FROM "evidence" e JOIN "sources" s ON s."id" = e."sourceId"
        JOIN "claims" c ON c."id" = e."claimId" WHERE c."projectId" = ${p(1)} GROUP BY s."name" ORDER BY s."name"`,
      [projectId],
    )) as { name: string; n: string | number }[];
    expect(sources.map((s) => [s.name, Number(s.n)])).toEqual([
      ['Bulk Wire', (ROWS * 3) / 5],
      ['Other Post', ROWS / 5],
      ['registry daily', ROWS / 5],
    ]);
    // The kept facet counts equal a recount, through the API too.
    const { kept, recount } = await facets();
    expect(kept).toBe(recount);
    const { claims } = await editor.ok<{
      claims: { totalCount: number; facets: { topics: { value: string; count: number }[] } };
    }>(
      'query($f: ClaimFilter) { claims(filter: $f, first: 1) { totalCount facets { topics { value count } } } }',
      { f: { projectId } },
    );
    expect(claims.totalCount).toBe(ROWS);
    expect(claims.facets.topics.find((t) => t.value === 'elections')?.count).toBe(ROWS);
    // Full-text search and the duplicate lookup find claims of every batch.
    for (const i of [0, 1999, 2001, ROWS - 1]) {
      const { claims: found } = await editor.ok<{
        claims: { edges: { node: { text: string } }[] };
      }>('query($f: ClaimFilter) { claims(filter: $f) { edges { node { text } } } }', {
        f: { projectId, text: `Bulk ${i} ${i * 13}` },
      });
      expect(found.edges.map((e) => e.node.text)).toContain(
        `Bulk ${i}: ${i * 13} ${['ballots', 'marchers', 'observers'][i % 3]} counted in ${['Minsk', 'Brest', 'Hrodna', 'Vitebsk'][i % 4]} ward ${i % 97}`,
      );
      const text = `Bulk ${i}: ${i * 13} ${['ballots', 'marchers', 'observers'][i % 3]} counted in ${['Minsk', 'Brest', 'Hrodna', 'Vitebsk'][i % 4]} ward ${i % 97}`;
      const { likelyDuplicates } = await lookup(text);
      expect(likelyDuplicates[0]).toMatchObject({ score: 1, claim: { text } });
    }
    // Duplicate warnings name earlier records of the same file.
    const warning = body.import?.duplicateWarnings.find((w) => w.record === 13);
    expect(warning?.matches.map((m) => m.text)).toContain(
      'Bulk 0: 0 ballots counted in Minsk ward 0',
    );
    if (!postgres) {
      const triggers = (await api.dataSource.query(
        `SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger' ORDER BY "name"`,
      )) as { name: string }[];
      for (const name of INSERT_TRIGGERS) expect(triggers.map((t) => t.name)).toContain(name);
      // The set-based upkeep counted every claim as inserted.
      expect(
        await count(`SELECT "inserted" AS n FROM "claim_text_versions" WHERE "projectId" = ?`, [
          projectId,
        ]),
      ).toBe(ROWS);
    }
  }, 180_000);

  /** The stages in order, each once however often it was reported. */
  const stagesOf = (events: ImportEvent[]) =>
    events.map((e) => e.event).filter((event, i, all) => event !== all[i - 1]);

  it('reports each stage of a valid import as it goes when asked for NDJSON, then the result', async () => {
    projectId = await newProject('Bulk stages desk');
    const before = await tableCounts();
    const answer = await uploadWithStages(
      api,
      editor,
      projectId,
      csv(ROWS, () => ' (stages)'),
      'stages.csv',
    );
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/x-ndjson/);
    expect(stagesOf(answer.events)).toEqual([
      'checking',
      'waiting',
      'writing',
      'committing',
      'completed',
    ]);
    const checking = answer.events.filter((e) => e.event === 'checking');
    expect(checking[0]).toEqual({ event: 'checking', done: 0, total: 1000 });
    expect(checking.at(-1)).toEqual({ event: 'checking', done: 1000, total: 1000 });
    // Writing: from 0, batch by batch, to every record.
    const written = answer.events.flatMap((e) => (e.event === 'writing' ? [e.done] : []));
    expect(written[0]).toBe(0);
    expect(written.at(-1)).toBe(ROWS);
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < written.length; i++) expect(written[i]).toBeGreaterThan(written[i - 1]);
    expect(
      answer.events
        .filter((e) => e.event === 'writing')
        .every((e) => 'total' in e && e.total === ROWS),
    ).toBe(true);
    const last = answer.events.at(-1);
    expect(last?.event === 'completed' && last.import.claimsCreated).toBe(ROWS);
    expect((await tableCounts()).claims).toBe(before.claims + ROWS);
  }, 180_000);

  it('answers an invalid file as before, with no stages, when asked for NDJSON', async () => {
    const before = await tableCounts();
    const answer = await uploadWithStages(
      api,
      editor,
      projectId,
      `${csv(3)}Bulk bad row,Desk,Elections,SOMETIMES,,,,,,\n`,
      'bad.csv',
    );
    expect(answer.status).toBe(422);
    expect(answer.events).toEqual([]);
    expect(answer.body?.error).toMatchObject({ code: 'BAD_USER_INPUT', problemCount: 1 });
    expect(answer.body?.error?.problems?.[0]).toMatchObject({ line: 5, field: 'priority' });
    expect(await tableCounts()).toEqual(before);
  });

  it('ends the stages with a failure, and imports nothing, when a write fails midway', async () => {
    projectId = await newProject('Bulk failing stages desk');
    const before = await tableCounts();
    await failEvidenceAt(`https://bulk.example/${ROWS - 10}`);
    try {
      const answer = await uploadWithStages(api, editor, projectId, csv(ROWS), 'failing.csv');
      expect(answer.status).toBe(200);
      expect(stagesOf(answer.events)).toEqual(['checking', 'waiting', 'writing', 'failed']);
      expect(answer.events.at(-1)).toEqual({
        event: 'failed',
        error: {
          code: 'INTERNAL_SERVER_ERROR',
          message:
            'Something went wrong on the server; nothing was imported. The error has been logged.',
        },
      });
    } finally {
      await stopFailingEvidence();
    }
    expect(await tableCounts()).toEqual(before);
  }, 180_000);

  it('computes the contradiction flag of claims whose imported evidence disagrees', async () => {
    const record = (text: string, stances: string[]) =>
      JSON.stringify({
        text,
        evidence: stances.map((stance, i) => ({
          url: `https://contra.example/${text.length}/${i}`,
          stance,
          credibility: 1,
          source: { name: `Contra source ${i}`, kind: 'MEDIA', reliability: 'A' },
        })),
      });
    const ndjson = [
      record('Both sides reported on the bridge closure.', ['SUPPORTS', 'REFUTES']),
      record('Only one side reported on the ferry.', ['SUPPORTS', 'SUPPORTS']),
    ].join('\n');
    const { status, body } = await upload(api, editor, projectId, ndjson, 'contra.ndjson');
    expect(status, JSON.stringify(body.error)).toBe(201);
    const flagged = async (text: string) =>
      (
        await editor.ok<{ claims: { edges: { node: { text: string } }[] } }>(
          'query($f: ClaimFilter) { claims(filter: $f) { edges { node { text } } } }',
          { f: { projectId, hasContradiction: true, text } },
        )
      ).claims.edges.map((e) => e.node.text);
    const flags = [await flagged('bridge closure'), await flagged('ferry')];
    expect(flags).toEqual([['Both sides reported on the bridge closure.'], []]);
  }, 180_000);

  it('rolls everything back when a write fails in a later batch', async () => {
    const failing = 'https://bulk.example/2300';
    // A project of its own, so the duplicate checks do not dwell on the claims imported above.
    projectId = await newProject('Bulk rollback desk');
    await failEvidenceAt(failing);
    try {
      const before = await tableCounts();
      const facetsBefore = await facets();
      const { status } = await upload(
        api,
        editor,
        projectId,
        csv(ROWS, () => ' (again)'),
        'again.csv',
      );
      expect(status).toBe(500);
      expect(await tableCounts()).toEqual(before);
      expect(await facets()).toEqual(facetsBefore);
      const { claims } = await editor.ok<{ claims: { totalCount: number } }>(
        'query($f: ClaimFilter) { claims(filter: $f) { totalCount } }',
        { f: { projectId, text: 'again' } },
      );
      expect(claims.totalCount).toBe(0);
    } finally {
      await stopFailingEvidence();
    }
    if (!postgres) {
      const triggers = (await api.dataSource.query(
        `SELECT "name" FROM "sqlite_master" WHERE "type" = 'trigger'`,
      )) as { name: string }[];
      for (const name of INSERT_TRIGGERS) expect(triggers.map((t) => t.name)).toContain(name);
    }
    // The triggers work again after the rollback: a claim created later is counted and found.
    const { createClaim } = await editor.ok<{ createClaim: { id: string } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      {
        input: { projectId, text: 'A claim typed in after the failed import.', topics: ['later'] },
      },
    );
    expect(createClaim.id).toBeTruthy();
    const { kept, recount } = await facets();
    expect(kept).toBe(recount);
    const { claims } = await editor.ok<{ claims: { totalCount: number } }>(
      'query($f: ClaimFilter) { claims(filter: $f) { totalCount } }',
      { f: { projectId, text: 'typed after' } },
    );
    expect(claims.totalCount).toBe(1);
  }, 180_000);
  it('keeps a claim another editor saves while an import is writing, when the import then fails', async () => {
    // On SQLite every request shares one connection: without the write gate, this claim would be
    // written inside the import's open transaction, answered as saved, and rolled back with it.
    projectId = await newProject('Bulk meanwhile desk');
    const otherProject = await newProject('Desk working meanwhile');
    await failEvidenceAt('https://bulk.example/2300');
    // The import pauses inside its transaction, at its first batch's source lookup.
    const pause = pauseOnce(
      'findBy',
      ([target]) => (target as { name?: string }).name === 'SourceEntity',
    );
    try {
      const importing = upload(
        api,
        editor,
        projectId,
        csv(ROWS, () => ' (meanwhile)'),
        'meanwhile.csv',
      );
      await pause.atPause;
      const typed = editor.ok<{ createClaim: { id: string } }>(
        'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
        {
          input: { projectId: otherProject, text: 'A claim typed in while an import was writing.' },
        },
      );
      await sleep(300);
      pause.resume();
      expect((await importing).status).toBe(500);
      const { createClaim } = await typed;
      const { claim } = await editor.ok<{ claim: { text: string } | null }>(
        'query($id: ID!) { claim(id: $id) { text } }',
        { id: createClaim.id },
      );
      expect(claim?.text).toBe('A claim typed in while an import was writing.');
      const { claims } = await editor.ok<{ claims: { totalCount: number } }>(
        'query($f: ClaimFilter) { claims(filter: $f) { totalCount } }',
        { f: { projectId, text: 'meanwhile' } },
      );
      expect(claims.totalCount).toBe(0);
    } finally {
      pause.restore();
      await stopFailingEvidence();
    }
  }, 180_000);

  it('shows other users only committed claims while an import is writing, then all of them', async () => {
    // On SQLite every request shares one connection: without the gate's read-only connection,
    // other users would see the open transaction's claims (which a rollback would take back).
    projectId = await newProject('Bulk visibility desk');
    // The import's last write, inside its transaction: every claim is written, none committed.
    const pause = pauseOnce('save', ([target, entity]) => {
      const [name, action] = [
        (target as { name?: string })?.name,
        (entity as { action?: string })?.action,
      ];
      return name === 'AuditEventEntity' && action === 'import.completed';
    });
    const visible = async () => {
      const { claims } = await editor.ok<{
        claims: { totalCount: number; edges: { node: { id: string } }[] };
      }>(
        'query($f: ClaimFilter) { claims(filter: $f, first: 5) { totalCount edges { node { id } } } }',
        {
          f: { projectId },
        },
      );
      return [claims.totalCount, claims.edges.length];
    };
    // A committed claim like one of the import's rows; dozens of the import's rows are more
    // like the lookup's text than it is (similarity 0.80–1 against its 0.68).
    const { createClaim } = await editor.ok<{ createClaim: { id: string } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      { input: { projectId, text: 'Bulk desk: 13 marchers counted in Brest ward one' } },
    );
    const duplicates = async () => {
      const { likelyDuplicates } = await editor.ok<{
        likelyDuplicates: { claim: { id: string }; score: number }[];
      }>(
        'query($p: ID!, $t: String!) { likelyDuplicates(projectId: $p, text: $t, first: 5) { claim { id } score } }',
        { p: projectId, t: 'Bulk 1: 13 marchers counted in Brest ward 1 (visible)' },
      );
      return likelyDuplicates;
    };
    try {
      const importing = upload(
        api,
        editor,
        projectId,
        csv(ROWS, () => ' (visible)'),
        'visible.csv',
      );
      await pause.atPause;
      expect(await visible()).toEqual([1, 1]);
      // Duplicates come from committed claims only: the open transaction's rows neither show
      // nor push the committed claim out of the first five.
      expect((await duplicates()).map((d) => d.claim.id)).toEqual([createClaim.id]);
      pause.resume();
      expect((await importing).status).toBe(201);
      expect(await visible()).toEqual([ROWS + 1, 5]);
      const after = await duplicates();
      expect(after).toHaveLength(5);
      expect(after[0].score).toBe(1);
      expect(after.map((d) => d.claim.id)).not.toContain(createClaim.id);
    } finally {
      pause.restore();
    }
  }, 180_000);
});
