import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import type { Db } from './database.ts';

/** The texts sent to the database while `work` runs (pg's Client.query, which both engines go through). */
async function sent(work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (typeof args[0] === 'string') texts.push(args[0].trim().toLowerCase());
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work().catch(() => {});
  } finally {
    pg.Client.prototype.query = original;
  }
  return texts;
}

describeOnBothEngines('a transaction sends its BEGIN with its first statement', (t) => {
  let db: Db;
  const count = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from deferred_begin_probe`.execute(db)).rows[0]!.n,
    );

  beforeAll(async () => {
    db = t().ctx.db;
    await sql`create table deferred_begin_probe (n integer)`.execute(db);
  });
  afterAll(async () => {
    await sql`drop table deferred_begin_probe`.execute(db);
  });

  test('a first statement without parameters goes out with BEGIN, in one round trip, and commits', async () => {
    const texts = await sent(() =>
      db.transaction().execute(async (trx) => {
        await sql.raw(`select set_config('app.scope', '{1}', true)`).execute(trx);
        await sql`insert into deferred_begin_probe values (${1})`.execute(trx);
      }),
    );
    expect(texts).toEqual([
      "begin; select set_config('app.scope', '{1}', true)",
      'insert into deferred_begin_probe values ($1)',
      'commit',
    ]);
    expect(await count()).toBe(1);
  });

  test('a first select without parameters that is not a setting gets its own BEGIN and its rows', async () => {
    let rows: unknown[] = [];
    const texts = await sent(() =>
      db.transaction().execute(async (trx) => {
        rows = (await sql.raw('select 1 as one').execute(trx)).rows;
      }),
    );
    expect(rows).toEqual([{ one: 1 }]);
    expect(texts).toEqual(['begin', 'select 1 as one', 'commit']);
  });

  test('it is a transaction: a failure after the merged BEGIN rolls everything back', async () => {
    const before = await count();
    const texts = await sent(() =>
      db.transaction().execute(async (trx) => {
        await sql.raw(`select set_config('app.scope', '{2}', true)`).execute(trx);
        await sql.raw('insert into deferred_begin_probe values (2)').execute(trx);
        throw new Error('refused');
      }),
    );
    expect(texts).toEqual([
      "begin; select set_config('app.scope', '{2}', true)",
      'insert into deferred_begin_probe values (2)',
      'rollback',
    ]);
    expect(await count()).toBe(before);
  });

  test('a first statement with parameters gets its own BEGIN; savepoints work', async () => {
    const before = await count();
    const texts = await sent(() =>
      db.transaction().execute(async (trx) => {
        await sql`insert into deferred_begin_probe values (${3})`.execute(trx);
        await sql`savepoint s`.execute(trx);
        await sql`insert into deferred_begin_probe values (${4})`.execute(trx);
        await sql`rollback to savepoint s`.execute(trx);
      }),
    );
    expect(texts[0]).toBe('begin');
    expect(texts.at(-1)).toBe('commit');
    expect(await count()).toBe(before + 1);
  });

  test('a transaction that sends nothing sends no BEGIN and no COMMIT', async () => {
    expect(await sent(() => db.transaction().execute(async () => 'nothing'))).toEqual([]);
  });

  test('an isolation level begins at once, as before', async () => {
    const texts = await sent(() =>
      db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(async (trx) => sql`select 1`.execute(trx)),
    );
    expect(texts).toEqual(['start transaction isolation level serializable', 'select 1', 'commit']);
  });
});
