import { type Kysely, sql } from 'kysely';

/**
 * The worklist of a past day also lists the windows done after it (programmes/worklists.queries.ts):
 * without an index that half of the query read the whole due store (every window ever computed)
 * for the few done after the day; this one reads only those. Partial (done windows only): the open
 * windows, most of what a recompute writes, are not in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index programme_due_done_on on programme_due (done_on) where done_on is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists programme_due_done_on`.execute(db);
}
