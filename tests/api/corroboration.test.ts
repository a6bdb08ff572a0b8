import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimEntity } from '@corroborate/api-claims';
import { type ApiClient, signedIn, startApi, type TestApi } from './src';

const ADD = 'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id version } }';
const CORROBORATION = `query($id: ID!) { claim(id: $id) {
  evidenceCount
  corroboration {
    supporting { stance chainCount rootSourceCount bestGrade explanation
      chains { root { id source { name } } members { id } bestGrade circular externalOriginId } }
    refuting { stance chainCount rootSourceCount bestGrade chains { root { id } } }
    mixed { chainCount bestGrade }
    context { chainCount explanation }
    warnings { code message evidenceIds stance }
    collapsed { evidenceId rootId path }
    excludedEvidenceIds
    notes
    quantitySpreads { unit min max evidenceIds explanation }
    quantityConflicts { unit a { id grade source { name } } b { id grade } explanation }
  }
} }`;

interface Chain {
  root: { id: string; source?: { name: string } };
  members: { id: string }[];
  bestGrade: string;
  circular: boolean;
  externalOriginId: string | null;
}
interface Side {
  stance: string;
  chainCount: number;
  rootSourceCount: number;
  bestGrade: string | null;
  explanation: string;
  chains: Chain[];
}
interface Corroboration {
  supporting: Side;
  refuting: Side;
  mixed: Side;
  context: Side;
  warnings: { code: string; message: string; evidenceIds: string[]; stance: string | null }[];
  collapsed: { evidenceId: string; rootId: string; path: string[] }[];
  excludedEvidenceIds: string[];
  notes: string[];
  quantitySpreads: {
    unit: string;
    min: number;
    max: number | null;
    evidenceIds: string[];
    explanation: string;
  }[];
  quantityConflicts: {
    unit: string;
    a: { id: string; grade: string; source: { name: string } };
    b: { id: string; grade: string };
    explanation: string;
  }[];
}

describe('corroboration over HTTP', () => {
  let api: TestApi;
  let editor: ApiClient;
  let viewer: ApiClient;
  let projectId: string;
  const sources: Record<string, string> = {};

  const createClaim = async (text: string): Promise<string> =>
    (
      await editor.ok<{ createClaim: { id: string } }>(
        'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
        { input: { projectId, text } },
      )
    ).createClaim.id;
  const add = async (claimId: string, input: Record<string, unknown>): Promise<string> =>
    (
      await editor.ok<{ addEvidence: { id: string } }>(ADD, {
        input: {
          claimId,
          url: 'https://example.org/e',
          stance: 'SUPPORTS',
          credibility: 2,
          ...input,
        },
      })
    ).addEvidence.id;
  const corroboration = async (claimId: string) =>
    (
      await viewer.ok<{ claim: { evidenceCount: number; corroboration: Corroboration } }>(
        CORROBORATION,
        { id: claimId },
      )
    ).claim;
  const hasContradiction = async (claimId: string) =>
    (await api.dataSource.getRepository(ClaimEntity).findOneByOrFail({ id: claimId }))
      .hasContradiction;

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    viewer = await signedIn(api, 'viewer');
    projectId = (
      await editor.ok<{ createProject: { id: string } }>(
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        { input: { name: 'Corroboration suite' } },
      )
    ).createProject.id;
    for (const [name, reliability] of [
      ['Corroboration wire', 'A'],
      ['Corroboration daily', 'C'],
      ['Corroboration ministry', 'B'],
      ['Corroboration NGO', 'B'],
    ] as const) {
      sources[name] = (
        await editor.ok<{ createSource: { id: string } }>(
          'mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }',
          { input: { name, kind: 'MEDIA', reliability } },
        )
      ).createSource.id;
    }
  });
  afterAll(() => api.close());

  it('has nothing to say about a claim without evidence', async () => {
    const claim = await createClaim('A claim nobody has looked into yet.');
    const { corroboration: c, evidenceCount } = await corroboration(claim);
    expect(evidenceCount).toBe(0);
    expect(c.supporting).toMatchObject({
      chainCount: 0,
      rootSourceCount: 0,
      bestGrade: null,
      chains: [],
    });
    expect(c.warnings).toEqual([]);
    expect(c.quantitySpreads).toEqual([]);
  });

  it('collapses a re-report into its root: two items from two sources, one derived → one supporting chain', async () => {
    const claim = await createClaim('The wire story says 30,000 were detained.');
    const root = await add(claim, { sourceId: sources['Corroboration wire'], credibility: 2 });
    const copy = await add(claim, {
      sourceId: sources['Corroboration daily'],
      credibility: 3,
      derivedFromId: root,
    });
    const { corroboration: c } = await corroboration(claim);
    expect(c.supporting.chainCount).toBe(1);
    expect(c.supporting.rootSourceCount).toBe(1);
    expect(c.supporting.bestGrade).toBe('A2');
    expect(c.supporting.chains).toEqual([
      {
        root: { id: root, source: { name: 'Corroboration wire' } },
        members: [{ id: root }, { id: copy }],
        bestGrade: 'A2',
        circular: false,
        externalOriginId: null,
      },
    ]);
    expect(c.supporting.explanation).toMatch(/1 independent supporting chain/);
    expect(c.collapsed).toEqual([{ evidenceId: copy, rootId: root, path: [copy, root] }]);
    expect(c.warnings.map((w) => w.code)).toEqual(['SINGLE_SOURCE']);
    expect(c.warnings[0].evidenceIds).toEqual(expect.arrayContaining([root, copy]));

    // An independent item from another source makes a second chain, and the warning goes.
    const independent = await add(claim, {
      sourceId: sources['Corroboration NGO'],
      credibility: 3,
    });
    const after = (await corroboration(claim)).corroboration;
    expect(after.supporting.chainCount).toBe(2);
    expect(after.supporting.rootSourceCount).toBe(2);
    expect(after.supporting.chains.map((ch) => ch.root.id)).toEqual([root, independent]);
    expect(after.warnings.map((w) => w.code)).not.toContain('SINGLE_SOURCE');
  });

  it('shows the spread of reported quantities and flags sources whose ranges do not overlap', async () => {
    const claim = await createClaim('Authorities have detained more than 30,000 protesters.');
    const un = await add(claim, {
      sourceId: sources['Corroboration wire'],
      quantity: { min: 30000, unit: 'people detained', asOf: '2021-01-15T00:00:00.000Z' },
    });
    const ministry = await add(claim, {
      sourceId: sources['Corroboration ministry'],
      stance: 'REFUTES',
      credibility: 4,
      quantity: { min: 1200, max: 1500, unit: 'People  detained' },
    });
    const ngo = await add(claim, {
      sourceId: sources['Corroboration NGO'],
      credibility: 3,
      quantity: { min: 32000, max: 33000, unit: 'people detained' },
    });
    const { corroboration: c } = await corroboration(claim);
    expect(c.quantitySpreads).toEqual([
      {
        unit: 'people detained',
        min: 1200,
        max: null,
        evidenceIds: [un, ministry, ngo],
        explanation: expect.stringContaining('at least 30,000'),
      },
    ]);
    expect(c.quantityConflicts).toHaveLength(2);
    const pairs = c.quantityConflicts.map((q) => [q.a.id, q.b.id]);
    expect(pairs).toEqual([
      [un, ministry],
      [ministry, ngo],
    ]);
    expect(c.quantityConflicts[0]).toMatchObject({
      unit: 'people detained',
      a: { grade: 'A2', source: { name: 'Corroboration wire' } },
      b: { grade: 'B4' },
      explanation: expect.stringMatching(/do not overlap/),
    });
    expect(c.warnings.filter((w) => w.code === 'QUANTITY_CONFLICT')).toHaveLength(2);
  });

  it('raises CONTRADICTION for strong evidence on both sides, stores hasContradiction, and clears it on retraction', async () => {
    const claim = await createClaim('The vote count was falsified.');
    await add(claim, { sourceId: sources['Corroboration NGO'], credibility: 2 });
    expect(await hasContradiction(claim)).toBe(false);
    const weak = await add(claim, {
      sourceId: sources['Corroboration daily'],
      stance: 'REFUTES',
      credibility: 2,
    });
    expect(await hasContradiction(claim)).toBe(false);
    const before = await api.dataSource.getRepository(ClaimEntity).findOneByOrFail({ id: claim });
    const strong = await add(claim, {
      sourceId: sources['Corroboration ministry'],
      stance: 'REFUTES',
      credibility: 1,
    });
    const { corroboration: c } = await corroboration(claim);
    const contradiction = c.warnings.find((w) => w.code === 'CONTRADICTION');
    expect(contradiction?.message).toMatch(/B2.*B1/);
    expect(contradiction?.evidenceIds).toContain(strong);
    expect(contradiction?.evidenceIds).not.toContain(weak);
    expect(c.refuting).toMatchObject({ chainCount: 2, bestGrade: 'B1' });
    const flagged = await api.dataSource.getRepository(ClaimEntity).findOneByOrFail({ id: claim });
    expect(flagged.hasContradiction).toBe(true);
    // Derived data: the claim's own version is untouched, so editors' versions do not go stale.
    expect(flagged.version).toBe(before.version);

    const queue = await viewer.ok<{ claims: { edges: { node: { id: string } }[] } }>(
      'query($filter: ClaimFilter) { claims(filter: $filter) { edges { node { id } } } }',
      { filter: { projectId, hasContradiction: true } },
    );
    expect(queue.claims.edges.map((e) => e.node.id)).toEqual([claim]);

    await editor.ok(
      'mutation($input: RetractEvidenceInput!) { retractEvidence(input: $input) { id } }',
      {
        input: {
          evidenceId: strong,
          expectedVersion: 1,
          reason: 'Ministry withdrew the statement',
        },
      },
    );
    expect(await hasContradiction(claim)).toBe(false);
    const after = (await corroboration(claim)).corroboration;
    expect(after.excludedEvidenceIds).toEqual([strong]);
    expect(after.warnings.map((w) => w.code)).not.toContain('CONTRADICTION');

    // Editing an item into a strong one raises it again.
    const doubtful = await add(claim, {
      sourceId: sources['Corroboration ministry'],
      stance: 'REFUTES',
      credibility: 4,
    });
    expect(await hasContradiction(claim)).toBe(false);
    await editor.ok(
      'mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }',
      { input: { evidenceId: doubtful, expectedVersion: 1, credibility: 2 } },
    );
    expect(await hasContradiction(claim)).toBe(true);
  });

  it('recomputes hasContradiction of every claim citing a source when it is regraded, both ways', async () => {
    const claim = await createClaim('Hundreds of protesters were beaten in custody.');
    const second = await createClaim('Detainees were beaten at the Okrestina centre.');
    const onlySupported = await createClaim('Detainees were held without water for a day.');
    const regraded = (
      await editor.ok<{ createSource: { id: string; version: number } }>(
        'mutation($input: CreateSourceInput!) { createSource(input: $input) { id version } }',
        { input: { name: 'Corroboration regraded', kind: 'OFFICIAL', reliability: 'D' } },
      )
    ).createSource;
    for (const c of [claim, second]) {
      await add(c, { sourceId: sources['Corroboration NGO'], credibility: 1 });
      await add(c, { sourceId: regraded.id, stance: 'REFUTES', credibility: 1 });
    }
    await add(onlySupported, { sourceId: regraded.id, credibility: 1 });
    expect(await hasContradiction(claim)).toBe(false);
    const regrade = (reliability: string, expectedVersion: number) =>
      editor.ok<{ regradeSource: { version: number } }>(
        'mutation($input: RegradeSourceInput!) { regradeSource(input: $input) { version } }',
        {
          input: {
            sourceId: regraded.id,
            expectedVersion,
            reliability,
            reason: 'Track record re-examined',
          },
        },
      );
    const up = await regrade('B', regraded.version);
    expect(await hasContradiction(claim)).toBe(true);
    expect(await hasContradiction(second)).toBe(true);
    expect(await hasContradiction(onlySupported)).toBe(false);
    const { corroboration: c } = await corroboration(claim);
    expect(c.warnings.map((w) => w.code)).toContain('CONTRADICTION');
    // Downgraded again: the refutation is no longer strong, the flags clear.
    await regrade('D', up.regradeSource.version);
    expect(await hasContradiction(claim)).toBe(false);
    expect(await hasContradiction(second)).toBe(false);
    expect(await hasContradiction(onlySupported)).toBe(false);
  });

  it('summarises mixed and context evidence without warnings about them', async () => {
    const claim = await createClaim('The US and EU refuse to recognise the result.');
    await add(claim, {
      sourceId: sources['Corroboration wire'],
      stance: 'CONTEXT',
      credibility: 1,
    });
    await add(claim, { sourceId: sources['Corroboration NGO'], stance: 'MIXED', credibility: 3 });
    const { corroboration: c } = await corroboration(claim);
    expect(c.context.chainCount).toBe(1);
    expect(c.mixed).toMatchObject({ chainCount: 1, bestGrade: 'B3' });
    expect(c.supporting.chainCount).toBe(0);
    expect(c.warnings).toEqual([]);
  });
});
