import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { COUNT_CAP, type Total, totalOf } from '../http/pagination.ts';
import type { Db } from './database.ts';

/**
 * Counts the rows of a list's filtered query, stopping at `cap + 1` rows: a list's total costs at
 * most that many index entries however many match, and past the cap it reads "more than `cap`".
 * Pass the list's query before its cursor, order and limit (a Kysely select, or raw SQL `select ...
 * from ... where ...`).
 *
 * @example
 * countUpTo(db, db.selectFrom('facility').where('active', '=', true))
 * // select count(*) as n from (select 1 as one from facility where active = true limit 1001) capped
 */
export async function countUpTo(
  db: Db,
  // biome-ignore lint/suspicious/noExplicitAny: any module's select query counts the same way
  rows: SelectQueryBuilder<any, any, any> | RawBuilder<unknown>,
  cap = COUNT_CAP,
): Promise<Total> {
  const capped =
    'clearSelect' in rows
      ? rows
          .clearSelect()
          .clearOrderBy()
          .select(sql`1`.as('one'))
          .limit(cap + 1)
      : sql`${rows} limit ${cap + 1}`;
  const result = await sql<{ n: number }>`select count(*) as n from (${capped}) capped`.execute(db);
  return totalOf(Number(result.rows[0]?.n ?? 0), cap);
}
