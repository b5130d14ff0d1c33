import type { Db } from '../../platform/db/database.ts';

/**
 * The ids of the medicines with these codes (unknown codes absent): for loaders that name medicines by
 * code (the stock demo). Added by the stock module's engineer; one query for the whole list.
 */
export async function medicineIdsByCode(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('medicine')
    .select(['id', 'code'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The codes of catalogue services by id (unknown ids absent): what a visit performed, for the programme engine. */
export async function serviceCodesById(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_item')
    .select(['id', 'code'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}
