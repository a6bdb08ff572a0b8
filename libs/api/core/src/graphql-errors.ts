import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { type Response } from 'express';
import { type GraphQLFormattedError } from 'graphql';
import { type ErrorCode, knownError } from './errors';

/** Codes Apollo itself assigns to malformed requests; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const logger = new Logger('GraphQL');

/** The answer of a REST endpoint (uploads, downloads) to a failure: status and error body. */
export interface RestError {
  status: number;
  body: { code: string; message: string; field?: string };
}

/**
 * The answer of a REST endpoint to one of our errors ({@link knownError}: its code, message and
 * field, the status of its code); null for anything else, which the endpoint logs and answers as
 * an internal error in its own words.
 */
export function restErrorOf(error: unknown): RestError | null {
  const known = knownError(error);
  if (!known) return null;
  const field = known.details['field'];
  return {
    status: statusForCode(known.code),
    body: {
      code: known.code,
      message: known.message,
      ...(typeof field === 'string' ? { field } : {}),
    },
  };
}

/**
 * Answers a REST request that failed before its answer began: one of our errors as
 * {@link restErrorOf} says, anything else logged with its stack and answered as an internal error.
 */
export function sendRestError(res: Response, error: unknown, logger: Logger): void {
  const known = restErrorOf(error);
  if (known) {
    res.status(known.status).json({ error: known.body });
    return;
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  res.status(500).json({
    error: {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Something went wrong on the server. The error has been logged.',
    },
  });
}

/** HTTP-like status a client may use to group errors; the switch is exhaustive over {@link ErrorCode}. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'TOO_MANY_REQUESTS':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INSUFFICIENT_STORAGE':
      return 507;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/**
 * The single place where errors become what clients see: our own errors keep their code, message
 * and details; request errors from GraphQL keep their code; anything else is logged and reported as
 * an internal error without internals. Stack traces never leave the server.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  const known = knownError(original);
  if (known) {
    return {
      ...base,
      message: known.message,
      extensions: {
        ...known.details,
        code: known.code,
        status: statusForCode(known.code),
      },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  logger.error(
    original instanceof Error ? (original.stack ?? original.message) : JSON.stringify(original),
  );
  return {
    message: 'Something went wrong on the server. The error has been logged.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
