import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { ServiceUnavailableError } from '@corroborate/api-core';
import {
  gateSqliteWrites,
  SqliteBusyError,
  type SqliteWriteGate,
  SqliteWriteTimeoutError,
} from './sqlite-write-gate';
import { selectRows } from './select-rows';

@Entity('notes')
class Note {
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  text!: string;
}

/** A SQLite database (WAL on a file) with the test's one table, made by SQL as a migration would. */
async function notesDatabase(database: string): Promise<DataSource> {
  const dataSource = await new DataSource({
    type: 'better-sqlite3',
    database,
    entities: [Note],
    enableWAL: database !== ':memory:',
  }).initialize();
  await dataSource.query(
    'CREATE TABLE "notes" ("id" varchar PRIMARY KEY NOT NULL, "text" varchar NOT NULL)',
  );
  return dataSource;
}

/** Let other requests' work run: timers and I/O, as between an import's batches. */
const otherRequestsRun = () => sleep(20);

describe('SqliteWriteGate', () => {
  let dataSource: DataSource;
  let gate: SqliteWriteGate;

  async function ids(): Promise<string[]> {
    const rows = (await dataSource.query('SELECT "id" FROM "notes" ORDER BY "id"')) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  /** A long transaction: writes, waits for I/O (others run meanwhile), then fails or commits. */
  async function longTransaction(fail: boolean, log: string[]): Promise<void> {
    await dataSource.transaction(async (manager) => {
      await manager.insert(Note, { id: 'long-1', text: 'first row of a long write' });
      log.push('long: wrote');
      await otherRequestsRun();
      await manager.insert(Note, { id: 'long-2', text: 'second row' });
      await otherRequestsRun();
      log.push(fail ? 'long: failing' : 'long: committing');
      if (fail) throw new Error('a later batch failed');
    });
  }

  beforeEach(async () => {
    dataSource = await notesDatabase(':memory:');
    const installed = gateSqliteWrites(dataSource, 2000);
    if (!installed) throw new Error('no gate on SQLite');
    gate = installed;
  });
  afterEach(() => dataSource.destroy());

  it("keeps another request's write out of a transaction that rolls back, and makes it after", async () => {
    const log: string[] = [];
    const long = longTransaction(true, log).catch((error: Error) => log.push(error.message));
    await sleep(5);
    // Another request, during the long transaction: a plain save (TypeORM's own transaction),
    // an explicit transaction and a single statement.
    const others = Promise.all([
      dataSource
        .getRepository(Note)
        .save({ id: 'save', text: 'saved meanwhile' })
        .then(() => log.push('save: done')),
      dataSource
        .transaction((m) => m.insert(Note, { id: 'tx', text: 'in a transaction meanwhile' }))
        .then(() => log.push('tx: done')),
      dataSource
        .query(`INSERT INTO "notes" ("id", "text") VALUES ('stmt', 'one statement meanwhile')`)
        .then(() => log.push('stmt: done')),
    ]);
    await Promise.all([long, others]);
    // Nothing of the failed transaction; every acknowledged write kept, each made after it.
    expect(await ids()).toEqual(['save', 'stmt', 'tx']);
    expect(log.slice(0, 4)).toEqual([
      'long: wrote',
      'long: failing',
      'a later batch failed',
      expect.stringMatching(/done$/),
    ]);
    expect(gate.waited).toBeGreaterThanOrEqual(3);
  });

  it('answers a write from elsewhere only after the open transaction has ended, saved on its own', async () => {
    const log: string[] = [];
    const long = longTransaction(false, log);
    await sleep(5);
    const mine = dataSource
      .query(`INSERT INTO "notes" ("id", "text") VALUES ('mine', 'acknowledged')`)
      .then(() => log.push('mine: done'));
    await Promise.all([long, mine]);
    expect(log).toEqual(['long: wrote', 'long: committing', 'mine: done']);
    expect(await ids()).toEqual(['long-1', 'long-2', 'mine']);
  });

  it('lets reads through at once, and the holder its own statements and savepoints', async () => {
    const seen: number[] = [];
    const long = dataSource.transaction(async (manager) => {
      await manager.insert(Note, { id: 'a', text: 'one' });
      await otherRequestsRun();
      // A nested transaction of the holder: a savepoint, rolled back on its own.
      await manager
        .transaction(async (inner) => {
          await inner.insert(Note, { id: 'b', text: 'two' });
          throw new Error('inner step refused');
        })
        .catch(() => undefined);
      await otherRequestsRun();
    });
    await sleep(5);
    // A read from elsewhere does not wait (in memory there is no second connection, so it sees
    // the open transaction's row; on a file it reads what is committed, tested below).
    const [row] = (await dataSource.query('SELECT COUNT(*) AS n FROM "notes"')) as { n: number }[];
    seen.push(row.n);
    await long;
    expect(seen).toEqual([1]);
    expect(await ids()).toEqual(['a']);
    expect(gate.waited).toBe(0);
  });

  it('refuses a write that would wait too long, as SERVICE_UNAVAILABLE, and changes nothing', async () => {
    const long = dataSource.transaction(async (manager) => {
      await manager.insert(Note, { id: 'slow', text: 'held long' });
      await sleep(2600);
    });
    await sleep(5);
    const refused = await dataSource
      .query(`INSERT INTO "notes" ("id", "text") VALUES ('late', 'gave up')`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(SqliteWriteTimeoutError);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect((refused as Error).message).toMatch(/not saved/);
    await long;
    expect(await ids()).toEqual(['slow']);
    // The gate is free again.
    await dataSource.query(`INSERT INTO "notes" ("id", "text") VALUES ('after', 'fine')`);
    expect(await ids()).toEqual(['after', 'slow']);
  });
});

describe('SqliteWriteGate beside another program writing to the same file', () => {
  let folder: string;
  let dataSource: DataSource;
  let other: Database.Database;

  async function ids(): Promise<string[]> {
    const rows = (await dataSource.query('SELECT "id" FROM "notes" ORDER BY "id"')) as {
      id: string;
    }[];
    return rows.map((r) => r.id);
  }

  /** The other program: takes the write lock, writes, and commits after `ms`. */
  async function otherProgramWrites(ms: number): Promise<void> {
    other.exec('BEGIN IMMEDIATE');
    other.prepare(`INSERT INTO "notes" ("id", "text") VALUES ('cli', 'imported')`).run();
    await sleep(ms);
    other.exec('COMMIT');
  }

  /** The longest stretch the event loop was blocked while `work` ran (timer ticks 5 ms apart). */
  async function longestStall(work: Promise<unknown>): Promise<number> {
    let last = Date.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    try {
      await work;
    } finally {
      clearInterval(timer);
    }
    return longest;
  }

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'gate-'));
    const file = join(folder, 'db.sqlite');
    dataSource = await notesDatabase(file);
    gateSqliteWrites(dataSource, 1500);
    other = new Database(file);
    other.pragma('busy_timeout = 5000');
  });
  afterEach(async () => {
    other.close();
    await dataSource.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('waits for the other write without blocking the process, then saves every kind of write', async () => {
    const holding = otherProgramWrites(400);
    await sleep(10);
    const writes = Promise.all([
      // Reads first, then writes: a deferred transaction was refused here at once (SQLITE_BUSY).
      dataSource.transaction(async (m) => {
        await m.count(Note);
        await m.insert(Note, { id: 'tx', text: 'read, then written' });
      }),
      dataSource.getRepository(Note).save({ id: 'save', text: 'saved' }),
      dataSource.query(`INSERT INTO "notes" ("id", "text") VALUES ('stmt', 'one statement')`),
    ]);
    const stall = await longestStall(Promise.all([holding, writes]));
    expect(await ids()).toEqual(['cli', 'save', 'stmt', 'tx']);
    // Waiting happened between attempts (the process kept serving), not inside SQLite.
    expect(stall).toBeLessThan(250);
  });

  it("reads what is committed while another request's transaction is open; the holder reads its own rows", async () => {
    await dataSource.query(`INSERT INTO "notes" ("id", "text") VALUES ('old', 'committed')`);
    const seen: Record<string, unknown> = {};
    const long = dataSource.transaction(async (manager) => {
      await manager.insert(Note, { id: 'new', text: 'not yet committed' });
      await otherRequestsRun();
      seen['holder'] = (await manager.find(Note, { order: { id: 'ASC' } })).map((n) => n.id);
      await otherRequestsRun();
    });
    await sleep(5);
    // Elsewhere, meanwhile: TypeORM's find, a raw query and the row reader see the committed row.
    seen['find'] = (await dataSource.getRepository(Note).find()).map((n) => n.id);
    seen['query'] = await dataSource.query('SELECT "id" FROM "notes"');
    seen['rows'] = (await selectRows(dataSource, 'SELECT "id" FROM "notes"', [])).rows;
    await long;
    expect(seen).toEqual({
      find: ['old'],
      query: [{ id: 'old' }],
      rows: [['old']],
      holder: ['new', 'old'],
    });
    expect(await ids()).toEqual(['new', 'old']);
  });

  it('refuses a write as SERVICE_UNAVAILABLE once the other program has held the lock too long', async () => {
    const holding = otherProgramWrites(2200);
    await sleep(10);
    const refused = await dataSource
      .transaction((m) => m.insert(Note, { id: 'late', text: 'gave up' }))
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(SqliteBusyError);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect((refused as Error).message).toMatch(/Another program kept the database busy.*not saved/);
    await holding;
    expect(await ids()).toEqual(['cli']);
  });
});
