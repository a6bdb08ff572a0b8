import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { ProjectEntity } from '@corroborate/api-projects';
import {
  type ApiClient,
  ASSIGN,
  errorCode,
  newClaim,
  newProject,
  signedIn,
  startApi,
  type TestApi,
} from './src';

const CREATE =
  'mutation($input: CreateProjectInput!) { createProject(input: $input) { id name description requiredReviews } }';
const UPDATE =
  'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id name description requiredReviews } }';

describe('projects', () => {
  let api: TestApi;
  let editor: ApiClient;
  const projectCount = () => api.dataSource.getRepository(ProjectEntity).count();

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
  });
  afterAll(() => api.close());

  it('lists the demo project to every role', async () => {
    for (const who of ['admin', 'editor', 'reviewer', 'viewer'] as const) {
      const client = await signedIn(api, who);
      const data = await client.ok<{ projects: { name: string; requiredReviews: number }[] }>(
        '{ projects { name requiredReviews } }',
      );
      expect(data.projects).toContainEqual({
        name: 'Belarus protests, Jan 2021',
        requiredReviews: 2,
      });
    }
  });

  it("counts each project's claims, in all, open and per status, for every role", async () => {
    const COUNTS = '{ projects { name claimCounts { total open statuses { value count } } } }';
    type Counts = { total: number; open: number; statuses: { value: string; count: number }[] };
    const counts = async (client: ApiClient, name: string) =>
      (
        await client.ok<{ projects: { name: string; claimCounts: Counts }[] }>(COUNTS)
      ).projects.find((p) => p.name === name)?.claimCounts;
    const statuses = (entries: Record<string, number>) =>
      ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION', 'VERIFIED', 'REJECTED'].map((value) => ({
        value,
        count: entries[value] ?? 0,
      }));
    // The demo: one new claim, two in review, three waiting for adjudication.
    expect(await counts(editor, 'Belarus protests, Jan 2021')).toEqual({
      total: 6,
      open: 6,
      statuses: statuses({ NEW: 1, IN_REVIEW: 2, NEEDS_ADJUDICATION: 3 }),
    });
    const projectId = await newProject(editor, 'Counted desk');
    expect(await counts(editor, 'Counted desk')).toEqual({
      total: 0,
      open: 0,
      statuses: statuses({}),
    });
    const first = await newClaim(editor, projectId, 'At least 30 marches took place on Sunday');
    await newClaim(editor, projectId, 'More than 30,000 protesters were detained');
    const reviewerClient = await signedIn(api, 'reviewer');
    const reviewer = (await reviewerClient.ok<{ me: { id: string } }>('{ me { id } }')).me.id;
    await editor.ok(ASSIGN, { input: { claimIds: [first.id], reviewerIds: [reviewer] } });
    for (const who of ['viewer', 'reviewer', 'admin'] as const)
      expect(await counts(await signedIn(api, who), 'Counted desk')).toEqual({
        total: 2,
        open: 2,
        statuses: statuses({ NEW: 1, IN_REVIEW: 1 }),
      });
  });

  it("corroborates the demo's claims as seeded: BelaPAN's re-reports collapse into one chain, and the detention figures conflict", async () => {
    const { projects } = await editor.ok<{ projects: { id: string; name: string }[] }>(
      '{ projects { id name } }',
    );
    const demo = projects.find((p) => p.name === 'Belarus protests, Jan 2021');
    expect(demo).toBeDefined();
    type Item = { id: string; title: string; source: { name: string } };
    type Side = {
      chainCount: number;
      rootSourceCount: number;
      bestGrade: string | null;
      chains: { root: Item; members: Item[]; bestGrade: string }[];
      explanation: string;
    };
    type Corroboration = {
      supporting: Side;
      warnings: { code: string; message: string; evidenceIds: string[] }[];
      collapsed: { evidenceId: string; rootId: string; path: string[] }[];
      quantitySpreads: {
        unit: string;
        min: number;
        max: number | null;
        evidenceIds: string[];
        explanation: string;
      }[];
      quantityConflicts: { unit: string; a: Item; b: Item; explanation: string }[];
    };
    const ITEM = 'id title source { name }';
    const data = await editor.ok<{
      claims: {
        edges: {
          node: {
            text: string;
            status: string;
            disagreement: { flagged: boolean };
            corroboration: Corroboration;
          };
        }[];
      };
    }>(
      `query($filter: ClaimFilter) { claims(filter: $filter, first: 6) { edges { node {
        text status disagreement { flagged }
        corroboration {
          supporting { chainCount rootSourceCount bestGrade explanation
            chains { root { ${ITEM} } members { ${ITEM} } bestGrade } }
          warnings { code message evidenceIds }
          collapsed { evidenceId rootId path }
          quantitySpreads { unit min max evidenceIds explanation }
          quantityConflicts { unit a { ${ITEM} } b { ${ITEM} } explanation }
        }
      } } } }`,
      { filter: { projectId: demo?.id } },
    );
    const claim = (start: string) => {
      const found = data.claims.edges.find((e) => e.node.text.startsWith(start));
      expect(found, start).toBeDefined();
      return (found as NonNullable<typeof found>).node.corroboration;
    };
    // Two demo reviewers assessed the claims; only the torture reports split them (seen by the editor).
    expect(
      data.claims.edges
        .filter((e) => e.node.disagreement.flagged)
        .map((e) => [e.node.text.slice(0, 40), e.node.status]),
    ).toEqual([['There have been credible reports of tort', 'NEEDS_ADJUDICATION']]);
    const named = (item: Item) => `${item.title} (${item.source.name})`;

    // At least 30 marches: RFE/RL and Nasha Niva re-report BelaPAN, so one chain, not three.
    const marches = claim('Protesters staged at least 30 marches');
    expect(marches.supporting).toMatchObject({
      chainCount: 1,
      rootSourceCount: 1,
      bestGrade: 'B2',
    });
    const [chain] = marches.supporting.chains;
    expect(named(chain.root)).toBe('Marches held across Belarus on Sunday (BelaPAN)');
    expect(chain.members.map(named)).toEqual([
      'Marches held across Belarus on Sunday (BelaPAN)',
      'Belarus Protesters March In Residential Areas (Radio Free Europe/Radio Liberty)',
      'Sunday marches in the districts (Nasha Niva)',
    ]);
    expect(marches.collapsed).toEqual(
      chain.members.slice(1).map((m) => ({
        evidenceId: m.id,
        rootId: chain.root.id,
        path: [m.id, chain.root.id],
      })),
    );
    expect(marches.supporting.explanation).toBe(
      '1 independent supporting chain from 1 source: rooted at "Marches held across Belarus on Sunday" (BelaPAN), ' +
        'with "Belarus Protesters March In Residential Areas" (Radio Free Europe/Radio Liberty), ' +
        '"Sunday marches in the districts" (Nasha Niva) collapsed into it. ' +
        'Best grade B2 from "Marches held across Belarus on Sunday" (BelaPAN).',
    );
    expect(marches.warnings.map((w) => w.code)).toEqual(['SINGLE_SOURCE']);
    expect(marches.quantityConflicts).toEqual([]);

    // 30,000 detained: the UN and Viasna agree; the ministry's lower figure overlaps neither.
    const detained = claim('Authorities have detained more than 30,000');
    expect(detained.supporting).toMatchObject({ chainCount: 2, rootSourceCount: 2 });
    expect(detained.quantitySpreads).toHaveLength(1);
    const [spread] = detained.quantitySpreads;
    expect(spread).toMatchObject({ unit: 'people detained', min: 19000, max: null });
    expect(spread.evidenceIds).toHaveLength(3);
    expect(spread.explanation).toMatch(
      /at least 30,000.*33,000–33,500.*19,000–21,000\. Spread 19,000 to ∞/,
    );
    const pairs = detained.quantityConflicts.map((c) => [c.a.source.name, c.b.source.name]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['UN Human Rights Office (OHCHR)', 'Ministry of Internal Affairs of Belarus'],
        ['Viasna Human Rights Centre', 'Ministry of Internal Affairs of Belarus'],
      ]),
    );
    expect(pairs).toHaveLength(2);
    for (const conflict of detained.quantityConflicts) {
      expect(conflict.unit).toBe('people detained');
      expect(conflict.explanation).toMatch(
        /reports .* people detained but .* reports 19,000–21,000; the ranges do not overlap\./,
      );
    }
    expect(
      detained.warnings.filter((w) => w.code === 'QUANTITY_CONFLICT').map((w) => w.message),
    ).toEqual(detained.quantityConflicts.map((c) => c.explanation));
  });

  it('lets an editor create a project needing 2 reviews by default, and audits it', async () => {
    const data = await editor.ok<{
      createProject: { id: string; name: string; requiredReviews: number };
    }>(CREATE, {
      input: { name: '  Minsk   detentions ', description: 'Detention counts' },
    });
    expect(data.createProject).toMatchObject({ name: 'Minsk detentions', requiredReviews: 2 });
    const fetched = await editor.ok<{ project: { name: string } }>(
      'query($id: ID!) { project(id: $id) { name } }',
      {
        id: data.createProject.id,
      },
    );
    expect(fetched.project.name).toBe('Minsk detentions');
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: data.createProject.id, action: 'project.created' });
    expect(audit.after).toMatchObject({ name: 'Minsk detentions', requiredReviews: 2 });
  });

  it('renames a project and records before and after', async () => {
    const { createProject } = await editor.ok<{ createProject: { id: string } }>(CREATE, {
      input: { name: 'Hrodna marches', requiredReviews: 3 },
    });
    const data = await editor.ok<{ updateProject: { name: string; requiredReviews: number } }>(
      UPDATE,
      {
        input: { projectId: createProject.id, name: 'Hrodna and Brest marches' },
      },
    );
    expect(data.updateProject).toEqual(
      expect.objectContaining({ name: 'Hrodna and Brest marches', requiredReviews: 3 }),
    );
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: createProject.id, action: 'project.renamed' });
    expect(audit.before).toMatchObject({ name: 'Hrodna marches' });
    expect(audit.after).toMatchObject({ name: 'Hrodna and Brest marches' });
  });

  it('refuses a duplicate name in any case as a CONFLICT on the name field, changing nothing', async () => {
    const before = await projectCount();
    const result = await editor.request(CREATE, { input: { name: 'BELARUS PROTESTS, JAN 2021' } });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('name');
    expect(await projectCount()).toBe(before);
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(201) }, 'name'],
    [{ name: 'ok', requiredReviews: 0 }, 'requiredReviews'],
    [{ name: 'ok', requiredReviews: 11 }, 'requiredReviews'],
    [{ name: 'ok', description: 'd'.repeat(2001) }, 'description'],
  ])('refuses invalid input %#, naming the field, and creates nothing', async (input, field) => {
    const before = await projectCount();
    const result = await editor.request(CREATE, { input });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(await projectCount()).toBe(before);
  });

  it('refuses project writes to reviewers and viewers', async () => {
    for (const who of ['reviewer', 'viewer'] as const) {
      const client = await signedIn(api, who);
      const before = await projectCount();
      expect(errorCode(await client.request(CREATE, { input: { name: `Desk of ${who}` } }))).toBe(
        'FORBIDDEN',
      );
      expect(await projectCount()).toBe(before);
    }
  });

  it('answers NOT_FOUND for an unknown project and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await editor.request(
      '{ project(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const rename = await editor.request(UPDATE, {
      input: { projectId: '00000000-0000-4000-8000-000000000000', name: 'x' },
    });
    expect(errorCode(rename)).toBe('NOT_FOUND');
    const malformed = await editor.request('{ project(id: "1") { id } }');
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
  });
});
