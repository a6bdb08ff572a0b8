import {
  type DataSource,
  type EntityMetadata,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';

type Column = EntityMetadata['columns'][number];

/**
 * Reads whole entities of one type on the hot read paths (per-request DataLoaders of a queue
 * page): one statement whose SQL is built once, rows hydrated with the driver's own value
 * conversion (`prepareHydratedValue`: dates, booleans, simple-json, …), so each entity is what
 * `Repository.find` returns for the same rows. Profiled on a queue page, rebuilding the SQL and
 * walking TypeORM's alias machinery for every row cost more than the database did.
 */
export class RowReader<T extends ObjectLiteral> {
  private static readonly readers = new WeakMap<
    DataSource,
    Map<unknown, Map<string, RowReader<ObjectLiteral>>>
  >();

  /** The reader of `entity` on `dataSource` (made once, so its SQL is built once). */
  static of<E extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<E>): RowReader<E>;
  /**
   * A reader of only some columns of `entity`, for a read path that shows only those (e.g. the
   * queue's rows): entities with just these properties set, converted as for whole entities.
   */
  static of<E extends ObjectLiteral, P extends keyof E & string>(
    dataSource: DataSource,
    entity: EntityTarget<E>,
    properties: readonly P[],
  ): RowReader<Pick<E, P>>;
  static of<E extends ObjectLiteral>(
    dataSource: DataSource,
    entity: EntityTarget<E>,
    properties?: readonly string[],
  ): RowReader<ObjectLiteral> {
    let readers = RowReader.readers.get(dataSource);
    if (!readers) {
      readers = new Map();
      RowReader.readers.set(dataSource, readers);
    }
    let byColumns = readers.get(entity);
    if (!byColumns) {
      byColumns = new Map();
      readers.set(entity, byColumns);
    }
    const key = properties ? properties.join(',') : '*';
    let reader = byColumns.get(key);
    if (!reader) {
      reader = new RowReader<ObjectLiteral>(
        dataSource,
        entity as EntityTarget<ObjectLiteral>,
        properties,
      );
      byColumns.set(key, reader);
    }
    return reader;
  }

  private readonly metadata: EntityMetadata;
  private readonly columns: Column[];
  private readonly select: string;
  private readonly sqlCache = new Map<string, string>();

  private constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<T>,
    properties?: readonly string[],
  ) {
    this.metadata = dataSource.getMetadata(entity);
    const columns = this.metadata.columns.filter((c) => !c.isVirtual && !c.isVirtualProperty);
    this.columns = properties ? properties.map((p) => this.column(p)) : columns;
    this.select = this.columns.map((c) => `"${c.databaseName}"`).join(', ');
  }

  /** Entities whose `property` is one of `values`, ordered by `order` (property, direction). */
  async whereIn(
    property: string & keyof T,
    values: readonly unknown[],
    order: readonly [string & keyof T, 'ASC' | 'DESC'][] = [],
  ): Promise<T[]> {
    if (values.length === 0) return [];
    const key = `${property}:${values.length}:${order.map(([p, d]) => `${p} ${d}`).join(',')}`;
    let sql = this.sqlCache.get(key);
    if (!sql) {
      const postgres = this.dataSource.options.type === 'postgres';
      const placeholders = values.map((_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
      const orderBy = order.length
        ? ` ORDER BY ${order.map(([p, d]) => `"${this.column(p).databaseName}" ${d}`).join(', ')}`
        : '';
      sql = `SELECT ${this.select} FROM "${this.metadata.tableName}" WHERE "${this.column(property).databaseName}" IN (${placeholders})${orderBy}`;
      if (this.sqlCache.size < 500) this.sqlCache.set(key, sql);
    }
    return this.hydrate(
      (await this.dataSource.query(sql, [...values])) as Record<string, unknown>[],
    );
  }

  /** The select list of this reader's columns of table alias `alias`, named `${prefix}${databaseName}` (for {@link hydrate}). */
  selectList(alias: string, prefix: string): string {
    return this.columns
      .map((c) => `"${alias}"."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
      .join(', ');
  }

  /** The entity's table name. */
  get table(): string {
    return this.metadata.tableName;
  }

  /** Entities from raw rows holding every column, named `${prefix}${databaseName}`. */
  hydrate(rows: readonly Record<string, unknown>[], prefix = ''): T[] {
    const driver = this.dataSource.driver;
    return rows.map((row) => {
      const entity = this.metadata.create(undefined, { fromDeserializer: true }) as T;
      for (const column of this.columns) {
        const value = row[`${prefix}${column.databaseName}`];
        if (value === undefined) continue;
        column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
      }
      return entity;
    });
  }

  private column(property: string): Column {
    const column = this.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.metadata.name} has no column ${property}`);
    return column;
  }
}
