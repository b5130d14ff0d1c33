import { type Kysely, sql } from 'kysely';

/**
 * The name and code of facilities a visible row points at, whoever may see the facility itself. A
 * commune station sees the rotation of a district doctor to it, but the district centre the doctor
 * comes from may sit in another commune, outside the station's scope: the rotation then named its
 * home as "?". Names and codes are the public facility directory; this security-definer function
 * answers only those, for ids the caller already holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function facility_names(p_ids uuid[])
    returns table (id uuid, code text, name text)
    language sql stable security definer set search_path from current as $$
      select f.id, f.code, f.name from facility f where f.id = any(p_ids)
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists facility_names(uuid[])`.execute(db);
}
