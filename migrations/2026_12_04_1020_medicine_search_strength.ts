import { type Kysely, sql } from 'kysely';

/**
 * A medicine's search key also holds its strength and dosage form: a picker typed 'amlodipin 5' or
 * 'metformin 850' finds the strength meant (the name no longer carries it: it is its own field).
 * And a code prefix ('E11', 'I1') is an index range on the diagnosis code (text_pattern_ops serves
 * `like 'E11%'` whatever the database's collation), for a full national catalogue of 40,000 codes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    'drop index if exists medicine_search_trgm',
    'alter table medicine drop column search_key',
    `alter table medicine add column search_key text generated always as (
      lower(public.f_unaccent(code || ' ' || coalesce(insurance_code, '') || ' ' || name || ' ' || active_ingredient
        || ' ' || coalesce(inn, '') || ' ' || coalesce(atc_code, '') || ' ' || strength || ' ' || dosage_form))
    ) stored`,
    'create index medicine_search_trgm on medicine using gin (search_key gin_trgm_ops)',
    'create index diagnosis_code_prefix on diagnosis (code text_pattern_ops)',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    'drop index if exists diagnosis_code_prefix',
    'drop index if exists medicine_search_trgm',
    'alter table medicine drop column search_key',
    `alter table medicine add column search_key text generated always as (
      lower(public.f_unaccent(code || ' ' || coalesce(insurance_code, '') || ' ' || name || ' ' || active_ingredient
        || ' ' || coalesce(inn, '') || ' ' || coalesce(atc_code, '')))
    ) stored`,
    'create index medicine_search_trgm on medicine using gin (search_key gin_trgm_ops)',
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
