import { type Kysely, sql } from 'kysely';

/**
 * The national catalogues: ICD-10 diagnoses, medicines and services, with prices that carry their
 * effective dates. Reference data, not a place's rows: no area_path and no row-level security, every
 * signed-in request reads them as grassroots_app (the default privileges of 2026_11_25_1900 grant
 * select, insert and update; nothing is deleted: a withdrawn item is `active = false`, a price is
 * closed by the next one).
 *
 * One database holds every catalogue the project ships (one migrated test template serves both
 * country profiles): each medicine and service names its `catalogue`, and the profile names the
 * catalogues in force (`catalogs`). `catalogue` records which shipped file, at which content hash,
 * was installed, so a start reinstalls only what changed. Diagnoses are keyed by their ICD-10 code
 * (international), with the names in Vietnamese, Chinese and English.
 *
 * `search_key` is the searchable text folded as the search folds a query (unaccent, then lower):
 * a trigram index serves `like '%word%'` for codes and words in any of the languages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table catalogue (
      id text primary key,
      kind text not null check (kind in ('diagnoses', 'medicines', 'services')),
      title text not null,
      version text not null,
      installed_at timestamptz not null default now()
    )`,
    `create table diagnosis (
      code text primary key check (code ~ '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?$'),
      name_vi text not null,
      name_zh text not null,
      name_en text not null,
      chronic boolean not null default false,
      notifiable boolean not null default false,
      catalogue text not null,
      active boolean not null default true,
      search_key text generated always as (
        lower(public.f_unaccent(code || ' ' || replace(code, '.', '') || ' ' || name_vi || ' ' || name_en || ' ' || name_zh))
      ) stored,
      updated_at timestamptz not null default now()
    )`,
    'create index diagnosis_search_trgm on diagnosis using gin (search_key gin_trgm_ops)',
    `create table medicine (
      id uuid primary key,
      catalogue text not null,
      code text not null,
      insurance_code text,
      name text not null,
      active_ingredient text not null,
      inn text,
      strength text not null,
      dosage_form text not null,
      route text not null,
      unit text not null,
      atc_code text,
      insured boolean not null default false,
      insured_from_level text,
      active boolean not null default true,
      search_key text generated always as (
        lower(public.f_unaccent(code || ' ' || coalesce(insurance_code, '') || ' ' || name || ' ' || active_ingredient
          || ' ' || coalesce(inn, '') || ' ' || coalesce(atc_code, '')))
      ) stored,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create unique index medicine_code_key on medicine (code)',
    'create index medicine_catalogue_idx on medicine (catalogue, code)',
    'create index medicine_search_trgm on medicine using gin (search_key gin_trgm_ops)',
    `create table medicine_price (
      id uuid primary key,
      medicine_id uuid not null references medicine (id),
      unit_price numeric(14, 2) not null check (unit_price >= 0),
      effective_from date not null,
      effective_to date,
      created_at timestamptz not null default now(),
      check (effective_to is null or effective_to >= effective_from),
      unique (medicine_id, effective_from)
    )`,
    `create table service_item (
      id uuid primary key,
      catalogue text not null,
      code text not null,
      insurance_code text,
      name text not null,
      kind text not null,
      unit text not null,
      lowest_care_level text,
      insured boolean not null default false,
      insured_from_level text,
      active boolean not null default true,
      search_key text generated always as (
        lower(public.f_unaccent(code || ' ' || coalesce(insurance_code, '') || ' ' || name))
      ) stored,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    'create unique index service_item_code_key on service_item (code)',
    'create index service_item_catalogue_idx on service_item (catalogue, code)',
    'create index service_item_search_trgm on service_item using gin (search_key gin_trgm_ops)',
    `create table service_price (
      id uuid primary key,
      service_id uuid not null references service_item (id),
      unit_price numeric(14, 2) not null check (unit_price >= 0),
      effective_from date not null,
      effective_to date,
      created_at timestamptz not null default now(),
      check (effective_to is null or effective_to >= effective_from),
      unique (service_id, effective_from)
    )`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['service_price', 'service_item', 'medicine_price', 'medicine', 'diagnosis', 'catalogue']) {
    await sql.raw(`drop table if exists ${t}`).execute(db);
  }
}
