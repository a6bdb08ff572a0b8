import {
  Column,
  type ColumnOptions,
  CreateDateColumn,
  type DataSource,
  UpdateDateColumn,
  getMetadataArgsStorage,
} from 'typeorm';

export type Dialect = 'sqlite' | 'postgres';

/**
 * SQLite and PostgreSQL share no name for some column types in TypeORM ("datetime" exists only
 * for SQLite, "timestamptz" and "uuid" only for PostgreSQL). Entities declare such columns with
 * the decorators below; {@link applyDialect} gives them the concrete type before a data source
 * is built, so one set of entities serves both databases.
 */
type PortableKind = 'timestamp' | 'uuid';
const portableColumns: { target: object; propertyName: string; kind: PortableKind }[] = [];

function remember(target: object, propertyName: string | symbol, kind: PortableKind): void {
  portableColumns.push({ target: target.constructor, propertyName: String(propertyName), kind });
}

export function TimestampColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return (target, propertyName) => {
    Column({ ...options, type: 'datetime' })(target, propertyName);
    remember(target, propertyName, 'timestamp');
  };
}

export function CreatedAtColumn(): PropertyDecorator {
  return (target, propertyName) => {
    CreateDateColumn({ type: 'datetime' })(target, propertyName);
    remember(target, propertyName, 'timestamp');
  };
}

export function UpdatedAtColumn(): PropertyDecorator {
  return (target, propertyName) => {
    UpdateDateColumn({ type: 'datetime' })(target, propertyName);
    remember(target, propertyName, 'timestamp');
  };
}

/** A column holding the id of another row (uuid on PostgreSQL, varchar(36) on SQLite). */
export function IdColumn(options: Omit<ColumnOptions, 'type' | 'length'> = {}): PropertyDecorator {
  return (target, propertyName) => {
    Column({ ...options, type: 'varchar', length: 36 })(target, propertyName);
    remember(target, propertyName, 'uuid');
  };
}

/** Gives every portable column its dialect's type. Call before building a DataSource. */
export function applyDialect(dialect: Dialect): void {
  for (const column of getMetadataArgsStorage().columns) {
    const portable = portableColumns.find(
      (c) => c.target === column.target && c.propertyName === column.propertyName,
    );
    if (!portable) continue;
    if (portable.kind === 'timestamp') {
      column.options.type = dialect === 'postgres' ? 'timestamptz' : 'datetime';
      if (dialect === 'postgres') column.options.precision = 3;
      else delete column.options.precision;
    } else {
      column.options.type = dialect === 'postgres' ? 'uuid' : 'varchar';
      if (dialect === 'postgres') delete column.options.length;
      else column.options.length = 36;
    }
  }
}

/**
 * A timestamp column (SQL as written, e.g. `c."updatedAt"`) that compares and sorts correctly with
 * Date parameters on both dialects. SQLite stores timestamps as text, and rows written with SQL
 * defaults ("YYYY-MM-DD HH:MM:SS") and by TypeORM ("… HH:MM:SS.SSS") would not compare correctly
 * as strings, so SQLite compares a normalised form: the expression its timestamp-order indexes are
 * built on (QueueSortIndex, ExportOrderIndex, QueueFilterIndexes, DashboardIndexes).
 */
export function comparableTimestamp(dataSource: DataSource, column: string): string {
  return dataSource.options.type === 'postgres'
    ? column
    : `strftime('%Y-%m-%d %H:%M:%f', ${column})`;
}
