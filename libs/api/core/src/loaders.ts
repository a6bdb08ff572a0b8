import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created fresh for every GraphQL request in the context
 * (`context: ({ req, res }) => ({ req, res, loaders: new LoaderRegistry() })`), so batching and
 * caching never leak between requests or callers. Field resolvers that read the database ask for
 * a loader by a stable key; the first call creates it with the given batch function.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(
    key: string,
    batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
    options?: DataLoader.Options<K, V, K>,
  ): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, options);
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Forgets cached values (e.g. after a write within the same request). */
  clear(key?: string): void {
    if (key === undefined) for (const loader of this.loaders.values()) loader.clearAll();
    else this.loaders.get(key)?.clearAll();
  }
}

/** Orders batch results like the keys; a missing key yields `missing` (null by default). */
export function byKeys<K, V>(
  keys: readonly K[],
  rows: readonly V[],
  keyOf: (row: V) => K,
): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups batch results per key, in row order; keys without rows get []. */
export function groupByKeys<K, V>(
  keys: readonly K[],
  rows: readonly V[],
  keyOf: (row: V) => K,
): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Injects the request's {@link LoaderRegistry} into a resolver argument. */
export const Loaders = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const ctx = GqlExecutionContext.create(context).getContext<{ loaders?: LoaderRegistry }>();
  // Outside a GraphQL request (or a context without loaders) a throwaway registry still works.
  if (!ctx.loaders) ctx.loaders = new LoaderRegistry();
  return ctx.loaders;
});
