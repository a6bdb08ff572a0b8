import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ACCESS_MATRIX,
  type AccessFixture,
  type AccessRow,
  ApiClient,
  ASSIGN,
  type Caller,
  CALLERS,
  demoSourceId,
  newClaim,
  newProject,
  type Request,
  signedIn,
  startApi,
  type TestApi,
  userIds,
} from './src';

type Login = 'viewer' | 'reviewer' | 'reviewer2' | 'editor' | 'admin';
/** Which demo login plays each caller (reviewer2 is never assigned to the fixture's claim). */
const LOGIN: Record<Exclude<Caller, 'anonymous'>, Login> = {
  viewer: 'viewer',
  reviewer: 'reviewer2',
  assignedReviewer: 'reviewer',
  editor: 'editor',
  admin: 'admin',
};
const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN'];

/** The error code a subscription ends with, or null when it is still running after a moment. */
async function subscriptionOutcome(
  api: TestApi,
  client: ApiClient | null,
  request: Request,
): Promise<string | null> {
  const cookie = client?.cookie;
  class CookieSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  const ws = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: CookieSocket,
    retryAttempts: 0,
  });
  try {
    return await new Promise<string | null>((resolve) => {
      // A refusal arrives at once; an accepted subscription simply stays open.
      const timer = setTimeout(() => resolve(null), 750);
      ws.subscribe(
        { query: request.query, variables: request.variables ?? {} },
        {
          next: (result) => {
            const code = result.errors?.[0]?.extensions?.['code'];
            if (typeof code === 'string') {
              clearTimeout(timer);
              resolve(code);
            }
          },
          error: (error) => {
            clearTimeout(timer);
            const text = JSON.stringify(error);
            resolve(REFUSALS.find((c) => text.includes(c)) ?? `ERROR ${text}`);
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await ws.dispose();
  }
}

describe('access-control matrix', () => {
  let api: TestApi;
  const clients = {} as Record<Exclude<Caller, 'anonymous'>, ApiClient>;
  let fixture: AccessFixture;

  beforeAll(async () => {
    api = await startApi();
    for (const caller of CALLERS) {
      if (caller !== 'anonymous') clients[caller] = await signedIn(api, LOGIN[caller]);
    }
    const editor = clients.editor;
    const ids = await userIds({
      reviewer: clients.assignedReviewer,
      reviewer2: clients.reviewer,
      editor,
    });
    const sourceId = await demoSourceId(editor);
    const projectId = await newProject(editor, 'Access matrix desk');
    const claim = await newClaim(editor, projectId, 'The matrix claim');
    const other = await newClaim(editor, projectId, 'A claim the assigned reviewer declines');
    const made = await editor.ok<{ assignReviewers: { id: string; claim: { id: string } }[] }>(
      ASSIGN,
      { input: { claimIds: [claim.id, other.id], reviewerIds: [ids.reviewer] } },
    );
    const assignmentOf = (claimId: string) =>
      made.assignReviewers.find((a) => a.claim.id === claimId)?.id as string;
    const evidence = await clients.assignedReviewer.ok<{ addEvidence: { id: string } }>(
      'mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }',
      {
        input: {
          claimId: claim.id,
          sourceId,
          url: 'https://example.org/fixture',
          stance: 'SUPPORTS',
          credibility: 2,
        },
      },
    );
    const comments: AccessFixture['comments'] = {};
    for (const caller of ['editor', 'admin', 'assignedReviewer'] as const) {
      comments[caller] = (
        await clients[caller].ok<{ addComment: { id: string } }>(
          'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
          { input: { claimId: claim.id, body: `Comment by the ${caller}` } },
        )
      ).addComment.id;
    }
    fixture = {
      projectId,
      claimId: claim.id,
      evidenceId: evidence.addEvidence.id,
      sourceId,
      assignmentId: assignmentOf(claim.id),
      declinableAssignmentId: assignmentOf(other.id),
      comments,
    };
  });
  afterAll(() => api.close());

  /** Runs one cell; returns a description of the mismatch, or null when it behaves as listed. */
  async function cell(row: AccessRow, caller: Caller): Promise<string | null> {
    const request = row.request(fixture, caller);
    let client: ApiClient | null;
    if (caller === 'anonymous' || row.freshClient) client = new ApiClient(api.url);
    else if (row.endsSession) client = await signedIn(api, LOGIN[caller]);
    else client = clients[caller];
    let code: string | null;
    if (row.operation.startsWith('Subscription.')) {
      code = await subscriptionOutcome(api, caller === 'anonymous' ? null : client, request);
    } else {
      const result = await client.request(request.query, request.variables ?? {});
      const first = result.errors?.[0]?.extensions?.['code'];
      code = typeof first === 'string' ? first : result.errors ? 'ERROR' : null;
    }
    const allowed = row.allowed.includes(caller);
    const expected = caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    if (allowed && code !== null && REFUSALS.includes(code))
      return `${row.operation} × ${caller}: listed as allowed but refused with ${code}`;
    if (allowed && code !== (row.passesGuardWith ?? null))
      return `${row.operation} × ${caller}: allowed, expected ${row.passesGuardWith ?? 'success'} but got ${code ?? 'success'}`;
    if (!allowed && code !== expected)
      return `${row.operation} × ${caller}: listed as refused (${expected}) but got ${code ?? 'success'}`;
    return null;
  }

  it('has exactly one row for every query, mutation and subscription of the live schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const live = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .flatMap((root) => Object.keys(root?.getFields() ?? {}).map((f) => `${root?.name}.${f}`))
      .sort();
    const listed = ACCESS_MATRIX.map((r) => r.operation).sort();
    expect(new Set(listed).size).toBe(listed.length);
    expect({ missingRows: live.filter((op) => !listed.includes(op)) }).toEqual({ missingRows: [] });
    expect({ staleRows: listed.filter((op) => !live.includes(op)) }).toEqual({ staleRows: [] });
  });

  it('runs every cell over HTTP and graphql-ws as the matrix says', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const row of ACCESS_MATRIX.filter((r) => !r.endsSession)) {
      for (const caller of CALLERS) {
        const mismatch = await cell(row, caller);
        if (mismatch) mismatches.push(mismatch);
        cells++;
      }
    }
    console.info(
      `access matrix: ${ACCESS_MATRIX.length} operations × ${CALLERS.length} callers; ${cells} cells run, ${mismatches.length} differing from the table`,
    );
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(6 * 50);
  });

  it('runs the session-ending cells last, each on a session of its own', async () => {
    const mismatches: string[] = [];
    for (const row of ACCESS_MATRIX.filter((r) => r.endsSession)) {
      for (const caller of CALLERS) {
        const mismatch = await cell(row, caller);
        if (mismatch) mismatches.push(mismatch);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
