import type { DataSource } from 'typeorm';

/** The parts of a node-postgres pooled client the guard uses. */
interface GuardedClient {
  query: (...args: unknown[]) => unknown;
  connection?: { stream?: { destroy(error?: Error): void } };
}

/** The node-postgres pool behind TypeORM's PostgreSQL driver. */
interface Pool {
  on(event: 'acquire', listener: (client: GuardedClient) => void): void;
}

/**
 * PostgreSQL: closes the connection of any statement that has had no answer for `timeoutMs`, so
 * a network that stops carrying packets (a partition: nothing refused, nothing answered) fails
 * requests with "Connection terminated" — SERVICE_UNAVAILABLE to clients — instead of leaving
 * them, and the pool's connections, waiting for the operating system's TCP timeout (many
 * minutes). The pool then drops the closed connection and opens new ones once the database
 * answers again. A statement that is merely slow is cut off the same way, so the timeout is
 * generous (DATABASE_STATEMENT_TIMEOUT_SECONDS, 120 s by default); migrations run before the
 * guard is installed and are never cut off. Statements given as streams or with callbacks (no
 * promise) are not guarded.
 */
export function guardStatements(dataSource: DataSource, timeoutMs: number): void {
  if (dataSource.options.type !== 'postgres' || timeoutMs <= 0) return;
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool) return;
  const guarded = new WeakSet<GuardedClient>();
  pool.on('acquire', (client) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    const query = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      const result = query(...args);
      if (!(result instanceof Promise)) return result;
      const timer = setTimeout(
        () =>
          client.connection?.stream?.destroy(
            new Error(`No answer from the database within ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      timer.unref();
      return result.finally(() => clearTimeout(timer));
    };
  });
}
