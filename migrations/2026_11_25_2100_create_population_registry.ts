import { type Kysely, sql } from 'kysely';

/**
 * The population registry: households, residents, their status history (moves included) and merges
 * of duplicates. Search keys are stored generated columns so that every writer (API, CSV import,
 * demo) gets the same normalisation, and the counter search can use plain btree lookups on the
 * given name and family name (Vietnamese names carry little entropy in family and middle names, see
 * the performance anchors) before ranking a small candidate set by trigram similarity.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One normalisation for names, in the database: unaccent (đ -> d) before lower(), spaces collapsed.
  await sql`
    create function resident_name_key(text) returns text language sql immutable parallel safe strict as $$
      select btrim(regexp_replace(lower(public.f_unaccent($1)), '[[:space:]]+', ' ', 'g'))
    $$`.execute(db);

  await sql`
    create table household (
      id uuid primary key,
      code text,
      address text not null,
      area_id uuid not null references area (id),
      area_path ltree not null,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      head_resident_id uuid,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index household_code_key on household (code) where code is not null`.execute(db);
  await sql`create index household_area_path_gist on household using gist (area_path)`.execute(db);
  await sql`create index household_address_trgm on household using gin (lower(f_unaccent(address)) gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table resident (
      id uuid primary key,
      code text,
      citizen_id text,
      full_name text not null,
      name_key text generated always as (resident_name_key(full_name)) stored,
      family_key text generated always as (split_part(resident_name_key(full_name), ' ', 1)) stored,
      given_key text generated always as (split_part(resident_name_key(full_name), ' ', -1)) stored,
      sex text check (sex in ('male', 'female', 'other')),
      birth_date date,
      birth_year integer check (birth_year between 1850 and 2200),
      birth_date_precision text not null default 'day' check (birth_date_precision in ('day', 'year')),
      ethnicity text,
      phone text,
      occupation text,
      household_id uuid references household (id),
      relationship_to_head text
        check (relationship_to_head in ('head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other')),
      registered_facility_id uuid references facility (id),
      area_id uuid not null references area (id),
      area_path ltree not null,
      status text not null default 'active' check (status in ('active', 'moved_away', 'deceased')),
      status_date date,
      merged_into_id uuid references resident (id),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (birth_date_precision = 'year' or birth_date is not null or birth_year is null)
    )`.execute(db);
  await sql`alter table household add constraint household_head_fkey foreign key (head_resident_id) references resident (id)`.execute(
    db,
  );
  const indexes = [
    'create unique index resident_citizen_id_key on resident (citizen_id) where citizen_id is not null',
    'create unique index resident_code_key on resident (code) where code is not null',
    // Exact and prefix match of the whole normalised name ("nguyen van an", "nguyen van an%").
    'create index resident_name_key_idx on resident (name_key text_pattern_ops)',
    // The given name (last word) carries most of the entropy: exact or prefix with the family name.
    'create index resident_given_family_idx on resident (given_key text_pattern_ops, family_key)',
    'create index resident_area_path_gist on resident using gist (area_path)',
    'create index resident_phone_idx on resident (phone) where phone is not null',
    'create index resident_birth_year_idx on resident (birth_year)',
    'create index resident_household_idx on resident (household_id)',
    'create index resident_merged_into_idx on resident (merged_into_id) where merged_into_id is not null',
  ];
  for (const s of indexes) await sql.raw(s).execute(db);

  await sql`
    create table resident_status_change (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      kind text not null check (kind in ('registered', 'status', 'move')),
      status text not null check (status in ('active', 'moved_away', 'deceased')),
      effective_on date not null,
      reason text,
      from_area_id uuid references area (id),
      to_area_id uuid references area (id),
      from_household_id uuid references household (id),
      to_household_id uuid references household (id),
      area_path ltree not null,
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index resident_status_change_resident_idx on resident_status_change (resident_id, effective_on)`.execute(
    db,
  );

  await sql`
    create table resident_merge (
      id uuid primary key,
      survivor_id uuid not null references resident (id),
      merged_id uuid not null references resident (id),
      reason text,
      snapshot jsonb not null,
      area_path ltree not null,
      merged_at timestamptz not null default now(),
      merged_by uuid,
      undone_at timestamptz,
      undone_by uuid
    )`.execute(db);
  await sql`create index resident_merge_survivor_idx on resident_merge (survivor_id)`.execute(db);
  await sql`create index resident_merge_merged_idx on resident_merge (merged_id)`.execute(db);

  // Row-level security as for facilities: a row is seen and written inside the caller's scope. A
  // resident's history follows the resident (a move to another commune keeps it visible there).
  const policies = [
    'alter table household enable row level security',
    `create policy household_scope on household for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
    'alter table resident enable row level security',
    `create policy resident_scope on resident for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
    'alter table resident_status_change enable row level security',
    `create policy resident_status_change_scope on resident_status_change for all to grassroots_app
       using (app_in_scope(area_path) or exists (select 1 from resident r where r.id = resident_id))
       with check (exists (select 1 from resident r where r.id = resident_id))`,
    'alter table resident_merge enable row level security',
    `create policy resident_merge_scope on resident_merge for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  ];
  for (const s of policies) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table household drop constraint if exists household_head_fkey`.execute(db);
  for (const t of ['resident_merge', 'resident_status_change', 'resident', 'household']) {
    await sql.raw(`drop table if exists ${t}`).execute(db);
  }
  await sql`drop function if exists resident_name_key(text)`.execute(db);
}
