import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { claimLoader, ClaimsService, ClaimType, userLoader } from '@corroborate/api-claims';
import {
  type Actor,
  ALL_ROLES,
  CurrentActor,
  LoaderRegistry,
  Loaders,
  Roles,
} from '@corroborate/api-core';
import { UserType } from '@corroborate/api-users';
import { NotificationConnection, NotificationType } from './dto/notification.types';
import { NotificationsService } from './notifications.service';

const VERBS: Record<NotificationType['kind'], string> = {
  ASSIGNED: 'assigned you a claim to review',
  MENTIONED: 'mentioned you in a comment',
  ADJUDICATED: 'adjudicated a claim you assessed',
  NEEDS_ADJUDICATION: 'submitted the last assessment a claim you assigned needed',
};

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly claims: ClaimsService,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => NotificationConnection, {
    description: "The caller's own notifications, newest first.",
  })
  async notifications(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('unreadOnly', { type: () => Boolean, defaultValue: false }) unreadOnly: boolean,
  ): Promise<NotificationConnection> {
    const page = await this.service.list(actor, first, after, unreadOnly);
    return {
      nodes: page.nodes,
      pageInfo: page.pageInfo,
      unreadCount: await this.service.unreadCount(actor),
    };
  }

  @Roles(...ALL_ROLES)
  @Query(() => Int, { description: "How many of the caller's notifications are unread." })
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.unreadCount(actor);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => [NotificationType], {
    description:
      "Marks notifications read. Every id must be one of the caller's own (NOT_FOUND otherwise, and nothing changes).",
  })
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<NotificationType[]> {
    return this.service.markRead(actor, ids);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Int, {
    description: "Marks all the caller's notifications read; returns how many were unread.",
  })
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.markAllRead(actor);
  }

  @ResolveField(() => ClaimType, { nullable: true })
  claim(
    @Parent() notification: NotificationType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ClaimType | null> {
    if (!notification.claimId) return Promise.resolve(null);
    return claimLoader(loaders, this.claims).load(notification.claimId);
  }

  @ResolveField(() => UserType, { nullable: true, description: 'Who caused it.' })
  actor(
    @Parent() notification: NotificationType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType | null> {
    if (!notification.actorId) return Promise.resolve(null);
    return userLoader(loaders, this.claims).load(notification.actorId);
  }

  @ResolveField(() => String, {
    description: 'One line for people, e.g. "Edith Editor assigned you a claim to review".',
  })
  async message(
    @Parent() notification: NotificationType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<string> {
    const actor = notification.actorId
      ? await userLoader(loaders, this.claims).load(notification.actorId)
      : null;
    return `${actor?.displayName ?? 'Someone'} ${VERBS[notification.kind]}`;
  }
}
