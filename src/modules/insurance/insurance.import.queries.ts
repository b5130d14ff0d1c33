import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { CardStatus, InsuranceCardRow } from './insurance.table.ts';

/**
 * Set-based reads and writes for the CSV import of cards: a batch travels as one jsonb parameter and
 * is written by at most two statements (insert, update), whatever its size.
 */

/** The key every card import and card write serialises on (imports exclusive, single writes shared). */
const CARD_WRITES_LOCK = 'insurance_card:writes';

/** Serialises a card import batch against other imports and against single card writes. */
export async function lockCardWritesExclusive(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${CARD_WRITES_LOCK}))`.execute(db);
}

/** Taken by a single card write (with its per-resident lock): many may run, never during an import batch. */
export async function lockCardWritesShared(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(hashtext(${CARD_WRITES_LOCK}))`.execute(db);
}

/**
 * Every card of the residents, and every card bearing one of the numbers, in one query of one index
 * lookup per key: the `offset 0` keeps each lookup a lookup, since a plain `in (...)`, OR or join
 * lets the planner read the whole table while the import is filling it (no statistics yet).
 */
export async function cardRowsForImport(
  db: Db,
  residentIds: string[],
  numbers: string[],
): Promise<InsuranceCardRow[]> {
  if (residentIds.length === 0 && numbers.length === 0) return [];
  const result = await sql<InsuranceCardRow>`
    select c.* from unnest(${residentIds}::uuid[]) as k(id)
      cross join lateral (select * from insurance_card where resident_id = k.id offset 0) c
    union all
    select c.* from unnest(${numbers}::text[]) as k(n)
      cross join lateral (select * from insurance_card where card_number = k.n offset 0) c`.execute(db);
  const seen = new Set<string>();
  return result.rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

export interface CardWrite {
  id: string;
  resident_id: string;
  card_number: string;
  beneficiary_group: string;
  benefit_level: number;
  province_code: string;
  social_insurance_number: string;
  valid_from: string;
  valid_to: string;
  registered_facility_code: string | null;
  five_years_on: string | null;
  copay_exempt_from: string | null;
  status: CardStatus;
  area_path: string;
}

const recordType = sql`v(id uuid, resident_id uuid, card_number text, beneficiary_group text,
  benefit_level int, province_code text, social_insurance_number text, valid_from date, valid_to date,
  registered_facility_code text, five_years_on date, copay_exempt_from date, status text, area_path text)`;

/**
 * Inserts new cards; a card whose (number, first day) is already held, by a record the caller cannot
 * see, is skipped rather than failing the batch. Returns the ids inserted.
 */
export async function insertCards(db: Db, rows: CardWrite[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await sql<{ id: string }>`
    insert into insurance_card (id, resident_id, card_number, beneficiary_group, benefit_level, province_code,
      social_insurance_number, valid_from, valid_to, registered_facility_code, five_years_on, copay_exempt_from,
      status, area_path)
    select v.id, v.resident_id, v.card_number, v.beneficiary_group, v.benefit_level, v.province_code,
      v.social_insurance_number, v.valid_from, v.valid_to, v.registered_facility_code, v.five_years_on,
      v.copay_exempt_from, v.status, v.area_path::ltree
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${recordType}
    on conflict (card_number, valid_from) do nothing
    returning id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

/** Rewrites known cards (by id) with the file's values; the card follows its holder's area. */
export async function updateCards(db: Db, rows: CardWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update insurance_card c set
      valid_to = v.valid_to, registered_facility_code = v.registered_facility_code,
      five_years_on = v.five_years_on, copay_exempt_from = v.copay_exempt_from, status = v.status,
      area_path = v.area_path::ltree
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${recordType}
    where c.id = v.id`.execute(db);
}

/** An enrolment as the import writes it (CN): scheme and insured area, a member number or none. */
export interface EnrolmentWrite {
  id: string;
  resident_id: string;
  card_number: string | null;
  scheme: string;
  insured_area_path: string;
  valid_from: string;
  valid_to: string;
  status: CardStatus;
  area_path: string;
}

const enrolmentType = sql`v(id uuid, resident_id uuid, card_number text, scheme text, insured_area_path text,
  valid_from date, valid_to date, status text, area_path text)`;

/**
 * Inserts new enrolments (the card parts stay null); one whose member number and first day are
 * already held, by a record the caller cannot see, is skipped. Returns the ids inserted.
 */
export async function insertEnrolments(db: Db, rows: EnrolmentWrite[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await sql<{ id: string }>`
    insert into insurance_card (id, resident_id, card_number, scheme, insured_area_path, valid_from, valid_to,
      status, area_path)
    select v.id, v.resident_id, v.card_number, v.scheme, v.insured_area_path::ltree, v.valid_from, v.valid_to,
      v.status, v.area_path::ltree
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${enrolmentType}
    on conflict (card_number, valid_from) do nothing
    returning id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

/** Rewrites known enrolments (by id) with the file's values; the enrolment follows its holder's area. */
export async function updateEnrolments(db: Db, rows: EnrolmentWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update insurance_card c set
      card_number = v.card_number, insured_area_path = v.insured_area_path::ltree, valid_to = v.valid_to,
      status = v.status, area_path = v.area_path::ltree
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${enrolmentType}
    where c.id = v.id`.execute(db);
}

/**
 * A page of records in id order, for the export (keyset on id): the VN cards (`card`) or the
 * enrolments (`enrolment`), the one format a profile's file holds.
 */
export function cardExportBatch(
  db: Db,
  after: string | null,
  limit: number,
  format: 'card' | 'enrolment' = 'card',
): Promise<InsuranceCardRow[]> {
  let query = db
    .selectFrom('insurance_card')
    .selectAll()
    .where('scheme', format === 'card' ? 'is' : 'is not', null)
    .orderBy('id')
    .limit(limit);
  if (after) query = query.where('id', '>', after);
  return query.execute();
}
