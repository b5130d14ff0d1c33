import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import type { Db } from './database.ts';
import { sendWithNext } from './pipeline.ts';

/**
 * The statements sent while `work` runs (pg's Client.query, which both engines go through), each with
 * the number of the write it left in: statements handed to the client in the same synchronous run
 * leave together (one write, one round trip on a pipelining client).
 */
async function sent(work: () => Promise<unknown>): Promise<{ texts: string[]; writes: number[] }> {
  const texts: string[] = [];
  const writes: number[] = [];
  let write = 0;
  let open = false;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (typeof args[0] === 'string') {
      if (!open) {
        write++;
        open = true;
        queueMicrotask(() => {
          open = false;
        });
      }
      texts.push(args[0].trim().toLowerCase());
      writes.push(write);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work().catch(() => {});
  } finally {
    pg.Client.prototype.query = original;
  }
  return { texts, writes };
}

const scope = (n: number) => sql`select set_config('app.scope', ${`{${n}}`}, true)`;

describeOnBothEngines('a transaction sends BEGIN and held statements with its next statement', (t) => {
  let db: Db;
  const pipelined = () => t().name === 'postgres';
  const count = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from pipeline_probe`.execute(db)).rows[0]!.n);
  const hold = (trx: Db, n: number) =>
    sendWithNext(trx, sql`insert into pipeline_probe values (${n})`.compile(trx));

  beforeAll(async () => {
    db = t().ctx.db;
    await sql`create table pipeline_probe (n integer check (n >= 0))`.execute(db);
  });
  afterAll(async () => {
    await sql`drop table pipeline_probe`.execute(db);
  });

  test('BEGIN and a held setting leave with the first statement, which sees the setting; COMMIT after', async () => {
    let seen: unknown;
    const { texts, writes } = await sent(() =>
      db.transaction().execute(async (trx) => {
        await sendWithNext(trx, scope(1).compile(trx));
        seen = (await sql<{ s: string }>`select current_setting('app.scope') as s`.execute(trx)).rows[0]?.s;
        await sql`insert into pipeline_probe values (${1})`.execute(trx);
      }),
    );
    expect(seen).toBe('{1}');
    expect(texts).toEqual([
      'begin',
      "select set_config('app.scope', $1, true)",
      "select current_setting('app.scope') as s",
      'insert into pipeline_probe values ($1)',
      'commit',
    ]);
    expect(writes).toEqual(pipelined() ? [1, 1, 1, 2, 3] : [1, 2, 3, 4, 5]);
    expect(await count()).toBe(1);
  });

  test('a held insert leaves with COMMIT and is committed', async () => {
    const before = await count();
    const { texts, writes } = await sent(() =>
      db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await hold(trx, 2);
      }),
    );
    expect(texts).toEqual(['begin', 'select 1', 'insert into pipeline_probe values ($1)', 'commit']);
    expect(writes).toEqual(pipelined() ? [1, 1, 2, 2] : [1, 2, 3, 4]);
    expect(await count()).toBe(before + 1);
  });

  test('a transaction that holds a statement and sends nothing else still commits it', async () => {
    const before = await count();
    const { texts } = await sent(() => db.transaction().execute((trx) => hold(trx, 3)));
    expect(texts).toEqual(['begin', 'insert into pipeline_probe values ($1)', 'commit']);
    expect(await count()).toBe(before + 1);
  });

  test('a transaction that sends nothing sends no BEGIN and no COMMIT', async () => {
    expect((await sent(() => db.transaction().execute(async () => 'nothing'))).texts).toEqual([]);
  });

  test('a held statement that fails fails the statement it went with, and nothing commits', async () => {
    const before = await count();
    let error: unknown;
    await db
      .transaction()
      .execute(async (trx) => {
        await hold(trx, -1); // the check constraint refuses it
        await sql`insert into pipeline_probe values (${4})`.execute(trx);
      })
      .catch((err) => {
        error = err;
      });
    expect((error as { code?: string }).code).toBe('23514');
    expect(await count()).toBe(before);
  });

  test('a held insert that fails at COMMIT fails the commit, and nothing commits', async () => {
    const before = await count();
    let error: unknown;
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into pipeline_probe values (${5})`.execute(trx);
        await hold(trx, -1);
      })
      .catch((err) => {
        error = err;
      });
    expect((error as { code?: string }).code).toBe('23514');
    expect(await count()).toBe(before);
  });

  test('a verify that refuses fails the statement after it and the transaction can only roll back', async () => {
    const before = await count();
    const refused = new Error('refused');
    let inner: unknown;
    let outer: unknown;
    await db
      .transaction()
      .execute(async (trx) => {
        await sendWithNext(trx, sql`select 1 as one`.compile(trx), (r) => {
          expect(r.rows).toEqual([{ one: 1 }]);
          throw refused;
        });
        // Even a caller that swallows the refusal cannot commit what came after it.
        await sql`insert into pipeline_probe values (${6})`.execute(trx).catch((err) => {
          inner = err;
        });
        await hold(trx, 7);
      })
      .catch((err) => {
        outer = err;
      });
    expect(inner).toBe(refused);
    expect(outer).toBe(refused);
    expect(await count()).toBe(before);
  });

  test('a verify with nothing after it runs before COMMIT leaves', async () => {
    const before = await count();
    const refused = new Error('refused');
    let outer: unknown;
    const { texts } = await sent(() =>
      db
        .transaction()
        .execute(async (trx) => {
          await sendWithNext(trx, sql`select 1`.compile(trx), () => {
            throw refused;
          });
          await hold(trx, 8);
        })
        .catch((err) => {
          outer = err;
          throw err;
        }),
    );
    expect(outer).toBe(refused);
    expect(texts).not.toContain('commit');
    expect(texts.at(-1)).toBe('rollback');
    expect(await count()).toBe(before);
  });

  test('statements a transaction sends at the same time each get their own rows', async () => {
    // (Kysely runs them one after the other on the transaction's connection.)
    let rows: unknown[] = [];
    await sent(() =>
      db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        rows = await Promise.all([
          sql<{ n: number }>`select ${1}::int as n`.execute(trx),
          sql<{ n: number }>`select ${2}::int as n`.execute(trx),
        ]).then((rs) => rs.map((r) => r.rows[0]!.n));
      }),
    );
    expect(rows).toEqual([1, 2]);
  });

  test('outside a transaction a held statement is sent at once', async () => {
    const before = await count();
    await hold(db, 9);
    expect(await count()).toBe(before + 1);
  });

  test('savepoints work; an isolation level begins at once', async () => {
    const before = await count();
    await db.transaction().execute(async (trx) => {
      await sql`insert into pipeline_probe values (${10})`.execute(trx);
      await sql`savepoint s`.execute(trx);
      await sql`insert into pipeline_probe values (${11})`.execute(trx);
      await sql`rollback to savepoint s`.execute(trx);
    });
    expect(await count()).toBe(before + 1);
    const { texts } = await sent(() =>
      db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(async (trx) => sql`select 1`.execute(trx)),
    );
    expect(texts).toEqual(['start transaction isolation level serializable', 'select 1', 'commit']);
  });
});
