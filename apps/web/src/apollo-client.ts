import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';

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

  return new ApolloClient({
    link: ApolloLink.from([errorLink, httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // Cursor pages of one queue view (same filter and sort) are merged as they load.
            claims: relayStylePagination(['filter', 'sort']),
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
