import { type Kysely, sql } from 'kysely';

/**
 * The records of an imported claim file (issue 23, claim-files module, claim-file-import): one row per
 * HOSO read, its verdict (accepted whole, or refused with every problem naming table, row and field),
 * the tables received (only when accepted: a refused record stores nothing of its data), and the
 * comparison with the stored claim its MA_LK names (the claim's id), field by field. Written by the
 * import job (the owner) one HOSO at a time, `(claim_file_id, position)` unique so a job run again after
 * a kill never stores a record twice; the application role reads within its scope; nothing deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table claim_file_record (
       claim_file_id uuid not null references claim_file (id),
       position integer not null check (position >= 1),
       area_path ltree not null,
       ma_lk text not null,
       stt text not null,
       outcome text not null check (outcome in ('accepted', 'refused')),
       problems jsonb not null default '[]',
       tables jsonb,
       claim_id uuid references claim (id),
       comparison text check (comparison in ('same', 'differs', 'no-claim')),
       differences jsonb,
       created_at timestamptz not null,
       primary key (claim_file_id, position),
       check ((outcome = 'accepted') = (tables is not null))
     )`,
    'create index claim_file_record_ma_lk_idx on claim_file_record (ma_lk)',
    'create index claim_file_record_area_path_gist on claim_file_record using gist (area_path)',
    'alter table claim_file_record enable row level security',
    `create policy claim_file_record_read on claim_file_record for select to grassroots_app
       using (app_in_scope(area_path))`,
    'revoke insert, update, delete on claim_file_record from grassroots_app',
    'grant select on claim_file_record to grassroots_app',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists claim_file_record`.execute(db);
}
