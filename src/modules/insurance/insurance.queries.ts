import { type RawBuilder, sql } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Total } from '../../platform/http/pagination.ts';
import { isSocialInsuranceNumber } from './card.rules.ts';
import type { InsuranceCardRow, NewInsuranceCardRow } from './insurance.table.ts';

/** Only this module queries `insurance_card`; other modules go through index.ts. */

export function cardRowsOfResident(db: Db, residentId: string): Promise<InsuranceCardRow[]> {
  return db
    .selectFrom('insurance_card')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

/** Cards by the full number or by the 10-digit social insurance number printed on newer cards. */
export function cardRowsByNumber(db: Db, number: string): Promise<InsuranceCardRow[]> {
  const column = isSocialInsuranceNumber(number) ? 'social_insurance_number' : 'card_number';
  return db
    .selectFrom('insurance_card')
    .selectAll()
    .where(column, '=', number)
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
}

/**
 * Serialises writes of one card number, with the same lock the database's one-holder check takes
 * (2026_12_02_2010): a second holder written at the same time waits, then sees the first.
 */
export async function lockCardNumber(db: Db, cardNumber: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('insurance_card_number'), abs(hashtext(${cardNumber}) % 256))`.execute(
    db,
  );
}

/** Whether a resident other than `residentId` holds the card number, wherever they live. */
export async function cardNumberHeldElsewhere(
  db: Db,
  cardNumber: string,
  residentId: string,
): Promise<boolean> {
  const { rows } = await sql<{ held: boolean }>`
    select insurance_card_number_held_elsewhere(${cardNumber}, ${residentId}::uuid) as held`.execute(db);
  return rows[0]?.held === true;
}

/** Serialises writes of one resident's cards (the overlap check reads, then inserts). */
export async function lockResidentCards(db: Db, residentId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`insurance_card:${residentId}`}))`.execute(db);
}

/** Active cards of a resident whose validity overlaps [from, to]. */
export function overlappingCardRows(
  db: Db,
  residentId: string,
  from: string,
  to: string,
): Promise<InsuranceCardRow[]> {
  return db
    .selectFrom('insurance_card')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('status', '=', 'active')
    .where('valid_from', '<=', to)
    .where('valid_to', '>=', from)
    .execute();
}

/** Inserts a card; undefined when a card of that number starting that day already exists. */
export function insertCard(db: Db, row: NewInsuranceCardRow): Promise<InsuranceCardRow | undefined> {
  return db
    .insertInto('insurance_card')
    .values(row)
    .onConflict((oc) => oc.columns(['card_number', 'valid_from']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Coverage on a date over a set of residents (those active in the area on that date, given by the
 * residents module): how many they are, and how many hold an active card valid on the date, by the
 * card's beneficiary group (an enrolment's scheme). One query.
 */
export async function coverageCounts(
  db: Db,
  q: { date: string; residentIds: RawBuilder<{ id: string }> },
): Promise<{ active: number; byGroup: { group: string; insured: number }[] }> {
  const result = await sql<{ active: string; groups: { group: string; insured: number }[] | null }>`
    with a as (${q.residentIds}),
    insured as (
      select distinct on (c.resident_id) c.resident_id,
        coalesce(c.beneficiary_group, c.scheme) as beneficiary_group
      from insurance_card c join a on a.id = c.resident_id
      where c.status = 'active' and c.valid_from <= ${q.date}::date and c.valid_to >= ${q.date}::date
      order by c.resident_id, c.valid_from desc
    )
    select (select count(*) from a) as active,
      (select json_agg(json_build_object('group', g.beneficiary_group, 'insured', g.n) order by g.beneficiary_group)
       from (select beneficiary_group, count(*)::int as n from insured group by beneficiary_group) g) as groups`.execute(
    db,
  );
  const row = result.rows[0];
  return { active: Number(row?.active ?? 0), byGroup: row?.groups ?? [] };
}

/** A subquery selecting resident ids (given by the residents module). */
// biome-ignore lint/suspicious/noExplicitAny: a Kysely subquery of one `id` column, whatever its source
export type ResidentIdSubquery = any;

/** The expiring list's window: cards of a subtree ending between `from` and `to`, of these residents. */
export interface ExpiringWindow {
  areaPath: string;
  from: string;
  to: string;
  residentIds: ResidentIdSubquery;
}

/**
 * Active cards in a subtree ending between `from` and `to` (inclusive) whose resident has no later
 * active card. The cards ending in the window are read first (`offset 0` keeps the planner from
 * starting elsewhere when the tables have no statistics, as after an embedded import), then each is
 * checked against its resident's cards: 46 s on the demo district otherwise.
 */
function expiringCards(q: ExpiringWindow): RawBuilder<unknown> {
  return sql`
    select c.* from (
      select * from insurance_card
      where area_path <@ ${q.areaPath}::ltree and status = 'active'
        and valid_to >= ${q.from}::date and valid_to <= ${q.to}::date
      offset 0
    ) c
    where c.resident_id in (${q.residentIds})
      and c.valid_to = (select max(later.valid_to) from insurance_card later
        where later.resident_id = c.resident_id and later.status = 'active')`;
}

/** One page of the expiring cards, soonest first (then by id), after the cursor: `limit + 1` rows. */
export async function expiringCardRows(
  db: Db,
  q: ExpiringWindow & { limit: number; after?: { validTo: string; id: string } },
): Promise<InsuranceCardRow[]> {
  const after = q.after
    ? sql`where (c.valid_to, c.id) > (${q.after.validTo}::date, ${q.after.id}::uuid)`
    : sql``;
  const result = await sql<InsuranceCardRow>`
    select c.* from (${expiringCards(q)}) c ${after}
    order by c.valid_to, c.id
    limit ${q.limit + 1}`.execute(db);
  return result.rows;
}

/** How many cards the expiring list holds (capped: see `countUpTo`). */
export function countExpiringCards(db: Db, q: ExpiringWindow): Promise<Total> {
  return countUpTo(db, expiringCards(q));
}

/**
 * Re-points every card of `fromId` to the survivor `to` (a merge of duplicates), in the survivor's
 * place, since a card's area path is its holder's; returns the ids moved.
 */
export async function moveCards(
  db: Db,
  fromId: string,
  to: { id: string; areaPath: string },
): Promise<string[]> {
  const rows = await db
    .updateTable('insurance_card')
    .set({ resident_id: to.id, area_path: to.areaPath })
    .where('resident_id', '=', fromId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Puts the cards a merge moved back on their first resident, in that resident's place (undoing the merge). */
export async function unmoveCards(
  db: Db,
  ids: string[],
  from: { id: string; areaPath: string },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('insurance_card')
    .set({ resident_id: from.id, area_path: from.areaPath })
    .where('id', 'in', ids)
    .execute();
}
