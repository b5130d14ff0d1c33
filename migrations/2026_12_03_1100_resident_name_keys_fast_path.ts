import { type Kysely, sql } from 'kysely';

/**
 * The name-keys trigger of 2026_12_03_1000 took about 2.5 times the CPU of the one before it per row
 * (an import writes a million): NFC normalisation of every name, and two regular expressions and a
 * function call to tell a Chinese name. Now a name already in NFC (nearly all) is not normalised
 * again, and only a name holding a CJK character goes through resident_name_keys; the others get
 * their keys inline, as before the Chinese keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function resident_set_name_keys() returns trigger language plpgsql as $$
    declare
      keys text[];
    begin
      if new.full_name is not nfc normalized then
        new.full_name := normalize(new.full_name, NFC);
      end if;
      if tg_op = 'UPDATE' and new.full_name = old.full_name and new.name_key is not distinct from old.name_key
         and new.family_key is not distinct from old.family_key and new.given_key is not distinct from old.given_key
         and new.rest_key is not distinct from old.rest_key then
        return new;
      end if;
      if new.full_name ~ '[一-鿿]' then
        keys := resident_name_keys(new.full_name);
        new.name_key := keys[1];
        new.family_key := keys[2];
        new.given_key := keys[3];
        new.rest_key := keys[4];
        return new;
      end if;
      new.name_key := resident_name_key(new.full_name);
      new.family_key := split_part(new.name_key, ' ', 1);
      new.given_key := split_part(new.name_key, ' ', -1);
      new.rest_key := case when strpos(new.name_key, ' ') > 0
        then substr(new.name_key, strpos(new.name_key, ' ') + 1) else new.name_key end;
      return new;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function resident_set_name_keys() returns trigger language plpgsql as $$
    declare
      keys text[];
    begin
      new.full_name := normalize(new.full_name, NFC);
      if tg_op = 'UPDATE' and new.full_name = old.full_name and new.name_key is not distinct from old.name_key
         and new.family_key is not distinct from old.family_key and new.given_key is not distinct from old.given_key
         and new.rest_key is not distinct from old.rest_key then
        return new;
      end if;
      keys := resident_name_keys(new.full_name);
      new.name_key := keys[1];
      new.family_key := keys[2];
      new.given_key := keys[3];
      new.rest_key := keys[4];
      return new;
    end $$`.execute(db);
}
