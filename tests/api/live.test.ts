import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClaimEntity } from '@corroborate/api-claims';
import {
  addEvidence,
  type ApiClient,
  ASSIGN,
  COMMENT,
  demoSourceId,
  freshDatabase,
  type LiveEvent,
  newClaim,
  newProject,
  nextEvents,
  pause,
  Relay,
  signedIn,
  socketClient,
  startApi,
  SUBMIT,
  type TestApi,
  type TestDatabase,
} from './src';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CLAIM_ACTIVITY =
  'subscription($id: ID!) { claimActivity(claimId: $id) { claimId action actorName summary fields entityType } }';
const UPDATE = 'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }';

async function demoClaim(api: TestApi): Promise<ClaimEntity> {
  return api.dataSource
    .getRepository(ClaimEntity)
    .findOneByOrFail({ text: 'Authorities have detained more than 30,000 protesters.' });
}

describe('live updates over graphql-ws', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('tells everyone watching a claim what changed, who did it, after the write commits', async () => {
    const viewer = await signedIn(api, 'viewer');
    const editor = await signedIn(api, 'editor');
    const claim = await demoClaim(api);
    const client = socketClient(api, viewer);
    const { subscribed, done } = nextEvents(client, CLAIM_ACTIVITY, { id: claim.id });
    await subscribed;
    // A refused write (stale version) announces nothing; the accepted one does.
    const stale = await editor.request(UPDATE, {
      input: { claimId: claim.id, expectedVersion: claim.version + 5, priority: 'LOW' },
    });
    expect(stale.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    await editor.ok(UPDATE, {
      input: { claimId: claim.id, expectedVersion: claim.version, priority: 'HIGH' },
    });
    const [event] = await done;
    expect(event).toEqual({
      claimId: claim.id,
      action: 'claim.updated',
      actorName: 'Elena Editor',
      summary: 'Elena Editor edited the claim (priority)',
      fields: ['priority'],
      entityType: 'Claim',
    });
    await client.dispose();
  });

  describe('on a claim under review', () => {
    const WATCH =
      'subscription($id: ID!) { claimActivity(claimId: $id) { claimId entityType entityId action actorName summary fields } }';
    let editor: ApiClient;
    let reviewer: ApiClient;
    let claimId: string;
    let sourceId: string;
    /** The editor watches the claim while `act` runs; resolves with the first `count` events. */
    const watched = async (act: () => Promise<unknown>, count = 1) => {
      const client = socketClient(api, editor);
      const { subscribed, done } = nextEvents(client, WATCH, { id: claimId }, count);
      await subscribed;
      await act();
      const events = await done;
      await client.dispose();
      return events;
    };

    beforeAll(async () => {
      editor = await signedIn(api, 'editor');
      reviewer = await signedIn(api, 'reviewer');
      const me = await reviewer.ok<{ me: { id: string } }>('{ me { id } }');
      sourceId = await demoSourceId(editor);
      const projectId = await newProject(editor, 'Live review desk', 1);
      claimId = (await newClaim(editor, projectId, 'Water cannon was used on Independence Avenue'))
        .id;
      await editor.ok(ASSIGN, { input: { claimIds: [claimId], reviewerIds: [me.me.id] } });
    });

    it('delivers new evidence, naming who added it', async () => {
      let evidenceId = '';
      const [event] = await watched(async () => {
        evidenceId = await addEvidence(reviewer, claimId, sourceId, 'https://example.org/live');
      });
      expect(event).toEqual({
        claimId,
        entityType: 'Evidence',
        entityId: evidenceId,
        action: 'evidence.added',
        actorName: 'Ruslan Reviewer',
        summary: 'Ruslan Reviewer added evidence',
        fields: [],
      });
    });

    it('delivers a comment, without its text', async () => {
      let commentId = '';
      const body = 'Footage from the avenue is timestamped 19:04';
      const [event] = await watched(async () => {
        commentId = (
          await editor.ok<{ addComment: { id: string } }>(COMMENT, { input: { claimId, body } })
        ).addComment.id;
      });
      expect(event).toEqual({
        claimId,
        entityType: 'Comment',
        entityId: commentId,
        action: 'comment.created',
        actorName: 'Elena Editor',
        summary: 'Elena Editor commented',
        fields: [],
      });
    });

    it('delivers a submitted assessment to an editor, then the move to NEEDS_ADJUDICATION', async () => {
      let assessmentId = '';
      const events = await watched(async () => {
        assessmentId = (
          await reviewer.ok<{ submitAssessment: { id: string } }>(SUBMIT, {
            input: {
              claimId,
              verdict: 'MOSTLY_TRUE',
              likelihood: 'LIKELY',
              confidence: 'MODERATE',
              rationale: 'Two videos from different angles.',
              evidenceIds: [],
            },
          })
        ).submitAssessment.id;
      }, 2);
      expect(events).toEqual([
        {
          claimId,
          entityType: 'Assessment',
          entityId: assessmentId,
          action: 'assessment.submitted',
          actorName: 'Ruslan Reviewer',
          summary: 'Ruslan Reviewer submitted an assessment',
          fields: [],
        },
        {
          claimId,
          entityType: 'Claim',
          entityId: claimId,
          action: 'claim.statusChanged',
          actorName: 'Ruslan Reviewer',
          summary: 'Ruslan Reviewer moved the claim along the workflow',
          fields: [],
        },
      ]);
      // The event only points at the assessment: the editor reads it (verdict and all) by its id.
      const read = await editor.ok<{ assessment: { verdict: string } }>(
        'query($id: ID!) { assessment(id: $id) { verdict } }',
        { id: assessmentId },
      );
      expect(read.assessment.verdict).toBe('MOSTLY_TRUE');
    });
  });

  it('refuses an anonymous subscriber', async () => {
    const claim = await demoClaim(api);
    const client = socketClient(api, null);
    const { done } = nextEvents(client, CLAIM_ACTIVITY, { id: claim.id });
    await expect(done).rejects.toThrow(/UNAUTHENTICATED/);
    await client.dispose();
  });

  it('serves only subscriptions over the socket', async () => {
    const viewer = await signedIn(api, 'viewer');
    const client = socketClient(api, viewer);
    const { done } = nextEvents(client, '{ projects { id } }', {});
    await expect(done).rejects.toThrow(/Only subscriptions/);
    await client.dispose();
  });

  it('refuses a subscription sent over HTTP with BAD_REQUEST, not a server error', async () => {
    const viewer = await signedIn(api, 'viewer');
    const claim = await demoClaim(api);
    const answer = await viewer.request(CLAIM_ACTIVITY, { id: claim.id });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(answer.errors?.[0]?.message).toMatch(/WebSocket/);
    const mine = await viewer.request('subscription { myActivity { action } }');
    expect(mine.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });

  it('refuses a cross-site socket riding the session cookie', async () => {
    const viewer = await signedIn(api, 'viewer');
    const claim = await demoClaim(api);
    const client = socketClient(api, viewer, { origin: 'https://attacker.example' });
    const { done } = nextEvents(client, CLAIM_ACTIVITY, { id: claim.id });
    await expect(done).rejects.toBeTruthy();
    await client.dispose();
  });
});

describe('live updates across API instances through Redis', () => {
  let db: TestDatabase;
  let a: TestApi;
  let b: TestApi;
  beforeAll(async () => {
    db = await freshDatabase();
    a = await startApi({ REDIS_URL }, db);
    b = await startApi({ REDIS_URL }, db);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('delivers a change made through instance A to a subscriber on instance B', async () => {
    const watcher = await signedIn(b, 'reviewer');
    const editor = await signedIn(a, 'editor');
    const claim = await demoClaim(a);
    const client = socketClient(b, watcher);
    const { subscribed, done } = nextEvents(client, CLAIM_ACTIVITY, { id: claim.id });
    await subscribed;
    await editor.ok(UPDATE, {
      input: { claimId: claim.id, expectedVersion: claim.version, topics: ['detentions', 'live'] },
    });
    const [event] = await done;
    expect(event).toMatchObject({
      claimId: claim.id,
      action: 'claim.updated',
      actorName: 'Elena Editor',
    });
    await client.dispose();
  });

  it('tells a reviewer signed in on instance B of an assignment made through instance A', async () => {
    const reviewer = await signedIn(b, 'reviewer');
    const editor = await signedIn(a, 'editor');
    const me = await reviewer.ok<{ me: { id: string } }>('{ me { id } }');
    const claim = await a.dataSource.getRepository(ClaimEntity).findOneByOrFail({
      text: "The United States and the European Union have refused to recognize Lukashenka's reelection as legitimate.",
    });
    const client = socketClient(b, reviewer);
    const { subscribed, done } = nextEvents(
      client,
      'subscription { myActivity { claimId action actorName summary entityType } }',
      {},
      1,
      'myActivity',
    );
    await subscribed;
    await editor.ok(
      'mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id } }',
      { input: { claimIds: [claim.id], reviewerIds: [me.me.id] } },
    );
    const [event] = await done;
    expect(event).toMatchObject({
      claimId: claim.id,
      action: 'assignment.created',
      actorName: 'Elena Editor',
      summary: 'Elena Editor assigned a reviewer',
    });
    await client.dispose();
  });
});

describe('with Redis unreachable', () => {
  let api: TestApi;
  const warn = vi.spyOn(Logger.prototype, 'warn');
  beforeAll(async () => {
    // Port 1 refuses connections: Redis is configured but down.
    api = await startApi({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    warn.mockRestore();
    await api.close();
  });

  it('logs a warning that live updates are degraded', async () => {
    await vi.waitFor(
      () =>
        expect(warn.mock.calls.map((call) => String(call[0]))).toContainEqual(
          expect.stringMatching(
            /^Redis \((publisher|subscriber)\) unavailable, live updates degraded/,
          ),
        ),
      { timeout: 10_000 },
    );
  });

  it('keeps accepting writes (live updates degrade, nothing fails)', async () => {
    const editor = await signedIn(api, 'editor');
    const claim = await demoClaim(api);
    const result = await editor.ok<{ updateClaim: { version: number } }>(UPDATE, {
      input: { claimId: claim.id, expectedVersion: claim.version, priority: 'LOW' },
    });
    expect(result.updateClaim.version).toBe(claim.version + 1);
    const stored = await api.dataSource
      .getRepository(ClaimEntity)
      .findOneByOrFail({ id: claim.id });
    expect(stored.priority).toBe('LOW');
  });
});

describe('with the network to Redis partitioned', () => {
  // Both instances reach Redis through a relay that can stop carrying packets: connections stay
  // open, commands get no reply.
  let db: TestDatabase;
  let relay: Relay;
  let a: TestApi;
  let b: TestApi;
  // Made here, not when the file is collected: the block above restores its own spy on warn.
  let warn: { mock: { calls: unknown[][] }; mockClear(): void; mockRestore(): void } | undefined;
  beforeAll(async () => {
    warn = vi.spyOn(Logger.prototype, 'warn');
    const redis = new URL(REDIS_URL);
    relay = new Relay(redis.hostname, Number(redis.port || 6379));
    await relay.start();
    const url = `redis://127.0.0.1:${relay.port}`;
    db = await freshDatabase();
    a = await startApi({ REDIS_URL: url }, db);
    b = await startApi({ REDIS_URL: url }, db);
  });
  afterAll(async () => {
    warn?.mockRestore();
    await a?.close();
    await b?.close();
    await relay?.stop();
    await db?.drop();
  });
  const messages = () => (warn?.mock.calls ?? []).map((call) => String(call[0]));

  it('keeps writes prompt, gives up on the stuck publish with a warning, and delivers again once healed', async () => {
    const editor = await signedIn(a, 'editor');
    const watcher = await signedIn(b, 'reviewer');
    let claim = await demoClaim(a);

    relay.partition();
    warn?.mockClear();
    const started = Date.now();
    const written = await editor.ok<{ updateClaim: { version: number } }>(UPDATE, {
      input: { claimId: claim.id, expectedVersion: claim.version, priority: 'LOW' },
    });
    // The write does not wait for Redis.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(written.updateClaim.version).toBe(claim.version + 1);
    // Its publish has no reply; it is given up (command timeout) and said so, not left pending.
    await vi.waitFor(
      () =>
        expect(messages()).toContainEqual(
          expect.stringMatching(/^Could not publish a live update/),
        ),
      { timeout: 15_000, interval: 200 },
    );

    relay.heal();
    // Back by itself: the instances reconnect (the relay closed the connections that lost bytes)
    // and a change through A reaches a subscriber on B again, within a bounded wait.
    let delivered: LiveEvent | null = null;
    const refusals: string[] = [];
    for (let attempt = 0; attempt < 20 && !delivered; attempt++) {
      claim = await demoClaim(a);
      const client = socketClient(b, watcher);
      const { subscribed, done } = nextEvents(client, CLAIM_ACTIVITY, { id: claim.id });
      // A subscription refused while the instance is still reconnecting counts as "not yet",
      // and says so plainly (SERVICE_UNAVAILABLE, no client-library internals). Handled at once: the refusal can
      // come before the write below.
      const outcome = done.then(
        ([event]) => event ?? null,
        (error: unknown) => {
          refusals.push(String(error));
          return null;
        },
      );
      await subscribed;
      await editor.ok(UPDATE, {
        input: { claimId: claim.id, expectedVersion: claim.version, topics: [`healed ${attempt}`] },
      });
      delivered = await Promise.race([outcome, pause(1_000).then(() => null)]);
      await client.dispose();
      if (!delivered) await pause(500);
    }
    expect(delivered).toMatchObject({ action: 'claim.updated' });
    for (const refusal of refusals) {
      expect(refusal).toContain('Live updates are not available right now');
      expect(refusal).toContain('SERVICE_UNAVAILABLE');
      expect(refusal).not.toMatch(/Stream|OfflineQueue|ioredis/i);
    }
  });
});

describe('events addressed to a user', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('tells a reviewer at once that they have been assigned a claim', async () => {
    const reviewer = await signedIn(api, 'reviewer');
    const editor = await signedIn(api, 'editor');
    const me = await reviewer.ok<{ me: { id: string } }>('{ me { id } }');
    const claim = await api.dataSource.getRepository(ClaimEntity).findOneByOrFail({
      text: "The United States and the European Union have refused to recognize Lukashenka's reelection as legitimate.",
    });
    const client = socketClient(api, reviewer);
    const { subscribed, done } = nextEvents(
      client,
      'subscription { myActivity { claimId action actorName summary entityType } }',
      {},
      1,
      'myActivity',
    );
    await subscribed;
    await editor.ok(
      'mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { id } }',
      {
        input: { claimIds: [claim.id], reviewerIds: [me.me.id] },
      },
    );
    const [event] = await done;
    expect(event).toMatchObject({
      claimId: claim.id,
      action: 'assignment.created',
      summary: 'Elena Editor assigned a reviewer',
    });
    await client.dispose();
  });

  it('tells a mentioned user at once that they have a new notification', async () => {
    const editor = await signedIn(api, 'editor');
    const admin = await signedIn(api, 'admin');
    const claim = await demoClaim(api);
    const client = socketClient(api, admin);
    const { subscribed, done } = nextEvents(
      client,
      'subscription { myActivity { claimId action entityType summary } }',
      {},
      1,
      'myActivity',
    );
    await subscribed;
    await editor.ok('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
      input: { claimId: claim.id, body: '@admin can you check the UN figure?' },
    });
    const [event] = await done;
    expect(event).toEqual({
      claimId: claim.id,
      action: 'notification.created',
      entityType: 'Notification',
      summary: 'You have a new notification',
    });
    await client.dispose();
  });
});
