import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventEntity } from '@corroborate/api-audit';
import { SourceEntity } from '@corroborate/api-sources';
import { type ApiClient, errorCode, signedIn, startApi, type TestApi } from './src';

const FIELDS = 'id name kind homepage reliability reliabilityNote version createdAt updatedAt';
const CREATE = `mutation($input: CreateSourceInput!) { createSource(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { ${FIELDS} } }`;
const REGRADE = `mutation($input: RegradeSourceInput!) { regradeSource(input: $input) { ${FIELDS} } }`;
const LIST = `query($search: String, $kinds: [SourceKind!], $first: Int, $after: String) {
  sources(search: $search, kinds: $kinds, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } }
  }
}`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface Source {
  id: string;
  name: string;
  kind: string;
  homepage: string | null;
  reliability: string;
  reliabilityNote: string | null;
  version: number;
}

describe('sources', () => {
  let api: TestApi;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let viewer: ApiClient;
  const sourceCount = () => api.dataSource.getRepository(SourceEntity).count();
  const stored = (id: string) => api.dataSource.getRepository(SourceEntity).findOneByOrFail({ id });
  const create = async (client: ApiClient, input: Record<string, unknown>) =>
    (await client.ok<{ createSource: Source }>(CREATE, { input })).createSource;

  beforeAll(async () => {
    api = await startApi();
    editor = await signedIn(api, 'editor');
    reviewer = await signedIn(api, 'reviewer');
    viewer = await signedIn(api, 'viewer');
  });
  afterAll(() => api.close());

  it('lets admins, editors and reviewers create a source, collapsing spaces, and audits it', async () => {
    for (const who of ['admin', 'editor', 'reviewer'] as const) {
      const client = await signedIn(api, who);
      const source = await create(client, {
        name: `  Minsk   Herald  ${who} `,
        kind: 'MEDIA',
        homepage: 'https://herald.example.by/',
        reliability: 'C',
        reliabilityNote: '  Independent daily ',
      });
      expect(source).toMatchObject({
        name: `Minsk Herald ${who}`,
        kind: 'MEDIA',
        homepage: 'https://herald.example.by/',
        reliability: 'C',
        reliabilityNote: 'Independent daily',
        version: 1,
      });
      const audit = await api.dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ entityType: 'Source', entityId: source.id, action: 'source.created' });
      expect(audit.after).toMatchObject({ name: `Minsk Herald ${who}`, reliability: 'C' });
    }
  });

  it('refuses viewers, changing nothing', async () => {
    const before = await sourceCount();
    const result = await viewer.request(CREATE, {
      input: { name: 'Viewer source', kind: 'NGO', reliability: 'B' },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await sourceCount()).toBe(before);
  });

  it('refuses a name that differs only in case or spacing as CONFLICT on name', async () => {
    await create(editor, { name: 'Belta Wire', kind: 'WIRE_AGENCY', reliability: 'D' });
    const before = await sourceCount();
    const result = await reviewer.request(CREATE, {
      input: { name: '  BELTA    wire ', kind: 'MEDIA', reliability: 'A' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('name');
    expect(await sourceCount()).toBe(before);
  });

  it.each([
    [{ name: '' }, 'name', /between 1 and 300/],
    [{ name: '    ' }, 'name', /between 1 and 300/],
    [{ name: 'n'.repeat(301) }, 'name', /between 1 and 300/],
    [{ homepage: 'javascript:alert(1)' }, 'homepage', /javascript:/],
    [{ homepage: 'file:///etc/passwd' }, 'homepage', /file:/],
    [{ homepage: 'not a url' }, 'homepage', /http/],
    [{ homepage: `https://example.org/${'a'.repeat(2048)}` }, 'homepage', /2048/],
    [{ reliabilityNote: 'x'.repeat(2001) }, 'reliabilityNote', /2000/],
  ])('refuses bad input %#, naming the field, and creates nothing', async (bad, field, why) => {
    const before = await sourceCount();
    const result = await editor.request(CREATE, {
      input: { name: 'Valid name', kind: 'NGO', reliability: 'B', ...bad },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
    expect(result.errors?.[0]?.message).toMatch(why);
    expect(await sourceCount()).toBe(before);
  });

  it('refuses an unknown enum value', async () => {
    const before = await sourceCount();
    const result = await editor.request(CREATE, {
      input: { name: 'Enum test', kind: 'BLOG', reliability: 'B' },
    });
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(await sourceCount()).toBe(before);
  });

  it('updates name, kind and homepage with the expected version and records before → after', async () => {
    const source = await create(editor, { name: 'Nasha Dumka', kind: 'MEDIA', reliability: 'B' });
    const { updateSource } = await editor.ok<{ updateSource: Source }>(UPDATE, {
      input: {
        sourceId: source.id,
        expectedVersion: 1,
        name: 'Nasha Dumka (nd.by)',
        homepage: 'https://nashaniva.com',
      },
    });
    expect(updateSource).toMatchObject({
      name: 'Nasha Dumka (nd.by)',
      kind: 'MEDIA',
      homepage: 'https://nashaniva.com',
      version: 2,
    });
    const { source: read } = await viewer.ok<{
      source: {
        history: { action: string; actor: { email: string } | null; changes: unknown[] }[];
      };
    }>(
      'query($id: ID!) { source(id: $id) { history { action actor { email } changes { field before after } } } }',
      { id: source.id },
    );
    expect(read.history.map((e) => e.action)).toEqual(['source.created', 'source.updated']);
    expect(read.history[1].actor?.email).toBe('editor@example.org');
    expect(read.history[1].changes).toEqual([
      { field: 'name', before: '"Nasha Dumka"', after: '"Nasha Dumka (nd.by)"' },
      { field: 'homepage', before: null, after: '"https://nashaniva.com"' },
    ]);
  });

  it('refuses a stale version as CONFLICT naming the changed fields, keeping the first write', async () => {
    const source = await create(editor, { name: 'Zerkalo', kind: 'MEDIA', reliability: 'B' });
    const admin = await signedIn(api, 'admin');
    await admin.ok(UPDATE, { input: { sourceId: source.id, expectedVersion: 1, kind: 'OTHER' } });
    const result = await editor.request(UPDATE, {
      input: { sourceId: source.id, expectedVersion: 1, name: 'Zerkalo.io' },
    });
    expect(errorCode(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      currentVersion: 2,
      changedFields: ['kind'],
    });
    expect(result.errors?.[0]?.message).toMatch(/kind/);
    expect(await stored(source.id)).toMatchObject({ name: 'Zerkalo', kind: 'OTHER', version: 2 });
  });

  it('refuses a name taken by another source on update, and bad homepages, changing nothing', async () => {
    const source = await create(editor, { name: 'Onliner', kind: 'MEDIA', reliability: 'C' });
    for (const [input, code, field] of [
      [{ name: 'belta wire' }, 'CONFLICT', 'name'],
      [{ homepage: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'homepage'],
      [{ homepage: 'file:///etc/passwd' }, 'BAD_USER_INPUT', 'homepage'],
      [{ name: '' }, 'BAD_USER_INPUT', 'name'],
    ] as const) {
      const result = await editor.request(UPDATE, {
        input: { sourceId: source.id, expectedVersion: 1, ...input },
      });
      expect(errorCode(result)).toBe(code);
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(await stored(source.id)).toMatchObject({
        name: 'Onliner',
        homepage: null,
        version: 1,
      });
    }
  });

  it('refuses updates to reviewers and viewers', async () => {
    const source = await create(editor, { name: 'Reform.by', kind: 'MEDIA', reliability: 'C' });
    for (const client of [reviewer, viewer]) {
      const result = await client.request(UPDATE, {
        input: { sourceId: source.id, expectedVersion: 1, name: 'Changed' },
      });
      expect(errorCode(result)).toBe('FORBIDDEN');
    }
    expect(await stored(source.id)).toMatchObject({ name: 'Reform.by', version: 1 });
  });

  it('regrades a source with a reason kept in its history', async () => {
    const source = await create(editor, {
      name: 'Viasna Test Desk',
      kind: 'NGO',
      reliability: 'B',
    });
    const { regradeSource } = await editor.ok<{ regradeSource: Source }>(REGRADE, {
      input: {
        sourceId: source.id,
        expectedVersion: 1,
        reliability: 'A',
        reliabilityNote: 'Long record of accurate detention lists',
        reason: 'Lists matched court records in 2020–2021',
      },
    });
    expect(regradeSource).toMatchObject({ reliability: 'A', version: 2 });
    const { source: read } = await viewer.ok<{
      source: { history: { action: string; reason: string | null; changes: unknown[] }[] };
    }>(
      'query($id: ID!) { source(id: $id) { history { action reason changes { field before after } } } }',
      { id: source.id },
    );
    expect(read.history[1]).toEqual({
      action: 'source.regraded',
      reason: 'Lists matched court records in 2020–2021',
      changes: [
        { field: 'reliability', before: '"B"', after: '"A"' },
        {
          field: 'reliabilityNote',
          before: null,
          after: '"Long record of accurate detention lists"',
        },
      ],
    });
  });

  it('refuses regrades without a reason, by reviewers, or with a stale version', async () => {
    const source = await create(editor, { name: 'Charter 97', kind: 'MEDIA', reliability: 'C' });
    const attempts: [ApiClient, Record<string, unknown>, string, string | undefined][] = [
      [editor, { reason: '' }, 'BAD_USER_INPUT', 'reason'],
      [editor, { reason: '   ' }, 'BAD_USER_INPUT', 'reason'],
      [editor, { reason: 'r'.repeat(2001) }, 'BAD_USER_INPUT', 'reason'],
      [reviewer, { reason: 'I think so' }, 'FORBIDDEN', undefined],
      [viewer, { reason: 'I think so' }, 'FORBIDDEN', undefined],
      [editor, { reason: 'Stale', expectedVersion: 7 }, 'CONFLICT', undefined],
    ];
    for (const [client, input, code, field] of attempts) {
      const result = await client.request(REGRADE, {
        input: { sourceId: source.id, expectedVersion: 1, reliability: 'E', ...input },
      });
      expect(errorCode(result)).toBe(code);
      if (field) expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(await stored(source.id)).toMatchObject({ reliability: 'C', version: 1 });
    }
  });

  it('answers NOT_FOUND for unknown sources and BAD_USER_INPUT for malformed ids', async () => {
    expect(errorCode(await viewer.request(`{ source(id: "${UNKNOWN}") { id } }`))).toBe(
      'NOT_FOUND',
    );
    const malformed = await viewer.request('{ source(id: "42") { id } }');
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(malformed.errors?.[0]?.extensions?.['field']).toBe('id');
    for (const [query, extra] of [
      [UPDATE, { name: 'x' }],
      [REGRADE, { reliability: 'A', reason: 'x' }],
    ] as const) {
      expect(
        errorCode(
          await editor.request(query, {
            input: { sourceId: UNKNOWN, expectedVersion: 1, ...extra },
          }),
        ),
      ).toBe('NOT_FOUND');
      const bad = await editor.request(query, {
        input: { sourceId: 'nope', expectedVersion: 1, ...extra },
      });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.extensions?.['field']).toBe('sourceId');
    }
  });

  it('lists sources by name with case-insensitive search, kind filter and cursor pages', async () => {
    for (const [name, kind] of [
      ['Radio Svaboda', 'MEDIA'],
      ['svaboda.org mirror', 'OTHER'],
      ['Human Rightz Watch', 'INTERNATIONAL_ORG'],
      ['Amnesty International', 'INTERNATIONAL_ORG'],
      ['100% Real_News', 'SOCIAL_MEDIA'],
    ] as const) {
      await create(editor, { name, kind, reliability: 'C' });
    }
    type List = {
      sources: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { cursor: string; node: { id: string; name: string; kind: string } }[];
      };
    };
    const names = async (vars: Record<string, unknown>) =>
      (await viewer.ok<List>(LIST, vars)).sources.edges.map((e) => e.node.name);
    expect(await names({ search: 'SVABODA' })).toEqual(['Radio Svaboda', 'svaboda.org mirror']);
    expect(await names({ search: 'RIGHTZ' })).toEqual(['Human Rightz Watch']);
    expect(await names({ kinds: ['INTERNATIONAL_ORG'] })).toEqual([
      'Amnesty International',
      'Human Rightz Watch',
      'UN Human Rights Office (OHCHR)',
    ]);
    expect(await names({ search: 'svaboda', kinds: ['OTHER'] })).toEqual(['svaboda.org mirror']);
    // LIKE wildcards in the search are literal.
    expect(await names({ search: '%' })).toEqual(['100% Real_News']);
    expect(await names({ search: '_' })).toEqual(['100% Real_News']);

    const everything = await viewer.ok<List>(LIST, { first: 200 });
    const total = everything.sources.totalCount;
    expect(total).toBe(await sourceCount());
    const sorted = everything.sources.edges.map((e) => e.node.name);
    expect(sorted).toEqual(
      [...sorted].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: List = await viewer.ok<List>(LIST, { first: 3, after });
      expect(page.sources.totalCount).toBe(total);
      seen.push(...page.sources.edges.map((e) => e.node.id));
      if (!page.sources.pageInfo.hasNextPage) break;
      after = page.sources.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything.sources.edges.map((e) => e.node.id));
  });

  it('refuses bad page sizes and cursors', async () => {
    for (const first of [0, 201]) {
      const result = await viewer.request(LIST, { first });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('first');
    }
    const result = await viewer.request(LIST, { after: 'garbage' });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.['field']).toBe('after');
  });
});
