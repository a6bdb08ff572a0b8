import { GraphQLSchemaHost } from '@nestjs/graphql';
import { type DocumentNode, Kind, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as webDocuments from '@corroborate/graphql';
import { GRAPHQL_LIMITS, graphqlArmor } from '@corroborate/api-app';
import { type ApiClient, signedIn, startApi, type TestApi } from './src';

const documents = Object.entries(webDocuments).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' &&
    entry[1] !== null &&
    (entry[1] as { kind?: unknown }).kind === Kind.DOCUMENT,
);

/** POSTs a raw body to /graphql with the client's session. */
async function post(api: TestApi, client: ApiClient, body: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.cookie ?? '' },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('GraphQL hardening', () => {
  let api: TestApi;
  let editor: ApiClient;

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
  });
  afterAll(() => api.close());

  it("keeps every document the web app sends within the limits (with the live schema's rules)", () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    expect(documents.length).toBeGreaterThan(40);
    const failures = documents.flatMap(([name, doc]) =>
      validate(schema, doc, graphqlArmor().validationRules).map((e) => `${name}: ${e.message}`),
    );
    expect(failures).toEqual([]);
  });

  it('refuses a query nested deeper than the limit, before running it', async () => {
    let selection = 'id';
    for (let i = 0; i < GRAPHQL_LIMITS.maxDepth / 3; i++)
      selection = `evidence { derivedFrom { claim { ${selection} } } }`;
    const result = await editor.request(`{ claims(first: 1) { edges { node { ${selection} } } } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e) => e.message).join(' ')).toMatch(/depth limit of 16 exceeded/i);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more aliases than the limit (an alias flood)', async () => {
    const aliases = Array.from(
      { length: GRAPHQL_LIMITS.maxAliases + 5 },
      (_, i) => `a${i}: me { id }`,
    ).join(' ');
    const result = await editor.request(`{ ${aliases} }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document with more tokens than the limit', async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'id').join(' ');
    const result = await editor.request(`{ me { ${fields} } }`);
    expect(result.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses batched HTTP requests', async () => {
    const res = await post(
      api,
      editor,
      JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    );
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/"me"/);
  });

  it('refuses a body over the size limit with 413 and no internals', async () => {
    const huge = JSON.stringify({
      query: '{ me { id } }',
      variables: { pad: 'x'.repeat(GRAPHQL_LIMITS.maxBodyBytes) },
    });
    const res = await post(api, editor, huge);
    expect(res.status).toBe(413);
    expect(res.text).not.toMatch(/at \w+ \(|node_modules|stack/i);
  });

  it('refuses text with a NUL character, naming the field, and stores nothing', async () => {
    const projectId = (await editor.ok<{ projects: { id: string }[] }>('{ projects { id } }'))
      .projects[0]?.id;
    const before = await api.dataSource.query('SELECT COUNT(*) AS n FROM "claims"');
    const result = await editor.request(
      'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }',
      { input: { projectId, text: 'Thirty\u0000thousand detained' } },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(result.errors?.[0]?.message).toMatch(/NUL character/);
    expect(await api.dataSource.query('SELECT COUNT(*) AS n FROM "claims"')).toEqual(before);
  });

  it('does not suggest field names in errors', async () => {
    const result = await editor.request('{ me { emai } }');
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/i);
  });

  it('keeps CORS closed: no cross-origin grant, even to a preflight', async () => {
    const preflight = await fetch(`${api.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
