import { type Kysely, sql } from 'kysely';

/**
 * Counter search inside the caller's places. The name keys' btree indexes gain the area path as their
 * last column, so a station's search reads only its own commune's index entries instead of fetching
 * every province-wide "Nguyễn Văn An" from the heap to let row-level security drop 98% of them
 * (p95 65-128 ms before). The area condition is a btree range on the path (`path >= P and path < P0`
 * holds every descendant of P: ltree compares label by label), which under row-level security is only
 * an index condition when ltree's comparison functions are leakproof: they compare labels and raise
 * no data-dependent error, so marking them so is sound. Only a superuser may do it; elsewhere this is
 * skipped with a notice (the search stays correct, the area range is then checked on the heap rows).
 * The new indexes replace the old ones, so an import maintains no more indexes than before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if (select rolsuper from pg_roles where rolname = current_user) then
        alter function ltree_lt(ltree, ltree) leakproof;
        alter function ltree_le(ltree, ltree) leakproof;
        alter function ltree_ge(ltree, ltree) leakproof;
        alter function ltree_gt(ltree, ltree) leakproof;
        alter function ltree_eq(ltree, ltree) leakproof;
      else
        raise notice 'not a superuser: ltree comparisons stay non-leakproof (scoped name search reads more rows)';
      end if;
    end $$`.execute(db);
  await sql`create index resident_name_key_area_idx on resident (name_key text_pattern_ops, area_path)`.execute(
    db,
  );
  await sql`drop index if exists resident_name_key_idx`.execute(db);
  await sql`create index resident_given_family_area_idx on resident (given_key text_pattern_ops, family_key, area_path)`.execute(
    db,
  );
  await sql`drop index if exists resident_given_family_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists resident_given_family_idx on resident (given_key text_pattern_ops, family_key)`.execute(
    db,
  );
  await sql`drop index if exists resident_given_family_area_idx`.execute(db);
  await sql`create index if not exists resident_name_key_idx on resident (name_key text_pattern_ops)`.execute(
    db,
  );
  await sql`drop index if exists resident_name_key_area_idx`.execute(db);
  await sql`
    do $$ begin
      if (select rolsuper from pg_roles where rolname = current_user) then
        alter function ltree_lt(ltree, ltree) not leakproof;
        alter function ltree_le(ltree, ltree) not leakproof;
        alter function ltree_ge(ltree, ltree) not leakproof;
        alter function ltree_gt(ltree, ltree) not leakproof;
        alter function ltree_eq(ltree, ltree) not leakproof;
      end if;
    end $$`.execute(db);
}
