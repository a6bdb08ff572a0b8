import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { comparableTimestamp } from '@corroborate/api-database';
import { decodeCursor, encodeCursor, forwardPageInfo } from '@corroborate/api-core';
import { AuditEventEntity } from './audit-event.entity';
import { type ActivityFilter, type AuditEventConnectionType } from './dto/activity.types';
import { type AuditEventType, fieldChanges, toAuditEventType } from './dto/audit-event.type';

export interface AuditRecord {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/** One entity whose history is wanted, e.g. `{ entityType: 'Claim', entityId: claim.id }`. */
export interface AuditSubject {
  entityType: string;
  entityId: string;
}

/** The tag of the activity log's cursors. */
const ACTIVITY_CURSOR = 'ACTIVITY';

/** Events read per statement when naming what changed since a version. */
const CHANGED_FIELDS_PAGE = 50;

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

  /**
   * The organisation's activity log: audit events matching `filter`, newest first, a page of
   * `first` after the cursor `after` (keyset on the event sequence, so a page never repeats or
   * skips an event when others are recorded meanwhile).
   */
  async activity(
    filter: ActivityFilter,
    first: number,
    after: string | null,
  ): Promise<AuditEventConnectionType> {
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (filter.actions && filter.actions.length > 0)
      qb.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    if (filter.actorId) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.entityType)
      qb.andWhere('e.entityType = :entityType', { entityType: filter.entityType });
    const at = comparableTimestamp(this.dataSource, 'e.at');
    if (filter.from) qb.andWhere(`${at} >= :from`, { from: filter.from });
    if (filter.to) qb.andWhere(`${at} <= :to`, { to: filter.to });
    if (after) {
      const [id] = decodeCursor(after, ACTIVITY_CURSOR, ['n']);
      qb.andWhere('e.id < :afterId', { afterId: id });
    }
    const rows = await qb
      .orderBy('e.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor(ACTIVITY_CURSOR, [row.id]),
      node: toAuditEventType(row),
    }));
    return {
      edges,
      pageInfo: forwardPageInfo(edges, rows.length > first),
    };
  }

  async historyOf(entityType: string, entityId: string): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { entityType, entityId },
      order: { id: 'ASC' },
    });
  }

  /**
   * The events of all the given entities in one statement, oldest first (by sequence), as GraphQL
   * AuditEvents. Use from a DataLoader batch and split the result by entityType/entityId.
   */
  async historyFor(
    subjects: readonly AuditSubject[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AuditEventType[]> {
    const byType = new Map<string, Set<string>>();
    for (const s of subjects) {
      const ids = byType.get(s.entityType) ?? new Set<string>();
      ids.add(s.entityId);
      byType.set(s.entityType, ids);
    }
    if (byType.size === 0) return [];
    const qb = manager.createQueryBuilder(AuditEventEntity, 'a').orderBy('a.id', 'ASC');
    qb.where(
      new Brackets((or) => {
        let i = 0;
        for (const [type, ids] of byType) {
          or.orWhere(`(a.entityType = :type${i} AND a.entityId IN (:...ids${i}))`, {
            [`type${i}`]: type,
            [`ids${i}`]: [...ids],
          });
          i++;
        }
      }),
    );
    const rows = await qb.getMany();
    return rows.map(toAuditEventType);
  }

  /**
   * For optimistic concurrency: the fields changed by every event on the entity recorded after
   * `version` (events store the entity's new `version` in their `after` payload). Versions only
   * grow with the event sequence (each write holds the entity's row until it commits), so this
   * reads the newest events, a page at a time, back to the first one at or below `version` — not
   * the entity's whole history, which grows without bound.
   */
  async changedFieldsSince(
    entityType: string,
    entityId: string,
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const fields = new Set<string>();
    let beforeId: number | null = null;
    for (;;) {
      const events = await this.newestEvents(entityType, entityId, beforeId, manager).getMany();
      for (const event of events) {
        const v = event.after?.['version'];
        if (typeof v !== 'number') continue;
        if (v <= version) return [...fields];
        for (const change of fieldChanges(event.before, event.after)) fields.add(change.field);
      }
      if (events.length < CHANGED_FIELDS_PAGE) return [...fields];
      beforeId = events[events.length - 1].id;
    }
  }

  /**
   * A page of an entity's events, newest first, before `beforeId` (all when null): read in the
   * order of the ("entityType", "entityId", "id") index, so a page costs the same however long the
   * entity's history (tests/api/audit-history.test.ts reads the plan).
   */
  newestEvents(
    entityType: string,
    entityId: string,
    beforeId: number | null,
    manager: EntityManager = this.dataSource.manager,
  ): SelectQueryBuilder<AuditEventEntity> {
    const qb = manager
      .createQueryBuilder(AuditEventEntity, 'a')
      .where('a.entityType = :entityType AND a.entityId = :entityId', { entityType, entityId })
      .orderBy('a.id', 'DESC')
      .limit(CHANGED_FIELDS_PAGE);
    if (beforeId !== null) qb.andWhere('a.id < :beforeId', { beforeId });
    return qb;
  }
}
