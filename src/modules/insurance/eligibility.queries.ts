import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { facilitiesByKeys } from '../facilities/index.ts';
import { isSocialInsuranceNumber } from './card.rules.ts';
import type { InsuranceCardRow } from './insurance.table.ts';

/** A card of the person shown, with what the check needs to know around it. */
export interface EligibilityCard extends InsuranceCardRow {
  /** Whether the name and the birth date given at the counter are this card's holder's; null when not given. */
  nameMatches: boolean | null;
  birthMatches: boolean | null;
  /** Where the card's registered first-point facility is (for the province rule); null when unknown. */
  registeredAreaPath: string | null;
}

/** Everything an eligibility check reads, in one round trip. */
export interface EligibilityFacts {
  /** Every card of whoever holds the number or citizen id shown, oldest first. */
  cards: EligibilityCard[];
  /** Whether the citizen id shown is a living child's under `childYears` on the date (false when not asked). */
  childUnder: boolean;
}

/**
 * The cards behind a number (full or the 10-digit one) or a citizen id, each with its holder's match
 * to the name and birth date given and its registered facility's place, and whether the citizen id is
 * a child's: one call of `eligibility_lookup` (migration 2026_12_02_1100), across the caller's scope as
 * the agency's lookup is, answering nothing else of the person.
 */
export async function loadEligibilityFacts(
  db: Db,
  shown: { number?: string; citizenId?: string; fullName?: string; birthDate?: string },
  on: string,
  childYears: number | undefined,
): Promise<EligibilityFacts> {
  const sin = shown.number !== undefined && isSocialInsuranceNumber(shown.number) ? shown.number : null;
  const card = shown.number !== undefined && sin === null ? shown.number : null;
  const result = await sql<{
    card: (Omit<InsuranceCardRow, 'created_at'> & { created_at: string }) | null;
    name_matches: boolean | null;
    birth_matches: boolean | null;
    registered_area_path: string | null;
    child_under: boolean;
  }>`select * from eligibility_lookup(${card}, ${sin}, ${shown.citizenId ?? null}, ${shown.fullName ?? null},
      ${shown.birthDate ?? null}, ${on}::date, ${childYears ?? null}::integer)`.execute(db);
  return {
    cards: result.rows.flatMap((r) =>
      r.card
        ? [
            {
              ...r.card,
              created_at: new Date(r.card.created_at),
              nameMatches: r.name_matches,
              birthMatches: r.birth_matches,
              registeredAreaPath: r.registered_area_path,
            },
          ]
        : [],
    ),
    childUnder: result.rows[0]?.child_under === true,
  };
}

/**
 * Every card or enrolment of these residents, oldest first, as an eligibility check sees them shown by
 * citizen id (no name or birth date given), with the registered facility's place: for answering many
 * past visits at once (the demos). One read of the cards and one of their registered facilities per
 * 5,000 residents.
 */
export async function eligibilityCardsOfResidents(
  db: Db,
  residentIds: readonly string[],
): Promise<Map<string, EligibilityCard[]>> {
  const out = new Map<string, EligibilityCard[]>();
  const ids = [...new Set(residentIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('insurance_card')
      .selectAll()
      .where('resident_id', 'in', ids.slice(i, i + 5000))
      .orderBy('valid_from')
      .orderBy('id')
      .execute();
    const codes = [
      ...new Set(rows.flatMap((r) => (r.registered_facility_code ? [r.registered_facility_code] : []))),
    ];
    const places = await facilitiesByKeys(db, 'code', codes);
    for (const r of rows) {
      const list = out.get(r.resident_id) ?? [];
      list.push({
        ...r,
        nameMatches: null,
        birthMatches: null,
        registeredAreaPath: r.registered_facility_code
          ? (places.get(r.registered_facility_code)?.areaPath ?? null)
          : null,
      });
      out.set(r.resident_id, list);
    }
  }
  return out;
}
