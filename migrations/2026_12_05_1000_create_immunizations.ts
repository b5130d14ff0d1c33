import { type Kysely, sql } from 'kysely';

/**
 * Immunizations (issue 22): the doses a resident received, here or elsewhere (recorded from the
 * child's booklet), each under a client-supplied UUID v7 with the fingerprint of the body that created
 * it (a repeat answers the stored dose; another body under the id is a conflict). A correction is an
 * amendment: it retracts a dose (kept, `retracted_by` set) and may add its replacement
 * (`amendment_id`); nothing is deleted. Rows carry the RESIDENT's area path (a child's history
 * follows the child), moved by a trigger when the resident's area changes, as insurance cards are
 * (2026_11_30_0900), with row-level security like the other care tables.
 */
const scoped = (table: string) => [
  `alter table ${table} enable row level security`,
  `create policy ${table}_scope on ${table} for all to grassroots_app
     using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  `create index ${table}_area_path_gist on ${table} using gist (area_path)`,
  `revoke delete on ${table} from grassroots_app`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table immunization (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      vaccine text not null,
      dose_number integer check (dose_number between 0 and 10),
      lot text check (char_length(lot) <= 40),
      given_on date not null,
      given_elsewhere boolean not null,
      facility_id uuid references facility (id),
      place text,
      note text,
      fingerprint text not null,
      amendment_id uuid,
      retracted_by uuid,
      recorded_by uuid,
      recorded_at timestamptz not null,
      area_path ltree not null,
      check (given_elsewhere or facility_id is not null)
    )`,
    'create index immunization_resident_idx on immunization (resident_id, given_on, id)',
    ...scoped('immunization'),

    `create table immunization_amendment (
      id uuid primary key,
      immunization_id uuid not null references immunization (id),
      resident_id uuid not null references resident (id),
      reason text not null,
      replacement_id uuid references immunization (id),
      fingerprint text not null,
      recorded_by uuid,
      recorded_at timestamptz not null,
      area_path ltree not null
    )`,
    'create index immunization_amendment_resident_idx on immunization_amendment (resident_id)',
    ...scoped('immunization_amendment'),
    `alter table immunization add constraint immunization_amendment_fk
       foreign key (amendment_id) references immunization_amendment (id)`,
    `alter table immunization add constraint immunization_retracted_by_fk
       foreign key (retracted_by) references immunization_amendment (id)`,

    `create function immunizations_follow_resident() returns trigger language plpgsql as $$
    begin
      update immunization set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      update immunization_amendment set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;
      return null;
    end $$`,
    `create trigger immunizations_follow_resident after update of area_path on resident
    for each row when (old.area_path is distinct from new.area_path)
    execute function immunizations_follow_resident()`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists immunizations_follow_resident on resident`.execute(db);
  await sql`drop function if exists immunizations_follow_resident()`.execute(db);
  await sql`alter table immunization drop constraint if exists immunization_amendment_fk`.execute(db);
  await sql`alter table immunization drop constraint if exists immunization_retracted_by_fk`.execute(db);
  await sql`drop table if exists immunization_amendment`.execute(db);
  await sql`drop table if exists immunization`.execute(db);
}
