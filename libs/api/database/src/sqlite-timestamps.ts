import {
  EventSubscriber,
  type EntitySubscriberInterface,
  type InsertEvent,
  type ObjectLiteral,
  type UpdateEvent,
} from 'typeorm';

type Column = InsertEvent<ObjectLiteral>['metadata']['columns'][number];

function stamp(column: Column | undefined, values: ObjectLiteral | undefined, now: Date): void {
  if (column && values && column.getEntityValue(values) === undefined)
    column.setEntityValue(values, now);
}

/**
 * Creation and update times to the millisecond on SQLite. The schema's defaults there are
 * `datetime('now')` and TypeORM's `CURRENT_TIMESTAMP`, both to the second, so two rows written in
 * one second tied: a claim adjudicated again within a second of its first adjudication could be
 * shown with the older one as "the latest", and "newest first" lists mixed up rows of the same
 * second. Each insert or update that does not set these columns itself gets the time from here,
 * with milliseconds, as PostgreSQL's `now()` into `timestamptz(3)` already has (for `save` of a
 * loaded entity: unless the writer changed its update time). Timestamp comparisons and indexes on
 * SQLite read both forms (`comparableTimestamp`), so rows written before keep their place.
 */
@EventSubscriber()
export class SqliteMillisecondTimestamps implements EntitySubscriberInterface<ObjectLiteral> {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    const now = new Date();
    stamp(event.metadata.createDateColumn, event.entity, now);
    stamp(event.metadata.updateDateColumn, event.entity, now);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const column = event.metadata.updateDateColumn;
    const { entity, databaseEntity } = event;
    if (!column || !entity) return;
    // `save` of a loaded entity: its update time is still the one read, unless the writer set one.
    if (databaseEntity) {
      const read = column.getEntityValue(databaseEntity) as unknown;
      const now = column.getEntityValue(entity) as unknown;
      const unchanged =
        now === undefined ||
        now === read ||
        (now instanceof Date && read instanceof Date && now.getTime() === read.getTime());
      if (unchanged) column.setEntityValue(entity, new Date());
      return;
    }
    // An update statement (`update`, the query builder): its values, unless they name the time.
    stamp(column, entity, new Date());
  }
}
