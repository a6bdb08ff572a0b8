import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  type ImportBody,
  previewUpload,
  signedIn,
  startApi,
  type TestApi,
  testDialect,
  upload,
  withFullDisk,
} from './src';

const UN = 'Authorities have detained more than 30,000 protesters.';

const CLAIM_FIELDS = `id text claimant status priority topics firstAppearanceUrl firstAppearedAt
  evidence { url stance credibility grade source { name kind reliability } }
  history { action changes { field after } }`;

describe(`imports on ${testDialect()}`, () => {
  let api: TestApi;
  let editor: ApiClient;
  let projectId: string;

  /** Row counts of every table an import writes. */
  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of ['claims', 'claim_topics', 'sources', 'evidence', 'audit_events']) {
      const [row] = (await api.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as {
        n: string | number;
      }[];
      out[table] = Number(row.n);
    }
    return out;
  }

  /** Uploads a bad file and proves it is refused with the problems and changes nothing. */
  async function refused(
    content: Buffer | string,
    fileName: string,
    status = 422,
  ): Promise<ImportBody['error']> {
    const before = await counts();
    const result = await upload(api, editor, projectId, content, fileName);
    expect(result.status, JSON.stringify(result.body)).toBe(status);
    expect(await counts()).toEqual(before);
    return result.body.error;
  }

  beforeAll(async () => {
    api = await startApi({ IMPORT_MAX_BYTES: '200000', IMPORT_JSONLD_MAX_BYTES: '100000' });
    editor = await signedIn(api, 'editor');
    const data = await editor.ok<{ projects: { id: string; name: string }[] }>(
      '{ projects { id name } }',
    );
    projectId = data.projects[0].id;
  });
  afterAll(() => api?.close());

  it('imports a CSV with evidence, creating sources once, audited per row and as a batch, with duplicate warnings', async () => {
    const before = await counts();
    const csv = [
      'text,claimant,topics,priority,firstAppearedAt,evidenceUrl,evidenceStance,evidenceCredibility,sourceName,sourceKind,sourceReliability',
      `"${UN}",UN human rights office,detentions;protests,HIGH,2021-01-17,https://un.example/1,SUPPORTS,2,UN OHCHR,INTERNATIONAL_ORG,B`,
      '"Police used water cannon in Minsk, witnesses said.",Witnesses,,,,https://un.example/2,MIXED,,un ohchr,,',
      'A claim without evidence.,,,,,,,,,,',
    ].join('\r\n');
    const { status, body } = await upload(api, editor, projectId, csv, 'claims.csv');
    expect(status, JSON.stringify(body)).toBe(201);
    const result = body.import;
    expect(result).toMatchObject({
      format: 'csv',
      rows: 3,
      claimsCreated: 3,
      sourcesCreated: 1,
      evidenceCreated: 2,
    });
    expect(result?.claims.map((c) => [c.line, c.text])).toEqual([
      [2, UN],
      [3, 'Police used water cannon in Minsk, witnesses said.'],
      [4, 'A claim without evidence.'],
    ]);
    // The demo holds the same UN claim: a warning, not an error.
    expect(result?.duplicateWarnings).toEqual([
      {
        line: 2,
        record: 1,
        text: UN,
        matches: [expect.objectContaining({ text: UN, score: 1 })],
      },
    ]);
    const after = await counts();
    expect(after['claims'] - before['claims']).toBe(3);
    expect(after['evidence'] - before['evidence']).toBe(2);
    expect(after['sources'] - before['sources']).toBe(1);
    // 3 claim.created + 1 source.created + 2 evidence.added + 1 import.completed
    expect(after['audit_events'] - before['audit_events']).toBe(7);

    const first = result?.claims[0]?.id;
    const { claim } = await editor.ok<{
      claim: {
        claimant: string;
        status: string;
        priority: string;
        topics: string[];
        firstAppearedAt: string;
        evidence: { grade: string; source: { name: string; kind: string } }[];
        history: { action: string; changes: { field: string; after: string | null }[] }[];
      };
    }>(`query($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} } }`, { id: first });
    expect(claim).toMatchObject({
      claimant: 'UN human rights office',
      status: 'NEW',
      priority: 'HIGH',
      topics: ['detentions', 'protests'],
      firstAppearedAt: '2021-01-17T00:00:00.000Z',
      evidence: [{ grade: 'B2', source: { name: 'UN OHCHR', kind: 'INTERNATIONAL_ORG' } }],
    });
    expect(claim.history.map((e) => e.action)).toEqual(['claim.created', 'evidence.added']);
    expect(JSON.stringify(claim.history[0].changes)).toContain(result?.importId ?? 'missing');
    const [batch] = (await api.dataSource.query(
      `SELECT "action", "actorId" FROM "audit_events" WHERE "entityType" = 'Import' AND "entityId" = '${result?.importId}'`,
    )) as { action: string; actorId: string }[];
    expect(batch.action).toBe('import.completed');
  });

  it('previews a file as it would be imported (first rows, likely duplicates, counts) writing nothing, then imports the same file', async () => {
    const csv = [
      'text,claimant,topics,priority,firstAppearedAt,evidenceUrl,evidenceStance,evidenceCredibility,sourceName,sourceKind,sourceReliability',
      `"${UN}",UN human rights office,detentions;protests,HIGH,2021-01-17,https://un.example/p1,SUPPORTS,2,UN OHCHR,INTERNATIONAL_ORG,B`,
      ...Array.from(
        { length: 24 },
        (_, i) =>
          `Previewed claim ${i} about station ${i * 7}.,Desk ${i},,,,https://desk.example/${i},SUPPORTS,,Desk wire ${i % 2},,`,
      ),
    ].join('\n');
    const before = await counts();
    const { status, body } = await previewUpload(api, editor, projectId, csv, 'preview.csv');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(await counts()).toEqual(before);
    const preview = body.preview;
    expect(preview).toMatchObject({ format: 'csv', rows: 25, claims: 25, evidence: 25 });
    expect(preview?.firstRows).toHaveLength(20);
    expect(preview?.firstRows[0]).toEqual({
      line: 2,
      record: 1,
      text: UN,
      claimant: 'UN human rights office',
      topics: ['detentions', 'protests'],
      priority: 'HIGH',
      dueAt: null,
      firstAppearanceUrl: null,
      firstAppearedAt: '2021-01-17T00:00:00.000Z',
      evidenceCount: 1,
      sources: ['UN OHCHR'],
      // The project holds this claim already (the demo's, and the one imported above).
      duplicates: expect.arrayContaining([expect.objectContaining({ text: UN, score: 1 })]),
      earlierInFile: [],
    });
    // Near-identical records of the file name the earlier ones, as the import would warn.
    expect(preview?.firstRows[2]?.earlierInFile).toContainEqual({
      line: 3,
      record: 2,
      score: expect.any(Number),
    });
    expect(preview?.firstRows[19]).toMatchObject({
      line: 21,
      record: 20,
      text: 'Previewed claim 18 about station 126.',
      claimant: 'Desk 18',
      priority: 'NORMAL',
      sources: ['Desk wire 0'],
      duplicates: [],
    });

    const imported = await upload(api, editor, projectId, csv, 'preview.csv');
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.import).toMatchObject({
      rows: 25,
      claimsCreated: 25,
      evidenceCreated: 25,
    });
    expect(imported.body.import?.claims.slice(0, 20).map((c) => [c.line, c.text])).toEqual(
      preview?.firstRows.map((r) => [r.line, r.text]),
    );
    expect((await counts())['claims']).toBe(before['claims'] + 25);
  });

  it('previews an invalid file with the same problems as the import would report, writing nothing', async () => {
    const files: [string, string][] = [
      [
        'bad.csv',
        [
          'text,priority,dueAt,evidenceStance,evidenceUrl,sourceName',
          'Fine row.,HIGH,2021-02-01,,,',
          'Bad enum.,CRITICAL,2021-02-30,,,',
          'Too,many,fields,here,now,x,y',
          '"Unclosed quote,LOW,,,,',
        ].join('\n'),
      ],
      ['bad.ndjson', `{"text":"ok"}\n{"text": nope}\n{"text":"x","priority":"SOON"}\n`],
      [
        'bad.jsonld',
        JSON.stringify([{ '@type': 'ClaimReview', claimReviewed: 'ok' }, { '@type': 'Claim' }]),
      ],
      ['empty.csv', ''],
    ];
    for (const [name, content] of files) {
      const before = await counts();
      const preview = await previewUpload(api, editor, projectId, content, name);
      expect(preview.status, name).toBe(422);
      expect(await counts()).toEqual(before);
      const imported = await upload(api, editor, projectId, content, name);
      expect(imported.status, name).toBe(422);
      expect(preview.body.error?.problems?.length, name).toBeGreaterThan(0);
      expect(preview.body.error, name).toEqual(imported.body.error);
      expect(preview.body.preview).toBeUndefined();
    }
    const tooBig = await previewUpload(
      api,
      editor,
      projectId,
      `text\n${'a claim\n'.repeat(30_000)}`,
      'big.csv',
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    const viewer = await signedIn(api, 'viewer');
    expect((await previewUpload(api, viewer, projectId, 'text\nx\n', 'a.csv')).status).toBe(403);
    expect((await previewUpload(api, null, projectId, 'text\nx\n', 'a.csv')).status).toBe(401);
  });

  it('imports NDJSON with nested evidence', async () => {
    const lines = [
      JSON.stringify({
        text: 'At least 30 marches took place on January 17.',
        claimant: 'BelaPAN',
        evidence: [
          {
            url: 'https://belapan.example/marches',
            stance: 'SUPPORTS',
            credibility: 3,
            source: { name: 'BelaPAN', kind: 'WIRE_AGENCY', reliability: 'C' },
          },
        ],
      }),
      '',
      JSON.stringify({ text: 'Several people have died.', topics: ['deaths'] }),
    ].join('\n');
    const { status, body } = await upload(api, editor, projectId, `${lines}\n`, 'claims.ndjson');
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.import).toMatchObject({
      format: 'ndjson',
      rows: 2,
      claimsCreated: 2,
      evidenceCreated: 1,
    });
    expect(body.import?.claims.map((c) => c.line)).toEqual([1, 3]);
  });

  it('imports ClaimReview JSON-LD as a DataFeed (format from the extension) and as an ItemList', async () => {
    const review = (text: string) => ({
      '@type': 'ClaimReview',
      url: `https://factcheck.example/${encodeURIComponent(text.slice(0, 10))}`,
      claimReviewed: text,
      author: { '@type': 'Organization', name: 'Example Fact Check' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'False',
      },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A. Official' } },
    });
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [
        {
          '@type': 'DataFeedItem',
          item: [review('Turnout was 84 percent.'), review('Nobody was detained.')],
        },
      ],
    };
    const first = await upload(api, editor, projectId, JSON.stringify(feed), 'reviews.jsonld');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.import).toMatchObject({
      format: 'jsonld',
      claimsCreated: 2,
      evidenceCreated: 2,
    });
    const { claim } = await editor.ok<{
      claim: { claimant: string; evidence: { stance: string; source: { name: string } }[] };
    }>(`query($id: ID!) { claim(id: $id) { ${CLAIM_FIELDS} } }`, {
      id: first.body.import?.claims[0].id,
    });
    expect(claim).toMatchObject({
      claimant: 'A. Official',
      evidence: [{ stance: 'REFUTES', source: { name: 'Example Fact Check' } }],
    });
    const list = {
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', item: review('The count was fair.') }],
    };
    const second = await upload(api, editor, projectId, JSON.stringify(list), 'list.json');
    expect(second.body.import).toMatchObject({ claimsCreated: 1 });
  });

  it('refuses a CSV with unbalanced quotes, wrong columns, bad enums and dates: every problem by line and field, nothing kept', async () => {
    const error = await refused(
      [
        'text,priority,dueAt,evidenceStance,evidenceUrl,sourceName',
        'Fine row.,HIGH,2021-02-01,,,',
        'Bad enum.,CRITICAL,2021-02-30,,,',
        'Too,many,fields,here,now,x,y',
        'Bad stance.,,,AGREES,https://x.example,S',
        '"Unclosed quote,LOW,,,,',
      ].join('\n'),
      'bad.csv',
    );
    expect(error?.code).toBe('BAD_USER_INPUT');
    expect(error?.problems).toEqual([
      {
        line: 3,
        record: null,
        field: 'priority',
        reason: expect.stringMatching(
          /"CRITICAL" is not one of the allowed values: LOW, NORMAL, HIGH, URGENT/,
        ),
      },
      {
        line: 3,
        record: null,
        field: 'dueAt',
        reason: expect.stringMatching(/"2021-02-30" is not a date/),
      },
      {
        line: 4,
        record: null,
        field: null,
        reason: 'wrong number of fields: 7 fields, but the header has 6 columns.',
      },
      {
        line: 5,
        record: null,
        field: 'evidenceStance',
        reason: expect.stringMatching(/allowed values: SUPPORTS, REFUTES, MIXED, CONTEXT/),
      },
      { line: 6, record: null, field: null, reason: expect.stringMatching(/^unbalanced quotes/) },
    ]);
    expect(error?.problemCount).toBe(5);
  });

  it('names unknown and missing CSV columns', async () => {
    const error = await refused('claim,claimant\nx,y\n', 'cols.csv');
    expect(error?.problems).toEqual([
      {
        line: 1,
        record: null,
        field: 'claim',
        reason: expect.stringMatching(/^unknown column "claim"; the columns are: text, claimant/),
      },
      { line: 1, record: null, field: 'text', reason: 'the required column "text" is missing.' },
    ]);
  });

  it('refuses invalid UTF-8 naming the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('text\nfine\nbad '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' byte\n'),
    ]);
    const error = await refused(bytes, 'latin.csv');
    expect(error?.problems).toEqual([
      {
        line: 3,
        record: null,
        field: null,
        reason: expect.stringMatching(/not valid UTF-8 \(first bad byte on line 3\)/),
      },
    ]);
  });

  it('refuses JSON-LD of the wrong @type and broken NDJSON lines', async () => {
    const wrong = await refused(JSON.stringify({ '@type': 'NewsArticle' }), 'x.jsonld');
    expect(wrong?.problems?.[0]).toMatchObject({
      field: '@type',
      reason: expect.stringMatching(/got "NewsArticle"/),
    });
    const inList = await refused(
      JSON.stringify([{ '@type': 'ClaimReview', claimReviewed: 'ok' }, { '@type': 'Claim' }]),
      'x.jsonld',
    );
    expect(inList?.problems).toEqual([
      { line: null, record: 2, field: '@type', reason: 'expected a ClaimReview, got "Claim".' },
    ]);
    const ndjson = await refused(
      `{"text":"ok"}\n{"text": nope}\n{"text":"x","priority":"SOON"}\n`,
      'x.ndjson',
    );
    expect(ndjson?.problems).toEqual([
      { line: 2, record: 2, field: null, reason: expect.stringMatching(/^not valid JSON/) },
      {
        line: 3,
        record: 3,
        field: 'priority',
        reason: expect.stringMatching(/"SOON" is not one of the allowed values/),
      },
    ]);
  });

  it('refuses rows over the size limit, a 0-byte file and a file over the size limit (413)', async () => {
    const long = await refused(`{"text":"${'a'.repeat(6000)}"}\n`, 'long.ndjson');
    expect(long?.problems).toEqual([
      {
        line: 1,
        record: 1,
        field: 'text',
        reason: 'text is 6000 characters; at most 5000 are allowed.',
      },
    ]);
    const hugeLine = await refused(
      `{"text":"${'a'.repeat(120_000)}"}\n{"text":"ok"}\n`,
      'huge.ndjson',
    );
    expect(hugeLine?.problems).toEqual([
      { line: 1, record: 1, field: null, reason: 'the line is longer than 100000 characters.' },
    ]);
    const empty = await refused('', 'empty.csv');
    expect(empty?.problems).toEqual([
      { line: null, record: null, field: 'file', reason: 'the file is empty (0 bytes).' },
    ]);
    const tooBig = await refused(`text\n${'a claim\n'.repeat(30_000)}`, 'big.csv', 413);
    expect(tooBig).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    const bigJson = await refused(
      JSON.stringify({ '@type': 'ClaimReview', claimReviewed: 'x'.repeat(150_000) }),
      'big.jsonld',
      413,
    );
    expect(bigJson?.message).toMatch(/JSON-LD document is larger than the limit of 100000 bytes/);
  });

  it('answers 507 saying the temporary folder is full when it is, imports nothing and leaves no staging file; imports once there is room', async (context) => {
    const folder = join(api.config.dataDir, 'full-tmp');
    const lines = ['text,claimant'];
    for (let i = 1; i <= 600; i++) lines.push(`Claim number ${i} staged on a full disk.,Desk ${i}`);
    const csv = `${lines.join('\n')}\n`;
    const tmp = process.env['TMPDIR'];
    await withFullDisk(
      folder,
      (reason) => context.skip(reason),
      async (disk) => {
        // The server stages a valid file in the temporary folder (os.tmpdir(), TMPDIR).
        process.env['TMPDIR'] = disk.path;
        try {
          const error = await refused(csv, 'full.csv', 507);
          expect(error?.code).toBe('INSUFFICIENT_STORAGE');
          expect(error?.message).toBe(
            "The server's temporary folder is full, so nothing was imported. Tell an administrator: the disk holding the temporary folder (TMPDIR) needs space.",
          );
          expect(readdirSync(disk.path)).toEqual(['filler']);

          disk.makeRoom();
          const result = await upload(api, editor, projectId, csv, 'full.csv');
          expect(result.status, JSON.stringify(result.body)).toBe(201);
          expect(result.body.import?.claimsCreated).toBe(600);
        } finally {
          if (tmp === undefined) delete process.env['TMPDIR'];
          else process.env['TMPDIR'] = tmp;
        }
      },
    );
  });

  it('caps the listed problems and says how many there were', async () => {
    const rows = Array.from({ length: 1200 }, () => ',URGENTLY').join('\n');
    const error = await refused(`text,priority\n${rows}\n`, 'many.csv');
    expect(error?.problemCount).toBe(2400);
    expect(error?.problems).toHaveLength(1000);
  });

  it('checks the first 1000 records for duplicates and says how many went unchecked', async () => {
    const rows = Array.from({ length: 1003 }, (_, i) => `Bulk claim ${i} about town ${i}.`);
    const { status, body } = await upload(
      api,
      editor,
      projectId,
      `text\n${rows.join('\n')}\n`,
      'bulk.csv',
    );
    expect(status, JSON.stringify(body.error)).toBe(201);
    expect(body.import).toMatchObject({ claimsCreated: 1003, duplicateChecksSkipped: 3 });
    expect(body.import?.claims).toHaveLength(1000);
  });

  it('lets only editors and admins import', async () => {
    const viewer = await signedIn(api, 'viewer');
    const reviewer = await signedIn(api, 'reviewer');
    const before = await counts();
    expect((await upload(api, viewer, projectId, 'text\nx\n', 'a.csv')).status).toBe(403);
    expect((await upload(api, reviewer, projectId, 'text\nx\n', 'a.csv')).status).toBe(403);
    expect((await upload(api, null, projectId, 'text\nx\n', 'a.csv')).status).toBe(401);
    const admin = await signedIn(api, 'admin');
    expect((await upload(api, admin, projectId, 'text\nBy the admin.\n', 'a.csv')).status).toBe(
      201,
    );
    expect((await counts())['claims']).toBe(before['claims'] + 1);
  });

  it('refuses an unknown project, an unknown format and a file name without a known extension', async () => {
    const unknown = await upload(
      api,
      editor,
      '00000000-0000-4000-8000-000000000000',
      'text\nx\n',
      'a.csv',
    );
    expect(unknown.status).toBe(404);
    const format = await upload(api, editor, projectId, 'text\nx\n', 'a.csv', 'xlsx');
    expect(format.body.error).toMatchObject({
      field: 'format',
      message: expect.stringMatching(/csv, ndjson, jsonld/),
    });
    const ext = await upload(api, editor, projectId, 'text\nx\n', 'claims.txt');
    expect(ext.body.error).toMatchObject({ field: 'format' });
  });
});
