import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addEvidence,
  type ApiClient,
  ASSIGN,
  demoSourceId,
  newClaim,
  newProject,
  signedIn,
  startApi,
  SUBMIT,
  type TestApi,
  userIds,
} from './src';

/**
 * The `claims` query looks ahead at its selection and loads what the rows' fields need before
 * graphql-js reaches them (only the columns a queue row shows, when the selection needs no
 * more). `claim(id)` resolves the same fields one by one without that look-ahead, so each queue
 * row must equal `claim(id)` asked for the same selection: for every role, including a reviewer
 * who has not submitted (blind review) and one who has.
 */
const SHAPES: Record<string, string> = {
  // What the web app's queue row and the benchmark ask for: the queue-row columns path.
  'queue row': `
    id text claimant status priority topics dueAt evidenceCount createdAt updatedAt
    project { id name }
    evidence { id stance credibility grade source { id name reliability } }
    assignments { id status reviewer { id displayName } }`,
  // Fields beyond a queue row: whole evidence items and sources.
  'whole items': `
    id evidenceCount
    evidence { id url title excerpt note stance credibility grade retracted version
      quantity { min max unit } anchor { exact } derivedFrom { id } addedBy { id }
      source { id name kind homepage reliability reliabilityNote } }
    corroboration { supporting { chainCount bestGrade } refuting { chainCount } warnings { code } }`,
  // Aliases and fragments asking for different parts of the same fields.
  'aliases and fragments': `
    id
    ...Row
    all: evidence(includeRetracted: true) { id retracted grade source { name } }
    wide: evidence { id excerpt source { homepage } }
    assignments { id reviewer { email role } }`,
  // The review fields under the blind rule, beside looked-ahead ones.
  'review fields': `
    id evidenceCount
    assignments { id status reviewer { id } }
    assessments { id verdict rationale reviewer { id } }
    myAssessment { id status verdict }
    disagreement { flagged }`,
};
const FRAGMENT = `fragment Row on Claim { evidence { id grade stance source { id kind } } project { name } }`;

const fragmentOf = (shape: string) => (shape.includes('...Row') ? FRAGMENT : '');
const pageQuery = (shape: string) =>
  `query($p: ID!) { claims(filter: { projectId: $p }, first: 50) { totalCount edges { node { ${shape} } } } } ${fragmentOf(shape)}`;
const claimQuery = (shape: string) =>
  `query($id: ID!) { claim(id: $id) { ${shape} } } ${fragmentOf(shape)}`;

describe('queue look-ahead', () => {
  let api: TestApi;
  let clients: Record<string, ApiClient>;
  let projectId: string;
  const RATIONALE = 'LOOKAHEAD-RATIONALE-5c1e';

  beforeAll(async () => {
    api = await startApi();
    const editor = await signedIn(api, 'editor');
    const reviewer = await signedIn(api, 'reviewer');
    const reviewer2 = await signedIn(api, 'reviewer2');
    clients = {
      admin: await signedIn(api, 'admin'),
      editor,
      reviewer,
      reviewer2,
      viewer: await signedIn(api, 'viewer'),
    };
    const ids = await userIds({ reviewer, reviewer2, editor });
    const sourceId = await demoSourceId(editor);
    projectId = await newProject(editor, 'Look-ahead desk');
    const claimIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const claim = await newClaim(editor, projectId, `Look-ahead claim ${i} about the march`);
      claimIds.push(claim.id);
      for (let j = 0; j < i; j++)
        await addEvidence(editor, claim.id, sourceId, `https://example.org/look-ahead/${i}/${j}`);
    }
    // A retracted item on the last claim.
    const last = await editor.ok<{ claim: { evidence: { id: string; version: number }[] } }>(
      'query($id: ID!) { claim(id: $id) { evidence { id version } } }',
      { id: claimIds[3] },
    );
    await editor.ok(
      'mutation($input: RetractEvidenceInput!) { retractEvidence(input: $input) { id } }',
      {
        input: {
          evidenceId: last.claim.evidence[0].id,
          expectedVersion: last.claim.evidence[0].version,
          reason: 'Wrong video',
        },
      },
    );
    // Two reviewers on two claims; only the first submits, so the second stays blind.
    await editor.ok(ASSIGN, {
      input: { claimIds: claimIds.slice(2), reviewerIds: [ids.reviewer, ids.reviewer2] },
    });
    const evidence = await editor.ok<{ claim: { evidence: { id: string }[] } }>(
      'query($id: ID!) { claim(id: $id) { evidence { id } } }',
      { id: claimIds[2] },
    );
    await reviewer.ok(SUBMIT, {
      input: {
        claimId: claimIds[2],
        verdict: 'FALSE',
        likelihood: 'VERY_UNLIKELY',
        confidence: 'LOW',
        rationale: RATIONALE,
        evidenceIds: [evidence.claim.evidence[0].id],
      },
    });
  });
  afterAll(() => api.close());

  for (const [shapeName, shape] of Object.entries(SHAPES))
    it(`answers each queue row as claim(id) does, for every role: ${shapeName}`, async () => {
      for (const [role, client] of Object.entries(clients)) {
        const page = await client.request<{
          claims: { totalCount: number; edges: { node: { id: string } }[] };
        }>(pageQuery(shape), { p: projectId });
        expect(page.errors, `${role}: ${JSON.stringify(page.errors)}`).toBeUndefined();
        const nodes = page.data!.claims.edges.map((e) => e.node);
        expect(nodes).toHaveLength(4);
        for (const node of nodes) {
          const one = await client.request<{ claim: unknown }>(claimQuery(shape), {
            id: node.id,
          });
          expect(one.errors, `${role}: ${JSON.stringify(one.errors)}`).toBeUndefined();
          expect(node, `${role}, ${shapeName}`).toEqual(one.data!.claim);
        }
      }
    });

  it('keeps the blind reviewer blind and shows retracted items only when asked', async () => {
    const blind = JSON.stringify(
      await clients['reviewer2'].ok(pageQuery(SHAPES['review fields']), { p: projectId }),
    );
    expect(blind).not.toContain(RATIONALE);
    const editorView = JSON.stringify(
      await clients['editor'].ok(pageQuery(SHAPES['review fields']), { p: projectId }),
    );
    expect(editorView).toContain(RATIONALE);
    const rows = await clients['viewer'].ok<{
      claims: {
        edges: {
          node: { evidenceCount: number; evidence: unknown[]; all: { retracted: boolean }[] };
        }[];
      };
    }>(
      pageQuery(
        `evidenceCount evidence { id } all: evidence(includeRetracted: true) { retracted }`,
      ),
      {
        p: projectId,
      },
    );
    const counts = rows.claims.edges.map((e) => [
      e.node.evidenceCount,
      e.node.evidence.length,
      e.node.all.length,
      e.node.all.filter((x) => x.retracted).length,
    ]);
    expect(counts.sort()).toEqual([
      [0, 0, 0, 0],
      [1, 1, 1, 0],
      [2, 2, 2, 0],
      [2, 2, 3, 1],
    ]);
  });

  it('reads only the queue-row columns for a queue row, and whole items when more is asked', async () => {
    const statements = async (shape: string) => {
      const spy = vi.spyOn(api.dataSource.logger, 'logQuery');
      try {
        await clients['editor'].ok(pageQuery(shape), { p: projectId });
        return spy.mock.calls.map((call) => String(call[0]));
      } finally {
        spy.mockRestore();
      }
    };
    const evidenceRead = (sql: string[]) => sql.filter((s) => /FROM "evidence"/.test(s));
    const row = evidenceRead(await statements(SHAPES['queue row']));
    expect(row).toHaveLength(1);
    expect(row[0]).not.toContain('"excerpt"');
    const whole = evidenceRead(await statements(SHAPES['whole items']));
    expect(whole).toHaveLength(1);
    expect(whole[0]).toContain('"excerpt"');
    // Both shapes in one request still read the evidence once.
    expect(
      evidenceRead(await statements(`${SHAPES['queue row']} e2: evidence { excerpt }`)),
    ).toHaveLength(1);
  });
});
