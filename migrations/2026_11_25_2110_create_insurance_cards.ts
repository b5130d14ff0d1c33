import { type Kysely, sql } from 'kysely';

/**
 * Health insurance cards: a resident has a history of cards (validity periods do not overlap: the
 * service checks it under a per-resident advisory lock, since a gist exclusion on uuid would need
 * btree_gist). The card carries its resident's area path for row-level security, and the parts of
 * the number (group, benefit level, province, social insurance number) for coverage by group and
 * lookups by the 10-digit number printed on newer cards.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table insurance_card (
      id uuid primary key,
      resident_id uuid not null references resident (id),
      card_number text not null,
      beneficiary_group text not null,
      benefit_level integer not null check (benefit_level between 1 and 9),
      province_code text not null,
      social_insurance_number text not null,
      valid_from date not null,
      valid_to date not null,
      registered_facility_code text,
      five_years_on date,
      copay_exempt_from date,
      status text not null default 'active' check (status in ('active', 'withdrawn')),
      area_path ltree not null,
      created_at timestamptz not null default now(),
      check (valid_to >= valid_from)
    )`.execute(db);
  const statements = [
    'create index insurance_card_resident_idx on insurance_card (resident_id, valid_from)',
    'create index insurance_card_number_idx on insurance_card (card_number)',
    'create index insurance_card_sin_idx on insurance_card (social_insurance_number)',
    'create index insurance_card_area_path_gist on insurance_card using gist (area_path)',
    'create index insurance_card_valid_to_idx on insurance_card (valid_to)',
    'alter table insurance_card enable row level security',
    `create policy insurance_card_scope on insurance_card for all to grassroots_app
       using (app_in_scope(area_path)) with check (app_in_scope(area_path))`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists insurance_card`.execute(db);
}
