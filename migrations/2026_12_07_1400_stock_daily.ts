import { type Kysely, sql } from 'kysely';

/**
 * The shelves' days (issue 21, a district's alerts under 200 ms at five million visits a year): per
 * facility, medicine and day, the net of the day's stock movements and the units dispensed net of
 * returns, which the figures read instead of summing the movements themselves (a district's three
 * months were some 400,000 movements, now some 30,000 days). Kept by a statement trigger on the
 * append-only ledger (movements are only ever inserted), one upsert per inserting statement, rows
 * taken in key order so concurrent writers lock them alike; filled from the ledger already there.
 * The area path is the facility's, as on its movements; row-level security like the ledger's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table stock_daily (
      facility_id uuid not null references facility (id),
      medicine_id uuid not null references medicine (id),
      day date not null,
      area_path ltree not null,
      net integer not null,
      consumed integer not null,
      primary key (facility_id, medicine_id, day)
    )`,
    'create index stock_daily_day_idx on stock_daily (day)',
    'create index stock_daily_area_path_gist on stock_daily using gist (area_path)',
    'alter table stock_daily enable row level security',
    `create policy stock_daily_scope on stock_daily for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
    'grant select, insert, update on stock_daily to grassroots_app',
    'revoke delete on stock_daily from grassroots_app',
    `create function stock_daily_add() returns trigger language plpgsql as $$
     begin
       insert into stock_daily (facility_id, medicine_id, day, area_path, net, consumed)
       select facility_id, medicine_id, occurred_on, (array_agg(area_path))[1], sum(quantity),
              coalesce(-sum(quantity) filter (where kind in ('dispense', 'return')), 0)
         from new_movements
        group by facility_id, medicine_id, occurred_on
        order by facility_id, medicine_id, occurred_on
       on conflict (facility_id, medicine_id, day) do update
         set net = stock_daily.net + excluded.net, consumed = stock_daily.consumed + excluded.consumed,
             area_path = excluded.area_path;
       return null;
     end $$`,
    `create trigger stock_movement_daily after insert on stock_movement
       referencing new table as new_movements for each statement execute function stock_daily_add()`,
    `insert into stock_daily (facility_id, medicine_id, day, area_path, net, consumed)
     select facility_id, medicine_id, occurred_on, (array_agg(area_path))[1], sum(quantity),
            coalesce(-sum(quantity) filter (where kind in ('dispense', 'return')), 0)
       from stock_movement group by facility_id, medicine_id, occurred_on`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists stock_movement_daily on stock_movement`.execute(db);
  await sql`drop function if exists stock_daily_add()`.execute(db);
  await sql`drop table if exists stock_daily`.execute(db);
}
