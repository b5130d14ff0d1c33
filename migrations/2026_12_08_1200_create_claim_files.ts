import { type Kysely, sql } from 'kysely';

/**
 * Claim files (issue 23, claim-files module): one row per Decision 130 XML file (or CN settlement
 * CSV) exported for a facility's period, or imported; its bytes under the data directory
 * (`claim-files/<id>.xml`), its size and SHA-256 here. Written by the export or import job (the
 * owner); the application role reads and queues (insert) under the facility's area path, with
 * row-level security like the other place-bound tables; nothing is deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table claim_file (
       id uuid primary key,
       facility_id uuid not null references facility (id),
       area_path ltree not null,
       direction text not null check (direction in ('export', 'import')),
       format text not null check (format in ('decision-130-xml', 'cn-settlement-csv')),
       period_from date not null,
       period_to date not null check (period_to >= period_from),
       status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
       claims_count integer check (claims_count >= 0),
       size_bytes bigint check (size_bytes >= 0),
       sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
       job_id uuid references job (id),
       error jsonb,
       created_by uuid references app_user (id),
       created_at timestamptz not null
     )`,
    'create index claim_file_facility_idx on claim_file (facility_id, period_from, created_at desc)',
    'create index claim_file_created_idx on claim_file (created_at desc, id desc)',
    'create index claim_file_area_path_gist on claim_file using gist (area_path)',
    'alter table claim_file enable row level security',
    `create policy claim_file_read on claim_file for select to grassroots_app using (app_in_scope(area_path))`,
    `create policy claim_file_insert on claim_file for insert to grassroots_app
       with check (app_in_scope(area_path))`,
    // The job (the owner) writes the outcome; the API reads and queues.
    'revoke update, delete on claim_file from grassroots_app',
    'grant select, insert on claim_file to grassroots_app',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists claim_file`.execute(db);
}
