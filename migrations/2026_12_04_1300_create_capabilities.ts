import { type Kysely, sql } from 'kysely';

/**
 * What each facility offers and has (capabilities module): a history of declarations, one row per
 * change, never updated nor deleted (the application role may only read and insert). A service
 * declaration says a standard service is offered since a date, or not offered since a date and why;
 * an equipment count says how many units of a standard item work, need repair or are broken on a date.
 * Each row carries its facility's area path for row-level security, as the other place-bound tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table facility_service (
       id uuid primary key,
       facility_id uuid not null references facility (id),
       area_path ltree not null,
       service_code text not null,
       offered boolean not null,
       since date not null,
       reason text,
       note text,
       recorded_at timestamptz not null default now(),
       check (offered or reason is not null)
     )`,
    `create index facility_service_current_idx
       on facility_service (facility_id, service_code, since desc, recorded_at desc, id desc)`,
    'create index facility_service_area_path_gist on facility_service using gist (area_path)',
    `create table facility_equipment (
       id uuid primary key,
       facility_id uuid not null references facility (id),
       area_path ltree not null,
       item_code text not null,
       as_of date not null,
       working integer not null check (working >= 0),
       needs_repair integer not null check (needs_repair >= 0),
       broken integer not null check (broken >= 0),
       note text,
       recorded_at timestamptz not null default now()
     )`,
    `create index facility_equipment_current_idx
       on facility_equipment (facility_id, item_code, as_of desc, recorded_at desc, id desc)`,
    'create index facility_equipment_area_path_gist on facility_equipment using gist (area_path)',
  ];
  for (const table of ['facility_service', 'facility_equipment']) {
    statements.push(
      `alter table ${table} enable row level security`,
      `create policy ${table}_read on ${table} for select to grassroots_app using (app_in_scope(area_path))`,
      `create policy ${table}_insert on ${table} for insert to grassroots_app with check (app_in_scope(area_path))`,
      // A change is a new row: the history is not rewritten.
      `revoke update, delete on ${table} from grassroots_app`,
      `grant select, insert on ${table} to grassroots_app`,
    );
  }
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists facility_equipment`.execute(db);
  await sql`drop table if exists facility_service`.execute(db);
}
