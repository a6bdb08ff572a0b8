import { type AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptions } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type RequestContext } from '@corroborate/api-core';
import { CompiledQueries } from './compiled-queries';
import { noStorePlugins } from './no-store.plugin';

const typeDefs = `
  type Item { id: ID! name: String! parent: Item tags: [String!]! }
  type Query {
    items(first: Int!): [Item!]!
    item(id: ID!): Item
    forbidden: Item
    broken: Item!
  }
  type Mutation { rename(id: ID!, name: String!): Item! }
`;

interface Item {
  id: string;
  name: string;
  parent: Item | null;
  tags: string[];
}

function server(jit: boolean, calls: string[]) {
  return new ApolloServer<{ calls: string[] }>({
    ...serverOptions(calls),
    plugins: jit ? [new CompiledQueries(() => ({}) as never).plugin()] : [],
  });
}

function serverOptions(calls: string[]): ApolloServerOptions<{ calls: string[] }> {
  const item = (id: string): Item => ({ id, name: `item ${id}`, parent: null, tags: ['a', id] });
  return {
    typeDefs,
    formatError: (formatted) => ({
      message: formatted.message,
      path: formatted.path,
      extensions: { code: formatted.extensions?.['code'] },
    }),
    resolvers: {
      Query: {
        items: (_root: unknown, { first }: { first: number }) => {
          calls.push('items');
          return Array.from({ length: first }, (_, i) => ({
            ...item(String(i)),
            parent: item('p'),
          }));
        },
        item: (_root: unknown, { id }: { id: string }) => (id === 'none' ? null : item(id)),
        forbidden: () => {
          throw new GraphQLError('Your role (VIEWER) may not do this.', {
            extensions: { code: 'FORBIDDEN' },
          });
        },
        broken: () => null,
      },
      Mutation: {
        rename: (_root: unknown, { id, name }: { id: string; name: string }) => {
          calls.push('rename');
          return { ...item(id), name };
        },
      },
    },
  };
}

async function answer(jit: boolean, query: string, variables?: Record<string, unknown>) {
  const calls: string[] = [];
  const s = server(jit, calls);
  await s.start();
  try {
    // Twice: the compiled path starts with a document's second run.
    await s.executeOperation({ query, variables }, { contextValue: { calls } });
    calls.length = 0;
    const response = await s.executeOperation({ query, variables }, { contextValue: { calls } });
    return { body: response.body, status: response.http.status, calls };
  } finally {
    await s.stop();
  }
}

const CASES: [string, string, Record<string, unknown>?][] = [
  ['a list with nested objects', '{ items(first: 3) { id name tags parent { id name } } }'],
  [
    'variables and fragments',
    'query($n: Int!) { items(first: $n) { ...F } } fragment F on Item { id }',
    { n: 2 },
  ],
  ['a null result', '{ item(id: "none") { id } }'],
  ['a resolver error beside data', '{ item(id: "1") { id } forbidden { id } }'],
  ['a non-null violation', '{ broken { id } }'],
  ['a bad variable', 'query($n: Int!) { items(first: $n) { id } }', { n: 'many' }],
  ['a missing variable', 'query($n: Int!) { items(first: $n) { id } }', {}],
  ['a mutation', 'mutation { rename(id: "1", name: "x") { id name } }'],
];

describe('CompiledQueries plugin', () => {
  for (const [name, query, variables] of CASES)
    it(`answers as graphql-js does: ${name}`, async () => {
      const jit = await answer(true, query, variables);
      const plain = await answer(false, query, variables);
      expect(jit.body).toEqual(plain.body);
      expect(jit.status).toEqual(plain.status);
    });

  it('runs a query once when it succeeds, and a mutation never through the compiled path', async () => {
    expect((await answer(true, '{ items(first: 1) { id } }')).calls).toEqual(['items']);
    expect((await answer(true, 'mutation { rename(id: "1", name: "x") { id } }')).calls).toEqual([
      'rename',
    ]);
  });
});

describe('CompiledQueries fast path', () => {
  type Answer = {
    status: number;
    text: string;
    type: string | null;
    cache: string | null;
    length: string | null;
  };

  /**
   * An express app as ours: JSON body parser, the fast path, then Apollo. `contextThrows`: the fast
   * path's context builder throws for requests with an `x-context-throws` header (Apollo's does not).
   */
  async function app(fastPath: boolean, parseEveryType = false, contextThrows = false) {
    const calls: string[] = [];
    let apolloRequests = 0;
    const compiled = new CompiledQueries(({ req }) => {
      if (contextThrows && req.headers['x-context-throws'] !== undefined)
        throw new Error('The context could not be built');
      return { calls, req } as unknown as RequestContext;
    });
    const apollo = new ApolloServer<{ calls: string[] }>({
      ...serverOptions(calls),
      plugins: [
        compiled.plugin(),
        ...noStorePlugins(),
        {
          requestDidStart: async () => {
            apolloRequests++;
          },
        },
      ],
    });
    await apollo.start();
    const e = express();
    e.use(express.json(parseEveryType ? { type: () => true } : {}));
    if (fastPath) e.use(compiled.middleware('/graphql'));
    e.use('/graphql', expressMiddleware(apollo, { context: async ({ req }) => ({ calls, req }) }));
    const http = e.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    const { port } = http.address() as AddressInfo;
    const post = async (body: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return {
        status: res.status,
        text: await res.text(),
        type: res.headers.get('content-type'),
        cache: res.headers.get('cache-control'),
        length: res.headers.get('content-length'),
      };
    };
    return {
      calls,
      apolloRequests: () => apolloRequests,
      post,
      close: async () => {
        await new Promise((resolve) => http.close(resolve));
        await apollo.stop();
      },
    };
  }

  /** The answers of the same requests, each sent three times, with and without the fast path. */
  async function both(requests: [unknown, Record<string, string>?][]) {
    const out: { fast: Answer[]; plain: Answer[]; fastCalls: string[]; plainCalls: string[] } = {
      fast: [],
      plain: [],
      fastCalls: [],
      plainCalls: [],
    };
    for (const fastPath of [true, false]) {
      const a = await app(fastPath);
      try {
        for (const [body, headers] of requests)
          for (let i = 0; i < 3; i++)
            (fastPath ? out.fast : out.plain).push(await a.post(body, headers));
        (fastPath ? out.fastCalls : out.plainCalls).push(...a.calls);
      } finally {
        await a.close();
      }
    }
    return out;
  }

  it('answers an accepted query exactly as Apollo does, without Apollo running it', async () => {
    const query = {
      query: 'query Q($n: Int!) { items(first: $n) { id tags } }',
      variables: { n: 2 },
    };
    const a = await app(true);
    try {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await a.post(query));
      // Runs 1 and 2 go through Apollo (the second compiles and accepts the text); 3 and 4 do not.
      expect(answers.map((x) => x.status)).toEqual([200, 200, 200, 200]);
      for (const x of answers.slice(1)) expect(x).toEqual(answers[0]);
      expect(answers[0].type).toBe('application/json; charset=utf-8');
      expect(answers[0].cache).toBe('no-store');
      expect(a.calls).toEqual(['items', 'items', 'items', 'items']);
      expect(a.apolloRequests()).toBe(2);
    } finally {
      await a.close();
    }
    const graphqlResponse = await both([
      [query, { accept: 'application/graphql-response+json, application/json;q=0.9' }],
      [query, { accept: 'text/html' }],
    ]);
    expect(graphqlResponse.fast).toEqual(graphqlResponse.plain);
    expect(graphqlResponse.fast[0].type).toBe('application/graphql-response+json; charset=utf-8');
    expect(graphqlResponse.fast.at(-1)?.status).toBe(406);
  });

  it('leaves errors, mutations, other texts and other request shapes to Apollo', async () => {
    const answers = await both([
      [{ query: '{ item(id: "1") { id } forbidden { id } }' }],
      [{ query: 'query($n: Int!) { items(first: $n) { id } }', variables: { n: 'many' } }],
      [{ query: 'mutation { rename(id: "1", name: "x") { id name } }' }],
      [{ query: '{ items(first: 1) { id } }', extensions: { persistedQuery: { version: 1 } } }],
      [[{ query: '{ items(first: 1) { id } }' }]],
      [{ query: '{ items(first: 1) { nope } }' }],
      [{ query: '{ items(first: 1) { id } }', operationName: 7 }],
    ]);
    expect(answers.fast).toEqual(answers.plain);
    // Each erroring query ran once compiled on the fast path and once in graphql-js, never twice
    // compiled; the mutation ran once a request, as without the fast path.
    expect(answers.fastCalls.filter((c) => c === 'rename')).toHaveLength(3);
    expect(answers.plainCalls.filter((c) => c === 'rename')).toHaveLength(3);
  });

  it('hands a request to Apollo when the fast path throws before answering; Apollo answers it as always', async () => {
    const a = await app(true, false, true);
    try {
      const query = { query: '{ items(first: 2) { id name } }' };
      const accepted = [await a.post(query), await a.post(query)];
      expect(a.apolloRequests()).toBe(2);
      a.calls.length = 0;
      const thrown = await a.post(query, { 'x-context-throws': '1' });
      // Apollo answered (its context builds), exactly as it answers the text itself; the resolver
      // ran once, in Apollo's run (the fast path threw before running anything).
      expect(thrown).toEqual(accepted[1]);
      expect(a.apolloRequests()).toBe(3);
      expect(a.calls).toEqual(['items']);
      // The text stays accepted for other requests.
      expect(await a.post(query)).toEqual(accepted[1]);
      expect(a.apolloRequests()).toBe(3);
    } finally {
      await a.close();
    }
  });

  it('keeps no text longer than 32 kB: those always go through Apollo', async () => {
    const a = await app(true);
    try {
      const query = { query: `{ items(first: 1) { id } }${' '.repeat(40_000)}` };
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await a.post(query));
      for (const x of answers) expect(x).toEqual(answers[0]);
      expect(a.apolloRequests()).toBe(4);
    } finally {
      await a.close();
    }
  });

  it('never answers a simple (CSRF-prone) request: only a JSON POST of an accepted text', async () => {
    // A body parser that reads every content type as JSON, so only the fast path's own check
    // stands between a text/plain POST (which a browser sends cross-site without a preflight) and
    // an answer; Apollo's CSRF prevention refuses it.
    const a = await app(true, true);
    try {
      const query = { query: '{ items(first: 1) { id } }' };
      await a.post(query);
      await a.post(query);
      a.calls.length = 0;
      const asText = await a.post(JSON.stringify(query), { 'content-type': 'text/plain' });
      expect(asText.status).toBe(400);
      expect(a.calls).toEqual([]);
    } finally {
      await a.close();
    }
  });
});
