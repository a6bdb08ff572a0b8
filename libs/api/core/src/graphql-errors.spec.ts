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

  it('reports a SQLite database locked by another program as SERVICE_UNAVAILABLE saying nothing was saved', () => {
    const busy = Object.assign(new Error('QueryFailedError: SqliteError: database is locked'), {
      driverError: Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
    });
    const result = formatGraphQLError(
      formatted(busy.message, 'INTERNAL_SERVER_ERROR'),
      new GraphQLError('x', { path: ['op'], originalError: busy }),
    );
    expect(result.extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
      retryAfterSeconds: 5,
    });
    expect(result.message).toMatch(/busy with another write.*not saved.*Try again/);
    expect(result.message).not.toMatch(/locked|Sqlite/);
  });

  it('reports an unreachable database as SERVICE_UNAVAILABLE (503), without the driver message', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const shutdown = Object.assign(new Error('QueryFailedError'), {
      driverError: Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    });
    const released = Object.assign(new Error('Query runner already released.'), {
      name: 'QueryRunnerAlreadyReleasedError',
    });
    for (const cause of [refused, shutdown, released, new Error('Connection terminated')]) {
      const result = formatGraphQLError(
        formatted(cause.message, 'INTERNAL_SERVER_ERROR'),
        new GraphQLError('x', { path: ['op'], originalError: cause }),
      );
      expect(result.extensions).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        status: 503,
        retryAfterSeconds: 5,
      });
      expect(result.message).not.toMatch(/ECONNREFUSED|5432|administrator|runner|terminated/);
    }
    // A query that fails for another reason is still an internal error, and so is a failed
    // fetch whose cause is a refused connection (that is not the database).
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    expect(
      formatGraphQLError(formatted('x'), new GraphQLError('x', { originalError: fetchFailed }))
        .extensions,
    ).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    const syntax = Object.assign(new Error('syntax error'), { code: '42601' });
    expect(
      formatGraphQLError(formatted('x'), new GraphQLError('x', { originalError: syntax }))
        .extensions,
    ).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
