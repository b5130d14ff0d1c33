/**
 * The statements a migration repeats for a table of care records kept with their resident, written
 * once for the migrations to come (the merged ones, from 2026_12_04_1200 to 2026_12_06_1020, spell
 * them out and are never edited). Each returns SQL text for `sql.raw`, in the order to run it.
 *
 * @example
 * const statements = [
 *   `create table referral (id uuid primary key, resident_id uuid not null references resident (id), ...,
 *      area_path ltree not null)`,
 *   ...scopedCareTable('referral'),
 *   ...followResident('referrals_follow_resident', ['referral']),
 * ];
 * for (const s of statements) await sql.raw(s).execute(db);
 * // down: for (const s of dropFollowResident('referrals_follow_resident')) await sql.raw(s).execute(db);
 */

/**
 * Row-level security on a table of care records: the request's scope reads and writes only rows inside
 * it (its area path), the path indexed for that, and no hard delete (amendments, not edits).
 */
export function scopedCareTable(table: string): string[] {
  const inScope = 'app_in_scope(area_path)';
  return [
    `alter table ${table} enable row level security`,
    `create policy ${table}_scope on ${table} for all to grassroots_app using (${inScope}) with check (${inScope})`,
    `create index ${table}_area_path_gist on ${table} using gist (area_path)`,
    `revoke delete on ${table} from grassroots_app`,
  ];
}

/**
 * A resident's records follow the resident: when a resident's area path changes, a trigger (`name`,
 * its function of the same name) moves the rows of `tables` whose `resident_id` is theirs to the new
 * path, so the new station sees them and the old one stops. Every table named needs `resident_id` and
 * `area_path`.
 */
export function followResident(name: string, tables: readonly string[]): string[] {
  const moves = tables.map(
    (t) => `      update ${t} set area_path = new.area_path
      where resident_id = new.id and area_path is distinct from new.area_path;`,
  );
  return [
    `create function ${name}() returns trigger language plpgsql as $$
    begin
${moves.join('\n')}
      return null;
    end $$`,
    `create trigger ${name} after update of area_path on resident
    for each row when (old.area_path is distinct from new.area_path)
    execute function ${name}()`,
  ];
}

/** The `down` of followResident: the trigger, then its function. */
export const dropFollowResident = (name: string): string[] => [
  `drop trigger if exists ${name} on resident`,
  `drop function if exists ${name}()`,
];
