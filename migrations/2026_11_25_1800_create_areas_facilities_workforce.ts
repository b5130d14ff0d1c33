import { type Kysely, sql } from 'kysely';

/**
 * The foundation: extensions, the administrative area tree, facilities and the workforce.
 * Every row that belongs to a place carries its area's ltree path, so access scoping (and, at
 * national scale, sharding by province) keys on one column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const ext of ['ltree', 'pg_trgm', 'unaccent', 'btree_gin']) {
    await sql.raw(`create extension if not exists ${ext}`).execute(db);
  }
  // unaccent() is not IMMUTABLE, so indexes need this wrapper. It maps đ/Đ to d/D.
  await sql`
    create or replace function f_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$
  `.execute(db);

  await sql`
    create table area (
      id uuid primary key,
      code text not null unique,
      name text not null,
      level text not null,
      parent_id uuid references area (id),
      path ltree not null unique,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index area_path_gist on area using gist (path)`.execute(db);
  await sql`create index area_parent_idx on area (parent_id)`.execute(db);
  await sql`create index area_level_idx on area (level)`.execute(db);
  await sql`create index area_name_trgm on area using gin (lower(f_unaccent(name)) gin_trgm_ops)`.execute(db);

  await sql`
    create table area_population (
      area_id uuid not null references area (id),
      year integer not null check (year between 1900 and 2200),
      population integer not null check (population >= 0),
      households integer check (households >= 0),
      primary key (area_id, year)
    )`.execute(db);

  await sql`
    create table facility (
      id uuid primary key,
      code text not null unique,
      name text not null,
      kind text not null,
      tier text not null,
      ownership text not null check (ownership in ('public', 'private', 'military', 'other')),
      managing_facility_id uuid references facility (id),
      area_id uuid not null references area (id),
      area_path ltree not null,
      latitude double precision check (latitude between -90 and 90),
      longitude double precision check (longitude between -180 and 180),
      beds integer not null default 0 check (beds >= 0),
      services text[] not null default '{}',
      status text not null default 'open' check (status in ('open', 'temporarily_closed', 'closed')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index facility_area_path_gist on facility using gist (area_path)`.execute(db);
  await sql`create index facility_kind_idx on facility (kind)`.execute(db);
  await sql`create index facility_managing_idx on facility (managing_facility_id)`.execute(db);
  await sql`create index facility_name_trgm on facility using gin (lower(f_unaccent(name)) gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table facility_status_change (
      id uuid primary key,
      facility_id uuid not null references facility (id),
      status text not null check (status in ('open', 'temporarily_closed', 'closed')),
      effective_on date not null,
      reason text,
      recorded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index facility_status_change_facility_idx on facility_status_change (facility_id, effective_on)`.execute(
    db,
  );

  await sql`
    create table health_worker (
      id uuid primary key,
      code text not null unique,
      full_name text not null,
      sex text check (sex in ('male', 'female', 'other')),
      birth_date date,
      cadre text not null,
      qualification text not null,
      licence_number text unique,
      phone text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index health_worker_cadre_idx on health_worker (cadre)`.execute(db);
  await sql`create index health_worker_name_trgm on health_worker using gin (lower(f_unaccent(full_name)) gin_trgm_ops)`.execute(
    db,
  );

  // Where a worker works over time. One primary assignment at a time; rotations cover the rest.
  await sql`
    create table worker_assignment (
      id uuid primary key,
      worker_id uuid not null references health_worker (id),
      facility_id uuid not null references facility (id),
      area_path ltree not null,
      position text,
      start_date date not null,
      end_date date,
      check (end_date is null or end_date >= start_date)
    )`.execute(db);
  await sql`create index worker_assignment_worker_idx on worker_assignment (worker_id, start_date)`.execute(
    db,
  );
  await sql`create index worker_assignment_facility_idx on worker_assignment (facility_id)`.execute(db);
  await sql`create index worker_assignment_area_path_gist on worker_assignment using gist (area_path)`.execute(
    db,
  );

  await sql`
    create table training_record (
      id uuid primary key,
      worker_id uuid not null references health_worker (id),
      course text not null,
      provider text,
      kind text not null default 'continuing_education',
      hours numeric(7, 1) check (hours >= 0),
      credits numeric(7, 1) check (credits >= 0),
      completed_on date not null,
      certificate_number text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index training_record_worker_idx on training_record (worker_id, completed_on)`.execute(db);

  // A district doctor's sessions at a commune station: on given weekdays (ISO 1 = Monday) within a
  // period, or on listed dates. Both facilities' calendars show them.
  await sql`
    create table rotation (
      id uuid primary key,
      worker_id uuid not null references health_worker (id),
      home_facility_id uuid not null references facility (id),
      host_facility_id uuid not null references facility (id),
      host_area_path ltree not null,
      start_date date not null,
      end_date date not null,
      weekdays smallint[] not null default '{}',
      dates date[] not null default '{}',
      session text not null default 'day' check (session in ('morning', 'afternoon', 'day')),
      note text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      check (end_date >= start_date),
      check (cardinality(weekdays) > 0 or cardinality(dates) > 0)
    )`.execute(db);
  await sql`create index rotation_worker_idx on rotation (worker_id, start_date)`.execute(db);
  await sql`create index rotation_host_idx on rotation (host_facility_id, start_date)`.execute(db);
  await sql`create index rotation_home_idx on rotation (home_facility_id, start_date)`.execute(db);
  await sql`create index rotation_host_area_path_gist on rotation using gist (host_area_path)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'rotation',
    'training_record',
    'worker_assignment',
    'health_worker',
    'facility_status_change',
    'facility',
    'area_population',
    'area',
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
  await sql`drop function if exists f_unaccent(text)`.execute(db);
}
