import { type Kysely, sql } from 'kysely';

/**
 * Names two typing slips away (issue 19): the words that names are made of ("nguyen", "van", "an";
 * the pinyin syllables of Chinese names) in a table of their own, a few thousand rows however many
 * residents there are, kept by statement-level triggers (once per INSERT, UPDATE or COPY statement,
 * from its transition table, not once per row). A search that finds too little looks up the typed words
 * within two edits there (fuzzystrmatch's levenshtein_less_equal on the short list), then probes the
 * name indexes with the words found, as it does with one-edit variants.
 * The words carry no person: the table is read by the search only, never answered as is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists fuzzystrmatch`.execute(db);
  await sql`create table name_word (word text primary key)`.execute(db);
  await sql`
    insert into name_word (word)
    select distinct w from resident, unnest(string_to_array(name_key, ' ')) w
    where w <> ''
    on conflict do nothing`.execute(db);
  // Security definer: a station's request inserts residents as grassroots_app, which may only read words.
  await sql`
    create function resident_note_name_words() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
    begin
      insert into name_word (word)
      select distinct w from new_rows, unnest(string_to_array(new_rows.name_key, ' ')) w
      where w <> ''
      on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger resident_name_words_inserted after insert on resident
    referencing new table as new_rows for each statement execute function resident_note_name_words()`.execute(
    db,
  );
  await sql`
    create trigger resident_name_words_updated after update on resident
    referencing new table as new_rows for each statement execute function resident_note_name_words()`.execute(
    db,
  );
  await sql`grant select on name_word to grassroots_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger resident_name_words_updated on resident`.execute(db);
  await sql`drop trigger resident_name_words_inserted on resident`.execute(db);
  await sql`drop function resident_note_name_words()`.execute(db);
  await sql`drop table name_word`.execute(db);
}
