import { type Kysely, sql } from 'kysely';

/**
 * The medicines shelf: a stock ledger per facility.
 *
 * - `stock_batch`: one batch of one medicine at one facility (batch number, expiry, supplier) with its
 *   balance `on_hand`, kept in the same transaction as each movement and never negative (a check: a
 *   race for the last box that slipped past the service's row lock would still fail here).
 * - `stock_movement`: append-only (a trigger refuses update, delete and truncate), one signed quantity
 *   per batch: receipt, dispense (tied to a prescription line and an encounter, ids only: stock does
 *   not FK to the encounters module), return, adjustment (with its reason), transfer out / in.
 * - `stock_operation`: one client request (a receipt, an adjustment, a count, a transfer sent or
 *   received) under its client-supplied UUID v7 with the body as sent: a repeat with the same body
 *   answers the stored record, another body is a 409.
 * - `stock_transfer` and its lines: sent by one facility, in transit, received by the other (possibly
 *   less than was sent: the line keeps both figures).
 *
 * Every row carries its facility's area path; row-level security as for the other tables. A transfer
 * is seen by both ends' scopes, sent inside the sender's and received inside the receiver's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table stock_batch (
      id uuid primary key,
      facility_id uuid not null references facility (id),
      area_path ltree not null,
      medicine_id uuid not null references medicine (id),
      batch_number text not null check (length(batch_number) between 1 and 60),
      expiry_date date not null,
      supplier text,
      on_hand integer not null default 0 check (on_hand >= 0),
      received_on date not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (facility_id, medicine_id, batch_number, expiry_date)
    )`,
    'create index stock_batch_fefo_idx on stock_batch (facility_id, medicine_id, expiry_date, id)',
    'create index stock_batch_area_path_gist on stock_batch using gist (area_path)',
    'create index stock_batch_expiry_idx on stock_batch (expiry_date) where on_hand > 0',

    `create table stock_operation (
      id uuid primary key,
      kind text not null check (kind in ('receipt', 'adjustment', 'count', 'transfer_send', 'transfer_receive')),
      facility_id uuid not null references facility (id),
      area_path ltree not null,
      occurred_on date not null,
      body jsonb not null,
      recorded_by uuid,
      created_at timestamptz not null default now()
    )`,
    'create index stock_operation_facility_idx on stock_operation (facility_id, occurred_on)',
    'create index stock_operation_area_path_gist on stock_operation using gist (area_path)',

    `create table stock_transfer (
      id uuid primary key,
      from_facility_id uuid not null references facility (id),
      from_area_path ltree not null,
      to_facility_id uuid not null references facility (id),
      to_area_path ltree not null,
      status text not null default 'in_transit' check (status in ('in_transit', 'received')),
      sent_on date not null,
      received_on date,
      requisition_id uuid,
      note text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (from_facility_id <> to_facility_id),
      check (received_on is null or received_on >= sent_on)
    )`,
    'create index stock_transfer_from_idx on stock_transfer (from_facility_id, sent_on)',
    'create index stock_transfer_to_idx on stock_transfer (to_facility_id, sent_on)',
    `create table stock_transfer_line (
      transfer_id uuid not null references stock_transfer (id),
      line integer not null check (line >= 0),
      medicine_id uuid not null references medicine (id),
      from_batch_id uuid not null references stock_batch (id),
      batch_number text not null,
      expiry_date date not null,
      quantity_sent integer not null check (quantity_sent > 0),
      quantity_received integer check (quantity_received >= 0 and quantity_received <= quantity_sent),
      primary key (transfer_id, line)
    )`,

    `create table stock_movement (
      id uuid primary key,
      facility_id uuid not null references facility (id),
      area_path ltree not null,
      batch_id uuid not null references stock_batch (id),
      medicine_id uuid not null references medicine (id),
      kind text not null check (kind in ('receipt', 'dispense', 'return', 'adjustment', 'transfer_out', 'transfer_in')),
      quantity integer not null check (quantity <> 0),
      balance_after integer not null check (balance_after >= 0),
      reason text,
      occurred_on date not null,
      recorded_at timestamptz not null,
      operation_id uuid references stock_operation (id),
      transfer_id uuid references stock_transfer (id),
      prescription_id uuid,
      encounter_id uuid,
      created_at timestamptz not null default now()
    )`,
    'create index stock_movement_facility_idx on stock_movement (facility_id, medicine_id, occurred_on)',
    'create index stock_movement_batch_idx on stock_movement (batch_id, recorded_at)',
    'create index stock_movement_prescription_idx on stock_movement (prescription_id) where prescription_id is not null',
    'create index stock_movement_area_path_gist on stock_movement using gist (area_path)',

    `create function stock_movement_is_append_only() returns trigger language plpgsql as $$
     begin
       raise exception 'stock movements are append-only: record a correcting movement' using errcode = '42501';
     end $$`,
    `create trigger stock_movement_no_update before update or delete on stock_movement
       for each row execute function stock_movement_is_append_only()`,
    `create trigger stock_movement_no_truncate before truncate on stock_movement
       for each statement execute function stock_movement_is_append_only()`,

    'alter table stock_batch enable row level security',
    `create policy stock_batch_scope on stock_batch for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
    'alter table stock_operation enable row level security',
    `create policy stock_operation_scope on stock_operation for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
    'alter table stock_movement enable row level security',
    `create policy stock_movement_scope on stock_movement for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
    'alter table stock_transfer enable row level security',
    `create policy stock_transfer_read on stock_transfer for select to grassroots_app
       using (app_in_scope(from_area_path) or app_in_scope(to_area_path))`,
    `create policy stock_transfer_insert on stock_transfer for insert to grassroots_app
       with check (app_in_scope(from_area_path))`,
    `create policy stock_transfer_update on stock_transfer for update to grassroots_app
       using (app_in_scope(to_area_path)) with check (app_in_scope(to_area_path))`,
    'alter table stock_transfer_line enable row level security',
    `create policy stock_transfer_line_read on stock_transfer_line for select to grassroots_app
       using (exists (select 1 from stock_transfer t where t.id = transfer_id))`,
    `create policy stock_transfer_line_insert on stock_transfer_line for insert to grassroots_app
       with check (exists (select 1 from stock_transfer t where t.id = transfer_id and app_in_scope(t.from_area_path)))`,
    `create policy stock_transfer_line_update on stock_transfer_line for update to grassroots_app
       using (exists (select 1 from stock_transfer t where t.id = transfer_id and app_in_scope(t.to_area_path)))`,
    'revoke update on stock_movement from grassroots_app',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'stock_movement',
    'stock_transfer_line',
    'stock_transfer',
    'stock_operation',
    'stock_batch',
  ]) {
    await sql.raw(`drop table if exists ${t}`).execute(db);
  }
  await sql`drop function if exists stock_movement_is_append_only()`.execute(db);
}
