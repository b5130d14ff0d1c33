import { type Kysely, sql } from 'kysely';

/**
 * Requisitions: a station's order to its supplier (its district centre), draft → sent → approved →
 * shipped → received. The lines (medicine, suggested by max-min, requested, approved) are jsonb: they
 * are read and written with their requisition, never queried alone. Shipping makes a stock transfer
 * (`transfer_id`). Every transition is a `requisition_event` (who, from, to, when), append-only.
 *
 * Row-level security: seen in the station's scope and in the supplier's; created in the station's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table requisition (
      id uuid primary key,
      facility_id uuid not null references facility (id),
      area_path ltree not null,
      supplier_facility_id uuid not null references facility (id),
      supplier_area_path ltree not null,
      status text not null default 'draft' check (status in ('draft', 'sent', 'approved', 'shipped', 'received')),
      lines jsonb not null,
      body jsonb not null,
      note text,
      created_on date not null,
      transfer_id uuid references stock_transfer (id),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (facility_id <> supplier_facility_id)
    )`,
    'create index requisition_facility_idx on requisition (facility_id, created_on)',
    'create index requisition_supplier_idx on requisition (supplier_facility_id, status)',
    'create index requisition_area_path_gist on requisition using gist (area_path)',
    `create table requisition_event (
      id uuid primary key,
      requisition_id uuid not null references requisition (id),
      area_path ltree not null,
      supplier_area_path ltree not null,
      from_status text,
      to_status text not null,
      user_id uuid,
      at timestamptz not null,
      note text
    )`,
    'create index requisition_event_idx on requisition_event (requisition_id, at)',
    `create trigger requisition_event_no_update before update or delete on requisition_event
       for each row execute function stock_movement_is_append_only()`,
    'alter table requisition enable row level security',
    `create policy requisition_read on requisition for select to grassroots_app
       using (app_in_scope(area_path) or app_in_scope(supplier_area_path))`,
    `create policy requisition_insert on requisition for insert to grassroots_app
       with check (app_in_scope(area_path))`,
    `create policy requisition_update on requisition for update to grassroots_app
       using (app_in_scope(area_path) or app_in_scope(supplier_area_path))
       with check (app_in_scope(area_path) or app_in_scope(supplier_area_path))`,
    'alter table requisition_event enable row level security',
    `create policy requisition_event_read on requisition_event for select to grassroots_app
       using (app_in_scope(area_path) or app_in_scope(supplier_area_path))`,
    `create policy requisition_event_insert on requisition_event for insert to grassroots_app
       with check (app_in_scope(area_path) or app_in_scope(supplier_area_path))`,
    'revoke update on requisition_event from grassroots_app',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists requisition_event`.execute(db);
  await sql`drop table if exists requisition`.execute(db);
}
