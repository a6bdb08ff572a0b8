import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '@corroborate/api-database';

export const NOTIFICATION_KINDS = [
  'ASSIGNED',
  'MENTIONED',
  'ADJUDICATED',
  'NEEDS_ADJUDICATION',
] as const;
export type NotificationKindValue = (typeof NOTIFICATION_KINDS)[number];

/**
 * One in-app notification for one user, created in the transaction of the write that caused
 * it. Only its recipient ever sees it; `readAt` is the only thing that changes.
 */
@Entity('notifications')
@Index('notifications_recipient_created', ['recipientId', 'createdAt'])
@Index('notifications_recipient_read', ['recipientId', 'readAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  recipientId: string;

  @Column('varchar', { length: 24 })
  kind: NotificationKindValue;

  @IdColumn({ nullable: true })
  claimId: string | null;

  @IdColumn({ nullable: true })
  actorId: string | null;

  @IdColumn({ nullable: true })
  commentId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  readAt: Date | null;
}
