import { type Kysely, sql } from 'kysely';

/**
 * A card is one (card number, first day of validity): the CSV import of cards upserts on that pair,
 * so re-running a file adds nothing, and one card can never be held twice (nor by two residents).
 * The unique index also serves lookups by card number, so the plain one goes. Coverage on a date
 * reads the residents' status history by area (where each resident lived on the date): a GiST index
 * on its area path finds the history of an area without reading the whole table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index insurance_card_number_from_key on insurance_card (card_number, valid_from)`.execute(
    db,
  );
  await sql`drop index if exists insurance_card_number_idx`.execute(db);
  await sql`create index resident_status_change_area_path_gist on resident_status_change using gist (area_path)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists resident_status_change_area_path_gist`.execute(db);
  await sql`create index if not exists insurance_card_number_idx on insurance_card (card_number)`.execute(db);
  await sql`drop index if exists insurance_card_number_from_key`.execute(db);
}
