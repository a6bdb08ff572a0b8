import { Inject } from '@nestjs/common';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { type PubSubEngine } from 'graphql-subscriptions';
import { type Actor, ALL_ROLES, CurrentActor, idPipe, Roles } from '@corroborate/api-core';
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
    return this.pubsub.asyncIterableIterator(claimTopic(claimId));
  }

  @Roles(...ALL_ROLES)
  @Subscription(() => LiveEventType, {
    description: 'Events addressed to the signed-in user, such as a new assignment.',
    resolve: (payload: { liveEvent: LiveEventType }) => payload.liveEvent,
  })
  myActivity(@CurrentActor() actor: Actor) {
    return this.pubsub.asyncIterableIterator(userTopic(actor.id));
  }
}
