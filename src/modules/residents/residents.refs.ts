/** What other modules (insurance cards, coverage) need to know about residents, without their SQL. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface ResidentRef {
  id: string;
  areaPath: string;
  status: string;
  active: boolean;
}

export async function findResidentRef(db: Db, id: string): Promise<ResidentRef | undefined> {
  const r = await db
    .selectFrom('resident')
    .select(['id', 'area_path', 'status', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { id: r.id, areaPath: r.area_path, status: r.status, active: r.active };
}

export async function findResidentRefByCitizenId(
  db: Db,
  citizenId: string,
): Promise<ResidentRef | undefined> {
  const r = await db
    .selectFrom('resident')
    .select(['id', 'area_path', 'status', 'active'])
    .where('citizen_id', '=', citizenId)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return r && { id: r.id, areaPath: r.area_path, status: r.status, active: r.active };
}

export function activeResidentIdsIn(db: Db, areaPath: string) {
  return db
    .selectFrom('resident')
    .select('resident.id')
    .where(sql<boolean>`resident.area_path <@ ${areaPath}::ltree`)
    .where('resident.status', '=', 'active')
    .where('resident.active', '=', true)
    .where('resident.merged_into_id', 'is', null);
}

export async function countActiveResidentsIn(db: Db, areaPath: string): Promise<number> {
  const row = await db
    .selectFrom('resident')
    .select(sql<string>`count(*)`.as('n'))
    .where(sql<boolean>`area_path <@ ${areaPath}::ltree`)
    .where('status', '=', 'active')
    .where('active', '=', true)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
