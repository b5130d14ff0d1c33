import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * Runs `work` inside the caller's transaction as the session's own role (the tables' owner), without
 * row-level security, then returns to the role the transaction had (the request's `grassroots_app`,
 * whose scope settings stay as they were). For derived data only: the programme engine's recompute
 * reads every care record of the residents whose records changed (a visit carries the place of the
 * facility that made it, so a station does not see its resident's hospital visits) and writes their
 * due windows under the resident's place. Nothing read here is answered to the caller as it is.
 * Outside a request the transaction already runs as the owner: `work` runs as it is.
 */
export async function withoutScope<T>(trx: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  const { rows } = await sql<{ role: string }>`
    select current_setting('role') as role, set_config('role', 'none', true)`.execute(trx);
  const role = rows[0]?.role ?? 'none';
  if (role === 'none') return work(trx);
  let value: T;
  try {
    value = await work(trx);
  } catch (error) {
    // After a database error the transaction is aborted and rolls back anyway: no role to restore.
    await sql`select set_config('role', ${role}, true)`.execute(trx).catch(() => undefined);
    throw error;
  }
  await sql`select set_config('role', ${role}, true)`.execute(trx);
  return value;
}
