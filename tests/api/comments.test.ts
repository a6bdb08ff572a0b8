import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  ASSIGN,
  errorCode,
  type GraphQLResponse,
  newClaim,
  newProject,
  signedIn,
  startApi,
  type TestApi,
  userIds,
} from './src';

const ADD = `mutation($input: AddCommentInput!) {
  addComment(input: $input) {
    id claimId parentId body createdAt editedAt editableUntil canEdit
    author { email } mentions { email }
  }
}`;
const EDIT = `mutation($input: EditCommentInput!) {
  editComment(input: $input) { id body editedAt canEdit mentions { email } }
}`;
const THREAD = `query($id: ID!) { claim(id: $id) {
  comments { id parentId body canEdit author { email } mentions { email } }
  history { action entityType actor { email } changes { field before after } }
} }`;
const NOTIFICATIONS = `{ notifications(first: 50) { unreadCount nodes { id kind claimId commentId message actor { email } } } }`;
const MENTIONABLE = `query($search: String) { mentionableUsers(search: $search) { email displayName } }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface Comment {
  id: string;
  claimId: string;
  parentId: string | null;
  body: string;
  editedAt: string | null;
  editableUntil: string;
  canEdit: boolean;
  author: { email: string };
  mentions: { email: string }[];
}

describe('comments', () => {
  let api: TestApi;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let reviewer2: ApiClient;
  let viewer: ApiClient;
  let admin: ApiClient;
  let ids: Awaited<ReturnType<typeof userIds>>;
  let projectId: string;
  let claimId: string;

  const add = (client: ApiClient, input: Record<string, unknown>) =>
    client.request<{ addComment: Comment }>(ADD, { input: { claimId, ...input } });
  const added = async (client: ApiClient, input: Record<string, unknown>) => {
    const result = await add(client, input);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data?.addComment as Comment;
  };
  const thread = async (client: ApiClient, id = claimId) =>
    (
      await client.ok<{
        claim: {
          comments: Comment[];
          history: {
            action: string;
            entityType: string;
            changes: { field: string; before: string | null; after: string | null }[];
          }[];
        };
      }>(THREAD, { id })
    ).claim;
  const notifications = async (client: ApiClient) =>
    (
      await client.ok<{
        notifications: {
          unreadCount: number;
          nodes: {
            id: string;
            kind: string;
            claimId: string;
            commentId: string | null;
            message: string;
          }[];
        };
      }>(NOTIFICATIONS)
    ).notifications;
  const counts = async () => {
    const n = async (table: string) =>
      Number(
        ((await api.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as { n: string }[])[0]
          .n,
      );
    return {
      comments: await n('comments'),
      mentions: await n('comment_mentions'),
      notifications: await n('notifications'),
      audit: await n('audit_events'),
      bodies: await api.dataSource.query('SELECT "id", "body" FROM "comments" ORDER BY "id"'),
    };
  };
  const refused = async (
    attempt: () => Promise<GraphQLResponse>,
    code: string,
    message?: RegExp,
  ) => {
    const before = await counts();
    const result = await attempt();
    expect(errorCode(result), JSON.stringify(result.errors)).toBe(code);
    if (message) expect(result.errors?.[0]?.message).toMatch(message);
    expect(await counts()).toEqual(before);
    return result;
  };

  beforeAll(async () => {
    api = await startApi();
    admin = await signedIn(api, 'admin');
    editor = await signedIn(api, 'editor');
    reviewer = await signedIn(api, 'reviewer');
    reviewer2 = await signedIn(api, 'reviewer2');
    viewer = await signedIn(api, 'viewer');
    ids = await userIds({ reviewer, reviewer2, editor });
    projectId = await newProject(editor, 'Comments desk');
    claimId = (await newClaim(editor, projectId, 'At least 30 marches took place on Sunday')).id;
    await editor.ok(ASSIGN, { input: { claimIds: [claimId], reviewerIds: [ids.reviewer] } });
  });
  afterAll(() => api.close());

  it('threads comments and replies, visible to every role, oldest first', async () => {
    const root = await added(editor, { body: '  Which agency counted the marches?  ' });
    expect(root).toMatchObject({
      body: 'Which agency counted the marches?',
      parentId: null,
      canEdit: true,
      author: { email: 'editor@example.org' },
      editedAt: null,
    });
    const reply = await added(reviewer, {
      parentId: root.id,
      body: 'BelaPAN; I am checking Viasna.',
    });
    expect(reply.parentId).toBe(root.id);
    for (const client of [viewer, reviewer2, admin]) {
      const { comments } = await thread(client);
      expect(comments.map((c) => c.id)).toEqual([root.id, reply.id]);
      expect(comments.every((c) => c.canEdit === false)).toBe(true);
    }
    const { history } = await thread(editor);
    expect(history.filter((h) => h.action === 'comment.created')).toHaveLength(2);
  });

  it('names the comment replied to and the people mentioned in the history, not their ids', async () => {
    const root = await added(editor, {
      body: 'Who else counted the marches, @reviewer2@example.org?',
    });
    const reply = await added(reviewer, { parentId: root.id, body: 'Viasna did, I believe.' });
    const { claim } = await editor.ok<{
      claim: {
        history: {
          entityId: string;
          changes: { field: string; after: string | null; afterLabel: string | null }[];
        }[];
      };
    }>(
      'query($id: ID!) { claim(id: $id) { history { entityId changes { field after afterLabel } } } }',
      { id: claimId },
    );
    const change = (entityId: string, field: string) =>
      claim.history.find((h) => h.entityId === entityId)?.changes.find((c) => c.field === field);
    expect(change(reply.id, 'parentId')).toEqual({
      field: 'parentId',
      after: JSON.stringify(root.id),
      afterLabel: 'Who else counted the marches, @reviewer2@example.org?',
    });
    expect(change(root.id, 'mentionedUserIds')).toEqual({
      field: 'mentionedUserIds',
      after: JSON.stringify([ids.reviewer2]),
      afterLabel: 'Rita Reviewer',
    });
    // No one mentioned: nothing to name.
    expect(change(reply.id, 'mentionedUserIds')?.afterLabel).toBeNull();
  });

  it('notifies mentioned people (short and full address), not the author, and lists them', async () => {
    const before = await notifications(reviewer2);
    const comment = await added(editor, {
      body: '@reviewer2@example.org and @reviewer: please compare with @nexta_tv. (cc @editor)',
    });
    expect(comment.mentions.map((m) => m.email).sort()).toEqual([
      'editor@example.org',
      'reviewer2@example.org',
      'reviewer@example.org',
    ]);
    const after = await notifications(reviewer2);
    expect(after.unreadCount).toBe(before.unreadCount + 1);
    expect(after.nodes[0]).toMatchObject({
      kind: 'MENTIONED',
      claimId,
      commentId: comment.id,
      message: 'Elena Editor mentioned you in a comment',
    });
    const editorsOwn = (await notifications(editor)).nodes.filter(
      (n) => n.commentId === comment.id,
    );
    expect(editorsOwn).toEqual([]);
  });

  it('refuses an ambiguous short mention, naming the candidates, and keeps nothing', async () => {
    // A second "reviewer@…" at another domain makes @reviewer ambiguous.
    await admin.ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: {
        email: 'reviewer@partner.example.net',
        displayName: 'Partner Reviewer',
        role: 'REVIEWER',
        password: 'partner-reviewer-pass',
      },
    });
    const result = await refused(
      () => add(editor, { body: '@reviewer have a look' }),
      'BAD_USER_INPUT',
      /@reviewer fits several people.*reviewer@example\.org/,
    );
    expect(result.errors?.[0]?.extensions?.['field']).toBe('body');
    const ok = await added(editor, { body: '@reviewer@partner.example.net have a look' });
    expect(ok.mentions.map((m) => m.email)).toEqual(['reviewer@partner.example.net']);
  });

  it('lets the author edit within the window: audited before → after, new mentions notified once', async () => {
    const comment = await added(reviewer, { body: 'Draft note' });
    const before = (await notifications(editor)).unreadCount;
    const edited = await reviewer.ok<{ editComment: Comment }>(EDIT, {
      input: { id: comment.id, body: 'Draft note, @editor please confirm' },
    });
    expect(edited.editComment.body).toBe('Draft note, @editor please confirm');
    expect(edited.editComment.editedAt).not.toBeNull();
    expect(edited.editComment.mentions.map((m) => m.email)).toEqual(['editor@example.org']);
    expect((await notifications(editor)).unreadCount).toBe(before + 1);
    // Editing again with the same mention does not notify again.
    await reviewer.ok(EDIT, {
      input: { id: comment.id, body: 'Final note, @editor please confirm' },
    });
    expect((await notifications(editor)).unreadCount).toBe(before + 1);
    const edits = (await thread(editor)).history.filter((h) => h.action === 'comment.edited');
    expect(edits.at(0)?.changes).toContainEqual({
      field: 'body',
      before: JSON.stringify('Draft note'),
      after: JSON.stringify('Draft note, @editor please confirm'),
    });
    expect(edits).toHaveLength(2);
  });

  it("refuses an edit by anyone but the author, even an admin's", async () => {
    const comment = await added(reviewer, { body: 'Mine' });
    await refused(
      () => admin.request(EDIT, { input: { id: comment.id, body: 'Not yours' } }),
      'FORBIDDEN',
      /Only its author/,
    );
  });

  it('refuses unassigned reviewers and viewers, unknown claims and foreign parents, with nothing kept', async () => {
    await refused(() => add(reviewer2, { body: 'Not my claim' }), 'FORBIDDEN', /assigned to them/);
    await refused(() => add(viewer, { body: 'Viewers read only' }), 'FORBIDDEN');
    await refused(
      () => editor.request(ADD, { input: { claimId: UNKNOWN, body: 'Nowhere' } }),
      'NOT_FOUND',
    );
    const other = (await newClaim(editor, projectId, 'Another claim')).id;
    const foreign = await editor.ok<{ addComment: Comment }>(ADD, {
      input: { claimId: other, body: 'On the other claim' },
    });
    const result = await refused(
      () => add(editor, { parentId: foreign.addComment.id, body: 'Reply across claims' }),
      'BAD_USER_INPUT',
      /not a comment on this claim/,
    );
    expect(result.errors?.[0]?.extensions?.['field']).toBe('parentId');
  });

  it('refuses empty and oversized text naming the field', async () => {
    for (const body of ['   ', 'x'.repeat(10_001)]) {
      const result = await refused(() => add(editor, { body }), 'BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/body must be between 1 and 10000 characters/);
    }
  });

  it('offers active users to mention, searchable, to writers only', async () => {
    const found = await editor.ok<{ mentionableUsers: { email: string }[] }>(MENTIONABLE, {
      search: 'rita',
    });
    expect(found.mentionableUsers.map((u) => u.email)).toEqual(['reviewer2@example.org']);
    expect(errorCode(await viewer.request(MENTIONABLE, {}))).toBe('FORBIDDEN');
  });
});

describe('comment edit window', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi({ COMMENT_EDIT_WINDOW_SECONDS: '0' });
  });
  afterAll(() => api.close());

  it('fixes a comment once the window has passed: the author is told when and to reply instead', async () => {
    const editor = await signedIn(api, 'editor');
    const projectId = await newProject(editor, 'Fixed comments');
    const claimId = (await newClaim(editor, projectId, 'A claim')).id;
    const comment = (
      await editor.ok<{ addComment: Comment }>(ADD, { input: { claimId, body: 'First words' } })
    ).addComment;
    expect(comment.canEdit).toBe(false);
    const result = await editor.request(EDIT, { input: { id: comment.id, body: 'Second words' } });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(
      /can be edited for 0 minutes after posting.*reply instead/i,
    );
    const { claim } = await editor.ok<{ claim: { comments: Comment[] } }>(THREAD, { id: claimId });
    expect(claim.comments.map((c) => [c.body, c.canEdit])).toEqual([['First words', false]]);
  });
});
