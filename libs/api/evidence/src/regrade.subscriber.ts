import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntitySubscriberInterface, type InsertEvent } from 'typeorm';
import { AuditEventEntity } from '@corroborate/api-audit';
import { EvidenceEntity } from './evidence.entity';
import { EvidenceService } from './evidence.service';

/** The audit action libs/api/sources records when a source's reliability grade changes. */
export const SOURCE_REGRADED_ACTION = 'source.regraded';

/**
 * Regrading a source changes the grade of every evidence item from it, and so whether strong
 * evidence contradicts on a claim. libs/api/sources cannot call the evidence service (evidence
 * depends on sources, not the other way round), so this listens for the regrade's audit event,
 * which is written in the regrade's own transaction, and recomputes each affected claim's
 * `hasContradiction` in that same transaction.
 */
@Injectable()
export class SourceRegradeSubscriber
  implements EntitySubscriberInterface<AuditEventEntity>, OnModuleInit
{
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  listenTo() {
    return AuditEventEntity;
  }

  async afterInsert(event: InsertEvent<AuditEventEntity>): Promise<void> {
    const row = event.entity;
    if (row?.entityType !== 'Source' || row.action !== SOURCE_REGRADED_ACTION) return;
    const items = await event.manager.find(EvidenceEntity, {
      where: { sourceId: row.entityId },
      select: { claimId: true },
    });
    await this.evidence.recomputeClaims([...new Set(items.map((i) => i.claimId))], event.manager);
  }
}
