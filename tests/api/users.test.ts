import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { UserEntity } from '@corroborate/api-users';
import { ApiClient, errorCode, signedIn, startApi, type TestApi } from './src';

const CREATE = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { id email displayName role active }
}`;
const valid = {
  email: 'New.Person@Example.org',
  displayName: 'New Person',
  role: 'REVIEWER',
  password: 'long-enough-password',
};

describe('user administration', () => {
  let api: TestApi;
  let admin: ApiClient;
  const userCount = () => api.dataSource.getRepository(UserEntity).count();
  const userId = async (email: string) =>
    (await api.dataSource.getRepository(UserEntity).findOneByOrFail({ email })).id;

  beforeAll(async () => {
    api = await startApi();
    admin = await signedIn(api, 'admin');
  });
  afterAll(() => api.close());

  it('lets an admin create a user who can then sign in; the email is stored lower-cased; it is audited', async () => {
    const data = await admin.ok<{
      createUser: { id: string; email: string; role: string; active: boolean };
    }>(CREATE, {
      input: valid,
    });
    expect(data.createUser).toMatchObject({
      email: 'new.person@example.org',
      role: 'REVIEWER',
      active: true,
    });
    const signIn = await new ApiClient(api.url).signIn('new.person@example.org', valid.password);
    expect(signIn.errors).toBeUndefined();
    const events = await api.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ entityId: data.createUser.id, action: 'user.created' });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0].after)).not.toContain(valid.password);
  });

  it.each([
    [{ ...valid, email: 'not an email' }, 'email', /valid email/],
    [{ ...valid, email: `${'a'.repeat(250)}@example.org` }, 'email', /at most 254/],
    [
      { ...valid, email: 'x@example.org', displayName: 'n'.repeat(121) },
      'displayName',
      /between 1 and 120/,
    ],
    [{ ...valid, email: 'x@example.org', displayName: '   ' }, 'displayName', /blank/],
    [{ ...valid, email: 'x@example.org', password: 'short' }, 'password', /at least|between 12/],
  ])(
    'refuses bad input %#, names the field, and creates nothing',
    async (input, field, message) => {
      const before = await userCount();
      const result = await admin.request(CREATE, { input });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(await userCount()).toBe(before);
    },
  );

  it('refuses a role that does not exist and creates nothing', async () => {
    const before = await userCount();
    const result = await admin.request(CREATE, {
      input: { ...valid, email: 'y@example.org', role: 'OWNER' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/OWNER/);
    expect(await userCount()).toBe(before);
  });

  it('refuses a second user with the same email (in any case) as a CONFLICT', async () => {
    const before = await userCount();
    const result = await admin.request(CREATE, {
      input: { ...valid, email: 'EDITOR@example.org' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('email');
    expect(await userCount()).toBe(before);
  });

  it('refuses every user-administration operation to editors, reviewers and viewers', async () => {
    for (const who of ['editor', 'reviewer', 'viewer'] as const) {
      const client = await signedIn(api, who);
      const before = await userCount();
      const result = await client.request(CREATE, {
        input: { ...valid, email: `by-${who}@example.org` },
      });
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(await userCount()).toBe(before);
      expect(errorCode(await client.request('{ users { id } }'))).toBe('FORBIDDEN');
    }
  });

  it('changes a role, and the new role applies to the open session at once', async () => {
    const viewer = await signedIn(api, 'viewer');
    const id = await userId('viewer@example.org');
    expect(
      errorCode(
        await viewer.request('mutation { createProject(input: { name: "Viewer desk" }) { id } }'),
      ),
    ).toBe('FORBIDDEN');
    await admin.ok(
      'mutation($input: UpdateUserRoleInput!) { updateUserRole(input: $input) { role } }',
      {
        input: { userId: id, role: 'EDITOR' },
      },
    );
    expect(
      errorCode(
        await viewer.request('mutation { createProject(input: { name: "Viewer desk" }) { id } }'),
      ),
    ).toBeUndefined();
    const audit = await api.dataSource
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ entityId: id, action: 'user.role_changed' });
    expect(audit.before).toMatchObject({ role: 'VIEWER' });
    expect(audit.after).toMatchObject({ role: 'EDITOR' });
  });

  it('refuses to demote or deactivate the last active admin, and an admin deactivating themself', async () => {
    const id = await userId('admin@example.org');
    const demote = await admin.request(
      'mutation($input: UpdateUserRoleInput!) { updateUserRole(input: $input) { role } }',
      {
        input: { userId: id, role: 'VIEWER' },
      },
    );
    expect(errorCode(demote)).toBe('CONFLICT');
    expect(demote.errors?.[0]?.message).toMatch(/last active admin/);
    const self = await admin.request(
      'mutation($id: ID!) { deactivateUser(userId: $id) { active } }',
      { id },
    );
    expect(errorCode(self)).toBe('BAD_USER_INPUT');
    const stored = await api.dataSource.getRepository(UserEntity).findOneByOrFail({ id });
    expect(stored).toMatchObject({ role: 'ADMIN', active: true });
  });

  it('answers NOT_FOUND for an unknown user and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await admin.request(
      'mutation { deactivateUser(userId: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const malformed = await admin.request('mutation { deactivateUser(userId: "42") { id } }');
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.extensions?.['field']).toBe('userId');
  });

  it('refuses a reset to a password that breaks the policy, keeping the old one', async () => {
    const id = await userId('editor@example.org');
    const result = await admin.request(
      'mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }',
      { input: { userId: id, newPassword: 'short' } },
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('newPassword');
    expect(
      (await new ApiClient(api.url).signIn('editor@example.org', 'demo-editor-pass')).errors,
    ).toBeUndefined();
  });

  it('lists the active reviewers to editors and admins for assignment, and to nobody else', async () => {
    const editor = await signedIn(api, 'editor');
    const data = await editor.ok<{ reviewers: { email: string; role: string }[] }>(
      '{ reviewers { email role } }',
    );
    const emails = data.reviewers.map((r) => r.email);
    expect(emails).toEqual(
      expect.arrayContaining(['reviewer@example.org', 'reviewer2@example.org']),
    );
    expect(data.reviewers.every((r) => r.role === 'REVIEWER')).toBe(true);
    // (The viewer was made an editor earlier in this suite; the reviewer is still a reviewer.)
    const reviewer = await signedIn(api, 'reviewer');
    expect(errorCode(await reviewer.request('{ reviewers { id } }'))).toBe('FORBIDDEN');
    const id = await userId('reviewer2@example.org');
    await admin.ok('mutation($id: ID!) { deactivateUser(userId: $id) { id } }', { id });
    const after = await editor.ok<{ reviewers: { email: string }[] }>('{ reviewers { email } }');
    expect(after.reviewers.map((r) => r.email)).not.toContain('reviewer2@example.org');
    await admin.ok('mutation($id: ID!) { reactivateUser(userId: $id) { id } }', { id });
  });
});
