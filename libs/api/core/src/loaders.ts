import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';

/**
 * A DataLoader that also remembers what its batches returned, so a value this request already
 * loaded can be answered without a promise ({@link RequestLoader.loadNow}). graphql-js completes a
 * field whose resolver returns a plain value synchronously; a promise costs it (and V8) far more,
 * which on a queue page of hundreds of nested fields is most of the work.
 */
export class RequestLoader<K, V> extends DataLoader<K, V> {
  private readonly loaded: Map<K, V>;
  private readonly keyOf: (key: K) => K;

  constructor(
    batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
    options?: DataLoader.Options<K, V, K>,
  ) {
    const loaded = new Map<K, V>();
    const keyOf = options?.cacheKeyFn ?? ((key: K): K => key);
    const remember = options?.cache !== false;
    super(async (keys) => {
      const values = await batch(keys);
      if (remember)
        keys.forEach((key, i) => {
          const value = values[i];
          if (!(value instanceof Error)) loaded.set(keyOf(key), value);
        });
      return values;
    }, options);
    this.loaded = loaded;
    this.keyOf = keyOf;
  }

  /** Whether a batch of this request already loaded `key` (so {@link loadNow} answers at once). */
  isLoaded(key: K): boolean {
    return this.loaded.has(this.keyOf(key));
  }

  /** The value now when a batch of this request already loaded `key`, else `load(key)`. */
  loadNow(key: K): V | Promise<V> {
    const cacheKey = this.keyOf(key);
    return this.loaded.has(cacheKey) ? (this.loaded.get(cacheKey) as V) : this.load(key);
  }

  /**
   * Like DataLoader's `prime` (which keeps a value already cached), and what it primes answers
   * {@link loadNow} at once: for values another statement of this request read (a join).
   */
  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    const cacheKey = this.keyOf(key);
    if (!this.loaded.has(cacheKey) && !(value instanceof Error) && !isPromiseLike(value))
      this.loaded.set(cacheKey, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.loaded.delete(this.keyOf(key));
    return super.clear(key);
  }

  override clearAll(): this {
    this.loaded.clear();
    return super.clearAll();
  }
}

/** Applies `fn` to a value now, or once it resolves: what is already loaded stays synchronous. */
export function whenLoaded<T, R>(value: T | Promise<T>, fn: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/**
 * Per-request DataLoaders, created fresh for every GraphQL request in the context
 * (`context: ({ req, res }) => ({ req, res, loaders: new LoaderRegistry() })`), so batching and
 * caching never leak between requests or callers. Field resolvers that read the database ask for
 * a loader by a stable key; the first call creates it with the given batch function.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, RequestLoader<unknown, unknown>>();

  get<K, V>(
    key: string,
    batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
    options?: DataLoader.Options<K, V, K>,
  ): RequestLoader<K, V> {
    let loader = this.loaders.get(key) as RequestLoader<K, V> | undefined;
    if (!loader) {
      loader = new RequestLoader<K, V>(batch, options);
      this.loaders.set(key, loader as unknown as RequestLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Forgets cached values (e.g. after a write within the same request). */
  clear(key?: string): void {
    if (key === undefined) for (const loader of this.loaders.values()) loader.clearAll();
    else this.loaders.get(key)?.clearAll();
  }
}

/** The request's {@link LoaderRegistry} from a GraphQL context (a throwaway one outside a request). */
export function loadersOf(context: { loaders?: LoaderRegistry } | undefined): LoaderRegistry {
  if (!context) return new LoaderRegistry();
  if (!context.loaders) context.loaders = new LoaderRegistry();
  return context.loaders;
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

/**
 * Primes two loaders with what one joined statement read: `lists` with each key's rows (in row
 * order; [] for keys without) and `joinedById` with each row's joined entity.
 */
export function primeJoined<K, R, J extends { id: string }>(
  keys: readonly K[],
  rows: readonly { row: R; joined: J | null }[],
  keyOf: (row: R) => K,
  lists: { prime(key: K, value: R[]): unknown },
  joinedById: { prime(key: string, value: J | null): unknown },
): void {
  const grouped = groupByKeys(
    keys,
    rows.map((r) => r.row),
    keyOf,
  );
  keys.forEach((key, i) => lists.prime(key, grouped[i]));
  for (const { joined } of rows) if (joined) joinedById.prime(joined.id, joined);
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
  // Outside a GraphQL request (or a context without loaders) a throwaway registry still works.
  return loadersOf(GqlExecutionContext.create(context).getContext<{ loaders?: LoaderRegistry }>());
});

function isPromiseLike<V>(value: V | PromiseLike<V>): value is PromiseLike<V> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
