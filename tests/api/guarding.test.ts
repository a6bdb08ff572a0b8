import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSchemaFile } from '@corroborate/api-app';
import { ApiClient, startApi, type TestApi } from './src';

/** The only operations anyone may call without signing in. */
const PUBLIC_OPERATIONS = ['Mutation.signIn'];

/** A syntactically valid literal for any input type, so the request reaches the guard. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields())
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => `${f.name}: ${literal(f.type)}`);
    return `{ ${fields.join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return '"00000000-0000-4000-8000-000000000000"';
      case 'Int':
        return '1';
      case 'Float':
        return '1.5';
      case 'Boolean':
        return 'true';
      case 'DateTime':
        return '"2021-01-17T12:00:00.000Z"';
      default:
        return '"value@example.org"';
    }
  }
  throw new Error(`No literal for ${String(type)}`);
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((a: GraphQLArgument) => isNonNullType(a.type))
    .map((a: GraphQLArgument) => `${a.name}: ${literal(a.type)}`);
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

describe('guarding and the committed schema', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('refuses every non-public query and mutation to an anonymous caller with UNAUTHENTICATED', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const anonymous = new ApiClient(api.url);
    const checked: string[] = [];
    for (const [kind, root] of [
      ['query', schema.getQueryType()],
      ['mutation', schema.getMutationType()],
    ] as const) {
      for (const field of Object.values(root?.getFields() ?? {})) {
        const name = `${root?.name}.${field.name}`;
        if (PUBLIC_OPERATIONS.includes(name)) continue;
        const result = await anonymous.request(operation(kind, field));
        expect({ name, errors: result.errors?.map((e) => e.extensions?.['code']) }).toEqual({
          name,
          errors: ['UNAUTHENTICATED'],
        });
        checked.push(name);
      }
    }
    // The walk covers the whole schema, not an empty list.
    expect(checked).toContain('Query.me');
    expect(checked).toContain('Mutation.createProject');
    expect(checked.length).toBeGreaterThanOrEqual(15);
  });

  it('keeps the public list to sign-in only: signIn answers anonymously', async () => {
    const result = await new ApiClient(api.url).signIn('nobody@example.org', 'wrong-password');
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toBe('Email or password is incorrect.');
  });

  it('never sends stack traces or internals with errors', async () => {
    const result = await new ApiClient(api.url).request('{ projects { id } }');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+|at [A-Z]\w+\./);
    const malformed = await new ApiClient(api.url).request('{ projects { id ');
    // Parsed under the token limit (graphql-armor), which reports syntax errors as validation.
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(
      malformed.errors?.[0]?.extensions?.['code'],
    );
    expect(malformed.errors?.[0]?.message).toMatch(/Syntax Error/);
    expect(JSON.stringify(malformed)).not.toMatch(/stacktrace/);
  });

  it('answers /health with the database status', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('matches the committed libs/graphql/schema.gql (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(
      join(__dirname, '..', '..', 'libs', 'graphql', 'schema.gql'),
      'utf8',
    );
    expect(printSchemaFile(api.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });
});
