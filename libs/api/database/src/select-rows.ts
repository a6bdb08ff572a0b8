import { createHash } from 'node:crypto';
import { type DataSource, QueryFailedError } from 'typeorm';
import { sqliteReadConnection } from './sqlite-write-gate';

/** What this module needs of a better-sqlite3 statement. */
interface SqliteStatement {
  raw(toggle: boolean): SqliteStatement;
  columns(): { name: string }[];
  all(...params: unknown[]): unknown[][];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
/** What this module needs of node-postgres' pool and its clients. */
interface PgClient {
  query(config: {
    name?: string;
    text: string;
    values: unknown[];
    rowMode: 'array';
  }): Promise<{ rows: unknown[][]; fields: { name: string }[] }>;
  release(error?: Error): void;
  on(event: 'error', listener: (error: Error) => void): void;
  removeListener(event: 'error', listener: (error: Error) => void): void;
}
interface PgPool {
  connect(): Promise<PgClient>;
}

/** The rows of one statement, and where each named column sits in them. */
export interface RowSet {
  /** Arrays of values in select-list order (SQLite) or objects by column name (PostgreSQL). */
  readonly rows: readonly (readonly unknown[] | Readonly<Record<string, unknown>>)[];
  /** The key of column `name` in every row: its position or its name (absent: no value). */
  key(name: string): number | string;
}

interface Prepared {
  statement: SqliteStatement;
  /** Column name → position, from the statement's own result columns. */
  positions: Map<string, number>;
}

/** Statements prepared per SQLite connection (so a new data source starts afresh). */
const preparedBy = new WeakMap<object, Map<string, Prepared>>();
/** Statements kept per connection; the oldest is dropped beyond this (IN lists vary in length). */
const MAX_PREPARED = 1000;

function prepared(connection: SqliteConnection, sql: string): Prepared {
  let cache = preparedBy.get(connection);
  if (!cache) preparedBy.set(connection, (cache = new Map()));
  let entry = cache.get(sql);
  if (!entry) {
    const statement = connection.prepare(sql).raw(true);
    entry = {
      statement,
      positions: new Map(statement.columns().map((c, i) => [c.name, i])),
    };
    cache.set(sql, entry);
    if (cache.size > MAX_PREPARED) cache.delete(cache.keys().next().value as string);
  }
  return entry;
}

/**
 * The name of a PostgreSQL prepared statement for `sql`: each pooled connection parses and plans
 * it once, later runs send only the parameters (the planner took about a millisecond for each of
 * the queue page's statements, as long as running them). A server connection keeps every
 * statement prepared on it, so only the first {@link MAX_NAMED} texts a process runs get a name
 * (the fixed shapes of the hot paths come first); later ones run unnamed, planned each time.
 */
function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_NAMED) {
    name = `corroborate_${createHash('sha1').update(sql).digest('hex').slice(0, 32)}`;
    statementNames.set(sql, name);
  }
  return name;
}
/** Statement texts given a name per process (per PostgreSQL connection at most as many). */
const MAX_NAMED = 200;
const statementNames = new Map<string, string>();

/**
 * Runs a read statement for the hot read paths ({@link RowReader}, the claim queue's page), with
 * rows as arrays of values: both drivers otherwise build an object per row with a property per
 * column, which profiled as a third of what the queue page's statements cost on SQLite. SQLite
 * runs a statement prepared once on the data source's one connection, so it sees what TypeORM's
 * statements see (inside a transaction too); PostgreSQL runs on a client of TypeORM's pool (so
 * the statement guard applies), outside any transaction, as `DataSource.query` does, as a named
 * prepared statement ({@link statementName}). The
 * statement is logged like TypeORM's own (DATABASE_LOGGING, the statement counts of the tests)
 * and a failure is TypeORM's QueryFailedError with the driver's message, as before.
 */
export async function selectRows(
  dataSource: DataSource,
  sql: string,
  params: readonly unknown[],
): Promise<RowSet> {
  const sqlite = dataSource.options.type === 'better-sqlite3';
  // better-sqlite3 binds no booleans (as TypeORM's own runner does: 0/1).
  const values = sqlite ? params.map((p) => (typeof p === 'boolean' ? +p : p)) : [...params];
  dataSource.logger.logQuery(sql, values);
  const started = performance.now();
  const slow = (rows: RowSet): RowSet => {
    const ms = performance.now() - started;
    const limit = dataSource.options.maxQueryExecutionTime;
    if (limit && ms > limit) dataSource.logger.logQuerySlow(ms, sql, values);
    return rows;
  };
  try {
    if (sqlite) {
      // The shared connection (what TypeORM's statements see, inside a transaction too), or a
      // read-only one while another request's transaction is open (see SqliteWriteGate).
      const connection: SqliteConnection = sqliteReadConnection(dataSource);
      const { statement, positions } = prepared(connection, sql);
      const rows = statement.all(...values);
      return slow({ rows, key: (name) => positions.get(name) ?? -1 });
    }
    const pool = (dataSource.driver as unknown as { master: PgPool }).master;
    const client = await pool.connect();
    // A connection that breaks while checked out emits 'error' on its client (the statement
    // guard closing it, say), which would stop the process unheard; as TypeORM's runner does,
    // listen while it is ours and hand it back as broken so the pool drops it.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      const result = await client.query({
        name: statementName(sql),
        text: sql,
        values,
        rowMode: 'array',
      });
      const positions = new Map(result.fields.map((f, i) => [f.name, i]));
      return slow({ rows: result.rows, key: (name) => positions.get(name) ?? -1 });
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, sql, values);
    throw new QueryFailedError(sql, values, error as Error);
  }
}

/**
 * `column` is one of a list of values bound as one parameter, so a statement's text is the same
 * however many values and can be prepared once: PostgreSQL `= ANY($1)` with an array, SQLite
 * `IN (SELECT value FROM json_each(?))` with the values as JSON. Bind
 * {@link valueListParameters}.
 */
export function inValueList(dataSource: DataSource, column: string): string {
  return dataSource.options.type === 'postgres'
    ? `${column} = ANY($1)`
    : `${column} IN (SELECT value FROM json_each(?))`;
}

/**
 * The parameters of a statement that uses {@link inValueList} `occurrences` times for the same
 * values: one array on PostgreSQL (every `$1` is the same parameter), the JSON once per `?` on
 * SQLite.
 */
export function valueListParameters(
  dataSource: DataSource,
  values: readonly unknown[],
  occurrences = 1,
): unknown[] {
  if (dataSource.options.type === 'postgres') return [[...values]];
  return new Array<string>(occurrences).fill(JSON.stringify(values));
}
