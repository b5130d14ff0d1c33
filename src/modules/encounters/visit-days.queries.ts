import type { Db } from '../../platform/db/database.ts';

/**
 * The days these residents had a visit, by facility, between two days (module appointments: an
 * appointment is kept when its resident came to its facility on its day). Keys are
 * `resident|facility|date`; read in the caller's scope.
 */
export async function visitDaysOf(
  db: Db,
  residentIds: readonly string[],
  from: string,
  to: string,
): Promise<Set<string>> {
  const ids = [...new Set(residentIds)];
  if (ids.length === 0 || from > to) return new Set();
  const rows = await db
    .selectFrom('encounter')
    .select(['resident_id', 'facility_id', 'visit_date'])
    .distinct()
    .where('resident_id', 'in', ids)
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .execute();
  return new Set(rows.map((r) => `${r.resident_id}|${r.facility_id}|${r.visit_date}`));
}
