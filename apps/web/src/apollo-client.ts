import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { cacheSizes, getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

/** Operations where UNAUTHENTICATED is an answer for the form, not an expired session. */
const SESSION_OPERATIONS = new Set(['SignIn', 'SignOut']);

export interface CreateApolloClientOptions {
  /** Called when the API says the session is missing or expired. */
  onUnauthenticated: () => void;
}

/**
 * Room in the cache's memoised reads for long queues. The cache remembers each object and list it
 * has read (several entries per queue row: its edge, its claim, for each reader); past Apollo's
 * defaults (50,000 objects, 10,000 lists) it forgets the oldest, which marks the watched pages
 * that used them as changed, and every page loaded afterwards made the cache read every watched
 * page again from scratch: at about 8,000 claims scrolled, a page took 1-3 s of main thread
 * (`npm run bench:ui`, docs/benchmarks.md). These sizes hold tens of thousands of rows.
 */
export const CACHE_SIZES = {
  'inMemoryCache.executeSelectionSet': 300_000,
  'inMemoryCache.executeSubSelectedArray': 50_000,
} as const;

/** The web app's cache: its type policies, with room for long queues ({@link CACHE_SIZES}). */
export function createCache(): InMemoryCache {
  // Read when a cache is made, so set first.
  Object.assign(cacheSizes, CACHE_SIZES);
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // Every page of a queue view is its own entry (the queue watches each page it has
          // loaded, see libs/web/queue/src/use-queue-claims.ts): one merged connection would
          // be read and compared whole for each page loaded while scrolling. A refetched page
          // replaces its entry.
          claims: { keyArgs: ['filter', 'sort', 'first', 'after', 'last', 'before'], merge: false },
          sources: relayStylePagination(['search', 'kinds']),
        },
      },
    },
  });
}

export function createApolloClient({ onUnauthenticated }: CreateApolloClientOptions) {
  const errorLink = new ErrorLink(({ error, operation }) => {
    if (SESSION_OPERATIONS.has(operation.operationName ?? '')) return;
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
    ) {
      onUnauthenticated();
    }
  });

  const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  // Live updates: subscriptions over graphql-ws on the same origin (the session cookie goes with
  // the upgrade); the socket opens on the first subscription and reconnects by itself.
  const wsLink = new GraphQLWsLink(
    createClient({
      url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
      lazy: true,
      retryAttempts: Infinity,
    }),
  );
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return (
        definition.kind === 'OperationDefinition' &&
        definition.operation === OperationTypeNode.SUBSCRIPTION
      );
    },
    wsLink,
    httpLink,
  );

  return new ApolloClient({
    link: ApolloLink.from([errorLink, transport]),
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
