import {
  type DataSource,
  type EntityMetadata,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import { type RowSet, selectRows } from './select-rows';

type Column = EntityMetadata['columns'][number];

/** The order of a parent's items on every read path: oldest first, ids breaking ties. */
export const OLDEST_FIRST: readonly [string, 'ASC' | 'DESC'][] = [
  ['createdAt', 'ASC'],
  ['id', 'ASC'],
];

/**
 * Column types whose values the driver's `prepareHydratedValue` returns unchanged when the
 * column has no transformer (text and integers, as both drivers hand them over): such a value is
 * set as read, without the driver's per-value walk of its type list.
 */
const UNCHANGED_TYPES: ReadonlySet<unknown> = new Set([
  'varchar',
  'character varying',
  'text',
  'uuid',
  'integer',
  'int',
  'int4',
  'smallint',
]);

/** One column of a reader: where its value goes and how it is converted. */
interface ColumnRead {
  column: Column;
  /** The entity property (the column is never embedded: {@link RowReader} refuses those). */
  property: string;
  /** The value as read needs no conversion. */
  unchanged: boolean;
}

/**
 * Reads whole entities of one type on the hot read paths (per-request DataLoaders of a queue
 * page): one statement whose SQL is built once, rows hydrated with the driver's own value
 * conversion (`prepareHydratedValue`: dates, booleans, simple-json, …), so each entity is what
 * `Repository.find` returns for the same rows (text and integer columns are set as read). Profiled
 * on a queue page, rebuilding the SQL and walking TypeORM's alias machinery for every row cost
 * more than the database did. Statements run through {@link selectRows} (rows as arrays; prepared
 * once), and on PostgreSQL a list of values is one array parameter (`= ANY($1)`).
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
  private readonly reads: ColumnRead[];
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
    this.reads = this.columns.map((column) => {
      if (column.embeddedMetadata)
        throw new Error(
          `RowReader reads no embedded column (${this.metadata.name}.${column.propertyName})`,
        );
      return {
        column,
        property: column.propertyName,
        unchanged: !column.transformer && UNCHANGED_TYPES.has(column.type),
      };
    });
    this.select = this.columns.map((c) => `"${c.databaseName}"`).join(', ');
  }

  /**
   * Entities whose `property` is one of `values`, ordered by `order` (property of the entity,
   * read by this reader or not, and direction).
   */
  async whereIn(
    property: string & keyof T,
    values: readonly unknown[],
    order: readonly [string, 'ASC' | 'DESC'][] = [],
  ): Promise<T[]> {
    if (values.length === 0) return [];
    const key = `${property}:${this.inListKey(values)}:${order.map(([p, d]) => `${p} ${d}`).join(',')}`;
    let sql = this.sqlCache.get(key);
    if (!sql) {
      sql = `SELECT ${this.select} FROM "${this.metadata.tableName}" WHERE ${this.inList(`"${this.column(property).databaseName}"`, values)}${this.orderBy(order, '')}`;
      if (this.sqlCache.size < 500) this.sqlCache.set(key, sql);
    }
    return this.hydrateSet(await selectRows(this.dataSource, sql, this.inListParams(values)));
  }

  /** The select list of this reader's columns of table alias `alias`, named `${prefix}${databaseName}` (for {@link hydrateSet}). */
  selectList(alias: string, prefix: string): string {
    return this.columns
      .map((c) => `"${alias}"."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
      .join(', ');
  }

  /** The entity's table name. */
  get table(): string {
    return this.metadata.tableName;
  }

  /**
   * Rows of this entity whose `property` is one of `values`, ordered by `order`, each with the
   * row of `other` that its `foreignKey` names (null when there is none), in one statement: what
   * {@link whereIn} on both would read, without the second round trip.
   */
  async whereInJoined<U extends ObjectLiteral>(
    property: string & keyof T,
    values: readonly unknown[],
    order: readonly [string, 'ASC' | 'DESC'][],
    foreignKey: string & keyof T,
    other: RowReader<U>,
  ): Promise<{ row: T; joined: U | null }[]> {
    if (values.length === 0) return [];
    const key = `${property}:${this.inListKey(values)}:${order.map(([p, d]) => `${p} ${d}`).join(',')}:${foreignKey}:${other.metadata.name}:${other.columns.map((c) => c.propertyName).join(',')}`;
    let sql = this.sqlCache.get(key);
    const [joinedId] = other.metadata.primaryColumns;
    if (!sql) {
      const foreign = `"t"."${this.column(foreignKey).databaseName}"`;
      // PostgreSQL: a lateral lookup by primary key, so the plan is an index probe per row; a
      // plain join may hash the whole joined table (all sources for a page's evidence).
      const join = this.postgres
        ? ` LEFT JOIN LATERAL (SELECT ${other.select} FROM "${other.metadata.tableName}" "o" WHERE "o"."${joinedId.databaseName}" = ${foreign} LIMIT 1) "j" ON true`
        : ` LEFT JOIN "${other.metadata.tableName}" "j" ON "j"."${joinedId.databaseName}" = ${foreign}`;
      sql =
        `SELECT ${this.selectList('t', 't_')}, ${other.selectList('j', 'j_')}, "j"."${joinedId.databaseName}" AS "j__key"` +
        ` FROM "${this.metadata.tableName}" "t"${join}` +
        ` WHERE ${this.inList(`"t"."${this.column(property).databaseName}"`, values)}${this.orderBy(order, '"t".')}`;
      if (this.sqlCache.size < 500) this.sqlCache.set(key, sql);
    }
    const set = await selectRows(this.dataSource, sql, this.inListParams(values));
    const rowKeys = this.keysIn(set, 't_');
    const joinedKeys = other.keysIn(set, 'j_');
    const joinedKey = set.key('j__key');
    return set.rows.map((raw) => {
      const id = (raw as Record<string | number, unknown>)[joinedKey];
      return {
        row: this.entity(raw, rowKeys),
        joined: id === null || id === undefined ? null : other.entity(raw, joinedKeys),
      };
    });
  }

  /** Entities from the rows of {@link selectRows} holding every column, named `${prefix}${databaseName}`. */
  hydrateSet(set: RowSet, prefix = ''): T[] {
    const keys = this.keysIn(set, prefix);
    return set.rows.map((row) => this.entity(row, keys));
  }

  /** Where each of this reader's columns sits in the rows of `set`, under `prefix`. */
  private keysIn(set: RowSet, prefix: string): (number | string)[] {
    return this.columns.map((c) => set.key(`${prefix}${c.databaseName}`));
  }

  private entity(
    row: readonly unknown[] | Readonly<Record<string, unknown>>,
    keys: readonly (number | string)[],
  ): T {
    const driver = this.dataSource.driver;
    const values = row as Readonly<Record<string | number, unknown>>;
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as Record<
      string,
      unknown
    >;
    for (let i = 0; i < this.reads.length; i++) {
      const read = this.reads[i];
      const value = values[keys[i]];
      if (value === undefined) continue;
      entity[read.property] =
        read.unchanged || (value === null && !read.column.transformer)
          ? value
          : driver.prepareHydratedValue(value, read.column);
    }
    return entity as T;
  }

  /** ` ORDER BY …` of `order` on columns qualified by `qualifier` (`"t".` or none). */
  private orderBy(order: readonly [string, 'ASC' | 'DESC'][], qualifier: string): string {
    if (order.length === 0) return '';
    return ` ORDER BY ${order.map(([p, d]) => `${qualifier}"${this.column(p).databaseName}" ${d}`).join(', ')}`;
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * `column` is one of `values`: on PostgreSQL `= ANY($1)` with the values as one array, so the
   * statement's text (and its prepared plan) is the same however many values; on SQLite an IN
   * list of that many placeholders.
   */
  private inList(column: string, values: readonly unknown[]): string {
    return this.postgres
      ? `${column} = ANY($1)`
      : `${column} IN (${values.map(() => '?').join(', ')})`;
  }

  private inListKey(values: readonly unknown[]): string {
    return this.postgres ? 'any' : String(values.length);
  }

  private inListParams(values: readonly unknown[]): unknown[] {
    return this.postgres ? [[...values]] : [...values];
  }

  private column(property: string): Column {
    const column = this.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.metadata.name} has no column ${property}`);
    return column;
  }
}
