import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoType } from '@corroborate/api-core';
import { NOTIFICATION_KINDS, type NotificationKindValue } from '../notification.entity';

export const NotificationKind = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKindValue]: K;
};
export type NotificationKind = NotificationKindValue;
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    ASSIGNED: { description: 'An editor assigned you a claim to review.' },
    MENTIONED: { description: 'Someone mentioned you in a comment.' },
    ADJUDICATED: { description: 'A claim you assessed was adjudicated.' },
    NEEDS_ADJUDICATION: { description: 'A claim you assigned has all its assessments in.' },
  },
});

/** claim, actor and message are resolved by NotificationResolver. */
@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => ID, { nullable: true })
  claimId: string | null;

  actorId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The comment a MENTIONED notification is about.',
  })
  commentId: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readAt: Date | null;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationType])
  nodes: NotificationType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int, {
    description: "The caller's unread notifications (all of them, not this page).",
  })
  unreadCount: number;
}
