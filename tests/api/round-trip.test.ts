import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADJUDICATE,
  type ApiClient,
  ASSIGN,
  newProject,
  signedIn,
  startApi,
  SUBMIT,
  type TestApi,
  testDialect,
  upload,
  userIds,
} from './src';

const UN_STATEMENT = {
  url: 'https://www.ohchr.org/en/statement',
  title: 'UN statement',
  excerpt: 'more than 30,000 people',
  publishedAt: '2021-01-15',
  stance: 'SUPPORTS',
  credibility: 2,
  source: { name: 'UN OHCHR', kind: 'INTERNATIONAL_ORG', reliability: 'B' },
};

/** What an editor imports first: claims with their first appearance, topics and evidence. */
const NDJSON = [
  {
    text: 'Authorities have detained more than 30,000 protesters.',
    claimant: 'UN human rights office',
    firstAppearanceUrl: 'https://www.rferl.org/a/belarus/1.html',
    firstAppearedAt: '2021-01-17',
    topics: ['detentions', 'UN'],
    priority: 'HIGH',
    evidence: [
      UN_STATEMENT,
      {
        url: 'https://spring96.org/en/news',
        title: 'Viasna count',
        stance: 'SUPPORTS',
        credibility: 2,
        source: { name: 'Viasna', kind: 'NGO', reliability: 'B' },
      },
    ],
  },
  {
    text: 'BelaPAN counted at least 30 marches across Belarus on Sunday.',
    claimant: 'BelaPAN news agency',
    firstAppearanceUrl: 'https://www.rferl.org/a/belarus/1.html',
    firstAppearedAt: '2021-01-17T12:00:00Z',
    topics: ['marches'],
    evidence: [
      {
        url: 'https://belapan.example/marches',
        title: 'March count',
        stance: 'MIXED',
        credibility: 3,
        source: { name: 'BelaPAN', kind: 'WIRE_AGENCY', reliability: 'B' },
      },
    ],
  },
  {
    text: 'The United States and the European Union refuse to recognise the result.',
    claimant: 'RFE/RL',
    topics: ['recognition'],
    priority: 'LOW',
  },
]
  .map((record) => JSON.stringify(record))
  .join('\n');

const CLAIM_FIELDS = `text claimant firstAppearanceUrl firstAppearedAt topics priority status
  evidence { url title excerpt publishedAt stance credibility source { name kind reliability } }`;

interface Claim {
  text: string;
  claimant: string | null;
  firstAppearanceUrl: string | null;
  firstAppearedAt: string | null;
  topics: string[];
  priority: string;
  status: string;
  evidence: {
    url: string;
    title: string | null;
    excerpt: string | null;
    publishedAt: string | null;
    stance: string;
    credibility: number;
    source: { name: string; kind: string; reliability: string };
  }[];
}

/** A project's claims in a comparable form: by text, without ids, statuses or timestamps of work. */
function comparable(claims: Claim[]) {
  return claims
    .map(({ status: _status, ...claim }) => ({
      ...claim,
      topics: [...claim.topics].sort(),
      evidence: [...claim.evidence].sort((a, b) => a.url.localeCompare(b.url)),
    }))
    .sort((a, b) => a.text.localeCompare(b.text));
}

describe(`import → export → import on ${testDialect()}`, () => {
  let api: TestApi;
  let editor: ApiClient;
  let original: Claim[];

  const claimsOf = async (projectId: string) =>
    (
      await editor.ok<{ claims: { edges: { node: Claim }[] } }>(
        `query($projectId: ID!) { claims(first: 100, filter: { projectId: $projectId }) { edges { node { ${CLAIM_FIELDS} } } } }`,
        { projectId },
      )
    ).claims.edges.map((e) => e.node);

  const exportOf = async (format: string, projectId: string) => {
    const res = await fetch(`${api.url}/api/exports/claims.${format}?projectId=${projectId}`, {
      headers: { cookie: editor.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    const reviewer = await signedIn(api, 'reviewer');
    const ids = await userIds({ reviewer, reviewer2: await signedIn(api, 'reviewer2'), editor });
    const source = await newProject(editor, 'Round trip: first desk', 1);
    const imported = await upload(api, editor, source, NDJSON, 'claims.ndjson');
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const claimIds = imported.body.import!.claims.map((c) => c.id);
    expect(claimIds).toHaveLength(3);
    // Verify every imported claim, so the export holds them all.
    for (const claimId of claimIds) {
      await editor.ok(ASSIGN, { input: { claimIds: [claimId], reviewerIds: [ids.reviewer] } });
      await reviewer.ok(SUBMIT, {
        input: {
          claimId,
          verdict: 'TRUE',
          likelihood: 'VERY_LIKELY',
          confidence: 'HIGH',
          rationale: 'Checked.',
          evidenceIds: [],
        },
      });
      const { claim } = await editor.ok<{ claim: { version: number } }>(
        'query($id: ID!) { claim(id: $id) { version } }',
        { id: claimId },
      );
      await editor.ok(ADJUDICATE, {
        input: {
          claimId,
          expectedVersion: claim.version,
          verdict: 'TRUE',
          likelihood: 'VERY_LIKELY',
          confidence: 'HIGH',
          publicSummary: 'Verified.',
          citedAssessmentIds: [],
          citedEvidenceIds: [],
        },
      });
    }
    original = await claimsOf(source);
    expect(original.every((c) => c.status === 'VERIFIED')).toBe(true);
  });
  afterAll(() => api?.close());

  it('NDJSON: the exported records import back as the same claims with the same evidence and sources', async () => {
    const ndjson = await exportOf('ndjson', (await projectIdOf('Round trip: first desk'))!);
    const target = await newProject(editor, 'Round trip: NDJSON desk');
    const result = await upload(api, editor, target, ndjson, 'verified.ndjson');
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.import).toMatchObject({ rows: 3, claimsCreated: 3, evidenceCreated: 3 });
    // Sources are matched by name, not created again.
    expect(result.body.import!.sourcesCreated).toBe(0);
    const copy = await claimsOf(target);
    // The copies start over as NEW claims, to be verified where they now are.
    expect(copy.every((c) => c.status === 'NEW')).toBe(true);
    expect(comparable(copy)).toEqual(comparable(original));
  });

  it('ClaimReview JSON-LD: the feed imports back as the same claims, claimants and first appearances', async () => {
    const jsonld = await exportOf('jsonld', (await projectIdOf('Round trip: first desk'))!);
    const target = await newProject(editor, 'Round trip: JSON-LD desk');
    const result = await upload(api, editor, target, jsonld, 'feed.jsonld');
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    expect(result.body.import?.claimsCreated).toBe(3);
    const pick = (claims: Claim[]) =>
      claims
        .map((c) => ({
          text: c.text,
          claimant: c.claimant,
          firstAppearanceUrl: c.firstAppearanceUrl,
          // ClaimReview carries dates as days (as Google's fact-check examples do): the day survives.
          firstAppearedDay: c.firstAppearedAt?.slice(0, 10) ?? null,
        }))
        .sort((a, b) => a.text.localeCompare(b.text));
    expect(pick(await claimsOf(target))).toEqual(pick(original));
  });

  async function projectIdOf(name: string): Promise<string | undefined> {
    const { projects } = await editor.ok<{ projects: { id: string; name: string }[] }>(
      '{ projects { id name } }',
    );
    return projects.find((p) => p.name === name)?.id;
  }
});
