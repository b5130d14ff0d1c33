import { type Kysely, sql } from 'kysely';

/**
 * Under row-level security PostgreSQL only uses a condition as an index condition before the policy
 * when its function is leakproof. ltree's `<@` and `@>` between two paths are not marked so, which
 * turned every "inside this area" filter of a scoped request into a sequential scan (a commune
 * station's resident search: 1.2 s on 1.2 M residents; 84 ms after). The two functions only compare
 * labels and raise no data-dependent error, so marking them leakproof is sound. Only a superuser may
 * do it: on a server where the migrating role is not one, this is skipped with a notice (ask the DBA
 * to run the two ALTER FUNCTION statements).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if (select rolsuper from pg_roles where rolname = current_user) then
        alter function ltree_risparent(ltree, ltree) leakproof;
        alter function ltree_isparent(ltree, ltree) leakproof;
      else
        raise notice 'not a superuser: ltree containment stays non-leakproof (scoped area filters will not use indexes)';
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if (select rolsuper from pg_roles where rolname = current_user) then
        alter function ltree_risparent(ltree, ltree) not leakproof;
        alter function ltree_isparent(ltree, ltree) not leakproof;
      end if;
    end $$`.execute(db);
}
