import { type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * GraphQL answers are per user and never cacheable: every one says `Cache-Control: no-store`.
 * Apollo's default cache-control plugin said the same (we give no cache hints), but it also wraps
 * every field resolver of every request to collect hints (`willResolveField`), which cost a queue
 * page thousands of calls; so it is disabled and this sets the header instead.
 */
export function noStorePlugins(): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (!response.http.headers.has('cache-control'))
              response.http.headers.set('cache-control', 'no-store');
          },
        };
      },
    },
  ];
}
