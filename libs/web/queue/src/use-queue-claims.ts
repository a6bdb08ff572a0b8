import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import type {
  ClaimFilter,
  ClaimSort,
  QueueClaimFieldsFragment,
  QueueClaimsPageQuery,
  QueueClaimsQuery,
} from '@corroborate/graphql';
import { queueClaimsPageQuery, queueClaimsQuery } from './queue.graphql';

/** The first page of a queue view: small, so rows show fast. */
export const QUEUE_PAGE_SIZE = 50;
/**
 * Later pages, fetched while scrolling, are as small: the cache writes and reads each page in one
 * go on the main thread, and a page of 200 claims held it for about 100 ms — a dropped frame or
 * two per page while scrolling. Pages of 50 cost more requests (a few ms each on the server) and
 * cut the scroll's frames over 50 ms to a third (`npm run bench:ui`, docs/benchmarks.md).
 */
export const QUEUE_MORE_SIZE = 50;

type LaterPage = QueueClaimsPageQuery['claims'];
interface Subscription {
  unsubscribe(): void;
}

/** The later pages of one chain (a view and the first page it starts from). */
interface LaterPages {
  chain: string | null;
  /** The cursor each later page starts after, in order. */
  afters: readonly string[];
  pages: ReadonlyMap<string, LaterPage>;
  error: { after: string; error: unknown } | null;
}

const noPages = (chain: string | null): LaterPages => ({
  chain,
  afters: [],
  pages: new Map(),
  error: null,
});

export interface QueueClaims {
  /** The first page's connection (total count, facets), or the previous view's while a new one loads. */
  connection: QueueClaimsQuery['claims'] | undefined;
  /** Every claim loaded so far, in order, each once. */
  claims: readonly QueueClaimFieldsFragment[];
  /** Each loaded claim's cursor in the view (what the claim after it is read after). */
  cursors: ReadonlyMap<string, string>;
  /** True while a new view loads and the previous one is still shown. */
  stale: boolean;
  loading: boolean;
  error: unknown;
  hasNextPage: boolean;
  loadingMore: boolean;
  loadMoreError: unknown;
  loadMore: () => void;
  retryLoadMore: () => void;
  /** Fetches the view again from its first page (later pages are dropped). */
  refetch: () => void;
}

/**
 * The claims of a queue view with cursor pagination, for an ever longer scroll.
 *
 * The first page (with the total count and facet counts) is a query of its own; every later page
 * is another query, watched in the cache under its own cursor. Loading a page therefore reads and
 * compares only that page's rows; one merged connection would read and diff every row loaded so
 * far for each new page, so the 50th page of a long scroll would cost 50 times the first. Rows
 * stay normalised: a claim changed anywhere (a mutation, a live update) updates its row wherever
 * it is. Later pages follow from the first page's end, so when the first page changes its end
 * (a refetch after new claims or assignments) the later pages are dropped and load again from there,
 * as a merged connection would restart from a refetched first page.
 */
export function useQueueClaims(filter: ClaimFilter, sort: ClaimSort): QueueClaims {
  const client = useApolloClient();
  const variables = useMemo(() => ({ filter, sort, first: QUEUE_PAGE_SIZE }), [filter, sort]);
  const first = useQuery(queueClaimsQuery, { variables, notifyOnNetworkStatusChange: true });
  const { refetch: refetchFirst } = first;
  const head = first.data?.claims;
  const connection = (first.data ?? first.previousData)?.claims;
  const stale = first.data === undefined && first.previousData !== undefined;
  const chain =
    head === undefined ? null : `${JSON.stringify(variables)} ${head.pageInfo.endCursor}`;

  const [state, setState] = useState<LaterPages>(() => noPages(chain));
  // A new chain starts without later pages (adjusting state to a new input during render).
  const later = state.chain === chain ? state : noPages(chain);
  if (later !== state) setState(later);

  // One watched query per later page, for the chain they belong to.
  const watched = useRef(new Map<string, Subscription>());
  const unwatchAll = useCallback(() => {
    for (const subscription of watched.current.values()) subscription.unsubscribe();
    watched.current.clear();
  }, []);
  useEffect(() => unwatchAll, [chain, unwatchAll]);
  useEffect(() => {
    if (later.chain !== chain) return;
    for (const after of later.afters) {
      if (watched.current.has(after)) continue;
      const observable = client.watchQuery({
        query: queueClaimsPageQuery,
        variables: { filter, sort, first: QUEUE_MORE_SIZE, after },
      });
      const onError = (error: unknown) =>
        setState((current) =>
          current.chain === chain ? { ...current, error: { after, error } } : current,
        );
      watched.current.set(
        after,
        observable.subscribe({
          next: (result) => {
            if (result.error !== undefined) onError(result.error);
            if (result.dataState !== 'complete') return;
            const page = result.data.claims;
            setState((current) => {
              if (current.chain !== chain || current.pages.get(after) === page) return current;
              const pages = new Map(current.pages);
              pages.set(after, page);
              return {
                ...current,
                pages,
                error: current.error?.after === after ? null : current.error,
              };
            });
          },
          error: onError,
        }),
      );
    }
  }, [client, chain, later, filter, sort]);

  const { claims, cursors } = useMemo(() => {
    const all: QueueClaimFieldsFragment[] = [];
    const seen = new Map<string, string>();
    const add = (edges: readonly { cursor: string; node: QueueClaimFieldsFragment }[]) => {
      for (const { cursor, node } of edges) {
        // A claim that moved up between page loads (e.g. just updated) is listed once.
        if (seen.has(node.id)) continue;
        seen.set(node.id, cursor);
        all.push(node);
      }
    };
    if (connection !== undefined) add(connection.edges);
    if (!stale) {
      for (const after of later.afters) {
        const page = later.pages.get(after);
        if (page === undefined) break;
        add(page.edges);
      }
    }
    return { claims: all, cursors: seen };
  }, [connection, stale, later]);

  const lastAfter = later.afters[later.afters.length - 1];
  const lastPage = lastAfter === undefined ? head : later.pages.get(lastAfter);
  const loadingMore = lastAfter !== undefined && lastPage === undefined && later.error === null;
  const hasNextPage = !stale && (lastPage?.pageInfo.hasNextPage ?? false);
  const nextAfter = hasNextPage ? (lastPage?.pageInfo.endCursor ?? null) : null;

  const loadMore = useCallback(() => {
    if (nextAfter === null) return;
    setState((current) =>
      current.chain !== chain || current.error !== null || current.afters.includes(nextAfter)
        ? current
        : { ...current, afters: [...current.afters, nextAfter] },
    );
  }, [chain, nextAfter]);

  const retryLoadMore = useCallback(() => {
    setState((current) => {
      if (current.chain !== chain || current.error === null) return current;
      const { after } = current.error;
      watched.current.get(after)?.unsubscribe();
      watched.current.delete(after);
      const afters = current.afters.slice(0, current.afters.indexOf(after));
      return { ...current, afters, error: null };
    });
  }, [chain]);

  const refetch = useCallback(() => {
    unwatchAll();
    setState(noPages(null));
    void refetchFirst();
  }, [refetchFirst, unwatchAll]);

  return {
    connection,
    claims,
    cursors,
    stale,
    loading: first.loading,
    error: first.error,
    hasNextPage,
    loadingMore,
    loadMoreError: later.error?.error ?? null,
    loadMore,
    retryLoadMore,
    refetch,
  };
}
