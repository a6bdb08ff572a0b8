import type BetterSqlite3 from 'better-sqlite3';
import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { type ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { v7 as uuidv7 } from 'uuid';

/**
 * A new row id for bulk writers: a UUID version 7 (RFC 9562), whose leading bits are the time in
 * milliseconds (with a counter within one millisecond). Ids made one after the other sort one
 * after the other, so a batch of rows lands at the end of the primary-key index and of every
 * index that leads with such an id (topics by claim, evidence by claim, audit events by entity)
 * instead of at a random page of each, which is what random (version 4) ids cost an import on
 * both databases. It is an ordinary UUID to every reader: ids are compared only for equality and
 * as a tie-breaker.
 */
export function timeOrderedId(): string {
  return uuidv7();
}

/**
 * Multi-row inserts of entities, for writers of many rows at once (imports): the columns and
 * their stored form come from the entity metadata and the driver's own `preparePersistentValue`
 * (so dates, booleans and simple-json columns are stored exactly as `save` stores them), without
 * TypeORM's per-entity persistence machinery.
 *
 * - PostgreSQL: one `INSERT … SELECT (r->>0)::type, … FROM json_array_elements($1::json) r` per
 *   batch: the rows as one JSON text, whatever their number.
 * - SQLite: one prepared single-row INSERT run per row on the connection's better-sqlite3 handle
 *   (SQLite runs a prepared statement faster than it parses a long multi-row one).
 *
 * Both run on the manager's connection, so inside its transaction. Callers give every column a
 * value (ids, timestamps and versions included); only an incrementing primary key is left to the
 * database.
 */
export class BulkTable<T extends ObjectLiteral> {
  readonly table: string;
  private readonly columns: ColumnMetadata[];
  private readonly postgres: boolean;
  private prepared: BetterSqlite3.Statement | null = null;
  private converters: ((entity: Partial<T>) => unknown)[] | null = null;

  constructor(
    private readonly manager: EntityManager,
    target: EntityTarget<T>,
  ) {
    const metadata = manager.connection.getMetadata(target);
    this.table = metadata.tableName;
    this.columns = metadata.columns.filter(
      (c) => !(c.isGenerated && c.generationStrategy === 'increment'),
    );
    this.postgres = manager.connection.options.type === 'postgres';
  }

  /** The stored values of one entity, in column order. */
  private values(entity: Partial<T>): unknown[] {
    this.converters ??= this.columns.map((c) => this.converterOf(c));
    const converters = this.converters;
    const row = new Array<unknown>(converters.length);
    for (let i = 0; i < converters.length; i++) row[i] = converters[i](entity);
    return row;
  }

  /**
   * How one column's stored value is made from an entity: the driver's `preparePersistentValue`
   * of the entity's value, read straight from its property when the column is a plain one (no
   * embedded object, no relation to follow). A date column remembers its last conversion, since a
   * writer stamps many columns and rows with the same `Date` (SQLite stores it as text, which
   * TypeORM formats field by field).
   */
  private converterOf(c: ColumnMetadata): (entity: Partial<T>) => unknown {
    const driver = this.manager.connection.driver;
    const plain = !c.embeddedMetadata && !c.relationMetadata;
    const property = c.propertyName as keyof T;
    const read = plain
      ? (entity: Partial<T>): unknown => entity[property]
      : (entity: Partial<T>): unknown => c.getEntityValue(entity);
    const store = (value: unknown): unknown =>
      driver.preparePersistentValue(value === undefined ? null : value, c);
    if (c.type !== Date && c.type !== 'datetime' && c.type !== 'timestamptz')
      return (entity) => store(read(entity));
    let lastDate: Date | null = null;
    let lastStored: unknown = null;
    return (entity) => {
      const value = read(entity);
      if (!(value instanceof Date)) return store(value);
      if (value !== lastDate) {
        lastDate = value;
        lastStored = store(value);
      }
      return lastStored;
    };
  }

  private columnList(): string {
    return this.columns.map((c) => `"${c.databaseName}"`).join(', ');
  }

  /** Inserts the entities (in one statement on PostgreSQL, one prepared run each on SQLite). */
  async insert(entities: readonly Partial<T>[]): Promise<void> {
    if (entities.length === 0) return;
    if (!this.postgres) {
      this.insertSync(entities);
      return;
    }
    const { sql, parameters } = this.postgresStatement(entities);
    await this.manager.query(sql, parameters);
  }

  /**
   * PostgreSQL only: the one INSERT statement for the entities, for a caller that sends several
   * statements itself, in order, without waiting between them.
   */
  postgresStatement(entities: readonly Partial<T>[]): { sql: string; parameters: unknown[] } {
    if (!this.postgres) throw new Error('postgresStatement is for PostgreSQL');
    const driver = this.manager.connection.driver;
    const rows: unknown[][] = entities.map((entity) => this.values(entity));
    // One JSON array of rows as the only parameter: V8 writes it natively, PostgreSQL reads it
    // natively, where node-postgres would escape every element of a parameter array in JS.
    const casts = this.columns.map((c, i) => `(r->>${i})::${driver.normalizeType(c)}`);
    return {
      sql: `INSERT INTO "${this.table}" (${this.columnList()}) SELECT ${casts.join(', ')} FROM jsonb_array_elements($1::jsonb) AS r`,
      parameters: [JSON.stringify(rows)],
    };
  }

  /**
   * SQLite only: inserts synchronously, so a caller can run several writes with nothing else
   * on the (single, shared) connection in between.
   */
  insertSync(entities: readonly Partial<T>[]): void {
    if (this.postgres) throw new Error('insertSync is for SQLite');
    this.prepared ??= sqliteHandle(this.manager).prepare(
      `INSERT INTO "${this.table}" (${this.columnList()}) VALUES (${this.columns.map(() => '?').join(', ')})`,
    );
    for (const entity of entities) this.prepared.run(...this.values(entity));
  }
}

/** The better-sqlite3 database behind a SQLite manager (the connection its transaction runs on). */
export function sqliteHandle(manager: EntityManager): BetterSqlite3.Database {
  const driver = manager.connection.driver as unknown as {
    databaseConnection?: BetterSqlite3.Database;
  };
  if (manager.connection.options.type !== 'better-sqlite3' || !driver.databaseConnection)
    throw new Error('Not a better-sqlite3 connection');
  return driver.databaseConnection;
}
