import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';

/** Operations where UNAUTHENTICATED is an answer for the form, not an expired session. */
const SESSION_OPERATIONS = new Set(['SignIn', 'SignOut']);

export interface CreateApolloClientOptions {
  /** Called when the API says the session is missing or expired. */
  onUnauthenticated: () => void;
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
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // Every page of a queue view is its own entry (the queue watches each page it has
            // loaded, see libs/web/queue/src/use-queue-claims.ts): one merged connection would
            // be read and compared whole for each page loaded while scrolling. A refetched page
            // replaces its entry.
            claims: { keyArgs: ['filter', 'sort', 'first', 'after'], merge: false },
            sources: relayStylePagination(['search', 'kinds']),
          },
        },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
