import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS } from '@corroborate/api-app';
import { type ApiClient, signedIn, startApi, type TestApi } from './src';

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

async function countClaims(api: TestApi): Promise<number> {
  const [row] = (await api.dataSource.query('SELECT COUNT(*) AS n FROM "claims"')) as {
    n: number | string;
  }[];
  return Number(row?.n);
}

async function firstProjectId(client: ApiClient): Promise<string> {
  const { projects } = await client.ok<{ projects: { id: string }[] }>('{ projects { id } }');
  return projects[0]!.id;
}

describe('HTTP security of the API', () => {
  let api: TestApi;
  let editor: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
  });
  afterAll(() => api.close());

  it('sends security headers (CSP, nosniff, framing, referrer, HSTS) and no X-Powered-By', async () => {
    for (const path of ['/graphql', '/health', '/']) {
      const res = await fetch(`${api.url}${path}`, {
        method: path === '/graphql' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: path === '/graphql' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
      });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'self'");
      expect(csp, path).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('refuses a GraphQL request a cross-site form could send (CSRF prevention)', async () => {
    const before = await countClaims(api);
    const projectId = await firstProjectId(editor);
    // A "simple" request needs no preflight: text/plain body with the victim's cookie.
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: editor.cookie ?? '' },
      body: JSON.stringify({
        query: 'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
        variables: { input: { projectId, text: 'Planted by another site' } },
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
    // A GET without a preflight-forcing header is refused as well.
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { cookie: editor.cookie ?? '' },
    });
    expect(get.status).toBe(400);
    expect(await countClaims(api)).toBe(before);
  });

  it('refuses mutations over GET even with the preflight header', async () => {
    const before = await countClaims(api);
    const projectId = await firstProjectId(editor);
    const query = `mutation { createClaim(input: { projectId: "${projectId}", text: "Sent by GET" }) { id } }`;
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { cookie: editor.cookie ?? '', 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
    expect(await countClaims(api)).toBe(before);
  });

  it('refuses a query over the cost limit, before running it', async () => {
    const ids = Array.from({ length: 400 }, () => 'id').join(' ');
    let selection = ids;
    for (let i = 0; i < 3; i++) selection = `evidence { derivedFrom { claim { ${selection} } } }`;
    const result = await editor.request(`{ claims(first: 1) { edges { node { ${selection} } } } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(
      new RegExp(`Query Cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded`),
    );
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more directives than the limit', async () => {
    const directives = Array.from(
      { length: GRAPHQL_LIMITS.maxDirectives + 1 },
      () => '@include(if: true)',
    ).join(' ');
    const result = await editor.request(`{ me ${directives} { id } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/directives/i);
  });

  it('refuses cross-site uploads to the import endpoint with the session cookie, importing nothing', async () => {
    const before = await countClaims(api);
    const projectId = await firstProjectId(editor);
    const send = (headers: Record<string, string>) => {
      const form = new FormData();
      form.append('file', new Blob(['text\nPlanted claim from another site\n']), 'claims.csv');
      return fetch(`${api.url}/api/projects/${projectId}/imports`, {
        method: 'POST',
        headers: { cookie: editor.cookie ?? '', ...headers },
        body: form,
      });
    };
    const crossSite = await send({ 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const noHeader = await send({});
    expect(noHeader.status).toBe(403);
    expect(await countClaims(api)).toBe(before);
    // The same upload from the app itself goes through: the check is what refused the others.
    const sameOrigin = await send({ 'sec-fetch-site': 'same-origin' });
    expect(sameOrigin.status).toBe(201);
    expect(await countClaims(api)).toBe(before + 1);
  });

  it('refuses a cross-site export request with the session cookie', async () => {
    const projectId = await firstProjectId(editor);
    const send = (headers: Record<string, string>) =>
      fetch(`${api.url}/api/exports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: editor.cookie ?? '', ...headers },
        body: JSON.stringify({ format: 'csv', filter: { projectId } }),
      });
    expect((await send({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await send({})).status).toBe(403);
    const [row] = (await api.dataSource.query('SELECT COUNT(*) AS n FROM "exports"')) as {
      n: number | string;
    }[];
    expect(Number(row?.n)).toBe(0);
    const allowed = await send({ 'x-requested-with': 'XMLHttpRequest' });
    expect(allowed.status).toBe(200);
    await allowed.text();
  });

  it('answers introspection outside production (the production test below is not vacuous)', async () => {
    const result = await editor.request<{ __schema: { queryType: { name: string } } }>(
      INTROSPECTION,
    );
    expect(result.data?.__schema.queryType.name).toBe('Query');
  });
});

describe('in production mode', () => {
  let api: TestApi;
  let editor: ApiClient;

  beforeAll(async () => {
    api = await startApi({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-production-secret-of-more-than-thirty-two-characters',
      COOKIE_SECURE: 'false',
      DEMO_SEED: 'true',
    });
    editor = await signedIn(api, 'editor');
  });
  afterAll(() => api.close());

  it('turns introspection off, also for signed-in users', async () => {
    const result = await editor.request(INTROSPECTION);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves no GraphQL landing page or playground', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    const body = await res.text();
    expect(body).not.toMatch(/<html|<!doctype|<script/i);
    expect(body).not.toMatch(/playground|graphiql|sandbox|embed/i);
    expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
