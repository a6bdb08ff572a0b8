import { Logger } from '@nestjs/common';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import type { RedisOptions } from 'ioredis';

/** Injection token for the pub/sub engine live updates travel through. */
export const LIVE_PUBSUB = Symbol('LIVE_PUBSUB');

const logger = new Logger('Live');

/** RedisPubSub's record of a topic whose subscription is under way (its internals). */
interface PendingRefs {
  pending: { promise?: Promise<unknown> };
}

/** How long a Redis command may wait for its reply. */
const REDIS_COMMAND_TIMEOUT_MS = 5_000;

/**
 * In-memory pub/sub for one process; with a Redis URL, events fan out through Redis so every API
 * instance's subscribers get them. A Redis outage degrades live updates (logged once per outage)
 * and never fails a write: publishing errors are caught by the publisher. The Redis client is
 * loaded only when a Redis URL is set (it is a noticeable share of the server's start-up).
 */
export async function createPubSub(
  redisUrl: string | undefined,
): Promise<PubSubEngine & { close(): Promise<unknown> }> {
  if (!redisUrl) {
    const pubsub = new PubSub();
    return Object.assign(pubsub, { close: async () => undefined });
  }
  const [{ default: Redis }, { RedisPubSub }] = await Promise.all([
    import('ioredis'),
    import('graphql-redis-subscriptions'),
  ]);
  let down = false;
  const options: RedisOptions = {
    lazyConnect: false,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    // A command with no reply (a network that stops carrying packets) fails after this, so
    // publishes do not pile up waiting: the publisher logs it and the write is long done.
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
  };
  const connect = (role: string) => {
    const client = new Redis(redisUrl, options);
    client.on('error', (error: Error) => {
      if (!down)
        logger.warn(`Redis (${role}) unavailable, live updates degraded: ${error.message}`);
      down = true;
    });
    client.on('ready', () => {
      if (down) logger.log(`Redis (${role}) reachable again; live updates restored.`);
      down = false;
    });
    return client;
  };
  const publisher = connect('publisher');
  const subscriber = connect('subscriber');
  const pubsub = new RedisPubSub({ publisher, subscriber });
  // When Redis refuses a subscription (it is reconnecting), RedisPubSub rejects the subscription
  // and also an internal promise for later subscribers of the same topic, which nobody may be
  // waiting on: an unhandled rejection, which stops a Node.js process. The subscription's own
  // rejection still reaches the subscriber (SERVICE_UNAVAILABLE, see LiveResolver).
  const subscribe = pubsub.subscribe.bind(pubsub);
  const pendingByTopic = (pubsub as unknown as { subsPendingRefsMap?: Map<string, PendingRefs> })
    .subsPendingRefsMap;
  pubsub.subscribe = (trigger, onMessage, subscribeOptions) => {
    const subscribed = subscribe(trigger, onMessage, subscribeOptions);
    pendingByTopic?.get(trigger)?.pending.promise?.catch(() => undefined);
    return subscribed;
  };
  // RedisPubSub.close() quits both connections; it already has the shape the module expects.
  return pubsub;
}
