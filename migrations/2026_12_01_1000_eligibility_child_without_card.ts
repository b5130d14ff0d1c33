import { type Kysely, sql } from 'kysely';

/**
 * A child under 6 is covered without a card, on birth papers or a citizen id (the agency answers 130).
 * A station checking a visiting child from another commune must learn that much and no more: this
 * function (security definer, as the other eligibility lookups in 2026_11_30_1000) answers only whether
 * the living resident with a citizen id is under an age on a date. A birth known only by its year counts
 * from the first of January, so a child is never taken for younger than it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function eligibility_child_under(p_citizen_id text, p_on date, p_years integer)
    returns boolean language sql stable security definer set search_path from current as $$
      select coalesce(
        (select coalesce(r.birth_date, make_date(r.birth_year, 1, 1)) > p_on - make_interval(years => p_years)
           and coalesce(r.birth_date, make_date(r.birth_year, 1, 1)) <= p_on
         from resident r
         where r.citizen_id = p_citizen_id and r.merged_into_id is null and r.status <> 'deceased'
           and (r.birth_date is not null or r.birth_year is not null)),
        false)
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists eligibility_child_under(text, date, integer)`.execute(db);
}
