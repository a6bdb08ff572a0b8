import { Inject } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { type PubSubEngine } from 'graphql-subscriptions';
import {
  type Actor,
  ALL_ROLES,
  CurrentActor,
  idPipe,
  Roles,
  ServiceUnavailableError,
} from '@corroborate/api-core';
import { LiveEventType } from './dto/live-event.type';
import { claimTopic, userTopic } from './live-events';
import { LIVE_PUBSUB } from './live-pubsub';

@Resolver()
export class LiveResolver {
  constructor(@Inject(LIVE_PUBSUB) private readonly pubsub: PubSubEngine) {}

  @Roles(...ALL_ROLES)
  @Subscription(() => LiveEventType, {
    description:
      'Changes to one claim, its evidence, captures, reviews and comments, as they happen. Refetch the claim to see them.',
    resolve: (payload: { liveEvent: LiveEventType }) => payload.liveEvent,
  })
  claimActivity(@Args('claimId', { type: () => ID }, idPipe('claimId')) claimId: string) {
    return guarded(this.pubsub.asyncIterableIterator(claimTopic(claimId)));
  }

  @Roles(...ALL_ROLES)
  @Subscription(() => LiveEventType, {
    description: 'Events addressed to the signed-in user, such as a new assignment.',
    resolve: (payload: { liveEvent: LiveEventType }) => payload.liveEvent,
  })
  myActivity(@CurrentActor() actor: Actor) {
    return guarded(this.pubsub.asyncIterableIterator(userTopic(actor.id)));
  }
}

/**
 * A subscription's events with the pub/sub's failures kept inside it: when Redis cannot take the
 * subscription (it is reconnecting), the subscriber gets SERVICE_UNAVAILABLE instead of the
 * client library's message, and closing the subscription afterwards does not reject again
 * (that second rejection went unhandled, which stops a Node.js process).
 */
function guarded<T>(source: AsyncIterator<T>): AsyncIterableIterator<T> {
  const done: IteratorReturnResult<undefined> = { value: undefined, done: true };
  return {
    next: () =>
      source.next().catch(() => {
        throw new ServiceUnavailableError(
          'Live updates are not available right now. Reload the page in a moment to see changes.',
        );
      }),
    return: () => (source.return ? source.return().catch(() => done) : Promise.resolve(done)),
    throw: (error?: unknown) =>
      source.throw ? source.throw(error).catch(() => done) : Promise.resolve(done),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
