import { type Kysely, sql } from 'kysely';

/**
 * The three name keys of a resident (whole name, family name, given name) were stored generated
 * columns, each normalising the full name on its own: unaccent and a regular expression three times
 * per row, about a fifth of the CPU of a residents import. They become plain columns (DROP
 * EXPRESSION keeps their values, no rewrite) set by one trigger that normalises once and splits the
 * result. Every writer still gets the same keys: the trigger runs on every insert, and on every update
 * that changes the full name or a key (an update of other columns leaves them as they are).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['name_key', 'family_key', 'given_key']) {
    await sql.raw(`alter table resident alter column ${column} drop expression`).execute(db);
  }
  await sql`
    create function resident_set_name_keys() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and new.full_name = old.full_name and new.name_key is not distinct from old.name_key
         and new.family_key is not distinct from old.family_key and new.given_key is not distinct from old.given_key then
        return new;
      end if;
      new.name_key := resident_name_key(new.full_name);
      new.family_key := split_part(new.name_key, ' ', 1);
      new.given_key := split_part(new.name_key, ' ', -1);
      return new;
    end $$`.execute(db);
  await sql`
    create trigger resident_name_keys before insert or update on resident
    for each row execute function resident_set_name_keys()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists resident_name_keys on resident`.execute(db);
  await sql`drop function if exists resident_set_name_keys()`.execute(db);
  // Generated columns cannot be added back in place: drop and re-add them (a table rewrite).
  await sql`drop index if exists resident_name_key_area_idx`.execute(db);
  await sql`drop index if exists resident_given_family_area_idx`.execute(db);
  for (const column of ['name_key', 'family_key', 'given_key']) {
    await sql.raw(`alter table resident drop column ${column}`).execute(db);
  }
  await sql`alter table resident
    add column name_key text generated always as (resident_name_key(full_name)) stored,
    add column family_key text generated always as (split_part(resident_name_key(full_name), ' ', 1)) stored,
    add column given_key text generated always as (split_part(resident_name_key(full_name), ' ', -1)) stored`.execute(
    db,
  );
  await sql`create index resident_name_key_area_idx on resident (name_key text_pattern_ops, area_path)`.execute(
    db,
  );
  await sql`create index resident_given_family_area_idx on resident (given_key text_pattern_ops, family_key, area_path)`.execute(
    db,
  );
}
