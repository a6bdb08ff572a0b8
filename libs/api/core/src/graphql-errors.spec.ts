import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadInputError, ConflictError, NotFoundError } from './errors';
import { formatGraphQLError } from './graphql-errors';

const formatted = (message: string, code?: string) => ({
  message,
  path: ['op'],
  extensions: code ? { code, stacktrace: ['at secret (/srv/file.ts:1:1)'] } : {},
});

describe('formatGraphQLError', () => {
  it('keeps our own errors: code, message and details such as the field', () => {
    const error = new GraphQLError('x', {
      path: ['op'],
      originalError: new BadInputError('email', 'Email is bad.'),
    });
    expect(formatGraphQLError(formatted('x'), error)).toEqual({
      message: 'Email is bad.',
      path: ['op'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'email', status: 400 },
    });
    const notFound = new GraphQLError('x', {
      path: ['op'],
      originalError: new NotFoundError('Project', 'p1'),
    });
    expect(formatGraphQLError(formatted('x'), notFound).extensions).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    const conflict = new GraphQLError('x', {
      path: ['op'],
      originalError: new ConflictError('changed'),
    });
    expect(formatGraphQLError(formatted('x'), conflict).extensions?.['code']).toBe('CONFLICT');
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR with no message or stack from inside', () => {
    const error = new GraphQLError('SQLITE_ERROR: no such table users', {
      path: ['op'],
      originalError: new Error('SQLITE_ERROR: no such table users'),
    });
    const result = formatGraphQLError(
      formatted('SQLITE_ERROR: no such table users', 'INTERNAL_SERVER_ERROR'),
      error,
    );
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|stacktrace|file\.ts/);
  });

  it('keeps request errors from GraphQL itself, without stack traces', () => {
    const result = formatGraphQLError(
      formatted('Syntax Error: Expected Name', 'GRAPHQL_PARSE_FAILED'),
      new GraphQLError('Syntax'),
    );
    expect(result).toMatchObject({
      message: 'Syntax Error: Expected Name',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(result.extensions).not.toHaveProperty('stacktrace');
  });
});
