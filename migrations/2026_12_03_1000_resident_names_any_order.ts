import { type Kysely, sql } from 'kysely';

/**
 * Names found however they are asked for (issue 19):
 * - the full name is stored in Unicode NFC whatever the client sent, so a decomposed "Hòa" from one
 *   system and a composed one from another are the same name for duplicates and search;
 * - `rest_key`, the name without its family name ("van an" of Nguyễn Văn An), indexed with the area,
 *   finds a person asked for by middle and given name only;
 * - Chinese names get their keys in pinyin (`han_reading`, one reading per character from the
 *   pinyin-pro library, and the reading as a surname for the first one): family name (one character,
 *   or two for a compound surname) and given name each one word, "李明" -> "li ming", "欧阳娜娜" ->
 *   "ouyang nana", so a name typed in pinyin, with or without tones or spaces, or in characters (a
 *   homophone too) reaches the same index entries. The characters themselves rank the exact spelling first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table han_reading (
      ch text primary key,
      reading text not null,
      surname_reading text not null
    )`.execute(db);
  await sql`grant select on han_reading to grassroots_app`.execute(db);
  const rows = await hanReadings();
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await sql`
      insert into han_reading (ch, reading, surname_reading)
      select * from unnest(${chunk.map((r) => r[0])}::text[], ${chunk.map((r) => r[1])}::text[], ${chunk.map((r) => r[2])}::text[])`.execute(
      db,
    );
  }

  // [name_key, family_key, given_key, rest_key] of a full name (already NFC).
  await sql`
    create function resident_name_keys(full_name text) returns text[] language plpgsql stable parallel safe strict as $$
    declare
      han text := regexp_replace(full_name, '[[:space:]·.]+', '', 'g');
      family_len int := 1;
      family text;
      given text;
      key text;
    begin
      if han ~ '^[一-鿿]{2,}$' then
        if char_length(han) >= 3 and substr(han, 1, 2) = any (array[
          '欧阳','司马','诸葛','上官','东方','皇甫','尉迟','公孙','慕容','令狐','长孙','宇文','司徒','夏侯',
          '轩辕','端木','独孤','南宫','西门','百里','呼延','澹台','申屠','万俟','闻人','赫连','左丘','东郭',
          '太史','钟离','淳于','单于','公冶','濮阳','宗政','仲孙','司空','亓官','司寇','子车','拓跋','第五']) then
          family_len := 2;
        end if;
        select string_agg(coalesce(case when i = 1 then h.surname_reading else h.reading end, c), '' order by i)
          into family
          from unnest(string_to_array(substr(han, 1, family_len), null)) with ordinality as t(c, i)
          left join han_reading h on h.ch = t.c;
        select string_agg(coalesce(h.reading, c), '' order by i)
          into given
          from unnest(string_to_array(substr(han, family_len + 1), null)) with ordinality as t(c, i)
          left join han_reading h on h.ch = t.c;
        return array[family || ' ' || given, family, given, given];
      end if;
      key := resident_name_key(full_name);
      return array[
        key,
        split_part(key, ' ', 1),
        split_part(key, ' ', -1),
        case when strpos(key, ' ') > 0 then substr(key, strpos(key, ' ') + 1) else key end
      ];
    end $$`.execute(db);

  await sql`alter table resident add column rest_key text`.execute(db);
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
  // Every existing row through the trigger once (rest_key was null, so it differs from what it gets).
  await sql`update resident set rest_key = ''`.execute(db);
  await sql`alter table resident alter column rest_key set not null`.execute(db);
  await sql`create index resident_rest_key_area_idx on resident (rest_key text_pattern_ops, area_path)`.execute(
    db,
  );
}

/** Each CJK character pinyin-pro reads, without tones (ü as u, as typed), as a plain and as a surname reading. */
async function hanReadings(): Promise<[string, string, string][]> {
  const { pinyin } = await import('pinyin-pro');
  const plain = (s: string) => s.replace(/ü/g, 'u').replace(/ê/g, 'e');
  const rows: [string, string, string][] = [];
  for (let code = 0x4e00; code <= 0x9fff; code++) {
    const ch = String.fromCodePoint(code);
    const reading = pinyin(ch, { toneType: 'none' });
    if (reading === ch || !/^[a-zü]+$/.test(reading.replace('ê', 'e'))) continue;
    rows.push([ch, plain(reading), plain(pinyin(ch, { toneType: 'none', surname: 'head' }))]);
  }
  return rows;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists resident_rest_key_area_idx`.execute(db);
  await sql`
    create or replace function resident_set_name_keys() returns trigger language plpgsql as $$
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
  await sql`alter table resident drop column rest_key`.execute(db);
  await sql`drop function if exists resident_name_keys(text)`.execute(db);
  await sql`drop table if exists han_reading`.execute(db);
}
