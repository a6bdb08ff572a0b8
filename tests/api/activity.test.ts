import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { ApiClient, errorCode, signedIn, startApi, type TestApi, testDialect } from './src';

const ACTIVITY = `query($filter: ActivityFilter, $first: Int, $after: String) {
  activity(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at action entityType entityId reason actor { id email } changes { field before after } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Activity {
  activity: {
    edges: {
      cursor: string;
      node: {
        id: string;
        at: string;
        action: string;
        entityType: string;
        entityId: string;
        reason: string | null;
        actor: { id: string; email: string } | null;
        changes: { field: string; before: string | null; after: string | null }[];
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The organisation's activity log: admins read every audit event, newest first, filtered. */
describe(`the activity log on ${testDialect()}`, () => {
  let api: TestApi;
  let admin: ApiClient;
  let editor: ApiClient;
  let editorId: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await signedIn(api, 'admin');
    editor = await signedIn(api, 'editor');
    editorId = (await editor.ok<{ me: { id: string } }>('{ me { id } }')).me.id;
  });
  afterAll(() => api.close());

  const all = async (filter: Record<string, unknown>) => {
    const events: Activity['activity']['edges'][number]['node'][] = [];
    let after: string | null = null;
    do {
      const page: Activity = await admin.ok<Activity>(ACTIVITY, { filter, first: 7, after });
      events.push(...page.activity.edges.map((e) => e.node));
      after = page.activity.pageInfo.hasNextPage ? page.activity.pageInfo.endCursor : null;
    } while (after !== null);
    return events;
  };

  it('lists every audit event newest first, page after page, each once, as the database holds them', async () => {
    const events = await all({});
    const stored = await api.dataSource
      .getRepository(AuditEventEntity)
      .find({ order: { id: 'DESC' }, select: { id: true, action: true } });
    expect(events.map((e) => [Number(e.id), e.action])).toEqual(
      stored.map((e) => [e.id, e.action]),
    );
    expect(events.length).toBeGreaterThan(7);
  });

  it('shows a failed sign-in (no actor) and a sign-in with who and from where, filtered by action and person', async () => {
    const stranger = new ApiClient(api.url);
    const failed = await stranger.signIn('editor@example.org', 'not the password');
    expect(errorCode(failed)).toBe('UNAUTHENTICATED');
    const [latest] = await all({ actions: ['auth.sign_in_failed'] }).then((e) => e.slice(0, 1));
    expect(latest).toMatchObject({
      action: 'auth.sign_in_failed',
      entityType: 'User',
      entityId: editorId,
      actor: null,
    });
    expect(latest.changes.map((c) => c.field).sort()).toEqual(['address', 'reason']);

    const byEditor = await all({ actorId: editorId });
    expect(byEditor.length).toBeGreaterThan(0);
    expect(byEditor.every((e) => e.actor?.id === editorId)).toBe(true);
    expect(byEditor.some((e) => e.action === 'auth.signed_in')).toBe(true);

    const signIns = await all({ actions: ['auth.signed_in', 'auth.sign_in_failed'] });
    expect(new Set(signIns.map((e) => e.action))).toEqual(
      new Set(['auth.signed_in', 'auth.sign_in_failed']),
    );
  });

  it('filters by kind of record and by time, and keeps a cursor valid while new events are recorded', async () => {
    const { createProject } = await editor.ok<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Activity desk' } },
    );
    const projects = await all({ entityType: 'Project' });
    expect(projects[0]).toMatchObject({ entityId: createProject.id, actor: { id: editorId } });
    expect(projects.every((e) => e.entityType === 'Project')).toBe(true);

    const newest = await all({});
    const at = Date.parse(newest[0].at);
    const window = await all({
      from: new Date(at - 1).toISOString(),
      to: new Date(at + 1).toISOString(),
    });
    expect(window.map((e) => e.id)).toContain(newest[0].id);
    expect(
      window.every((e) => Math.abs(Date.parse(e.at) - at) <= 1),
      JSON.stringify(window.map((e) => e.at)),
    ).toBe(true);
    expect(await all({ to: new Date(Date.parse(newest.at(-1)!.at) - 1).toISOString() })).toEqual(
      [],
    );

    // A page read, an event recorded, the next page: nothing repeated, nothing skipped.
    const first = await admin.ok<Activity>(ACTIVITY, { first: 3 });
    await editor.ok(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Activity desk 2' } },
    );
    const second = await admin.ok<Activity>(ACTIVITY, {
      first: 3,
      after: first.activity.pageInfo.endCursor,
    });
    expect(second.activity.edges.map((e) => e.node.id)).toEqual(
      newest.slice(3, 6).map((e) => e.id),
    );
  });

  it('is for admins only, and refuses a bad cursor, page size or filter naming the field', async () => {
    expect(errorCode(await editor.request(ACTIVITY, {}))).toBe('FORBIDDEN');
    expect(errorCode(await new ApiClient(api.url).request(ACTIVITY, {}))).toBe('UNAUTHENTICATED');
    for (const [variables, field] of [
      [{ after: 'not-a-cursor!' }, 'after'],
      [{ first: 0 }, 'first'],
      [{ first: 201 }, 'first'],
      [{ filter: { actorId: 'nobody' } }, 'actorId'],
    ] as const) {
      const result = await admin.request(ACTIVITY, variables);
      expect(errorCode(result), JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(String(result.errors?.[0]?.extensions?.['field'])).toContain(field);
    }
  });

  it('downloads what a filter shows as CSV, every page of it, with who did it; for admins only', async () => {
    const download = (client: ApiClient | null, query: string) =>
      fetch(`${api.url}/api/activity.csv?${query}`, {
        headers: client?.cookie ? { cookie: client.cookie } : {},
      });
    const query = `actions=auth.signed_in,auth.sign_in_failed&actions=project.created`;
    const res = await download(admin, query);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="activity-/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const shown = await all({
      actions: ['auth.signed_in', 'auth.sign_in_failed', 'project.created'],
    });
    expect(rows.map((r) => [r['id'], r['action']])).toEqual(shown.map((e) => [e.id, e.action]));
    const editorRow = rows.find(
      (r) => r['actorId'] === editorId && r['action'] === 'auth.signed_in',
    );
    expect(editorRow).toMatchObject({
      actorEmail: 'editor@example.org',
      actorName: 'Elena Editor',
    });
    expect(JSON.parse(editorRow!['changes'])).toHaveProperty('address');
    // The download is itself in the log, with its filter.
    const [downloaded] = await all({ actions: ['activity.downloaded'] });
    expect(downloaded.actor?.email).toBe('admin@example.org');

    expect((await download(editor, '')).status).toBe(403);
    expect((await download(null, '')).status).toBe(401);
    for (const [bad, field] of [
      ['actorId=nobody', 'actorId'],
      ['from=yesterday', 'from'],
      ['entityType=' + 'x'.repeat(41), 'entityType'],
    ]) {
      const refused = await download(admin, bad);
      expect(refused.status, bad).toBe(400);
      expect(((await refused.json()) as { error: { field: string } }).error.field).toBe(field);
    }
  });
});
