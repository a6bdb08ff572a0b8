import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type PubSubEngine } from 'graphql-subscriptions';
import {
  DataSource,
  type EntitySubscriberInterface,
  In,
  type InsertEvent,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { AuditEventEntity } from '@corroborate/api-audit';
import { NotificationEntity } from '@corroborate/api-notifications';
import { UserEntity } from '@corroborate/api-users';
import {
  claimIdOf,
  claimTopic,
  notificationEvent,
  recipientsOf,
  toLiveEvent,
  userTopic,
} from './live-events';
import { LIVE_PUBSUB } from './live-pubsub';

type Announced = AuditEventEntity | NotificationEntity;

/**
 * Turns every audit event into a live event, and every new notification into one for its
 * recipient, published only once its transaction has committed (a rolled-back write announces
 * nothing). Every write is audited, so every write is announced without each service having to
 * remember to.
 */
@Injectable()
export class LivePublisher implements EntitySubscriberInterface<Announced>, OnModuleInit {
  private readonly logger = new Logger('Live');
  private readonly pending = new WeakMap<QueryRunner, Announced[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LIVE_PUBSUB) private readonly pubsub: PubSubEngine,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<Announced>): void {
    const row = event.entity;
    if (!(row instanceof AuditEventEntity) && !(row instanceof NotificationEntity)) return;
    const runner = event.queryRunner;
    if (runner?.isTransactionActive) {
      const list = this.pending.get(runner) ?? [];
      list.push(row);
      this.pending.set(runner, list);
    } else {
      void this.publish([row]);
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const rows = this.pending.get(event.queryRunner);
    if (!rows) return;
    this.pending.delete(event.queryRunner);
    void this.publish(rows);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }

  private async publish(all: Announced[]): Promise<void> {
    try {
      const rows = all.filter((r): r is AuditEventEntity => r instanceof AuditEventEntity);
      const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
      const actors = actorIds.length
        ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(actorIds) })
        : [];
      const names = new Map(actors.map((u) => [u.id, u.displayName]));
      for (const row of rows) {
        const liveEvent = toLiveEvent(row, row.actorId ? (names.get(row.actorId) ?? null) : null);
        const topics = [
          ...(claimIdOf(row) ? [claimTopic(claimIdOf(row) as string)] : []),
          ...recipientsOf(row).map(userTopic),
        ];
        for (const topic of topics) await this.pubsub.publish(topic, { liveEvent });
      }
      // Notifications after the events that caused them.
      for (const n of all)
        if (n instanceof NotificationEntity)
          await this.pubsub.publish(userTopic(n.recipientId), { liveEvent: notificationEvent(n) });
    } catch (error) {
      // Live updates are best effort; the write itself has already committed.
      this.logger.warn(
        `Could not publish a live update: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
