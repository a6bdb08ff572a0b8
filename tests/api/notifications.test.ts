import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADJUDICATE,
  type ApiClient,
  ASSIGN,
  errorCode,
  newClaim,
  newProject,
  signedIn,
  startApi,
  SUBMIT,
  type TestApi,
  userIds,
} from './src';

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    unreadCount
    pageInfo { hasNextPage endCursor }
    nodes { id kind claimId readAt message actor { email } claim { id text } }
  }
}`;
const COUNT = '{ unreadNotificationCount }';
const MARK = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id readAt } }`;
const MARK_ALL = 'mutation { markAllNotificationsRead }';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface Notification {
  id: string;
  kind: string;
  claimId: string | null;
  readAt: string | null;
  message: string;
  actor: { email: string } | null;
  claim: { id: string; text: string } | null;
}
interface Page {
  unreadCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Notification[];
}

const list = async (client: ApiClient, variables: Record<string, unknown> = {}) =>
  (await client.ok<{ notifications: Page }>(LIST, variables)).notifications;
const unread = async (client: ApiClient) =>
  (await client.ok<{ unreadNotificationCount: number }>(COUNT)).unreadNotificationCount;

describe('notifications', () => {
  let api: TestApi;
  let admin: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let ids: Awaited<ReturnType<typeof userIds>>;
  let projectId: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await signedIn(api, 'admin');
    editor = await signedIn(api, 'editor');
    reviewer = await signedIn(api, 'reviewer');
    reviewer2 = await signedIn(api, 'reviewer2');
    ids = await userIds({ reviewer, reviewer2, editor });
    projectId = await newProject(editor, 'Notifications desk');
    // Start every inbox empty so counts below are exact.
    for (const client of [admin, editor, reviewer, reviewer2]) await client.ok(MARK_ALL);
  });
  afterAll(() => api.close());

  it('follows a claim through review: assigned → needs adjudication → adjudicated', async () => {
    const claim = await newClaim(editor, projectId, 'The UN says more than 30,000 were detained');
    await editor.ok(ASSIGN, {
      input: { claimIds: [claim.id], reviewerIds: [ids.reviewer, ids.reviewer2] },
    });
    for (const client of [reviewer, reviewer2]) {
      const page = await list(client, { unreadOnly: true });
      expect(page.unreadCount).toBe(1);
      expect(page.nodes).toEqual([
        expect.objectContaining({
          kind: 'ASSIGNED',
          claimId: claim.id,
          readAt: null,
          message: 'Elena Editor assigned you a claim to review',
          actor: { email: 'editor@example.org' },
          claim: { id: claim.id, text: 'The UN says more than 30,000 were detained' },
        }),
      ]);
    }
    const submit = (client: ApiClient) =>
      client.ok(SUBMIT, {
        input: {
          claimId: claim.id,
          verdict: 'TRUE',
          likelihood: 'VERY_LIKELY',
          confidence: 'HIGH',
          rationale: 'The OHCHR statement gives the figure.',
          evidenceIds: [],
        },
      });
    await submit(reviewer);
    expect(await unread(editor)).toBe(0); // one of two assessments is not enough
    await submit(reviewer2);
    const editorPage = await list(editor, { unreadOnly: true });
    expect(editorPage.nodes.map((n) => [n.kind, n.claimId, n.actor?.email])).toEqual([
      ['NEEDS_ADJUDICATION', claim.id, 'reviewer2@example.org'],
    ]);
    expect(await unread(admin)).toBe(0); // the admin assigned nothing

    const current = await editor.ok<{ claim: { version: number } }>(
      'query($id: ID!) { claim(id: $id) { version } }',
      { id: claim.id },
    );
    await editor.ok(ADJUDICATE, {
      input: {
        claimId: claim.id,
        expectedVersion: current.claim.version,
        verdict: 'TRUE',
        likelihood: 'VERY_LIKELY',
        confidence: 'HIGH',
        publicSummary: 'The UN human rights office reported the figure.',
        citedAssessmentIds: [],
        citedEvidenceIds: [],
      },
    });
    for (const client of [reviewer, reviewer2]) {
      const page = await list(client, { unreadOnly: true });
      expect(page.nodes.map((n) => n.kind)).toEqual(['ADJUDICATED', 'ASSIGNED']);
      expect(page.nodes[0]?.message).toBe('Elena Editor adjudicated a claim you assessed');
    }
    expect(await unread(editor)).toBe(1); // the adjudicator is not told of their own act
  });

  it('marks read: only the given ones, keeps the first read time, unread count follows', async () => {
    const page = await list(reviewer);
    expect(page.unreadCount).toBe(2);
    const [first, second] = page.nodes;
    const marked = await reviewer.ok<{ markNotificationsRead: Notification[] }>(MARK, {
      ids: [first?.id],
    });
    const readAt = marked.markNotificationsRead[0]?.readAt;
    expect(readAt).not.toBeNull();
    expect(await unread(reviewer)).toBe(1);
    const again = await reviewer.ok<{ markNotificationsRead: Notification[] }>(MARK, {
      ids: [first?.id, second?.id],
    });
    expect(again.markNotificationsRead[0]?.readAt).toBe(readAt);
    expect(await unread(reviewer)).toBe(0);
    expect((await list(reviewer, { unreadOnly: true })).nodes).toEqual([]);
    // Both stay listed, read (beside the demo's own notifications).
    const listed = (await list(reviewer, { first: 200 })).nodes;
    expect(listed.filter((n) => n.id === first?.id || n.id === second?.id)).toHaveLength(2);
    expect(listed.every((n) => n.readAt !== null)).toBe(true);
  });

  it("refuses to mark someone else's notification (NOT_FOUND) and changes nothing", async () => {
    const theirs = (await list(reviewer2, { unreadOnly: true })).nodes[0];
    const result = await reviewer.request(MARK, { ids: [theirs?.id] });
    expect(errorCode(result)).toBe('NOT_FOUND');
    const mixed = await reviewer2.request(MARK, { ids: [theirs?.id, UNKNOWN] });
    expect(errorCode(mixed)).toBe('NOT_FOUND');
    expect(await unread(reviewer2)).toBe(2);
    expect(errorCode(await reviewer2.request(MARK, { ids: [] }))).toBe('BAD_USER_INPUT');
  });

  it('pages newest first with a cursor and marks all read', async () => {
    const many = await newClaim(editor, projectId, 'Paging');
    const others = await Promise.all(
      [1, 2, 3].map((n) => newClaim(editor, projectId, `Paging ${n}`)),
    );
    await editor.ok(ASSIGN, {
      input: { claimIds: [many.id, ...others.map((c) => c.id)], reviewerIds: [ids.reviewer2] },
    });
    const first = await list(reviewer2, { first: 3, unreadOnly: true });
    expect(first.nodes).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list(reviewer2, {
      first: 50,
      after: first.pageInfo.endCursor,
      unreadOnly: true,
    });
    const all = [...first.nodes, ...rest.nodes];
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    expect(all).toHaveLength(first.unreadCount);
    expect(errorCode(await reviewer2.request(LIST, { after: 'not-a-cursor' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await reviewer2.ok<{ markAllNotificationsRead: number }>(MARK_ALL)).markAllNotificationsRead,
    ).toBe(6);
    expect(await unread(reviewer2)).toBe(0);
  });
});
