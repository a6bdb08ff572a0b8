import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataSourceOptions } from './data-source';
import { selectRows } from './select-rows';
import { gateSqliteWrites } from './sqlite-write-gate';

/** A statement that takes well over a millisecond on any machine: counts to 300,000. */
const SLOW_SQL = `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000)
  SELECT count(*) AS n FROM c WHERE ? IS NOT NULL`;
const PRIVATE_TEXT = 'what-a-user-typed';

async function database(slowStatementMs: number): Promise<DataSource> {
  return new DataSource(
    dataSourceOptions({ type: 'sqlite', path: ':memory:', logging: false, slowStatementMs }, []),
  ).initialize();
}

describe('slow statements (DATABASE_SLOW_STATEMENT_MS)', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['TypeORM statements', (ds: DataSource) => ds.query(SLOW_SQL, [PRIVATE_TEXT])],
    ['the hot reads (selectRows)', (ds: DataSource) => selectRows(ds, SLOW_SQL, [PRIVATE_TEXT])],
  ])(
    'logs %s slower than the threshold as a warning with time and text, never the parameters',
    async (_, run) => {
      const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const ds = await database(1);
      try {
        await run(ds);
      } finally {
        await ds.destroy();
      }
      const messages = warn.mock.calls.map((call) => String(call[0]));
      const slow = messages.filter((m) => m.startsWith('Slow statement: '));
      expect(slow).toHaveLength(1);
      expect(slow[0]).toMatch(
        /^Slow statement: \d+ ms \(over DATABASE_SLOW_STATEMENT_MS\): WITH RECURSIVE c\(x\) AS \(SELECT 1 UNION ALL/,
      );
      expect(slow[0]).not.toContain('\n');
      expect(slow[0]).not.toContain(PRIVATE_TEXT);
    },
  );

  it('on SQLite, names only the slow statement of several started together, with its own time', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // Counting to 1,000,000 takes tens of milliseconds at least; a one-row statement far less.
    const slowest = SLOW_SQL.replace('300000', '1000000');
    const ds = await database(20);
    try {
      // As a page's loaders or the dashboard start theirs: the fast ones queue behind the slow one.
      await Promise.all([
        ds.query(slowest, [PRIVATE_TEXT]),
        ds.query('SELECT 1 AS fast_one WHERE ? IS NOT NULL', [PRIVATE_TEXT]),
        selectRows(ds, 'SELECT 2 AS fast_two WHERE ? IS NOT NULL', [PRIVATE_TEXT]),
        ds.query('SELECT 3 AS fast_three WHERE ? IS NOT NULL', [PRIVATE_TEXT]),
      ]);
    } finally {
      await ds.destroy();
    }
    const slow = warn.mock.calls
      .map((call) => String(call[0]))
      .filter((m) => m.startsWith('Slow statement: '));
    expect(slow).toHaveLength(1);
    expect(slow[0]).toContain('x < 1000000');
  });

  it("on SQLite, times reads on the read-only connection used during another request's transaction", async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const folder = mkdtempSync(join(tmpdir(), 'corroborate-slow-'));
    const ds = await new DataSource(
      dataSourceOptions(
        { type: 'sqlite', path: join(folder, 'slow.db'), logging: false, slowStatementMs: 1 },
        [],
      ),
    ).initialize();
    try {
      gateSqliteWrites(ds);
      let began!: () => void;
      let finish!: () => void;
      const begun = new Promise<void>((resolve) => (began = resolve));
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const open = ds.transaction(async (manager) => {
        await manager.query('CREATE TABLE "t" ("x" integer)');
        began();
        await finished;
      });
      await begun;
      // Another request's read while that transaction is open: on the read-only connection.
      await ds.query(SLOW_SQL, [PRIVATE_TEXT]);
      finish();
      await open;
    } finally {
      await ds.destroy();
      rmSync(folder, { recursive: true, force: true });
    }
    const slow = warn.mock.calls
      .map((call) => String(call[0]))
      .filter((m) => m.startsWith('Slow statement: ') && m.includes('WITH RECURSIVE'));
    expect(slow).toHaveLength(1);
  });

  it('logs nothing when the threshold is 0 or the statement is faster', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    for (const threshold of [0, 3_600_000]) {
      const ds = await database(threshold);
      try {
        await ds.query(SLOW_SQL, [PRIVATE_TEXT]);
        await selectRows(ds, SLOW_SQL, [PRIVATE_TEXT]);
      } finally {
        await ds.destroy();
      }
    }
    expect(warn).not.toHaveBeenCalled();
  });
});
