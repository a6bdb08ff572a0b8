import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import {
  type Actor,
  assertPageSize,
  BadInputError,
  decodeCursor,
  encodeCursor,
  forwardPageInfo,
  NotFoundError,
  type PageInfoType,
} from '@corroborate/api-core';
import { type NotificationKindValue, NotificationEntity } from './notification.entity';

export interface NotifyRequest {
  kind: NotificationKindValue;
  recipientIds: readonly (string | null | undefined)[];
  /** Who caused it; never notified of their own action. */
  actorId: string | null;
  claimId?: string | null;
  commentId?: string | null;
}

export const MAX_MARK_READ = 200;
const CURSOR_TAG = 'notifications';

/** In-app notifications: created inside the causing write's transaction, read by their recipient. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds one notification per distinct recipient other than the actor, in `manager`'s transaction. */
  async notify(manager: EntityManager, request: NotifyRequest): Promise<NotificationEntity[]> {
    const recipients = [
      ...new Set(
        request.recipientIds.filter(
          (id): id is string => typeof id === 'string' && id !== request.actorId,
        ),
      ),
    ];
    if (recipients.length === 0) return [];
    const now = new Date();
    return manager.save(
      recipients.map((recipientId) =>
        manager.create(NotificationEntity, {
          recipientId,
          kind: request.kind,
          claimId: request.claimId ?? null,
          actorId: request.actorId,
          commentId: request.commentId ?? null,
          createdAt: now,
          readAt: null,
        }),
      ),
    );
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .countBy({ recipientId: actor.id, readAt: IsNull() });
  }

  /** The caller's notifications, newest first, cursor-paginated. */
  async list(
    actor: Actor,
    first: number,
    after: string | null,
    unreadOnly: boolean,
  ): Promise<{ nodes: NotificationEntity[]; pageInfo: PageInfoType }> {
    assertPageSize(first);
    const qb = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.recipientId = :me', { me: actor.id })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(first + 1);
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    if (after) {
      const [createdAt, id] = decodeCursor(after, CURSOR_TAG, ['d', 's']);
      qb.andWhere('(n.createdAt < :at OR (n.createdAt = :at AND n.id < :id))', {
        at: createdAt,
        id,
      });
    }
    const rows = await qb.getMany();
    const nodes = rows.slice(0, first);
    const edges = nodes.map((n) => ({
      cursor: encodeCursor(CURSOR_TAG, [n.createdAt.toISOString(), n.id]),
    }));
    return { nodes, pageInfo: forwardPageInfo(edges, rows.length > first) };
  }

  /**
   * Marks the caller's notifications read. Every id must be one of the caller's own (NOT_FOUND
   * otherwise, and nothing changes); already-read ones keep their first read time.
   */
  markRead(actor: Actor, ids: readonly string[]): Promise<NotificationEntity[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0 || unique.length > MAX_MARK_READ)
      throw new BadInputError('ids', `ids must list between 1 and ${MAX_MARK_READ} notifications.`);
    const malformed = unique.find((id) => !isUUID(id));
    if (malformed !== undefined)
      throw new BadInputError(
        'ids',
        `ids must list notification ids (UUIDs); ${JSON.stringify(malformed.slice(0, 64))} is not one.`,
      );
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.findBy(NotificationEntity, { id: In(unique) });
      const mine = new Map(rows.filter((n) => n.recipientId === actor.id).map((n) => [n.id, n]));
      const missing = unique.find((id) => !mine.has(id));
      if (missing) throw new NotFoundError('Notification', missing);
      const now = new Date();
      const unread = [...mine.values()].filter((n) => n.readAt === null);
      if (unread.length)
        await manager.update(
          NotificationEntity,
          { id: In(unread.map((n) => n.id)) },
          { readAt: now },
        );
      for (const n of unread) n.readAt = now;
      return unique.map((id) => mine.get(id) as NotificationEntity);
    });
  }

  /** Marks every unread notification of the caller read; returns how many changed. */
  async markAllRead(actor: Actor): Promise<number> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ recipientId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
