import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { acquireLockFile, type LockFile } from './lock-file.ts';
import { openPGlite } from './pglite.ts';
import { pipelinedPostgres } from './pipeline.ts';

// Return dates as plain 'YYYY-MM-DD' strings: a date of birth or a rotation day has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts fit comfortably in a JS number at the scale we plan for (a province, a country).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * Every table. Empty here on purpose: src/database.ts, which sits above the modules, fills it in with
 * each module's table types (declaration merging), so platform/ does not import the modules.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging in src/database.ts
export interface Database {}

export type Db = Kysely<Database>;
export type EngineKind = 'embedded' | 'postgres';

/** An open database: the query builder, which engine is behind it, and how to close it. */
export interface DatabaseHandle {
  db: Db;
  engine: EngineKind;
  close(): Promise<void>;
}

/** Opens the configured engine: a PostgreSQL server when DATABASE_URL is set, otherwise PGlite in the data folder. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openServerDatabase(config.databaseUrl);
  const lock = acquireLockFile(config.dataDir);
  try {
    const pglite = await openPGlite(path.join(config.dataDir, 'pgdata'));
    return wrapPGlite(pglite, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * How long a query waits for a connection (a new one to the server, or a free one in the pool) before it
 * fails, answered 503 with Retry-After: a server that is down or unreachable makes requests fail fast
 * instead of queueing without end.
 */
export const CONNECTION_TIMEOUT_MS = 5_000;

export function openServerDatabase(connectionString: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    // A server that vanished without closing the socket (a cut network) is noticed by TCP keepalive.
    keepAlive: true,
  });
  // An idle connection dropped by the server (a restart, an administrator) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => warnLost('idle', err));
  // Nor one that is lost while a request holds it between two queries (the pool listens only to idle
  // ones): the client is then not queryable, its next query fails (a 503) and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', (err) => warnLost('busy', err)));
  // Statements sent together leave together and are answered in one round trip (pipeline.ts).
  const db = new Kysely<Database>({ dialect: pipelinedPostgres(pool, { pipeline: true }) });
  serverPools.set(db, pool);
  return { db, engine: 'postgres', close: () => db.destroy() };
}

const serverPools = new WeakMap<Db, pg.Pool>();

/**
 * The pool behind a PostgreSQL server's `db` (from openServerDatabase), for what Kysely cannot say,
 * such as `COPY … FROM STDIN` (a CSV import's staging table); undefined for PGlite or a transaction.
 */
export function serverPoolOf(db: Db | undefined): pg.Pool | undefined {
  return db ? serverPools.get(db) : undefined;
}

function warnLost(state: 'idle' | 'busy', err: Error): void {
  process.emitWarning(
    `PostgreSQL pool: ${state} connection lost (${(err as { code?: string }).code ?? err.message})`,
  );
}

/**
 * Wraps an open PGlite in Kysely through PGlite's node-postgres adapter, so the same query code serves
 * both engines. The pool has one connection: inside a transaction always use `trx`, never `db`.
 */
export function wrapPGlite(pglite: PGlite, lock?: LockFile): DatabaseHandle {
  const pool = new pg.Pool(createPgConfig(pglite) as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: pipelinedPostgres(pool) });
  return {
    db,
    engine: 'embedded',
    async close() {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}
