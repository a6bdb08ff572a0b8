import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataSourceOptions } from './data-source';
import { selectRows } from './select-rows';

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
