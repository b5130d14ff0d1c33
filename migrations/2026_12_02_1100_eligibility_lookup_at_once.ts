import { type Kysely, sql } from 'kysely';

/**
 * What a check at the counter needs, read in one call (the eligibility service loads, then decides):
 * the cards of whoever holds the number or citizen id shown (as `eligibility_card_rows`), each with
 * whether the name and birth date given are its holder's (`eligibility_holder_matches`) and where its
 * registered facility is (`eligibility_facility_area_path`), and whether the citizen id is a child's
 * under an age (`eligibility_child_under`): one row per card, or one row without a card. It answers no
 * more than those four functions (2026_11_30_1000, 2026_12_01_1000), which it calls, and is a security
 * definer for the same reason.
 *
 * PL/pgSQL, so its plan is kept per connection, and written so that each step is an index lookup by
 * key (holders, then their cards by resident): the plan must not hang on table statistics, which
 * PGlite (no autovacuum) never gathers: `resident_id in (...)` as one query becomes a sequential scan
 * of every card without them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function eligibility_lookup(
      p_card_number text, p_social_insurance_number text, p_citizen_id text,
      p_full_name text, p_birth text, p_on date, p_child_years integer)
    returns table (card jsonb, name_matches boolean, birth_matches boolean, registered_area_path text, child_under boolean)
    language plpgsql stable security definer set search_path from current as $$
    #variable_conflict use_column
    declare
      v_holders uuid[];
      v_child boolean := p_citizen_id is not null and p_child_years is not null
        and eligibility_child_under(p_citizen_id, p_on, p_child_years);
    begin
      v_holders := array(
        select resident_id from insurance_card where card_number = p_card_number
        union
        select resident_id from insurance_card where social_insurance_number = p_social_insurance_number
        union
        select r.id from resident r where r.citizen_id = p_citizen_id and r.merged_into_id is null);
      return query
        select to_jsonb(c), m.name_matches, m.birth_matches,
               eligibility_facility_area_path(c.registered_facility_code)::text, v_child
        from unnest(v_holders) as h(id)
        cross join lateral (select * from insurance_card ic where ic.resident_id = h.id) c
        cross join lateral eligibility_holder_matches(c.resident_id, p_full_name, p_birth) m
        order by c.valid_from, c.id;
      if not found then
        return query select null::jsonb, null::boolean, null::boolean, null::text, v_child;
      end if;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists eligibility_lookup(text, text, text, text, text, date, integer)`.execute(
    db,
  );
}
