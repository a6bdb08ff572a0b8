import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitQueriesPlugin } from './jit.plugin';

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
  const item = (id: string): Item => ({ id, name: `item ${id}`, parent: null, tags: ['a', id] });
  return new ApolloServer<{ calls: string[] }>({
    typeDefs,
    plugins: jit ? [jitQueriesPlugin()] : [],
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
  });
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

describe('jitQueriesPlugin', () => {
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
