import type { Db } from './database.ts';

/**
 * Runs `work` in a transaction. Inside a request the database handle already is the request's
 * transaction (with the caller's scope set), so the work joins it: the request commits or rolls
 * back as a whole. Outside a request (CLI, demo, imports) a new transaction is opened.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
