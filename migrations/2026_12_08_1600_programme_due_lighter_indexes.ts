import { type Kysely, sql } from 'kysely';

/**
 * The due store's indexes, cheaper to keep (issue 22: a province's recompute was bound by the writes
 * to programme_due, most of it index upkeep), each kept only for a query that uses it:
 * - the open windows under a place: a btree on the area path (ltree's own order, where a subtree is
 *   one range: worklists.queries.ts asks for it as a range and keeps `<@` as the exact test) instead
 *   of the GiST, which was the costliest to write (a tenth of a batch's WAL records, half its pages
 *   dirtied) and, lossy, matched a third more windows than the place has;
 * - a resident's windows: a plain index on resident_id instead of the unique one on the window's key
 *   (the id is the hash of that key, so the primary key already keeps one row per window);
 * - the open windows by dates is dropped: only the whole store's list (no place) used it, where it
 *   matched nearly every open window (a scan of the table does as well).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    'create index programme_due_resident on programme_due (resident_id)',
    'drop index if exists programme_due_key',
    'drop index if exists programme_due_open_dates',
    'create index programme_due_open_path on programme_due (area_path) where done_on is null',
    'drop index if exists programme_due_open_gist',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    'create index if not exists programme_due_open_gist on programme_due using gist (area_path) where done_on is null',
    'drop index if exists programme_due_open_path',
    `create index if not exists programme_due_open_dates on programme_due (due_from, overdue_after)
       where done_on is null`,
    `create unique index if not exists programme_due_key on programme_due
       (resident_id, programme_id, item_id, coalesce(episode_id, ''), due_from)`,
    'drop index if exists programme_due_resident',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
