import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addEvidence,
  type ApiClient,
  ASSIGN,
  COMMENT,
  demoSourceId,
  DRAFT,
  errorCode,
  newClaim,
  newProject,
  recordEvents,
  signedIn,
  socketClient,
  startApi,
  SUBMIT,
  type TestApi,
  userIds,
} from './src';

/** Every field through which an assessment of the claim could reach the caller. */
const REVIEW_FIELDS = `
  id status
  assessments { id verdict likelihood confidence rationale reviewer { email } evidence { id } supersedes { id rationale } }
  superseded: assessments(includeSuperseded: true) { id verdict rationale }
  disagreement { flagged reasons { code message assessmentIds } }
  history { id action entityType entityId reason actor { email } changes { field before after } }
  adjudication { id citedAssessments { id rationale } }
`;

interface Path {
  name: string;
  query: string;
  variables: (ids: Ctx) => Record<string, unknown>;
  /** The part of the answer about the test's claim, where the answer spans other claims too. */
  about?: (data: unknown, ids: Ctx) => unknown;
}

interface NotificationsAnswer {
  notifications: { nodes: { kind: string; claimId: string; claim: Record<string, unknown> }[] };
}

const PATHS: Path[] = [
  {
    name: 'claim(id)',
    query: `query($id: ID!) { claim(id: $id) { ${REVIEW_FIELDS} myAssessment { id verdict rationale } } }`,
    variables: (c) => ({ id: c.claimId }),
  },
  {
    name: 'evidenceItem → claim',
    query: `query($id: ID!) { evidenceItem(id: $id) { claim { ${REVIEW_FIELDS} } } }`,
    variables: (c) => ({ id: c.evidenceId }),
  },
  {
    name: 'claim → evidence → claim',
    query: `query($id: ID!) { claim(id: $id) { evidence { claim { ${REVIEW_FIELDS} } } } }`,
    variables: (c) => ({ id: c.claimId }),
  },
  {
    name: 'source → evidence → claim',
    query: `query($id: ID!) { source(id: $id) { evidence { claim { ${REVIEW_FIELDS} } } } }`,
    variables: (c) => ({ id: c.sourceId }),
  },
  {
    name: 'claim → assignments → claim',
    query: `query($id: ID!) { claim(id: $id) { assignments { status claim { ${REVIEW_FIELDS} } } } }`,
    variables: (c) => ({ id: c.claimId }),
  },
  {
    name: 'the queue',
    query: `query($p: ID!) { claims(filter: { projectId: $p }) { edges { node { ${REVIEW_FIELDS} } } } }`,
    variables: (c) => ({ p: c.projectId }),
  },
  {
    name: 'the disagreement preset',
    query: `query($p: ID!) { yes: claims(filter: { projectId: $p, disagreement: true }) { totalCount edges { node { id } } } no: claims(filter: { projectId: $p, disagreement: false }) { totalCount edges { node { id } } } }`,
    variables: (c) => ({ p: c.projectId }),
  },
  {
    // The reviewer is @mentioned on the claim, so a notification leads to it.
    name: 'notifications → claim',
    query: `{ notifications(first: 10) { nodes { kind claimId claim { ${REVIEW_FIELDS} myAssessment { id verdict rationale } } } } }`,
    variables: () => ({}),
    // Demo claims the reviewer assessed long ago are in their inbox too, and rightly not blind.
    about: (data, c) =>
      (data as NotificationsAnswer).notifications.nodes.filter((n) => n.claimId === c.claimId),
  },
];

interface Ctx {
  projectId: string;
  claimId: string;
  evidenceId: string;
  sourceId: string;
}

describe('blind review, enforced by the server', () => {
  let api: TestApi;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let viewer: ApiClient;
  let ctx: Ctx;
  const SECRET = 'SECRET-RATIONALE-7f3a: the footage is authentic';
  const CORRECTED = 'CORRECTED-RATIONALE-91bd: geolocated to Minsk';
  let firstId: string;
  let correctedId: string;

  /** Runs every path as `client` and returns the raw JSON responses. */
  const everyPath = async (client: ApiClient) => {
    const out: Record<string, string> = {};
    for (const path of PATHS) {
      const result = await client.request(path.query, path.variables(ctx));
      expect(result.errors, `${path.name}: ${JSON.stringify(result.errors)}`).toBeUndefined();
      out[path.name] = JSON.stringify(path.about ? path.about(result.data, ctx) : result.data);
    }
    for (const id of [firstId, correctedId]) {
      const direct = await client.request(
        'query($id: ID!) { assessment(id: $id) { id verdict rationale claim { id } } }',
        { id },
      );
      out[`assessment(${id})`] = JSON.stringify(direct);
    }
    return out;
  };

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    reviewer = await signedIn(api, 'reviewer');
    reviewer2 = await signedIn(api, 'reviewer2');
    viewer = await signedIn(api, 'viewer');
    const ids = await userIds({ reviewer, reviewer2, editor });
    const sourceId = await demoSourceId(editor);
    const projectId = await newProject(editor, 'Blind desk');
    const claim = await newClaim(
      editor,
      projectId,
      'Security forces used stun grenades at the march',
    );
    const evidenceId = await addEvidence(editor, claim.id, sourceId);
    ctx = { projectId, claimId: claim.id, evidenceId, sourceId };
    await editor.ok(ASSIGN, {
      input: { claimIds: [claim.id], reviewerIds: [ids.reviewer, ids.reviewer2] },
    });
    await editor.ok(COMMENT, {
      input: { claimId: claim.id, body: '@reviewer2 what do you make of the footage?' },
    });
    const first = await reviewer.ok<{ submitAssessment: { id: string } }>(SUBMIT, {
      input: {
        claimId: claim.id,
        verdict: 'FALSE',
        likelihood: 'VERY_UNLIKELY',
        confidence: 'LOW',
        rationale: SECRET,
        evidenceIds: [evidenceId],
      },
    });
    firstId = first.submitAssessment.id;
    const corrected = await reviewer.ok<{ submitAssessment: { id: string } }>(SUBMIT, {
      input: {
        claimId: claim.id,
        verdict: 'TRUE',
        likelihood: 'ALMOST_CERTAIN',
        confidence: 'HIGH',
        rationale: CORRECTED,
        evidenceIds: [evidenceId],
        correctionReason: 'Found the original video',
      },
    });
    correctedId = corrected.submitAssessment.id;
  });
  afterAll(() => api.close());

  /** Paths whose response carries anything of the other reviewer's assessment (a direct
   * assessment(id) query may echo the id it was asked for in its NOT_FOUND message). */
  const leaks = (responses: Record<string, string>) =>
    Object.entries(responses).filter(([path, json]) =>
      [
        SECRET,
        CORRECTED,
        'ALMOST_CERTAIN',
        'VERY_UNLIKELY',
        ...(path.startsWith('assessment(') ? [] : [firstId, correctedId]),
      ].some((s) => json.includes(s)),
    );

  it("shows a reviewer who has not submitted none of the other reviewer's assessment, by any path", async () => {
    const responses = await everyPath(reviewer2);
    expect(leaks(responses).map(([path]) => path)).toEqual([]);
    // And the shape of what they do get: nothing, null, NOT_FOUND.
    const { claim } = await reviewer2.ok<{
      claim: {
        assessments: unknown[];
        superseded: unknown[];
        disagreement: unknown;
        myAssessment: unknown;
        history: { action: string; entityType: string }[];
      };
    }>(PATHS[0].query, PATHS[0].variables(ctx));
    expect(claim.assessments).toEqual([]);
    expect(claim.superseded).toEqual([]);
    expect(claim.disagreement).toBeNull();
    expect(claim.myAssessment).toBeNull();
    expect(claim.history.some((h) => h.entityType === 'Assessment')).toBe(false);
    expect(claim.history.map((h) => h.action)).toContain('assignment.created');
    expect(JSON.parse(responses[`assessment(${firstId})`]).errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    const presets = JSON.parse(responses['the disagreement preset']) as {
      yes: { totalCount: number };
      no: { totalCount: number };
    };
    // The mention reached them, and the claim it leads to shows nothing of the other review.
    const about = JSON.parse(
      responses['notifications → claim'],
    ) as NotificationsAnswer['notifications']['nodes'];
    const mention = about.find((n) => n.kind === 'MENTIONED');
    expect(mention?.claim).toMatchObject({
      assessments: [],
      superseded: [],
      disagreement: null,
      myAssessment: null,
    });
    expect(JSON.stringify(mention?.claim['history'])).not.toContain('Assessment');
    expect(presets).toEqual({
      yes: { totalCount: 0, edges: [] },
      no: { totalCount: 0, edges: [] },
    });
  });

  it('keeps them blind on texts the server answers from its compiled queries', async () => {
    // The editor runs every path first, so each text is compiled and answered before Apollo
    // (CompiledQueries) by the time the reviewer asks it again.
    const before = await everyPath(reviewer2);
    await everyPath(editor);
    await everyPath(editor);
    const after = await everyPath(reviewer2);
    expect(leaks(after).map(([path]) => path)).toEqual([]);
    expect(after).toEqual(before);
  });

  it('keeps them blind while they only have a draft', async () => {
    await reviewer2.ok(DRAFT, {
      input: { claimId: ctx.claimId, verdict: 'MIXED', rationale: 'draft' },
    });
    const responses = await everyPath(reviewer2);
    expect(leaks(responses).map(([path]) => path)).toEqual([]);
    const { claim } = await reviewer2.ok<{ claim: { myAssessment: { verdict: string } } }>(
      PATHS[0].query,
      PATHS[0].variables(ctx),
    );
    expect(claim.myAssessment.verdict).toBe('MIXED');
    // Their own draft is not visible to the other reviewer (nor anyone else).
    const other = await reviewer.ok<{ claim: { assessments: { rationale: string }[] } }>(
      PATHS[0].query,
      PATHS[0].variables(ctx),
    );
    expect(other.claim.assessments.map((a) => a.rationale)).toEqual([CORRECTED]);
  });

  it('shows a viewer no assessments before the claim is VERIFIED; an agreement query is refused', async () => {
    expect(leaks(await everyPath(viewer)).map(([path]) => path)).toEqual([]);
    expect(errorCode(await reviewer2.request('{ agreement { alpha } }'))).toBe('FORBIDDEN');
    expect(errorCode(await viewer.request('{ agreement { alpha } }'))).toBe('FORBIDDEN');
  });

  it('shows editors everything, and the reviewer who submitted sees their own', async () => {
    const editorView = await everyPath(editor);
    expect(editorView['claim(id)']).toContain(CORRECTED);
    expect(editorView['claim(id)']).toContain(SECRET); // the superseded one, kept
    expect(editorView['claim(id)']).toContain('Found the original video');
    const own = await reviewer.ok<{ claim: { assessments: { rationale: string }[] } }>(
      PATHS[0].query,
      PATHS[0].variables(ctx),
    );
    expect(own.claim.assessments.map((a) => a.rationale)).toEqual([CORRECTED]);
  });

  it('after submitting, the reviewer sees the other assessments, their history and the disagreement', async () => {
    await reviewer2.ok(SUBMIT, {
      input: {
        claimId: ctx.claimId,
        verdict: 'MOSTLY_FALSE',
        likelihood: 'UNLIKELY',
        confidence: 'MODERATE',
        rationale: 'The grenades were not stun grenades.',
        evidenceIds: [],
      },
    });
    const responses = await everyPath(reviewer2);
    for (const path of PATHS.filter((p) => p.name !== 'the disagreement preset'))
      expect(responses[path.name], path.name).toContain(CORRECTED);
    expect(responses[`assessment(${correctedId})`]).toContain(CORRECTED);
    const { claim } = await reviewer2.ok<{
      claim: {
        status: string;
        assessments: { rationale: string }[];
        disagreement: { flagged: boolean };
        history: { action: string; reason: string | null }[];
      };
    }>(PATHS[0].query, PATHS[0].variables(ctx));
    expect(claim.status).toBe('NEEDS_ADJUDICATION');
    expect(claim.assessments.map((a) => a.rationale).sort()).toEqual(
      [CORRECTED, 'The grenades were not stun grenades.'].sort(),
    );
    expect(claim.disagreement.flagged).toBe(true);
    expect(claim.history.find((h) => h.action === 'assessment.corrected')?.reason).toBe(
      'Found the original video',
    );
    const presets = JSON.parse(responses['the disagreement preset']) as {
      yes: { totalCount: number };
    };
    expect(presets.yes.totalCount).toBe(1);
    // The viewer is still blind: the claim is not VERIFIED.
    expect(leaks(await everyPath(viewer)).map(([path]) => path)).toEqual([]);
  });

  it('keeps the demo reviewer blind on the demo claim they have not assessed yet', async () => {
    const { claims } = await reviewer2.ok<{
      claims: {
        edges: {
          node: {
            id: string;
            myAssessment: unknown;
            assessments: unknown[];
            disagreement: unknown;
            history: { entityType: string }[];
          };
        }[];
      };
    }>(
      `{ claims(filter: { text: "marches rallies" }) { edges { node { id myAssessment { id } assessments { id } disagreement { flagged } history { entityType } } } } }`,
    );
    const node = claims.edges[0].node;
    expect(node.myAssessment).toBeNull();
    expect(node.assessments).toEqual([]);
    expect(node.disagreement).toBeNull();
    expect(node.history.some((h) => h.entityType === 'Assessment')).toBe(false);
    const asReviewer = await reviewer.ok<{ claim: { assessments: unknown[] } }>(
      'query($id: ID!) { claim(id: $id) { assessments { id } } }',
      { id: node.id },
    );
    expect(asReviewer.claim.assessments).toHaveLength(1);
  });
});

describe('blind review over live updates', () => {
  let api: TestApi;
  let editor: ApiClient;
  let r1: ApiClient;
  let r2: ApiClient;
  let claimId: string;
  let citedId: string;
  const DRAFTED = 'DRAFT-RATIONALE-c41e: the crowd counts disagree';
  const SUBMITTED = 'SUBMITTED-RATIONALE-5d08: the photo predates the march';
  const CORRECTED = 'CORRECTED-RATIONALE-e2a9: the photo is from the march after all';
  const REASON = 'CORRECTION-REASON-77b0: reverse image search was wrong';
  // R2's verdicts, likelihoods and confidences; R1's own (below) use none of these.
  const VALUES =
    /\b(MOSTLY_TRUE|MOSTLY_FALSE|TRUE|VERY_LIKELY|ALMOST_NO_CHANCE|ALMOST_CERTAIN|HIGH|LOW)\b/;
  const LIVE_FIELDS = 'claimId entityType entityId action actorId actorName summary fields at';

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    r1 = await signedIn(api, 'reviewer');
    r2 = await signedIn(api, 'reviewer2');
    const ids = await userIds({ reviewer: r1, reviewer2: r2, editor });
    const sourceId = await demoSourceId(editor);
    const projectId = await newProject(editor, 'Live blind desk');
    claimId = (await newClaim(editor, projectId, 'Riot police kettled the march at Nemiga')).id;
    citedId = await addEvidence(editor, claimId, sourceId, 'https://example.org/cited-by-r2');
    await editor.ok(ASSIGN, {
      input: { claimIds: [claimId], reviewerIds: [ids.reviewer, ids.reviewer2] },
    });
  });
  afterAll(() => api.close());

  it("sends a reviewer who has not submitted nothing of the other reviewer's draft, submission or correction", async () => {
    const socket = socketClient(api, r1);
    const onClaim = recordEvents(
      socket,
      `subscription($id: ID!) { claimActivity(claimId: $id) { ${LIVE_FIELDS} } }`,
      { id: claimId },
    );
    const mine = recordEvents(socket, `subscription { myActivity { ${LIVE_FIELDS} } }`);
    await Promise.all([onClaim.subscribed, mine.subscribed]);
    type Result = (typeof onClaim.results)[number];
    const actions = (results: Result[], field: string) =>
      results.map((r) => (r.data?.[field] as { action: string } | undefined)?.action);
    // Both subscriptions are live: an @mention of R1 reaches each.
    await editor.ok(COMMENT, { input: { claimId, body: '@reviewer please start on this one' } });
    await vi.waitFor(() => {
      expect(actions(onClaim.results, 'claimActivity')).toContain('comment.created');
      expect(actions(mine.results, 'myActivity')).toContain('notification.created');
    });

    await r2.ok(DRAFT, {
      input: {
        claimId,
        verdict: 'MOSTLY_TRUE',
        likelihood: 'VERY_LIKELY',
        confidence: 'HIGH',
        rationale: DRAFTED,
        evidenceIds: [citedId],
      },
    });
    await r2.ok(SUBMIT, {
      input: {
        claimId,
        verdict: 'MOSTLY_FALSE',
        likelihood: 'ALMOST_NO_CHANCE',
        confidence: 'HIGH',
        rationale: SUBMITTED,
        evidenceIds: [citedId],
      },
    });
    await r2.ok(SUBMIT, {
      input: {
        claimId,
        verdict: 'TRUE',
        likelihood: 'ALMOST_CERTAIN',
        confidence: 'LOW',
        rationale: CORRECTED,
        evidenceIds: [citedId],
        correctionReason: REASON,
      },
    });
    // A second mention after the correction: once it has arrived on both, so has all before it.
    await editor.ok(COMMENT, { input: { claimId, body: '@reviewer R2 has weighed in' } });
    await vi.waitFor(() => {
      expect(
        actions(onClaim.results, 'claimActivity').filter((a) => a === 'comment.created'),
      ).toHaveLength(2);
      expect(
        actions(mine.results, 'myActivity').filter((a) => a === 'notification.created'),
      ).toHaveLength(2);
    });
    onClaim.stop();
    mine.stop();
    await socket.dispose();

    // R1 is told that R2 submitted and corrected (that is the point of a live claim), nothing more.
    const events = onClaim.results.map((r) => r.data?.['claimActivity'] as Record<string, unknown>);
    expect(onClaim.results.concat(mine.results).filter((r) => r.errors)).toEqual([]);
    const assessmentEvents = events.filter((e) => e['entityType'] === 'Assessment');
    expect(assessmentEvents.map((e) => [e['action'], e['summary'], e['fields']])).toEqual([
      ['assessment.submitted', 'Rita Reviewer submitted an assessment', []],
      ['assessment.corrected', 'Rita Reviewer corrected an assessment', []],
    ]);
    const whole = JSON.stringify([onClaim.results, mine.results]);
    for (const text of [DRAFTED, SUBMITTED, CORRECTED, REASON, citedId])
      expect(whole).not.toContain(text);
    expect(whole).not.toMatch(VALUES);

    // The assessments the events name stay out of R1's reach until R1 submits.
    const assessmentIds = assessmentEvents.map((e) => e['entityId'] as string);
    const READ_ONE = 'query($id: ID!) { assessment(id: $id) { id verdict rationale } }';
    const READ_CLAIM = `query($id: ID!) { claim(id: $id) {
      assessments { id rationale } superseded: assessments(includeSuperseded: true) { id rationale }
    } }`;
    for (const id of assessmentIds)
      expect(errorCode(await r1.request(READ_ONE, { id })), id).toBe('NOT_FOUND');
    expect((await r1.ok<{ claim: unknown }>(READ_CLAIM, { id: claimId })).claim).toEqual({
      assessments: [],
      superseded: [],
    });

    await r1.ok(SUBMIT, {
      input: {
        claimId,
        verdict: 'MIXED',
        likelihood: 'ROUGHLY_EVEN',
        confidence: 'MODERATE',
        rationale: 'Partly kettled, partly dispersed.',
        evidenceIds: [],
      },
    });
    const corrected = await r1.ok<{ assessment: { rationale: string } }>(READ_ONE, {
      id: assessmentIds[1],
    });
    expect(corrected.assessment.rationale).toBe(CORRECTED);
    const after = await r1.ok<{
      claim: { assessments: { rationale: string }[]; superseded: { rationale: string }[] };
    }>(READ_CLAIM, { id: claimId });
    expect(after.claim.assessments.map((a) => a.rationale)).toContain(CORRECTED);
    expect(after.claim.superseded.map((a) => a.rationale)).toContain(SUBMITTED);
  });
});
