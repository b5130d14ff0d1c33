import { type Kysely, sql } from 'kysely';

/**
 * Eligibility at the point of care reads cards across the caller's scope. People are treated away
 * from their commune every day (a referral to the district centre, an emergency on the road); a card
 * check that answered "no card data" there would make them pay in full. As the agency's own lookup
 * does, any facility may check any card: these two functions (security definer, so row-level security
 * does not hide the rows) answer only that, the cards of whoever holds a number or a citizen id and the
 * place of a registered facility. Everything else about the holder stays inside the scope, and the request that
 * called them is in the access log like every other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every card of the holders found, so a number that was replaced can be answered with the new one.
  await sql`
    create function eligibility_card_rows(p_card_number text, p_social_insurance_number text, p_citizen_id text)
    returns setof insurance_card language sql stable security definer set search_path from current as $$
      select c.* from insurance_card c
      where c.resident_id in (
        select resident_id from insurance_card where card_number = p_card_number
        union
        select resident_id from insurance_card where social_insurance_number = p_social_insurance_number
        union
        select r.id from resident r where r.citizen_id = p_citizen_id and r.merged_into_id is null)
    $$`.execute(db);
  // The agency's lookup also answers whether the name and birth date given at the counter are the
  // holder's (060, 070): compared here, so nothing of the holder leaves the database.
  await sql`
    create function eligibility_holder_matches(p_resident_id uuid, p_full_name text, p_birth text)
    returns table (name_matches boolean, birth_matches boolean)
    language sql stable security definer set search_path from current as $$
      select
        case when p_full_name is null then null else r.name_key = resident_name_key(p_full_name) end,
        case
          when p_birth is null then null
          when length(p_birth) = 4 then r.birth_year = p_birth::int
          else r.birth_date = p_birth::date
            or (r.birth_date_precision = 'year' and r.birth_year = left(p_birth, 4)::int)
        end
      from resident r where r.id = p_resident_id
    $$`.execute(db);
  await sql`
    create function eligibility_facility_area_path(p_code text)
    returns ltree language sql stable security definer set search_path from current as $$
      select area_path from facility where code = p_code
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists eligibility_facility_area_path(text)`.execute(db);
  await sql`drop function if exists eligibility_holder_matches(uuid, text, text)`.execute(db);
  await sql`drop function if exists eligibility_card_rows(text, text, text)`.execute(db);
}
