import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Sends a transaction's BEGIN with its first statement, in one round trip, instead of on its own.
 * PostgreSQL takes a transaction's snapshot at its first statement, not at BEGIN, so nothing changes but
 * the wait: every request's transaction starts with the scope statement (access-control.ts applyScope),
 * and that statement, having no bind parameters, goes out as `begin; select set_config(…)` in one
 * simple query. A first statement with parameters is preceded by a BEGIN of its own, as before; a
 * transaction that sends nothing sends no BEGIN and no COMMIT. Transactions with an isolation level or
 * access mode begin at once, as Kysely does.
 */
export function withDeferredBegin(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new DeferredBeginDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

/** A statement that only sets settings (the request's scope), whose rows nobody reads. */
const SETTINGS_ONLY = /^select set_config\(/i;

class DeferredBeginConnection implements DatabaseConnection {
  /** BEGIN was asked for and not yet sent. */
  pending = false;
  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.pending) return this.inner.executeQuery(query);
    this.pending = false;
    // Several statements in one text need the simple query protocol, which takes no parameters. Only
    // settings are merged: the rows of a merged statement are not read back, and any other statement's
    // rows may be wanted (Kysely's Migrator reads the applied migrations as its first statement).
    if (query.parameters.length === 0 && SETTINGS_ONLY.test(query.sql) && !query.sql.includes(';')) {
      await this.inner.executeQuery(CompiledQuery.raw(`begin; ${query.sql}`));
      return { rows: [] };
    }
    await this.inner.executeQuery(CompiledQuery.raw('begin'));
    return this.inner.executeQuery(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.pending) {
      this.pending = false;
      await this.inner.executeQuery(CompiledQuery.raw('begin'));
    }
    yield* this.inner.streamQuery<R>(query, chunkSize);
  }
}

class DeferredBeginDriver implements Driver {
  readonly #connections = new WeakMap<DatabaseConnection, DeferredBeginConnection>();
  constructor(readonly inner: Driver) {}

  init = () => this.inner.init();
  destroy = () => this.inner.destroy();

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.inner.acquireConnection();
    let connection = this.#connections.get(inner);
    if (!connection) {
      connection = new DeferredBeginConnection(inner);
      this.#connections.set(inner, connection);
    }
    connection.pending = false;
    return connection;
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as DeferredBeginConnection;
    c.pending = false;
    return this.inner.releaseConnection(c.inner);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as DeferredBeginConnection;
    if (settings.isolationLevel || settings.accessMode) return this.inner.beginTransaction(c.inner, settings);
    c.pending = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as DeferredBeginConnection;
    if (c.pending) {
      c.pending = false; // nothing was sent: nothing to commit
      return;
    }
    return this.inner.commitTransaction(c.inner);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as DeferredBeginConnection;
    if (c.pending) {
      c.pending = false;
      return;
    }
    return this.inner.rollbackTransaction(c.inner);
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    // A savepoint is a statement: it goes through the connection, which sends BEGIN first if due.
    return this.inner.savepoint!(connection, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ): Promise<void> {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ): Promise<void> {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }
}
