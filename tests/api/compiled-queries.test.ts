import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CompiledQueries } from '@corroborate/api-app';
import {
  type ApiClient,
  ApiClient as Client,
  errorCode,
  newClaim,
  newProject,
  signedIn,
  startApi,
  type TestApi,
} from './src';

/** A queue page as the web app asks for it: claims with their project, evidence and counts. */
const QUEUE = `query Queue($p: ID!) {
  claims(filter: { projectId: $p }, first: 20) {
    totalCount
    facets { statuses { value count } }
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id text status priority version project { id name } evidenceCount
      evidence { id stance source { id name reliability } } assignments { id status } } }
  }
}`;

/**
 * The server answers a query text Apollo has already accepted from its compiled query, before
 * Apollo (CompiledQueries): these prove that the answers, headers and refusals are the same as
 * Apollo's, whoever asks.
 */
describe('queries answered from their compiled form', () => {
  let api: TestApi;
  let editor: ApiClient;
  let viewer: ApiClient;
  let projectId: string;
  /** Requests the fast path took up (an accepted text found), since the last reset. */
  const fastAnswers = vi.spyOn(
    CompiledQueries.prototype as unknown as { acceptedQuery: (req: unknown) => unknown },
    'acceptedQuery',
  );
  const answeredFast = () => fastAnswers.mock.results.filter((r) => r.value !== undefined).length;

  const post = async (client: ApiClient | null, query: string, variables = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (client?.cookie) headers['cookie'] = client.cookie;
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const seen = Object.fromEntries(res.headers.entries());
    delete seen['date'];
    return { status: res.status, headers: seen, text: await res.text() };
  };

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    viewer = await signedIn(api, 'viewer');
    projectId = await newProject(editor, 'Compiled desk');
    for (const text of ['Police detained 200 people in Minsk', 'The vote count was falsified'])
      await newClaim(editor, projectId, text);
  });
  afterAll(async () => {
    fastAnswers.mockRestore();
    await api.close();
  });

  it('answers an accepted queue page byte for byte as Apollo did, with the same headers', async () => {
    fastAnswers.mockClear();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(editor, QUEUE, { p: projectId }));
    expect(answers[0].status).toBe(200);
    expect(JSON.parse(answers[0].text).data.claims.totalCount).toBe(2);
    for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
    // Security headers (helmet), no-store and the content type are on every answer.
    expect(answers[0].headers).toMatchObject({
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
      'x-content-type-options': 'nosniff',
    });
    expect(answers[0].headers['content-security-policy']).toContain("default-src 'self'");
    // The first two went through Apollo (the second compiled and accepted the text).
    expect(answeredFast()).toBe(2);
  });

  it('refuses an accepted text to a caller who may not run it, exactly as before', async () => {
    const query = '{ agreement { alpha pairableValues } }';
    const before = await post(viewer, query);
    const anonymousBefore = await post(null, query);
    fastAnswers.mockClear();
    // The refused runs count as runs of the document: the editor's first run compiles it.
    for (let i = 0; i < 3; i++) expect((await post(editor, query)).status).toBe(200);
    expect(answeredFast()).toBe(2);
    // Both refusals are taken up by the fast path, whose compiled run fails in the guard; Apollo
    // then answers with the error as it always did.
    const after = await post(viewer, query);
    const anonymousAfter = await post(null, query);
    expect(answeredFast()).toBe(4);
    expect(after).toEqual(before);
    expect(anonymousAfter).toEqual(anonymousBefore);
    expect(errorCode(JSON.parse(after.text))).toBe('FORBIDDEN');
    expect(errorCode(JSON.parse(anonymousAfter.text))).toBe('UNAUTHENTICATED');
  });

  it('stops answering a session the moment it is signed out', async () => {
    const me = '{ me { email } }';
    const client = await signedIn(api, 'reviewer');
    for (let i = 0; i < 3; i++) await client.ok(me);
    const cookie = client.cookie;
    await client.ok('mutation { signOut }');
    const stale = new Client(api.url);
    stale.cookie = cookie;
    expect(errorCode(await stale.request(me))).toBe('UNAUTHENTICATED');
  });
});
