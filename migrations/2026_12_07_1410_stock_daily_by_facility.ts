import { type Kysely, sql } from 'kysely';

/**
 * The shelves' days read by facility and date range: a district's alerts ask for its facilities'
 * last months, which this index holds together (with the columns they read: an index-only scan),
 * where the area-path and day indexes each matched far more rows and the table's rows of a district
 * lie scattered. The day-only index it replaces served no query alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index stock_daily_facility_day_idx on stock_daily (facility_id, day) include (medicine_id, net, consumed, area_path)`.execute(
    db,
  );
  await sql`drop index if exists stock_daily_day_idx`.execute(db);
  await sql`analyze stock_daily`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists stock_daily_day_idx on stock_daily (day)`.execute(db);
  await sql`drop index if exists stock_daily_facility_day_idx`.execute(db);
}
