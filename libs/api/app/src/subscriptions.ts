import { type IncomingMessage } from 'node:http';
import { type ApolloServerPlugin } from '@apollo/server';
import { type Request, type Response } from 'express';
import {
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  getOperationAST,
  GraphQLError,
  type GraphQLFormattedError,
  parse,
} from 'graphql';
import { type Context as WsContext, type SubscribePayload } from 'graphql-ws';
import { formatGraphQLError, LoaderRegistry, type RequestContext } from '@corroborate/api-core';

type HttpContext = Pick<RequestContext, 'req' | 'res'>;
type SocketContext = WsContext<Record<string, unknown> | undefined, unknown>;

/** The HTTP upgrade request behind a graphql-ws context, or null for an HTTP context. */
function upgradeRequest(ctx: HttpContext | SocketContext): IncomingMessage | null {
  if (!('extra' in ctx) || typeof ctx.extra !== 'object' || ctx.extra === null) return null;
  return 'request' in ctx.extra ? (ctx.extra as { request: IncomingMessage }).request : null;
}

/**
 * The GraphQL context for HTTP requests and for graphql-ws subscriptions. Over a WebSocket the
 * caller is authenticated like any request: by the session cookie sent with the upgrade, or by
 * a bearer token in the connection parameters (`{ authorization: "Bearer …" }`).
 */
export function graphqlContext(ctx: HttpContext | SocketContext): RequestContext {
  const upgrade = upgradeRequest(ctx);
  if (!upgrade) {
    const http = ctx as HttpContext;
    return { req: http.req, res: http.res, loaders: new LoaderRegistry() };
  }
  const authorization = (ctx as SocketContext).connectionParams?.['authorization'];
  const req = {
    headers: {
      ...upgrade.headers,
      ...(typeof authorization === 'string' ? { authorization } : {}),
    },
    socket: upgrade.socket,
  } as unknown as Request;
  // There is no HTTP response on a socket; only subscriptions run there (see onlySubscriptions).
  return { req, res: undefined as unknown as Response, loaders: new LoaderRegistry() };
}

/**
 * Refuses cross-site WebSocket connections (a page on another origin riding the session
 * cookie): when the browser sends an Origin, its host must be the host that was asked for.
 */
export function sameOriginSocket(ctx: SocketContext): boolean {
  const upgrade = upgradeRequest(ctx);
  if (!upgrade) return false;
  const { origin, host } = upgrade.headers;
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The other half of {@link onlySubscriptions}: a subscription sent over HTTP is refused with
 * BAD_REQUEST before it runs. Executed over HTTP it would run the subscription field's resolver
 * once without an event, a server error with a logged stack instead of a clear answer.
 */
export function subscriptionsOverSocketPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription')
            throw new GraphQLError(
              'Subscriptions run over a WebSocket at /graphql (the graphql-ws protocol), not over HTTP; send queries and mutations over HTTP.',
              { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
            );
        },
      };
    },
  };
}

/** Only subscriptions run over the socket; queries and mutations go over HTTP. */
export function onlySubscriptions(
  _ctx: SocketContext,
  _id: string,
  payload: SubscribePayload,
): readonly GraphQLError[] | void {
  try {
    const operation = getOperationAST(parse(payload.query), payload.operationName);
    if (operation?.operation !== 'subscription') {
      return [
        new GraphQLError(
          'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
          { extensions: { code: 'BAD_REQUEST' } },
        ),
      ];
    }
  } catch {
    return [
      new GraphQLError('The operation could not be parsed.', {
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      }),
    ];
  }
}

/**
 * Errors on the socket get the same shape and codes as over HTTP (graphql-ws does not go through
 * Apollo's formatError): UNAUTHENTICATED, FORBIDDEN, … and never internals.
 */
export function formatSubscriptionResult(
  _ctx: SocketContext,
  _id: string,
  _payload: SubscribePayload,
  _args: ExecutionArgs,
  result: ExecutionResult,
): FormattedExecutionResult | void {
  if (!result.errors?.length) return;
  return {
    ...result,
    errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)),
  };
}

/**
 * Errors that end a subscription (its events could not be followed, e.g. SERVICE_UNAVAILABLE
 * while Redis reconnects) get the same shape and codes too; graphql-ws sends them as an "error"
 * message, which does not pass through onNext.
 */
export function formatSubscriptionErrors(
  _ctx: SocketContext,
  _id: string,
  _payload: SubscribePayload,
  errors: readonly GraphQLError[],
): GraphQLFormattedError[] {
  // graphql-ws wraps what the subscription threw without a path, which Apollo's unwrapping
  // needs: hand the formatter the thrown error itself.
  return errors.map((error) => formatGraphQLError(error.toJSON(), error.originalError ?? error));
}
