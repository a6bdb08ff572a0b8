import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicatesService } from '@corroborate/api-imports';
import { normaliseClaimText, trigramSimilarity } from '@corroborate/domain';
import {
  type ApiClient,
  CREATE_PROJECT,
  demoSourceId,
  errorCode,
  signedIn,
  startApi,
  type TestApi,
  testDialect,
} from './src';

/** Sentences in the style (and with the facts) of the reference article. */
const ARTICLE = [
  'Belarus Protesters March In Residential Areas',
  '',
  "The United States and the European Union have refused to recognize Lukashenka's reelection as legitimate.",
  '',
  'The independent BelaPAN news agency reported that protesters staged at least 30 marches and rallies on January 17, including in Minsk, Brest, Hrodna, and Homel.',
  '',
  'The United Nations says authorities have detained more than 30,000 protesters. It rained on Sunday.',
].join('\n');

const DUPLICATES = `query($projectId: ID!, $text: String!, $excludeClaimId: ID) {
  likelyDuplicates(projectId: $projectId, text: $text, excludeClaimId: $excludeClaimId) { score claim { id text status } }
}`;
const EXTRACT = `query($projectId: ID!, $text: String, $captureId: ID) {
  extractClaims(projectId: $projectId, text: $text, captureId: $captureId) {
    text start end reasons claimant attribution figures duplicates { score claim { id text } }
  }
}`;
const MERGE = `mutation($input: MergeClaimsInput!) {
  mergeClaims(input: $input) { id status evidence { id claim { id } } history { action entityType entityId reason } }
}`;
const CLAIM = `query($id: ID!) { claim(id: $id) {
  id status rejectionReason duplicateOf { id } evidence { id } history { action entityType entityId }
} }`;

interface Match {
  score: number;
  claim: { id: string; text: string; status: string };
}

describe(`likely duplicates, extraction and merging on ${testDialect()}`, () => {
  let api: TestApi;
  let editor: ApiClient;
  let viewer: ApiClient;
  let reviewer: ApiClient;
  let projectId: string;
  let sourceId: string;

  const createClaim = async (text: string, project = projectId): Promise<string> => {
    const data = await editor.ok<{ createClaim: { id: string } }>(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      { input: { projectId: project, text } },
    );
    return data.createClaim.id;
  };
  const addEvidence = async (claimId: string, url: string): Promise<string> => {
    const data = await editor.ok<{ addEvidence: { id: string } }>(
      'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      { input: { claimId, sourceId, url, stance: 'SUPPORTS', credibility: 2 } },
    );
    return data.addEvidence.id;
  };
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of ['claims', 'evidence', 'audit_events']) {
      const [row] = (await api.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as {
        n: string | number;
      }[];
      out[table] = Number(row.n);
    }
    return out;
  };

  beforeAll(async () => {
    api = await startApi();
    [editor, viewer, reviewer] = await Promise.all([
      signedIn(api, 'editor'),
      signedIn(api, 'viewer'),
      signedIn(api, 'reviewer'),
    ]);
    const data = await editor.ok<{ projects: { id: string }[] }>('{ projects { id } }');
    projectId = data.projects[0].id;
    sourceId = await demoSourceId(editor);
  });
  afterAll(() => api?.close());

  it('finds likely duplicates by normalised text with a score, most similar first, within the project', async () => {
    const { likelyDuplicates } = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'The UN says authorities have detained more than 30 000 protesters!',
    });
    expect(likelyDuplicates).toHaveLength(1);
    expect(likelyDuplicates[0].claim.text).toBe(
      'Authorities have detained more than 30,000 protesters.',
    );
    expect(likelyDuplicates[0].score).toBeGreaterThan(0.6);
    expect(likelyDuplicates[0].score).toBeLessThan(1);

    // Exact same text after normalisation (case, punctuation, thousands separator): score 1.
    const exact = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'AUTHORITIES HAVE DETAINED MORE THAN 30000 PROTESTERS',
    });
    expect(exact.likelyDuplicates[0].score).toBe(1);

    // Excluding the claim itself (editing it) finds nothing else.
    const excluded = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'Authorities have detained more than 30,000 protesters.',
      excludeClaimId: exact.likelyDuplicates[0].claim.id,
    });
    expect(excluded.likelyDuplicates).toEqual([]);

    // Unrelated text: nothing. Another project: nothing.
    const unrelated = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'The price of bread rose in Vitebsk.',
    });
    expect(unrelated.likelyDuplicates).toEqual([]);
    const other = await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
      input: { name: 'Another desk' },
    });
    const none = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId: other.createProject.id,
      text: 'Authorities have detained more than 30,000 protesters.',
    });
    expect(none.likelyDuplicates).toEqual([]);
  });

  it('answers exactly what scoring every claim of the project gives, ties by id, on this database', async () => {
    const desk = await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
      input: { name: 'Duplicate fixture desk' },
    });
    const deskId = desk.createProject.id;
    // A small vocabulary, so many claims are near one another, and 12 claims of one text, so
    // more claims tie than a first window of nearest rows holds.
    const who = ['Police', 'The interior ministry', 'Observers'];
    const did = ['detained', 'counted', 'reported'];
    const what = ['protesters in Minsk', 'ballots in Brest', 'journalists near the square'];
    const texts: string[] = [];
    for (const a of who)
      for (const b of did) for (const c of what) texts.push(`${a} ${b} 120 ${c}`);
    for (let i = 0; i < 12; i++) texts.push('Police detained 120 protesters in Minsk on Sunday');
    const claims: { id: string; text: string }[] = [];
    for (const text of texts) claims.push({ id: await createClaim(text, deskId), text });
    const QUERY = `query($projectId: ID!, $text: String!, $excludeClaimId: ID, $first: Int) {
      likelyDuplicates(projectId: $projectId, text: $text, excludeClaimId: $excludeClaimId, first: $first) { score claim { id } }
    }`;
    const expected = (text: string, first: number, exclude: string | null = null) =>
      claims
        .filter((c) => c.id !== exclude)
        .map((c) => ({
          id: c.id,
          // PostgreSQL's similarity() is a float4; both databases answer that value.
          score: Math.fround(
            trigramSimilarity(normaliseClaimText(text), normaliseClaimText(c.text)),
          ),
        }))
        .filter((c) => c.score >= 0.5)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, first);
    const cases: [string, number][] = [
      ['Police detained 120 protesters in Minsk on Sunday', 3],
      ['Police detained 120 protesters in Minsk', 5],
      ['police detained 120 protesters in minsk', 50],
      ['The interior ministry counted 120 ballots in Brest', 4],
      ['Observers reported journalists near the square', 10],
      ['Nothing like any of them', 5],
    ];
    // Texts right at the threshold and just below it, so an early exit that dismisses a text
    // one shared trigram too soon, or a bound off by one, drops or adds a match.
    const near = await Promise.all(
      [
        'police detained 120 protesters',
        'police detained 120 protesters in',
        'police detained protesters in minsk on',
        'observers counted 120 ballots',
        // The words of 'Police detained 120 protesters in Minsk' in other orders: other texts
        // with the same trigrams, so distinct texts tie (at 1).
        '120 protesters police detained in minsk',
        'protesters in minsk police detained 120',
        'protesters police detained 120 in minsk',
        'minsk police detained 120 protesters in',
        'in minsk police detained 120 protesters',
        'detained 120 protesters in minsk police',
        'police in minsk detained 120 protesters',
        '120 police detained protesters in minsk',
      ].map(async (text) => ({ id: await createClaim(text, deskId), text })),
    );
    claims.push(...near);
    cases.push(
      ['police detained 120 protesters in minsk on sunday', 50],
      ['police detained 120 protesters near minsk', 50],
      ['observers counted 120 ballots in brest', 50],
      // 9 claims of 9 texts tie at 1: the 2 with the lowest ids, whichever text they have.
      ['police detained 120 protesters in minsk', 2],
    );
    const boundary = cases.flatMap(([text]) =>
      claims
        .map((c) =>
          Math.fround(trigramSimilarity(normaliseClaimText(text), normaliseClaimText(c.text))),
        )
        .filter((s) => Math.abs(s - 0.5) < 0.04),
    );
    // The fixture does reach the threshold's neighbourhood from both sides.
    expect(boundary.some((s) => s >= 0.5)).toBe(true);
    expect(boundary.some((s) => s < 0.5)).toBe(true);
    let compared = 0;
    const duplicates = api.app.get(DuplicatesService);
    // Both answer from the project's trigram sets kept between lookups; SQLite also (inside a
    // transaction, or with no memory for them) from its texts read as one string or in chunks of
    // distinct texts, PostgreSQL from its trigram index: every way answers the same (chunks of 1
    // and 4 texts: 12 claims share one).
    const kept = {
      memory: duplicates.memoryBytes,
      whole: true,
      chunk: duplicates.sqliteChunk,
    };
    const walks =
      testDialect() === 'sqlite'
        ? [
            kept,
            { memory: 0, whole: true, chunk: duplicates.sqliteChunk },
            { memory: 0, whole: false, chunk: 4 },
            { memory: 0, whole: false, chunk: 1 },
          ]
        : [kept, { memory: 0, whole: true, chunk: duplicates.sqliteChunk }];
    const defaults = {
      memory: duplicates.memoryBytes,
      whole: duplicates.sqliteWholeProject,
      chunk: duplicates.sqliteChunk,
    };
    try {
      for (const walk of walks) {
        duplicates.memoryBytes = walk.memory;
        duplicates.sqliteWholeProject = walk.whole;
        duplicates.sqliteChunk = walk.chunk;
        for (const [text, first] of cases) {
          const got = await viewer.ok<{
            likelyDuplicates: { score: number; claim: { id: string } }[];
          }>(QUERY, { projectId: deskId, text, first });
          const want = expected(text, first);
          expect(got.likelyDuplicates.map((m) => ({ id: m.claim.id, score: m.score }))).toEqual(
            want,
          );
          compared += want.length;
        }
      }
    } finally {
      duplicates.memoryBytes = defaults.memory;
      duplicates.sqliteWholeProject = defaults.whole;
      duplicates.sqliteChunk = defaults.chunk;
    }
    const tied = expected('Police detained 120 protesters in Minsk on Sunday', 3);
    expect(tied.map((m) => m.score)).toEqual([1, 1, 1]);
    const excluded = await viewer.ok<{
      likelyDuplicates: { score: number; claim: { id: string } }[];
    }>(QUERY, { projectId: deskId, text: texts.at(-1), first: 3, excludeClaimId: tied[0].id });
    expect(excluded.likelyDuplicates.map((m) => m.claim.id)).toEqual(
      expected(texts.at(-1) ?? '', 3, tied[0].id).map((m) => m.id),
    );
    expect(compared).toBeGreaterThan(30);
  });

  it('keeps the index current when a claim is created and edited', async () => {
    const id = await createClaim('Internet access was cut across Belarus for three days.');
    const found = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'internet access was cut across belarus for 3 days',
    });
    expect(found.likelyDuplicates.map((m) => m.claim.id)).toEqual([id]);
    await editor.ok('mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }', {
      input: { claimId: id, expectedVersion: 1, text: 'Mobile networks were slowed in Minsk.' },
    });
    const after = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'internet access was cut across belarus for 3 days',
    });
    expect(after.likelyDuplicates).toEqual([]);
    const renamed = await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'Mobile networks were slowed down in Minsk',
    });
    expect(renamed.likelyDuplicates.map((m) => m.claim.id)).toEqual([id]);
  });

  it('answers from the current texts after writes of every kind, inside and after a rolled-back transaction, and past the memory allowed', async () => {
    const desk = await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
      input: { name: 'Kept trigram sets desk' },
    });
    const deskId = desk.createProject.id;
    const other = await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
      input: { name: 'Kept trigram sets, other desk' },
    });
    const ids = async (text: string, project = deskId) =>
      (
        await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, { projectId: project, text })
      ).likelyDuplicates.map((m) => m.claim.id);
    // Placeholders of this dialect ($1… on PostgreSQL, ? on SQLite).
    const sql = (query: string) =>
      testDialect() === 'sqlite' ? query.replace(/\$\d+/g, '?') : query;
    const first = await createClaim('Water supplies were cut in Gomel for two days', deskId);
    expect(await ids('water supplies were cut in gomel for two days')).toEqual([first]);
    // A write straight to the table (any connection or process would do the same): the text's
    // version moves on, the next lookup reads the project again.
    await api.dataSource.query(
      sql(`UPDATE "claims" SET "text" = $1, "normalisedText" = $2 WHERE "id" = $3`),
      [
        'Bread prices doubled in Brest last winter',
        normaliseClaimText('Bread prices doubled in Brest last winter'),
        first,
      ],
    );
    expect(await ids('water supplies were cut in gomel for two days')).toEqual([]);
    expect(await ids('bread prices doubled in brest last winter')).toEqual([first]);
    // Moved to another project: gone from this one, found in that one.
    await api.dataSource.query(sql(`UPDATE "claims" SET "projectId" = $1 WHERE "id" = $2`), [
      other.createProject.id,
      first,
    ]);
    expect(await ids('bread prices doubled in brest last winter')).toEqual([]);
    expect(await ids('bread prices doubled in brest last winter', other.createProject.id)).toEqual([
      first,
    ]);
    // Inside a transaction a lookup sees the transaction's own claim; once it is rolled back,
    // no lookup does.
    const second = await createClaim('Three bridges were closed in Vitebsk', deskId);
    expect(await ids('three bridges were closed in vitebsk')).toEqual([second]);
    const service = api.app.get(DuplicatesService);
    await expect(
      api.dataSource.transaction(async (manager) => {
        await manager.query(sql(`DELETE FROM "claims" WHERE "id" = $1`), [second]);
        const inside = await service.find(manager, deskId, 'three bridges were closed in vitebsk');
        expect(inside).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await ids('three bridges were closed in vitebsk')).toEqual([second]);
    // With no room to keep a project's sets, each lookup reads it again and answers the same.
    const memory = service.memoryBytes;
    service.memoryBytes = 1;
    try {
      expect(await ids('three bridges were closed in vitebsk')).toEqual([second]);
      const third = await createClaim('Three bridges were closed near Vitebsk', deskId);
      expect(await ids('three bridges were closed in vitebsk')).toEqual([second, third]);
    } finally {
      service.memoryBytes = memory;
    }
  });

  if (testDialect() === 'postgres')
    it('PostgreSQL: kept sets take commits in any order, bulk inserts, pruned changes and truncation', async () => {
      const service = api.app.get(DuplicatesService);
      const desk = await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
        input: { name: 'Commit order desk' },
      });
      const deskId = desk.createProject.id;
      const ids = async (text: string) =>
        (
          await viewer.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, { projectId: deskId, text })
        ).likelyDuplicates.map((m) => m.claim.id);
      const retext =
        (runner: { query: (q: string, p: unknown[]) => Promise<unknown> }) =>
        (id: string, text: string) =>
          runner.query(`UPDATE "claims" SET "text" = $1, "normalisedText" = $2 WHERE "id" = $3`, [
            text,
            normaliseClaimText(text),
            id,
          ]);
      const x = await createClaim('Water supplies were cut in Gomel for two days', deskId);
      const y = await createClaim('Three bridges were closed in Vitebsk', deskId);
      expect(await ids('water supplies were cut in gomel for two days')).toEqual([x]);
      expect(service.keptTexts(deskId)).toBe(2);

      // Transaction A changes x and stays open; B begins later, changes y and commits first. B's
      // transaction id is above A's: a copy that took "everything up to the highest id seen"
      // would never apply A's change.
      const a = api.dataSource.createQueryRunner();
      const b = api.dataSource.createQueryRunner();
      try {
        await a.startTransaction();
        await retext(a)(x, 'Bread prices doubled in Brest last winter');
        await b.startTransaction();
        await retext(b)(y, 'Tram lines stopped in Mogilev at noon');
        await b.commitTransaction();
        expect(await ids('tram lines stopped in mogilev at noon')).toEqual([y]);
        expect(await ids('three bridges were closed in vitebsk')).toEqual([]);
        expect(await ids('water supplies were cut in gomel for two days')).toEqual([x]);
        expect(await ids('bread prices doubled in brest last winter')).toEqual([]);
        await a.commitTransaction();
        expect(await ids('bread prices doubled in brest last winter')).toEqual([x]);
        expect(await ids('water supplies were cut in gomel for two days')).toEqual([]);
        // Still the kept copy, brought up to date (each re-texted claim once, at a new place).
        expect(service.keptTexts(deskId)).toBe(2);
      } finally {
        await a.release();
        await b.release();
      }

      // One statement inserting more than 256 claims asks every instance to read the project again.
      const columns = (
        (await api.dataSource.query(
          `SELECT column_name AS name FROM information_schema.columns
            WHERE table_name = 'claims' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'text', 'normalisedText')`,
        )) as { name: string }[]
      ).map((c) => `"${c.name}"`);
      await api.dataSource.query(
        `INSERT INTO "claims" (${columns.join(', ')}, "text", "normalisedText")
         SELECT ${columns.map((c) => `c.${c}`).join(', ')},
                'Observers counted ' || g || ' closed polling stations in Lida',
                'observers counted ' || g || ' closed polling stations in lida'
           FROM "claims" c CROSS JOIN generate_series(1, 300) g WHERE c."id" = $1`,
        [x],
      );
      expect(await ids('observers counted 123 closed polling stations in lida')).toHaveLength(5);
      expect(service.keptTexts(deskId)).toBe(302);

      // A change the copy has not seen, then every change row pruned: the copy cannot know what
      // it missed, so it is read again.
      await retext(api.dataSource)(y, 'Schools in Pinsk were closed for a week');
      expect(await service.pruneChanges(0)).toBeGreaterThan(0);
      const [{ left }] = (await api.dataSource.query(
        `SELECT COUNT(*)::int AS "left" FROM "claim_text_changes"`,
      )) as { left: number }[];
      expect(left).toBe(0);
      expect(await ids('schools in pinsk were closed for a week')).toEqual([y]);
      expect(await ids('tram lines stopped in mogilev at noon')).toEqual([]);

      // TRUNCATE of claims (rolled back here) moves the pruned mark past its transaction too.
      const t = api.dataSource.createQueryRunner();
      try {
        await t.startTransaction();
        await t.query('TRUNCATE "claims" CASCADE');
        // Past the truncating transaction: every snapshot that could still see the old claims
        // has its xmin at or below it.
        const [after] = (await t.query(
          `SELECT MAX("below") > pg_current_xact_id() AS "past" FROM "claim_text_changes_pruned"`,
        )) as { past: boolean }[];
        expect(after.past).toBe(true);
      } finally {
        await t.rollbackTransaction();
        await t.release();
      }
    });

  it("extracts a reference-style article's candidate claims with claimants and their likely duplicates", async () => {
    const { extractClaims } = await editor.ok<{
      extractClaims: {
        text: string;
        reasons: string[];
        claimant: string | null;
        attribution: string | null;
        figures: string[];
        duplicates: { score: number; claim: { text: string } }[];
      }[];
    }>(EXTRACT, { projectId, text: ARTICLE });
    const un = extractClaims.find((c) => c.text.startsWith('The United Nations says'));
    expect(un).toMatchObject({
      reasons: ['ATTRIBUTION', 'FIGURE'],
      claimant: 'The United Nations',
      attribution: 'says',
      figures: ['more than 30,000'],
    });
    expect(un?.duplicates[0]?.claim.text).toBe(
      'Authorities have detained more than 30,000 protesters.',
    );
    const belapan = extractClaims.find((c) => c.text.startsWith('The independent BelaPAN'));
    expect(belapan).toMatchObject({ claimant: 'BelaPAN news agency', figures: ['at least 30'] });
    const usEu = extractClaims.find((c) =>
      c.text.startsWith('The United States and the European Union'),
    );
    expect(usEu).toMatchObject({
      claimant: 'The United States and the European Union',
      attribution: 'have refused',
    });
    expect(usEu?.duplicates[0]?.score).toBe(1);
  });

  it("extracts from a capture's extracted text", async () => {
    const claimId = await createClaim('A claim with a captured article.');
    const evidenceId = await addEvidence(claimId, 'https://example.org/article');
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(ARTICLE)], { type: 'text/plain' }), 'article.txt');
    const res = await fetch(`${api.url}/api/evidence/${evidenceId}/captures`, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', cookie: editor.cookie ?? '' },
      body: form,
    });
    expect(res.status).toBe(201);
    const { capture } = (await res.json()) as { capture: { id: string } };
    const { extractClaims } = await editor.ok<{ extractClaims: { claimant: string | null }[] }>(
      EXTRACT,
      { projectId, captureId: capture.id },
    );
    expect(extractClaims.map((c) => c.claimant)).toEqual([
      'The United States and the European Union',
      'BelaPAN news agency',
      'The United Nations',
    ]);
  });

  it('refuses extraction without text, with both inputs, and for non-editors', async () => {
    expect(errorCode(await editor.request(EXTRACT, { projectId }))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await editor.request(EXTRACT, {
          projectId,
          text: 'x says y.',
          captureId: '00000000-0000-4000-8000-000000000000',
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await reviewer.request(EXTRACT, { projectId, text: 'A says B.' }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await viewer.request(EXTRACT, { projectId, text: 'A says B.' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('merges a duplicate: evidence and history move to the survivor, the duplicate is REJECTED with a link', async () => {
    const survivor = await createClaim('Riot police detained 200 people at the Minsk march.');
    const duplicate = await createClaim(
      'Riot police detained about 200 people at the march in Minsk.',
    );
    const e1 = await addEvidence(duplicate, 'https://example.org/dup-1');
    const e2 = await addEvidence(duplicate, 'https://example.org/dup-2');
    const kept = await addEvidence(survivor, 'https://example.org/survivor');
    const question = await editor.ok<{ addComment: { id: string } }>(
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { claimId: duplicate, body: 'Which outlet counted 200?' } },
    );
    await editor.ok('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
      input: { claimId: duplicate, parentId: question.addComment.id, body: 'Nasha Niva.' },
    });

    const suggestion = await editor.ok<{ likelyDuplicates: Match[] }>(DUPLICATES, {
      projectId,
      text: 'Riot police detained 200 people at the Minsk march.',
      excludeClaimId: survivor,
    });
    expect(suggestion.likelyDuplicates.map((m) => m.claim.id)).toEqual([duplicate]);

    const { mergeClaims } = await editor.ok<{
      mergeClaims: {
        id: string;
        evidence: { id: string; claim: { id: string } }[];
        history: { action: string; entityType: string; entityId: string; reason: string | null }[];
      };
    }>(MERGE, {
      input: {
        survivorId: survivor,
        duplicateId: duplicate,
        reason: 'Same arrests, reported twice.',
      },
    });
    expect(mergeClaims.id).toBe(survivor);
    expect(mergeClaims.evidence.map((e) => e.id).sort()).toEqual([e1, e2, kept].sort());
    expect(mergeClaims.evidence.every((e) => e.claim.id === survivor)).toBe(true);
    // The discussion moves too, its thread intact.
    const moved = await editor.ok<{
      claim: { comments: { id: string; parentId: string | null; body: string }[] };
    }>('query($id: ID!) { claim(id: $id) { comments { id parentId body } } }', { id: survivor });
    expect(moved.claim.comments.map((c) => [c.body, c.parentId])).toEqual([
      ['Which outlet counted 200?', null],
      ['Nasha Niva.', question.addComment.id],
    ]);
    const actions = mergeClaims.history.map((e) => `${e.entityType}:${e.action}`);
    // The merged claim's own events, its evidence's events (added and moved), the merge itself.
    expect(actions).toEqual(
      expect.arrayContaining([
        'Claim:claim.created',
        'Evidence:evidence.added',
        'Evidence:evidence.moved',
        'Comment:comment.created',
        'Comment:comment.moved',
        'Claim:claim.merged',
        'Claim:claim.rejected',
      ]),
    );
    expect(
      mergeClaims.history.filter((e) => e.entityId === duplicate).map((e) => e.action),
    ).toEqual(['claim.created', 'claim.rejected']);

    const { claim } = await editor.ok<{
      claim: {
        status: string;
        rejectionReason: string;
        duplicateOf: { id: string };
        evidence: unknown[];
        history: { action: string }[];
      };
    }>(CLAIM, { id: duplicate });
    expect(claim).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Same arrests, reported twice.',
      duplicateOf: { id: survivor },
      evidence: [],
    });
    // Nothing lost: the merged claim keeps its own history (its evidence's events now belong to the survivor).
    expect(claim.history.map((e) => e.action)).toEqual(['claim.created', 'claim.rejected']);
  });

  it('refuses merging into itself, across projects, into or from a VERIFIED/REJECTED claim, and for non-editors, changing nothing', async () => {
    const a = await createClaim('Two journalists were detained in Hrodna on Sunday.');
    const b = await createClaim('Two reporters were detained in Hrodna on Sunday.');
    const other = await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
      input: { name: 'Merge elsewhere' },
    });
    const foreign = await createClaim(
      'Two journalists were detained in Hrodna.',
      other.createProject.id,
    );
    const merge = (client: ApiClient, survivorId: string, duplicateId: string) =>
      client.request(MERGE, { input: { survivorId, duplicateId, reason: 'dup' } });
    const before = await counts();

    const self = await merge(editor, a, a);
    expect(self.errors?.[0]).toMatchObject({
      message: 'A claim cannot be merged into itself.',
      extensions: { code: 'BAD_USER_INPUT', field: 'duplicateId' },
    });
    const cross = await merge(editor, foreign, a);
    expect(cross.errors?.[0]?.message).toMatch(
      /different projects; a claim can only be merged into a claim of the same project/,
    );

    await api.dataSource.query(`UPDATE "claims" SET "status" = 'VERIFIED' WHERE "id" = '${b}'`);
    const intoVerified = await merge(editor, b, a);
    expect(intoVerified.errors?.[0]).toMatchObject({
      message: 'Cannot merge into this claim: it is VERIFIED and locked (reopen it first).',
      extensions: { code: 'CONFLICT' },
    });
    const fromVerified = await merge(editor, a, b);
    expect(fromVerified.errors?.[0]?.message).toBe(
      'Cannot merge the duplicate claim: it is VERIFIED and locked (reopen it first).',
    );
    await api.dataSource.query(`UPDATE "claims" SET "status" = 'REJECTED' WHERE "id" = '${b}'`);
    expect((await merge(editor, b, a)).errors?.[0]?.message).toBe(
      'Cannot merge into this claim: it is REJECTED.',
    );

    expect(errorCode(await merge(reviewer, a, foreign))).toBe('FORBIDDEN');
    expect(errorCode(await merge(viewer, a, foreign))).toBe('FORBIDDEN');
    const unknown = await merge(editor, a, '00000000-0000-4000-8000-000000000000');
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });
});
