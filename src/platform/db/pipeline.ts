import {
  AbortedTransactionError,
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';

/**
 * Kysely's PostgreSQL driver, with fewer round trips inside a transaction (issue 18: one scoped request
 * used to wait for the database nine times):
 * - BEGIN is not sent on its own: it leaves with the transaction's first statement, and a transaction
 *   that sends nothing sends neither BEGIN nor COMMIT;
 * - a statement whose rows nobody reads (the request's role and scope, its audit entry) can be *held*
 *   (`sendWithNext`): it leaves with the transaction's next statement, or its COMMIT;
 * - with `pipeline` (the PostgreSQL server) what leaves together is written in one go and answered in
 *   one round trip, every statement with its own bind parameters: the client is put in node-postgres's
 *   pipeline mode for those statements only, and back when they are answered, so a client taken from
 *   the pool directly (a COPY, which pipeline mode refuses) gets an ordinary one. Without pipelining (the embedded engine, where a round trip costs nothing) the same statements are
 *   sent one after the other.
 * The order of statements is never changed, and every result is read: a held statement that failed
 * fails the statement it went with (or the COMMIT), as if it had been sent alone, and a failed `verify`
 * poisons the transaction (it can only roll back).
 */
export function pipelinedPostgres(pool: pg.Pool, opts: { pipeline?: boolean } = {}): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PipelinedDriver(pool, opts.pipeline ?? false),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}

/** Checks a held statement's result when it arrives; throws to refuse it. */
export type Verify = (result: QueryResult<unknown>) => void;

const HELD = new WeakMap<CompiledQuery, Verify | null>();

/**
 * Sends `query` with the transaction's next statement (or its COMMIT) instead of on its own, and returns
 * at once. `verify`, when given, runs on its result before the result of anything sent after it is
 * given back, and before COMMIT is sent: what it throws fails that statement, and the transaction can
 * then only roll back. Outside a transaction the statement is sent (and verified) at once.
 */
export async function sendWithNext(
  db: { executeQuery(query: CompiledQuery): Promise<unknown> },
  query: CompiledQuery,
  verify?: Verify,
): Promise<void> {
  // A fresh object each time: the same compiled query may be held by two transactions.
  const own: CompiledQuery = { ...query };
  HELD.set(own, verify ?? null);
  await db.executeQuery(own);
}

interface Item {
  query: CompiledQuery;
  verify?: Verify;
}

const BEGIN = CompiledQuery.raw('begin');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

type PipelineClient = pg.PoolClient & {
  pipeline?: boolean;
  connection?: { stream?: { cork?: () => void; uncork?: () => void } };
};

class PipelinedConnection implements DatabaseConnection {
  inTransaction = false;
  /** BEGIN was asked for and not yet sent. */
  beginPending = false;
  held: Item[] = [];
  /** A verify refused a result: the transaction may only roll back. */
  poisoned: unknown = undefined;
  /** The client must not go back to the pool (a rollback failed). */
  discard: Error | undefined;

  constructor(
    readonly client: PipelineClient,
    readonly pipelining: boolean,
  ) {}

  reset(): void {
    this.inTransaction = false;
    this.beginPending = false;
    this.held = [];
    this.poisoned = undefined;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.poisoned !== undefined) throw this.poisoned;
    if (HELD.has(query)) {
      const verify = HELD.get(query) ?? undefined;
      if (this.inTransaction) {
        this.held.push({ query, verify });
        return { rows: [] };
      }
      return (await this.send([{ query, verify }])) as QueryResult<R>;
    }
    return (await this.send([{ query }])) as QueryResult<R>;
  }

  /** Sends a pending BEGIN, the held statements and `items`; the last one's result. */
  async send(items: Item[]): Promise<QueryResult<unknown>> {
    const all = [...(this.beginPending ? [{ query: BEGIN }] : []), ...this.held, ...items];
    this.beginPending = false;
    this.held = [];
    let last: QueryResult<unknown> = { rows: [] };
    if (this.pipelining && all.length > 1) {
      // One write for the lot: node-postgres corks the socket around each statement's messages; corked
      // around all of them, they leave in one packet. The client is idle here (nothing else is sent on
      // it while Kysely holds it), so it may enter pipeline mode, and leaves it once all are answered.
      const stream = this.client.connection?.stream;
      this.client.pipeline = true;
      stream?.cork?.();
      let sent: Promise<pg.QueryResult>[];
      try {
        sent = all.map((i) => this.client.query(i.query.sql, [...i.query.parameters]));
      } finally {
        stream?.uncork?.();
      }
      let settled: PromiseSettledResult<pg.QueryResult>[];
      try {
        settled = await Promise.allSettled(sent);
      } finally {
        this.client.pipeline = false;
      }
      for (const [n, s] of settled.entries()) {
        if (s.status === 'rejected') throw s.reason;
        last = resultOf(s.value);
        this.check(all[n]!, last);
      }
      return last;
    }
    for (const item of all) {
      last = resultOf(await this.client.query(item.query.sql, [...item.query.parameters]));
      this.check(item, last);
    }
    return last;
  }

  check(item: Item, result: QueryResult<unknown>): void {
    if (!item.verify) return;
    try {
      item.verify(result);
    } catch (err) {
      if (this.inTransaction) this.poisoned = err;
      throw err;
    }
  }

  streamQuery(): AsyncIterableIterator<never> {
    throw new Error('Streaming queries is not supported by this driver: read in pages');
  }
}

function resultOf(r: pg.QueryResult): QueryResult<unknown> {
  const { command, rowCount, rows } = r;
  if (command === 'ROLLBACK' || command === 'COMMIT') return { rows: [{ command }] };
  return {
    numAffectedRows:
      command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE'
        ? BigInt(rowCount ?? 0)
        : undefined,
    rows: rows ?? [],
  };
}

const KYSELY_DRIVER = new PostgresDriver({ pool: {} as never });

class PipelinedDriver implements Driver {
  readonly #connections = new WeakMap<pg.PoolClient, PipelinedConnection>();
  #pool: pg.Pool | undefined;
  readonly #pipelining: boolean;
  constructor(pool: pg.Pool, pipelining: boolean) {
    this.#pool = pool;
    this.#pipelining = pipelining;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#pool) throw new Error('driver has already been destroyed');
    const client = await this.#pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) {
      connection = new PipelinedConnection(client as PipelineClient, this.#pipelining);
      this.#connections.set(client, connection);
    }
    connection.reset();
    return connection;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as PipelinedConnection;
    const discard = c.discard;
    c.reset();
    c.discard = undefined;
    c.client.release(discard);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as PipelinedConnection;
    if (settings.isolationLevel || settings.accessMode) {
      let text = 'start transaction';
      if (settings.isolationLevel) text += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) text += ` ${settings.accessMode}`;
      await c.send([{ query: CompiledQuery.raw(text) }]);
    } else {
      c.beginPending = true;
    }
    c.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PipelinedConnection;
    if (c.poisoned !== undefined) throw c.poisoned;
    if (c.beginPending && c.held.length === 0) {
      c.reset(); // nothing was sent: nothing to commit
      return;
    }
    // What must be verified is verified before COMMIT leaves; the rest goes with it.
    if (c.held.some((h) => h.verify)) await c.send([]);
    const { rows } = await c.send([{ query: COMMIT }]);
    c.reset();
    // PostgreSQL completes COMMIT with a ROLLBACK tag when an earlier error left the transaction aborted.
    if ((rows[0] as { command?: string } | undefined)?.command === 'ROLLBACK')
      throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PipelinedConnection;
    const nothingSent = c.beginPending;
    c.reset();
    if (nothingSent) return;
    try {
      await c.send([{ query: ROLLBACK }]);
    } catch (err) {
      c.discard = err instanceof Error ? err : new Error(String(err));
      throw err;
    }
  }

  // Savepoints are statements: they go through the connection (after a pending BEGIN and held ones),
  // compiled as Kysely's own driver compiles them (its methods use nothing of the driver's).
  savepoint: NonNullable<Driver['savepoint']> = (c, name, compile) =>
    KYSELY_DRIVER.savepoint(c, name, compile);
  rollbackToSavepoint: NonNullable<Driver['rollbackToSavepoint']> = (c, name, compile) =>
    KYSELY_DRIVER.rollbackToSavepoint(c, name, compile);
  releaseSavepoint: NonNullable<Driver['releaseSavepoint']> = (c, name, compile) =>
    KYSELY_DRIVER.releaseSavepoint(c, name, compile);

  async destroy(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.end();
  }
}
