import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends an event; pass the transaction's manager so the event commits with the change. */
  async record(
    event: AuditRecord,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const row = manager.create(AuditEventEntity, {
      actorId: event.actorId,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      before: event.before ?? null,
      after: event.after ?? null,
      reason: event.reason ?? null,
    });
    await manager.save(AuditEventEntity, row);
  }

  async historyOf(entityType: string, entityId: string): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { entityType, entityId },
      order: { id: 'ASC' },
    });
  }
}
