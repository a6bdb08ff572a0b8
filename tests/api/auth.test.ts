import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { SessionEntity } from '@corroborate/api-auth';
import { ApiClient, DEMO, errorCode, signedIn, startApi, type TestApi } from './src';

const ME = '{ me { email role displayName } }';

describe('sign-in, sessions and tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => api.close());

  it('signs in with a session cookie that is httpOnly and SameSite, and `me` answers', async () => {
    const client = new ApiClient(api.url);
    const result = await client.signIn(DEMO.editor.email, DEMO.editor.password);
    expect(result.errors).toBeUndefined();
    expect(client.lastSetCookie).toMatch(/^corroborate_session=cor_[\w-]+;/);
    expect(client.lastSetCookie).toMatch(/HttpOnly/i);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/i);
    const data = await client.ok<{ me: { email: string; role: string } }>(ME);
    expect(data.me).toMatchObject({ email: DEMO.editor.email, role: 'EDITOR' });
  });

  it('accepts the email in any case and with surrounding spaces', async () => {
    const client = new ApiClient(api.url);
    const result = await client.signIn(
      `  ${DEMO.viewer.email.toUpperCase()} `,
      DEMO.viewer.password,
    );
    expect(result.errors).toBeUndefined();
  });

  it('refuses a wrong password and an unknown user with the same message, and sets no cookie', async () => {
    const wrong = new ApiClient(api.url);
    const r1 = await wrong.signIn(DEMO.reviewer2.email, 'not-the-password');
    expect(errorCode(r1)).toBe('UNAUTHENTICATED');
    expect(r1.errors?.[0]?.message).toBe('Email or password is incorrect.');
    expect(wrong.cookie).toBeNull();
    const unknown = new ApiClient(api.url);
    const r2 = await unknown.signIn('nobody@example.org', 'whatever-password');
    expect(errorCode(r2)).toBe('UNAUTHENTICATED');
    expect(r2.errors?.[0]?.message).toBe(r1.errors?.[0]?.message);
    const failures = await api.dataSource
      .getRepository(AuditEventEntity)
      .countBy({ action: 'auth.sign_in_failed' });
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it('names the field for a malformed email or an over-long password', async () => {
    const client = new ApiClient(api.url);
    const r1 = await client.signIn('not-an-email', 'x');
    expect(errorCode(r1)).toBe('BAD_USER_INPUT');
    expect(r1.errors?.[0]?.extensions?.['field']).toBe('email');
    const r2 = await client.signIn(DEMO.editor.email, 'x'.repeat(300));
    expect(errorCode(r2)).toBe('BAD_USER_INPUT');
    expect(r2.errors?.[0]?.extensions?.['field']).toBe('password');
  });

  it('blocks an account after repeated failures, even with the right password', async () => {
    const client = new ApiClient(api.url);
    for (let i = 0; i < 3; i++) {
      expect(errorCode(await client.signIn(DEMO.reviewer.email, `wrong-${i}`))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const blocked = await client.signIn(DEMO.reviewer.email, DEMO.reviewer.password);
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0]?.message).toMatch(/Try again in/);
    expect(blocked.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    expect(client.cookie).toBeNull();
    // The block's start is in the activity log, once, after the failures that led to it.
    const admin = await signedIn(api, 'admin');
    const { activity } = await admin.ok<{
      activity: {
        edges: {
          node: { action: string; entityId: string; changes: { field: string; after: string }[] };
        }[];
      };
    }>(
      'query($filter: ActivityFilter) { activity(filter: $filter, first: 10) { edges { node { action entityId changes { field after } } } } }',
      { filter: { actions: ['auth.sign_in_failed', 'auth.sign_in_blocked'] } },
    );
    const { users } = await admin.ok<{ users: { id: string; email: string }[] }>(
      '{ users { id email } }',
    );
    const reviewerId = users.find((u) => u.email === DEMO.reviewer.email)?.id;
    const events = activity.edges
      .map((e) => e.node)
      .filter((e) => e.entityId === reviewerId)
      .reverse();
    expect(events.map((e) => e.action)).toEqual([
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_blocked',
    ]);
    const block = Object.fromEntries(events[3].changes.map((c) => [c.field, c.after]));
    expect(JSON.parse(block['blocked'])).toEqual(['account']);
    expect(JSON.parse(block['seconds'])).toBeGreaterThan(0);
  });

  it('rotates the session on sign-in: the old cookie stops working', async () => {
    const client = await signedIn(api, 'editor');
    const old = client.cookie;
    await client.signIn(DEMO.editor.email, DEMO.editor.password);
    expect(client.cookie).not.toBe(old);
    const stale = new ApiClient(api.url);
    stale.cookie = old;
    expect(errorCode(await stale.request(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await client.request(ME))).toBeUndefined();
  });

  it('signs out: the session no longer works', async () => {
    const client = await signedIn(api, 'editor');
    const cookie = client.cookie;
    expect((await client.ok<{ signOut: boolean }>('mutation { signOut }')).signOut).toBe(true);
    const replay = new ApiClient(api.url);
    replay.cookie = cookie;
    expect(errorCode(await replay.request(ME))).toBe('UNAUTHENTICATED');
  });

  it('issues bearer tokens that work without a cookie, lists them without secrets, and revokes them', async () => {
    const client = await signedIn(api, 'viewer');
    const created = await client.ok<{
      createApiToken: { token: string; apiToken: { id: string; name: string } };
    }>(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }',
      { input: { name: 'newsroom sync', expiresInDays: 30 } },
    );
    const bearer = new ApiClient(api.url);
    bearer.bearer = created.createApiToken.token;
    const me = await bearer.ok<{ me: { email: string } }>(ME);
    expect(me.me.email).toBe(DEMO.viewer.email);
    const list = await client.ok<{ apiTokens: Record<string, unknown>[] }>(
      '{ apiTokens { id name expiresAt } }',
    );
    expect(list.apiTokens).toEqual([
      expect.objectContaining({ id: created.createApiToken.apiToken.id, name: 'newsroom sync' }),
    ]);
    expect(JSON.stringify(list)).not.toContain(created.createApiToken.token);
    await client.ok('mutation($id: ID!) { revokeApiToken(id: $id) }', {
      id: created.createApiToken.apiToken.id,
    });
    expect(errorCode(await bearer.request(ME))).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed token id and an unknown one with specific codes', async () => {
    const client = await signedIn(api, 'viewer');
    const bad = await client.request('mutation { revokeApiToken(id: "nope") }');
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.['field']).toBe('id');
    const unknown = await client.request(
      'mutation { revokeApiToken(id: "00000000-0000-4000-8000-000000000000") }',
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('ends every session and token of a user who signs out everywhere', async () => {
    const tab1 = await signedIn(api, 'admin');
    const tab2 = await signedIn(api, 'admin');
    const token = await tab1.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "cli" }) { token } }',
    );
    const bearer = new ApiClient(api.url);
    bearer.bearer = token.createApiToken.token;
    await tab1.ok('mutation { signOutEverywhere }');
    expect(errorCode(await tab2.request(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await bearer.request(ME))).toBe('UNAUTHENTICATED');
  });
});

describe("changing one's own password", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => api.close());

  const CHANGE = 'mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }';
  const storedHash = async (email: string) =>
    (
      (await api.dataSource.query(
        `SELECT "passwordHash" FROM "users" WHERE "email" = '${email}'`,
      )) as {
        passwordHash: string;
      }[]
    )[0]?.passwordHash;

  it('needs the current password and a new one within the policy; a refusal changes nothing', async () => {
    const here = await signedIn(api, 'editor');
    const other = await signedIn(api, 'editor');
    const before = await storedHash(DEMO.editor.email);
    const refusals = [
      [
        { currentPassword: 'not-the-password', newPassword: 'a-brand-new-passphrase' },
        'currentPassword',
        /not correct/,
      ],
      [
        { currentPassword: DEMO.editor.password, newPassword: 'short' },
        'newPassword',
        /between 12 and 256/,
      ],
      [
        { currentPassword: DEMO.editor.password, newPassword: DEMO.editor.password },
        'newPassword',
        /not the current one/,
      ],
    ] as const;
    for (const [input, field, message] of refusals) {
      const result = await here.request(CHANGE, { input });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await storedHash(DEMO.editor.email)).toBe(before);
    expect((await other.ok<{ me: { email: string } }>(ME)).me.email).toBe(DEMO.editor.email);
    expect(
      errorCode(await new ApiClient(api.url).signIn(DEMO.editor.email, DEMO.editor.password)),
    ).toBeUndefined();
  });

  it('changes it: other browser sessions end, this one and API tokens go on, the new one signs in', async () => {
    const here = await signedIn(api, 'reviewer2');
    const other = await signedIn(api, 'reviewer2');
    const token = await here.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(input: { name: "cli" }) { token } }',
    );
    const bearer = new ApiClient(api.url);
    bearer.bearer = token.createApiToken.token;
    expect(
      (
        await here.ok<{ changeMyPassword: boolean }>(CHANGE, {
          input: {
            currentPassword: DEMO.reviewer2.password,
            newPassword: 'a-brand-new-passphrase',
          },
        })
      ).changeMyPassword,
    ).toBe(true);
    expect((await here.ok<{ me: { email: string } }>(ME)).me.email).toBe(DEMO.reviewer2.email);
    expect(errorCode(await other.request(ME))).toBe('UNAUTHENTICATED');
    expect((await bearer.ok<{ me: { email: string } }>(ME)).me.email).toBe(DEMO.reviewer2.email);
    expect(
      errorCode(await new ApiClient(api.url).signIn(DEMO.reviewer2.email, DEMO.reviewer2.password)),
    ).toBe('UNAUTHENTICATED');
    expect(
      errorCode(
        await new ApiClient(api.url).signIn(DEMO.reviewer2.email, 'a-brand-new-passphrase'),
      ),
    ).toBeUndefined();
    expect(await storedHash(DEMO.reviewer2.email)).toMatch(/^\$argon2id\$/);
    // Audited, without either password.
    const events = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ action: 'auth.password_changed' });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toMatch(/passphrase|demo-reviewer-pass/);
  });

  it('counts a wrong current password as a failed sign-in, so a borrowed session cannot guess it', async () => {
    const here = await signedIn(api, 'viewer');
    for (let i = 0; i < 3; i++) {
      const wrong = await here.request(CHANGE, {
        input: { currentPassword: `guess-number-${i}`, newPassword: 'a-brand-new-passphrase' },
      });
      expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    }
    // Blocked now, even with the right password, here and at sign-in.
    const right = await here.request(CHANGE, {
      input: { currentPassword: DEMO.viewer.password, newPassword: 'a-brand-new-passphrase' },
    });
    expect(errorCode(right)).toBe('TOO_MANY_REQUESTS');
    expect(
      errorCode(await new ApiClient(api.url).signIn(DEMO.viewer.email, DEMO.viewer.password)),
    ).toBe('TOO_MANY_REQUESTS');
  });
});

describe('deactivation and password reset by an admin', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it("stops a deactivated user's open session at once and refuses their sign-in", async () => {
    const admin = await signedIn(api, 'admin');
    const reviewer = await signedIn(api, 'reviewer');
    const me = await reviewer.ok<{ me: { email: string } }>('{ me { email } }');
    expect(me.me.email).toBe(DEMO.reviewer.email);
    const users = await admin.ok<{ users: { id: string; email: string }[] }>(
      '{ users { id email } }',
    );
    const id = users.users.find((u) => u.email === DEMO.reviewer.email)?.id;
    const result = await admin.ok<{ deactivateUser: { active: boolean } }>(
      'mutation($id: ID!) { deactivateUser(userId: $id) { active } }',
      { id },
    );
    expect(result.deactivateUser.active).toBe(false);
    expect(errorCode(await reviewer.request('{ me { email } }'))).toBe('UNAUTHENTICATED');
    const again = await new ApiClient(api.url).signIn(DEMO.reviewer.email, DEMO.reviewer.password);
    expect(errorCode(again)).toBe('FORBIDDEN');
    expect(again.errors?.[0]?.message).toMatch(/deactivated/);

    await admin.ok('mutation($id: ID!) { reactivateUser(userId: $id) { active } }', { id });
    expect(
      errorCode(await new ApiClient(api.url).signIn(DEMO.reviewer.email, DEMO.reviewer.password)),
    ).toBeUndefined();
    // Reactivation does not revive the session that was open when the user was deactivated.
    expect(errorCode(await reviewer.request('{ me { email } }'))).toBe('UNAUTHENTICATED');
  });

  it('resets a password: the old password and old sessions stop working, the new one signs in', async () => {
    const admin = await signedIn(api, 'admin');
    const viewer = await signedIn(api, 'viewer');
    const users = await admin.ok<{ users: { id: string; email: string }[] }>(
      '{ users { id email } }',
    );
    const id = users.users.find((u) => u.email === DEMO.viewer.email)?.id;
    await admin.ok(
      'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }',
      {
        input: { userId: id, newPassword: 'a-brand-new-passphrase' },
      },
    );
    expect(errorCode(await viewer.request('{ me { email } }'))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await new ApiClient(api.url).signIn(DEMO.viewer.email, DEMO.viewer.password)),
    ).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await new ApiClient(api.url).signIn(DEMO.viewer.email, 'a-brand-new-passphrase')),
    ).toBeUndefined();
  });
});

describe('auth events and session expiry', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ SESSION_TTL_HOURS: '2' });
  });
  afterAll(() => api.close());

  /** Auth events about a user (a failed sign-in has no actor) or done by them (their tokens). */
  const eventsOf = async (userId: string) =>
    (
      await api.dataSource.getRepository(AuditEventEntity).find({
        where: [{ entityType: 'User', entityId: userId }, { actorId: userId }],
        order: { id: 'ASC' },
      })
    ).filter((e) => e.action.startsWith('auth.'));

  it('audits sign-in, failures, sign-out, sign-out everywhere and API tokens, without secrets', async () => {
    const failed = new ApiClient(api.url);
    await failed.signIn(DEMO.viewer.email, 'not-the-password');
    const client = await signedIn(api, 'viewer');
    const me = await client.ok<{ me: { id: string } }>('{ me { id } }');
    const created = await client.ok<{
      createApiToken: { token: string; apiToken: { id: string } };
    }>('mutation { createApiToken(input: { name: "sync" }) { token apiToken { id } } }');
    await client.ok('mutation($id: ID!) { revokeApiToken(id: $id) }', {
      id: created.createApiToken.apiToken.id,
    });
    await client.ok('mutation { signOut }');
    const again = await signedIn(api, 'viewer');
    await again.ok('mutation { signOutEverywhere }');

    const events = await eventsOf(me.me.id);
    expect(events.map((e) => e.action)).toEqual([
      'auth.sign_in_failed',
      'auth.signed_in',
      'auth.api_token_created',
      'auth.api_token_revoked',
      'auth.signed_out',
      'auth.signed_in',
      'auth.signed_out_everywhere',
    ]);
    expect(events.filter((e) => e.action !== 'auth.sign_in_failed').map((e) => e.actorId)).toEqual(
      Array(6).fill(me.me.id),
    );
    const stored = JSON.stringify(events);
    expect(stored).not.toContain(created.createApiToken.token);
    expect(stored).not.toContain(DEMO.viewer.password);
    expect(stored).not.toContain('not-the-password');
  });

  it('gives a session the configured lifetime and refuses it once expired', async () => {
    const client = await signedIn(api, 'editor');
    expect(client.lastSetCookie).toMatch(/Max-Age=7200/);
    const me = await client.ok<{ me: { id: string } }>('{ me { id } }');
    const sessions = api.dataSource.getRepository(SessionEntity);
    const [session] = await sessions.find({ where: { userId: me.me.id, kind: 'SESSION' } });
    const lifetime = session!.expiresAt!.getTime() - session!.createdAt.getTime();
    expect(Math.abs(lifetime - 2 * 3_600_000)).toBeLessThan(60_000);

    await sessions.update({ userId: me.me.id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await client.request(ME);
    expect(errorCode(expired)).toBe('UNAUTHENTICATED');
  });
});
