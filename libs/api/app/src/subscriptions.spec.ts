import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, ServiceUnavailableError } from '@corroborate/api-core';
import { formatSubscriptionErrors } from './subscriptions';

const format = (errors: GraphQLError[]) =>
  formatSubscriptionErrors(
    {} as Parameters<typeof formatSubscriptionErrors>[0],
    '1',
    { query: 'subscription { myActivity { action } }' },
    errors,
  );

describe('formatSubscriptionErrors', () => {
  it('gives an error that ended a subscription its code, as graphql-ws wraps it (no path)', () => {
    const thrown = new ServiceUnavailableError('Live updates are not available right now.');
    const [formatted] = format([new GraphQLError(thrown.message, { originalError: thrown })]);
    expect(formatted.message).toBe('Live updates are not available right now.');
    expect(formatted.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const [forbidden] = format([
      new GraphQLError('no', { originalError: new ForbiddenError('Not yours.') }),
    ]);
    expect(forbidden.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR', () => {
    const [formatted] = format([
      new GraphQLError("Stream isn't writeable", {
        originalError: new Error("Stream isn't writeable"),
      }),
    ]);
    expect(formatted.message).not.toMatch(/Stream/);
    expect(formatted.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
