import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { ClaimEntity } from '@corroborate/api-claims';
import { EXPORT_BATCH_SIZE, ExportsService } from '@corroborate/api-exports';
import { ProjectEntity } from '@corroborate/api-projects';
import { AdjudicationEntity } from '@corroborate/api-reviews';
import { CSV_COLUMNS } from '@corroborate/domain';
import {
  ADJUDICATE,
  ApiClient,
  CREATE_PROJECT,
  errorCode,
  signedIn,
  startApi,
  type TestApi,
  uncaughtWithSlowOpens,
  withFullDisk,
} from './src';
import { checkClaimReviewProfile, expandedValue } from './src/claim-review-profile';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

const ORG = `{ organisation { name url logoUrl license version updatedAt } }`;
const UPDATE_ORG = `mutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { name url logoUrl license version }
}`;
const QUEUE = `query($filter: ClaimFilter, $first: Int) { claims(filter: $filter, first: $first) {
  edges { node { id text status version priority claimant evidence { id } } }
} }`;
const CLAIM_DETAIL = `query($id: ID!) { claim(id: $id) {
  id status text
  evidence(includeRetracted: true) { id latestCapture { sha256 } }
  assessments(includeSuperseded: true) { id }
  adjudication { id verdict publicSummary }
} }`;

interface QueueNode {
  id: string;
  text: string;
  status: string;
  version: number;
  priority: string;
  claimant: string | null;
  evidence: { id: string }[];
}

interface Manifest {
  type: string;
  exportId: string | null;
  format: string;
  generatedAt: string;
  generatedBy: string | null;
  organisation: { name: string; url: string | null };
  filters: Record<string, unknown>;
  counts: {
    claims: number;
    evidence: number;
    assessments: number;
    captures: number;
    sources: number;
    byVerdict: Record<string, number>;
  };
  files: { name: string; mediaType: string; bytes: number; sha256: string }[];
}

interface NdjsonRecord {
  type: string;
  id: string;
  text: string;
  adjudication: { verdict: string; publicSummary: string; adjudicatedAt: string };
  assessments: { id: string; verdict: string | null; evidenceIds: string[] }[];
  evidence: {
    id: string;
    grade: string;
    source: { name: string; reliability: string };
    captures: { sha256: string }[];
  }[];
}

const VERDICTS: Record<string, { verdict: string; rating: number | null }> = {
  detained: { verdict: 'TRUE', rating: 5 },
  rigged: { verdict: 'MOSTLY_TRUE', rating: 4 },
  torture: { verdict: 'UNVERIFIABLE', rating: null },
};

function keyOf(text: string): keyof typeof VERDICTS {
  if (/torture/i.test(text)) return 'torture';
  if (/30,000/.test(text)) return 'detained';
  if (/rigged/i.test(text)) return 'rigged';
  throw new Error(`Not a demo claim waiting for adjudication: ${text}`);
}

let api: TestApi;
let admin: ApiClient;
let editor: ApiClient;
let viewer: ApiClient;
let reviewer: ApiClient;
let demoProjectId: string;
let verified: QueueNode[];
const captureSha = sha('UN rights office: more than 30,000 people have been detained.');

async function get(path: string, who: ApiClient | null, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}${path}`, {
    headers: { ...(who?.cookie ? { cookie: who.cookie } : {}), ...headers },
  });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body, text: body.toString('utf8') };
}

/** `POST /api/exports` as the web page sends it: the progress events, parsed, of a 200 answer. */
async function exportWithProgress(body: Record<string, unknown>) {
  const res = await fetch(`${api.url}/api/exports`, {
    method: 'POST',
    headers: {
      cookie: editor.cookie!,
      'content-type': 'application/json',
      'x-requested-with': 'XMLHttpRequest',
    },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function exportOf(format: string, query = '', who: ApiClient = editor) {
  const r = await get(`/api/exports/claims.${format}${query ? `?${query}` : ''}`, who);
  expect(r.res.status, r.text).toBe(200);
  const id = r.res.headers.get('x-export-id')!;
  const manifest = (await get(`/api/exports/${id}/manifest.json`, who)).text;
  return { ...r, id, manifest: JSON.parse(manifest) as Manifest };
}

function ndjsonLines(text: string): NdjsonRecord[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as NdjsonRecord);
}

beforeAll(async () => {
  api = await startApi();
  [admin, editor, viewer, reviewer] = await Promise.all([
    signedIn(api, 'admin'),
    signedIn(api, 'editor'),
    signedIn(api, 'viewer'),
    signedIn(api, 'reviewer'),
  ]);
  const waiting = (
    await editor.ok<{ claims: { edges: { node: QueueNode }[] } }>(QUEUE, {
      filter: { statuses: ['NEEDS_ADJUDICATION'] },
      first: 50,
    })
  ).claims.edges.map((e) => e.node);
  expect(waiting.length).toBeGreaterThanOrEqual(3);
  const detained = waiting.find((c) => keyOf(c.text) === 'detained')!;
  // A capture on one evidence item, so the NDJSON carries its SHA-256.
  const form = new FormData();
  form.append(
    'file',
    new Blob(['UN rights office: more than 30,000 people have been detained.'], {
      type: 'text/plain',
    }),
    'un.txt',
  );
  const up = await fetch(`${api.url}/api/evidence/${detained.evidence[0].id}/captures`, {
    method: 'POST',
    headers: { cookie: editor.cookie!, 'x-requested-with': 'XMLHttpRequest' },
    body: form,
  });
  expect(up.status).toBe(201);
  verified = [];
  for (const claim of waiting.slice(0, 3)) {
    const { verdict } = VERDICTS[keyOf(claim.text)];
    await editor.ok(ADJUDICATE, {
      input: {
        claimId: claim.id,
        expectedVersion: claim.version,
        verdict,
        likelihood: verdict === 'UNVERIFIABLE' ? 'ROUGHLY_EVEN' : 'VERY_LIKELY',
        confidence: 'MODERATE',
        publicSummary: `Summary for ${keyOf(claim.text)}.`,
        citedAssessmentIds: [],
        citedEvidenceIds: [],
      },
    });
    verified.push(claim);
  }
  const projects = await api.dataSource.getRepository(ProjectEntity).find();
  demoProjectId = projects.find((p) => p.name === 'Belarus protests, Jan 2021')!.id;
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('organisation settings', () => {
  it('are readable by every signed-in role and default to the product name', async () => {
    const data = await reviewer.ok<{ organisation: { name: string; version: number } }>(ORG);
    expect(data.organisation).toMatchObject({ name: 'Corroborate', version: 0, url: null });
    expect(errorCode(await new ApiClient(api.url).request(ORG))).toBe('UNAUTHENTICATED');
  });

  it('only an admin changes them, validated, versioned and audited', async () => {
    const input = {
      expectedVersion: 0,
      name: '  Minsk   Fact Desk ',
      url: 'https://factdesk.example.org/',
      logoUrl: 'https://factdesk.example.org/logo.png',
      license: 'https://creativecommons.org/licenses/by/4.0/',
    };
    expect(errorCode(await editor.request(UPDATE_ORG, { input }))).toBe('FORBIDDEN');
    const bad = await admin.request(UPDATE_ORG, {
      input: { ...input, url: 'javascript:alert(1)' },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.['field']).toBe('url');
    const long = await admin.request(UPDATE_ORG, { input: { ...input, name: 'x'.repeat(201) } });
    expect(long.errors?.[0]?.extensions?.['field']).toBe('name');
    const logo = await admin.request(UPDATE_ORG, { input: { ...input, logoUrl: 'ftp://x.org/a' } });
    expect(logo.errors?.[0]?.extensions?.['field']).toBe('logoUrl');
    expect((await viewer.ok<{ organisation: { version: number } }>(ORG)).organisation.version).toBe(
      0,
    );

    const saved = await admin.ok<{ updateOrganisation: Record<string, unknown> }>(UPDATE_ORG, {
      input,
    });
    expect(saved.updateOrganisation).toEqual({
      name: 'Minsk Fact Desk',
      url: 'https://factdesk.example.org/',
      logoUrl: 'https://factdesk.example.org/logo.png',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      version: 1,
    });
    // A stale version is a conflict and changes nothing.
    const stale = await admin.request(UPDATE_ORG, { input: { ...input, name: 'Other' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((await viewer.ok<{ organisation: { name: string } }>(ORG)).organisation.name).toBe(
      'Minsk Fact Desk',
    );
    const events = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ entityType: 'Organisation', action: 'organisation.updated' });
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ name: 'Minsk Fact Desk' });
  });
});

describe('exports', () => {
  it('NDJSON holds every verified claim with evidence, grades, capture hashes, assessments and adjudication, as in the database', async () => {
    const { body, text, manifest, id, res } = await exportOf('ndjson');
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="corroborate-claims-\d{8}-\d{6}\.ndjson"/,
    );
    const records = ndjsonLines(text);
    expect(records.map((r) => r.id).sort()).toEqual(verified.map((c) => c.id).sort());
    for (const record of records) {
      const { claim } = await editor.ok<{
        claim: {
          text: string;
          evidence: { id: string; latestCapture: { sha256: string } | null }[];
          assessments: { id: string }[];
          adjudication: { verdict: string; publicSummary: string };
        };
      }>(CLAIM_DETAIL, { id: record.id });
      expect(record.type).toBe('corroborate.verified-claim');
      expect(record.text).toBe(claim.text);
      expect(record.adjudication.verdict).toBe(claim.adjudication.verdict);
      expect(record.adjudication.publicSummary).toBe(claim.adjudication.publicSummary);
      expect(record.evidence.map((e) => e.id).sort()).toEqual(
        claim.evidence.map((e) => e.id).sort(),
      );
      expect(record.assessments.map((a) => a.id).sort()).toEqual(
        claim.assessments.map((a) => a.id).sort(),
      );
      for (const e of record.evidence) {
        expect(e.grade).toMatch(/^[A-F][1-6]$/);
        expect(e.grade[0]).toBe(e.source.reliability);
        const latest = claim.evidence.find((x) => x.id === e.id)!.latestCapture;
        expect(e.captures.at(-1)?.sha256 ?? null).toBe(latest?.sha256 ?? null);
      }
    }
    expect(
      records.flatMap((r) => r.evidence.flatMap((e) => e.captures.map((c) => c.sha256))),
    ).toContain(captureSha);

    // The manifest: filters, counts, time and the SHA-256 of exactly the bytes received.
    expect(manifest).toMatchObject({
      type: 'corroborate.export-manifest',
      exportId: id,
      format: 'ndjson',
      generatedBy: 'editor@example.org',
      filters: { status: 'VERIFIED' },
      counts: {
        claims: 3,
        evidence: records.reduce((n, r) => n + r.evidence.length, 0),
        assessments: records.reduce((n, r) => n + r.assessments.length, 0),
        captures: 1,
        byVerdict: { TRUE: 1, MOSTLY_TRUE: 1, UNVERIFIABLE: 1, FALSE: 0 },
      },
    });
    expect(Date.now() - Date.parse(manifest.generatedAt)).toBeLessThan(60_000);
    expect(manifest.files).toEqual([
      {
        name: expect.stringMatching(/\.ndjson$/) as string,
        mediaType: 'application/x-ndjson',
        bytes: body.length,
        sha256: sha(body),
      },
    ]);
    // The kept copy is byte for byte the streamed one.
    const kept = await get(`/api/exports/${id}/file`, viewer);
    expect(kept.res.status).toBe(200);
    expect(sha(kept.body)).toBe(sha(body));
    expect(kept.res.headers.get('repr-digest')).toBe(
      `sha-256=:${Buffer.from(sha(body), 'hex').toString('base64')}:`,
    );
  });

  it('ClaimReview JSON-LD fits Google’s fact-check profile, and a higher ratingValue means truer', async () => {
    const { text, manifest, res } = await exportOf('jsonld', '', viewer);
    expect(res.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const doc = JSON.parse(text) as { '@type': string; dataFeedElement: unknown[] };
    expect(doc['@type']).toBe('DataFeed');
    const { problems, reviews, claimReviews } = await checkClaimReviewProfile(doc);
    expect(problems).toEqual([]);
    expect(reviews).toHaveLength(3);
    expect(manifest.counts.claims).toBe(3);
    expect(manifest.generatedBy).toBe('viewer@example.org');
    for (const [i, review] of reviews.entries()) {
      const claimText = expandedValue(review, 'claimReviewed') as string;
      const claim = verified.find((c) => c.text === claimText)!;
      expect(claim).toBeDefined();
      const expected = VERDICTS[keyOf(claim.text)];
      // The same review as the profile read it, in schema-dts's types.
      expect(claimReviews[i]).toMatchObject({
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        author: { '@type': 'Organization', name: 'Minsk Fact Desk' },
        reviewRating:
          expected.rating === null
            ? { '@type': 'Rating', alternateName: 'Unverifiable' }
            : { '@type': 'Rating', ratingValue: expected.rating, bestRating: 5, worstRating: 1 },
        itemReviewed: { '@type': 'Claim' },
      });
      if (expected.rating === null)
        expect(claimReviews[i].reviewRating).not.toHaveProperty('ratingValue');
      expect(expandedValue(review, 'reviewRating', 'ratingValue') ?? null).toBe(expected.rating);
      expect(expandedValue(review, 'reviewRating', 'alternateName')).toBe(
        { TRUE: 'True', MOSTLY_TRUE: 'Mostly true', UNVERIFIABLE: 'Unverifiable' }[
          expected.verdict
        ],
      );
      expect(expandedValue(review, 'author', 'name')).toBe('Minsk Fact Desk');
      expect(expandedValue(review, 'author', 'url')).toBe('https://factdesk.example.org/');
      expect(expandedValue(review, 'url')).toBe(
        `${api.config.publicUrl ?? `http://localhost:${api.config.port}`}/claims/${claim.id}`,
      );
      expect(expandedValue(review, 'datePublished')).toBe(new Date().toISOString().slice(0, 10));
      if (claim.claimant)
        expect(expandedValue(review, 'itemReviewed', 'author', 'name')).toBe(claim.claimant);
    }
  });

  it('the profile check itself rejects a review that breaks the profile', async () => {
    const bad = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'not a url',
      claimReviewed: 'x',
      datePublished: '20 January 2021',
      author: { '@type': 'Person', name: 'Someone' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 7,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'True',
      },
      itemReviewed: { '@type': 'Claim', apperance: 'typo' },
    };
    const { problems } = await checkClaimReviewProfile(bad);
    expect(problems.join('\n')).toMatch(/url: must be an absolute/);
    expect(problems.join('\n')).toMatch(/datePublished: must be a schema:Date/);
    expect(problems.join('\n')).toMatch(/expected a Organization/);
    expect(problems.join('\n')).toMatch(/ratingValue 7 must lie/);
    expect(problems.join('\n')).toMatch(/unexpected property http:\/\/schema.org\/apperance/);
  });

  it('CSV parses back to one row per verified claim with the database values', async () => {
    const { text, manifest } = await exportOf('csv');
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r['claim_id']).sort()).toEqual(verified.map((c) => c.id).sort());
    for (const row of rows) {
      const claim = verified.find((c) => c.id === row['claim_id'])!;
      expect(row['claim']).toBe(claim.text);
      expect(row['claimant']).toBe(claim.claimant ?? '');
      expect(row['verdict']).toBe(VERDICTS[keyOf(claim.text)].verdict);
      expect(row['rating_value']).toBe(String(VERDICTS[keyOf(claim.text)].rating ?? ''));
      expect(row['project']).toBe('Belarus protests, Jan 2021');
      expect(Number(row['evidence_count'])).toBe(claim.evidence.length);
    }
    expect(manifest.files[0].mediaType).toBe('text/csv; charset=utf-8');
    expect(manifest.files[0].sha256).toBe(sha(text));
  });

  it('filters like the queue (priority, text, project, dates) and records them in the manifest', async () => {
    const priority = verified[0].priority;
    const expected = verified
      .filter((c) => c.priority === priority)
      .map((c) => c.id)
      .sort();
    const byPriority = await exportOf(
      'ndjson',
      `priorities=${priority.toLowerCase()}&projectId=${demoProjectId}`,
    );
    expect(
      ndjsonLines(byPriority.text)
        .map((r) => r.id)
        .sort(),
    ).toEqual(expected);
    expect(byPriority.manifest.filters).toEqual({
      status: 'VERIFIED',
      projectId: demoProjectId,
      priorities: [priority],
    });
    const detained = verified.find((c) => keyOf(c.text) === 'detained')!;
    const word = 'detained';
    const byText = await exportOf('ndjson', `text=${encodeURIComponent(word)}`);
    expect(ndjsonLines(byText.text).map((r) => r.id)).toContain(detained.id);
    expect(ndjsonLines(byText.text).every((r) => r.text.toLowerCase().includes(word))).toBe(true);
    const future = await exportOf('ndjson', 'verifiedFrom=2999-01-01');
    expect(future.text).toBe('');
    expect(future.manifest.counts.claims).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const verifiedToday = await exportOf('csv', `verifiedFrom=${today}&verifiedTo=${today}`);
    expect(verifiedToday.manifest.counts.claims).toBe(3);
  });

  it('an empty set gives a valid empty file and manifest in every format', async () => {
    const project = await editor.ok<{ createProject: { id: string } }>(CREATE_PROJECT, {
      input: { name: 'Nothing verified yet' },
    });
    const q = `projectId=${project.createProject.id}`;
    const nd = await exportOf('ndjson', q);
    expect(nd.body.length).toBe(0);
    expect(nd.manifest.counts).toMatchObject({ claims: 0, evidence: 0 });
    expect(nd.manifest.files[0]).toMatchObject({ bytes: 0, sha256: sha('') });
    const csv = await exportOf('csv', q);
    expect(parseCsv(csv.text, { columns: true })).toEqual([]);
    expect(csv.text.trim()).toBe(CSV_COLUMNS.join(','));
    const ld = await exportOf('jsonld', q);
    const doc = JSON.parse(ld.text) as { dataFeedElement: unknown[] };
    expect(doc.dataFeedElement).toEqual([]);
    expect((await checkClaimReviewProfile(doc)).problems).toEqual([]);
  });

  it('streams past one batch with no row cap (a batch and 250 more verified claims)', async () => {
    const total = EXPORT_BATCH_SIZE + 250;
    const projects = api.dataSource.getRepository(ProjectEntity);
    const project = await projects.save(
      projects.create({ name: 'Bulk', nameKey: 'bulk', requiredReviews: 1, description: null }),
    );
    const claims = api.dataSource.getRepository(ClaimEntity);
    const ids: string[] = [];
    for (let i = 0; i < total; i += 50) {
      const batch = await claims.save(
        Array.from({ length: 50 }, (_, j) =>
          claims.create({
            projectId: project.id,
            text: `Bulk claim number ${i + j}`,
            claimant: null,
            firstAppearanceUrl: null,
            firstAppearedAt: null,
            topics: [],
            priority: 'NORMAL',
            priorityRank: 1,
            dueAt: null,
            status: 'VERIFIED',
          }),
        ),
      );
      await api.dataSource.getRepository(AdjudicationEntity).save(
        batch.map((c) => ({
          claimId: c.id,
          verdict: 'FALSE' as const,
          likelihood: 'VERY_UNLIKELY' as const,
          confidence: 'LOW' as const,
          publicSummary: 'Bulk.',
          citedAssessmentIds: [],
          citedEvidenceIds: [],
          adjudicatedById: null,
        })),
      );
      ids.push(...batch.map((c) => c.id));
    }
    const nd = await exportOf('ndjson', `projectId=${project.id}`);
    const lines = ndjsonLines(nd.text);
    expect(lines).toHaveLength(total);
    expect(new Set(lines.map((r) => r.id))).toEqual(new Set(ids));
    expect(nd.manifest.counts.byVerdict['FALSE']).toBe(total);
  });

  it('runs with progress for the web page (POST), then serves the file and manifest', async () => {
    const events = await exportWithProgress({
      format: 'csv',
      filter: { projectId: demoProjectId },
    });
    expect(events[0]).toMatchObject({ event: 'started', format: 'csv' });
    expect(events.some((e) => e['event'] === 'progress' && e['total'] === 3)).toBe(true);
    const done = events.at(-1) as {
      event: string;
      manifest: Manifest;
      downloadUrl: string;
      manifestUrl: string;
    };
    expect(done.event).toBe('completed');
    expect(done.manifest.counts.claims).toBe(3);
    const file = await get(done.downloadUrl, editor);
    expect(file.res.headers.get('content-disposition')).toContain(done.manifest.files[0].name);
    expect(sha(file.body)).toBe(done.manifest.files[0].sha256);
    expect(JSON.parse((await get(done.manifestUrl, editor)).text)).toEqual(done.manifest);
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ entityType: 'Export', entityId: done.manifest.exportId! });
    expect(audit.map((a) => a.action)).toEqual(['export.created']);
  });

  it('says the export store is full when its disk is, keeps nothing, keeps serving, and exports once there is room', async (context) => {
    const root = join(api.config.dataDir, 'exports');
    // Every verified claim (more than one batch, so the file is written while it is read), or
    // the demo project's few (written in one go, still buffered when the file is ended).
    const run = (filter: Record<string, unknown> = {}) =>
      exportWithProgress({ format: 'ndjson', filter });
    const exportRows = async () =>
      Number(
        (
          (await api.dataSource.query('SELECT COUNT(*) AS n FROM "exports"')) as {
            n: string | number;
          }[]
        )[0].n,
      );
    await withFullDisk(
      root,
      (reason) => context.skip(reason),
      async (disk) => {
        const before = await exportRows();
        for (const filter of [{}, { projectId: demoProjectId }])
          expect((await run(filter)).at(-1)).toEqual({
            event: 'failed',
            error: {
              code: 'INSUFFICIENT_STORAGE',
              message:
                'The export store is full, so the export was not kept. Tell an administrator: the disk holding the data folder needs space.',
            },
          });
        // Nothing presented as complete: no record, no file beside the filler; the server answers.
        expect(await exportRows()).toBe(before);
        expect(readdirSync(disk.path)).toEqual(['filler']);
        expect((await fetch(`${api.url}/health`)).status).toBe(200);

        disk.makeRoom();
        const again = await run();
        expect(again.at(-1)).toMatchObject({ event: 'completed' });
        expect(await exportRows()).toBe(before + 1);
      },
      '4m',
    );
  });

  it('refuses anonymous callers, reviewers, bad formats and bad filters with specific errors', async () => {
    const error = async (path: string, who: ApiClient | null) => {
      const r = await get(path, who);
      return {
        status: r.res.status,
        ...(JSON.parse(r.text) as { error: { code: string; field?: string; message: string } }),
      };
    };
    expect(await error('/api/exports/claims.csv', null)).toMatchObject({
      status: 401,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await error('/api/exports/claims.csv', reviewer)).toMatchObject({
      status: 403,
      error: { code: 'FORBIDDEN' },
    });
    expect(await error('/api/exports/claims.xml', editor)).toMatchObject({
      status: 400,
      error: { code: 'BAD_USER_INPUT', field: 'format' },
    });
    const cases: [string, string][] = [
      ['projectId=nope', 'projectId'],
      ['priorities=SOON', 'priorities'],
      ['createdFrom=yesterday', 'createdFrom'],
      ['verifiedTo=2021-13-45', 'verifiedTo'],
      ['createdFrom=2021-02-01&createdTo=2021-01-01', 'createdFrom'],
      ['status=NEW', 'status'],
      [`text=${'x'.repeat(501)}`, 'text'],
      [`topics=${'t'.repeat(81)}`, 'topics'],
    ];
    for (const [query, field] of cases) {
      const r = await error(`/api/exports/claims.ndjson?${query}`, editor);
      expect(r, query).toMatchObject({ status: 400, error: { code: 'BAD_USER_INPUT', field } });
    }
    expect(
      await error('/api/exports/00000000-0000-4000-8000-000000000000/file', editor),
    ).toMatchObject({
      status: 404,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await error('/api/exports/claims.csv?projectId=00000000-0000-4000-8000-000000000000', editor),
    ).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    expect(await error('/api/exports/nope/manifest.json', editor)).toMatchObject({
      status: 400,
      error: { field: 'id' },
    });
    // A cookie-authenticated POST must prove it is not cross-site.
    const csrf = await fetch(`${api.url}/api/exports`, {
      method: 'POST',
      headers: { cookie: editor.cookie!, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'csv' }),
    });
    expect(csrf.status).toBe(403);
    const badBody = await fetch(`${api.url}/api/exports`, {
      method: 'POST',
      headers: {
        cookie: editor.cookie!,
        'content-type': 'application/json',
        'x-requested-with': 'XMLHttpRequest',
      },
      body: JSON.stringify({ format: 'pdf' }),
    });
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as { error: { field: string } }).error.field).toBe('format');
    // Nothing was recorded by the refused requests.
    const rows = await api.dataSource.query('SELECT COUNT(*) AS n FROM "exports"');
    const before = Number((rows as { n: number }[])[0].n);
    await error('/api/exports/claims.csv?projectId=nope', editor);
    const after = Number(
      ((await api.dataSource.query('SELECT COUNT(*) AS n FROM "exports"')) as { n: number }[])[0].n,
    );
    expect(after).toBe(before);
  });
  it('removes export files after EXPORT_RETENTION_HOURS and abandoned folders; records and audit stay', async () => {
    const old = await exportOf('csv');
    const fresh = await exportOf('ndjson');
    const hours = api.config.exportRetentionHours;
    expect(hours).toBe(7 * 24);
    // The first export is older than the retention.
    const longAgo = new Date(Date.now() - (hours + 1) * 3600 * 1000).toISOString();
    await api.dataSource.query(
      api.dataSource.options.type === 'postgres'
        ? 'UPDATE "exports" SET "createdAt" = $1 WHERE "id" = $2'
        : 'UPDATE "exports" SET "createdAt" = ? WHERE "id" = ?',
      [
        api.dataSource.options.type === 'postgres'
          ? longAgo
          : longAgo.replace('T', ' ').replace('Z', ''),
        old.id,
      ],
    );
    // A folder no export owns (an export that never completed): old, and one still being written.
    const root = join(api.config.dataDir, 'exports');
    const abandoned = join(root, randomUUID());
    const writing = join(root, randomUUID());
    for (const dir of [abandoned, writing]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'export.partial'), 'half');
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(join(abandoned, 'export.partial'), twoHoursAgo, twoHoursAgo);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    // A long export: its folder is old, but its partial file is still being written.
    utimesSync(writing, twoHoursAgo, twoHoursAgo);

    // Expired at once for downloads, with a message that says what to do.
    const gone = await get(`/api/exports/${old.id}/file`, editor);
    expect(gone.res.status).toBe(404);
    expect(gone.text).toMatch(/removed after 168 hours.*run the export again/);

    expect(await api.app.get(ExportsService).removeExpired()).toEqual({ expired: 1, abandoned: 1 });
    expect(existsSync(join(root, old.id))).toBe(false);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(writing)).toBe(true);
    expect(existsSync(join(root, fresh.id, 'export'))).toBe(true);
    expect((await get(`/api/exports/${fresh.id}/file`, editor)).res.status).toBe(200);
    // What was exported, when and by whom, is still on record.
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ entityType: 'Export', entityId: old.id });
    expect(audit.map((a) => a.action)).toEqual(['export.created']);
    rmSync(writing, { recursive: true, force: true });
  });

  it('leaves no folder and no stray file error behind an export refused while its file was still opening', async () => {
    // An export of an unknown project fails just after creating its file stream. The open is
    // made slow here (as on a loaded machine): removing the export's folder before it finished
    // made it fail with ENOENT on a stream no one listened to any more, an uncaught exception
    // that stops a server.
    const root = join(api.config.dataDir, 'exports');
    const folders = () => (existsSync(root) ? readdirSync(root).sort() : []);
    const before = folders();
    const uncaught = await uncaughtWithSlowOpens(root, async () => {
      const r = await get(
        '/api/exports/claims.csv?projectId=00000000-0000-4000-8000-000000000000',
        editor,
      );
      expect(r.res.status, r.text).toBe(404);
    });
    expect(uncaught).toEqual([]);
    expect(folders()).toEqual(before);
  });

  it('answers an export whose files are gone from the data folder (not expired) with NOT_FOUND saying so', async () => {
    const kept = await exportOf('ndjson');
    // As on a server that does not share the data folder of the one that wrote it.
    rmSync(join(api.config.dataDir, 'exports', kept.id), { recursive: true });
    for (const path of [`/api/exports/${kept.id}/file`, `/api/exports/${kept.id}/manifest.json`]) {
      const gone = await get(path, editor);
      expect(gone.res.status, path).toBe(404);
      const { error } = JSON.parse(gone.text) as { error: { code: string; message: string } };
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(
        new RegExp(
          `export ${kept.id} is recorded but its file is missing from this server's data folder`,
          'i',
        ),
      );
      expect(error.message).toMatch(/several servers must share one DATA_DIR/);
      expect(error.message).not.toContain(api.config.dataDir);
    }
  });
});
