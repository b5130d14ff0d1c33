import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * The one fact the counter search needs about insurance cards: who holds a typed card number. The
 * insurance module owns `insurance_card` and itself imports this module (cards belong to residents),
 * so importing it back would be circular: this read-only lookup stays here, in one place (noted in
 * docs/ARCHITECTURE.md). Row-level security applies to the cards as to everything in a request.
 */
export async function cardHolderIds(
  db: Db,
  keys: { cardNumber?: string; socialInsuranceNumber?: string },
): Promise<string[]> {
  const conditions = [];
  if (keys.cardNumber) conditions.push(sql`card_number = ${keys.cardNumber}`);
  if (keys.socialInsuranceNumber)
    conditions.push(sql`social_insurance_number = ${keys.socialInsuranceNumber}`);
  if (conditions.length === 0) return [];
  const result = await sql<{ resident_id: string }>`
    select distinct resident_id from insurance_card where ${sql.join(conditions, sql` or `)}`.execute(db);
  return result.rows.map((r) => r.resident_id);
}
