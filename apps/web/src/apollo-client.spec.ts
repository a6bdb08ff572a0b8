import { ApolloClient, ApolloLink } from '@apollo/client';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { QueueClaimsPageDocument } from '@corroborate/graphql';
import { createCache } from './apollo-client';

/** The queue's later pages (libs/web/queue/src/use-queue-claims.ts): 50 claims each. */
const PAGE = 50;
const PROJECTS = 10;

/** A page of the API's answer to QueueClaimsPage, after `after` (the previous page's number). */
function pageAnswer(number: number) {
  return {
    claims: {
      __typename: 'ClaimConnection',
      edges: Array.from({ length: PAGE }, (_, i) => {
        const n = number * PAGE + i;
        return {
          __typename: 'ClaimEdge',
          cursor: `cursor-${n}`,
          node: {
            __typename: 'Claim',
            id: `claim-${n}`,
            text: `Claim number ${n} about the detentions`,
            claimant: n % 3 === 0 ? null : `Outlet ${n % 40}`,
            status: 'NEW',
            priority: 'NORMAL',
            topics: ['detentions', `topic ${n % 20}`],
            dueAt: null,
            evidenceCount: n % 7,
            createdAt: '2026-12-01T10:00:00.000Z',
            updatedAt: '2026-12-01T10:00:00.000Z',
            project: {
              __typename: 'Project',
              id: `project-${n % PROJECTS}`,
              name: `Project ${n % PROJECTS}`,
            },
          },
        };
      }),
      pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: `page-${number}` },
    },
  };
}

describe('the web app cache on a long queue', () => {
  it('loading one more page after 10,000 claims reads only that page, not every page watched', async () => {
    const cache = createCache();
    // Counts each time the cache computes a claim's text for a reader (a memoised read does not).
    let reads = 0;
    cache.policies.addTypePolicies({
      Claim: {
        fields: {
          text: {
            read(existing: unknown) {
              reads += 1;
              return existing;
            },
          },
        },
      },
    });
    const link = new ApolloLink(
      (operation) =>
        new Observable((observer) => {
          const after = operation.variables['after'] as string;
          observer.next({ data: pageAnswer(Number(after.slice('page-'.length)) + 1) });
          observer.complete();
        }),
    );
    const client = new ApolloClient({
      link,
      cache,
      defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
    });
    // As the queue does while scrolling: each page a watched query of its own, kept watched.
    const subscriptions: { unsubscribe(): void }[] = [];
    const load = (number: number) =>
      new Promise<void>((resolve, reject) => {
        const observable = client.watchQuery({
          query: QueueClaimsPageDocument,
          variables: { filter: {}, sort: 'UPDATED_DESC', first: PAGE, after: `page-${number - 1}` },
        });
        subscriptions.push(
          observable.subscribe({
            next: (result) => {
              if (result.error) reject(result.error);
              else if (result.dataState === 'complete') resolve();
            },
            error: reject,
          }),
        );
      });

    const pages = 10_000 / PAGE;
    for (let number = 1; number <= pages; number++) await load(number);
    const all = reads;
    expect(all).toBeGreaterThanOrEqual(10_000);

    reads = 0;
    await load(pages + 1);
    // Written, then read for its own watcher: a few reads per claim of the new page. Once the
    // cache forgets older reads, every watched page is read again (10,000 claims and more).
    expect(reads).toBeLessThanOrEqual(4 * PAGE);
    for (const subscription of subscriptions) subscription.unsubscribe();
  });
});
