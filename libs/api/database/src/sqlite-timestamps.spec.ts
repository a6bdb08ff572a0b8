import 'reflect-metadata';
import { DataSource, Entity, PrimaryColumn, Column } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { dataSourceOptions } from './data-source';
import { CreatedAtColumn, UpdatedAtColumn } from './portable-columns';

@Entity('notes')
class Note {
  @PrimaryColumn('varchar')
  id!: string;

  @Column('varchar')
  body!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

/** What the migrations give such columns on SQLite: defaults to the second. */
const TABLE = `CREATE TABLE "notes" ("id" varchar PRIMARY KEY NOT NULL, "body" varchar NOT NULL,
  "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`;

const MILLISECONDS = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

describe('SqliteMillisecondTimestamps', () => {
  let ds: DataSource | undefined;
  afterEach(async () => {
    await ds?.destroy();
    ds = undefined;
  });

  const open = async () => {
    ds = await new DataSource(
      dataSourceOptions({ type: 'sqlite', path: ':memory:', logging: false, slowStatementMs: 0 }, [
        Note,
      ]),
    ).initialize();
    await ds.query(TABLE);
    return ds;
  };
  const stored = async (id: string) =>
    (
      (await ds?.query('SELECT "createdAt", "updatedAt" FROM "notes" WHERE "id" = ?', [id])) as {
        createdAt: string;
        updatedAt: string;
      }[]
    )[0];

  it('stores creation and update times with milliseconds however a row is written', async () => {
    const db = await open();
    const before = Date.now();
    await db.getRepository(Note).save({ id: 'saved', body: 'a' });
    await db.getRepository(Note).insert({ id: 'inserted', body: 'b' });
    await db.createQueryBuilder().insert().into(Note).values({ id: 'built', body: 'c' }).execute();
    for (const id of ['saved', 'inserted', 'built']) {
      const row = await stored(id);
      expect(row.createdAt, id).toMatch(MILLISECONDS);
      expect(row.updatedAt, id).toBe(row.createdAt);
      expect(new Date(`${row.createdAt}Z`).getTime()).toBeGreaterThanOrEqual(before);
    }

    await db.getRepository(Note).update({ id: 'inserted' }, { body: 'changed' });
    await db
      .createQueryBuilder()
      .update(Note)
      .set({ body: 'changed' })
      .where({ id: 'built' })
      .execute();
    const note = await db.getRepository(Note).findOneByOrFail({ id: 'saved' });
    note.body = 'changed';
    await db.getRepository(Note).save(note);
    for (const id of ['saved', 'inserted', 'built']) {
      const row = await stored(id);
      expect(row.updatedAt, id).toMatch(MILLISECONDS);
      expect(row.updatedAt >= row.createdAt, id).toBe(true);
    }
  });

  it('keeps a time the writer gives', async () => {
    const db = await open();
    const at = new Date('2020-08-09T21:00:00.250Z');
    await db.getRepository(Note).insert({ id: 'given', body: 'a', createdAt: at, updatedAt: at });
    expect(await stored('given')).toEqual({
      createdAt: '2020-08-09 21:00:00.250',
      updatedAt: '2020-08-09 21:00:00.250',
    });
    await db.getRepository(Note).update({ id: 'given' }, { body: 'b', updatedAt: at });
    expect((await stored('given')).updatedAt).toBe('2020-08-09 21:00:00.250');
    const note = await db.getRepository(Note).findOneByOrFail({ id: 'given' });
    note.updatedAt = new Date('2021-01-01T00:00:00.500Z');
    await db.getRepository(Note).save(note);
    expect((await stored('given')).updatedAt).toBe('2021-01-01 00:00:00.500');
  });

  it('orders rows written within one second by when they were written', async () => {
    const db = await open();
    for (let i = 0; i < 5; i++) {
      await db.getRepository(Note).insert({ id: `n${i}`, body: String(i) });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const rows = (await db.query(
      'SELECT "id" FROM "notes" ORDER BY "createdAt" DESC, "id" ASC',
    )) as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual(['n4', 'n3', 'n2', 'n1', 'n0']);
  });
});
