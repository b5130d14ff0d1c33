import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { RequisitionStatus } from './requisitions.enums.ts';
import type { RequisitionEventRow, RequisitionLine, RequisitionRow } from './requisitions.table.ts';

export function findRequisitionRow(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<RequisitionRow | undefined> {
  const q = db.selectFrom('requisition').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

/** Inserts a requisition unless its id is stored; true when inserted. */
export async function insertRequisition(
  db: Db,
  r: {
    id: string;
    facility_id: string;
    area_path: string;
    supplier_facility_id: string;
    supplier_area_path: string;
    lines: RequisitionLine[];
    body: unknown;
    note: string | null;
    created_on: string;
    created_by: string | null;
  },
): Promise<boolean> {
  const res = await sql<{ id: string }>`
    insert into requisition (id, facility_id, area_path, supplier_facility_id, supplier_area_path, lines, body, note, created_on, created_by)
    values (${r.id}, ${r.facility_id}, ${r.area_path}::ltree, ${r.supplier_facility_id}, ${r.supplier_area_path}::ltree,
            ${JSON.stringify(r.lines)}::jsonb, ${JSON.stringify(r.body)}::jsonb, ${r.note}, ${r.created_on}, ${r.created_by})
    on conflict (id) do nothing returning id`.execute(db);
  return res.rows.length > 0;
}

/** Whether the stored requisition was created with this body (jsonb equality). */
export async function sameBody(db: Db, id: string, body: unknown): Promise<boolean> {
  const r = await sql<{ same: boolean }>`
    select body = ${JSON.stringify(body)}::jsonb as same from requisition where id = ${id}`.execute(db);
  return r.rows[0]?.same ?? false;
}

export async function updateRequisition(
  db: Db,
  id: string,
  changes: { status: RequisitionStatus; lines?: RequisitionLine[]; transfer_id?: string },
): Promise<void> {
  await db
    .updateTable('requisition')
    .set({
      status: changes.status,
      ...(changes.lines ? { lines: JSON.stringify(changes.lines) } : {}),
      ...(changes.transfer_id ? { transfer_id: changes.transfer_id } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertEvent(db: Db, e: Omit<RequisitionEventRow, 'at'> & { at: Date }): Promise<void> {
  await db.insertInto('requisition_event').values(e).execute();
}

export function eventRows(db: Db, ids: readonly string[]): Promise<RequisitionEventRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('requisition_event')
    .selectAll()
    .where('requisition_id', 'in', [...ids])
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Requisitions a facility made or supplies, newest first. */
export function requisitionRowsOf(
  db: Db,
  f: { facilityId?: string; areaPath?: string; status?: RequisitionStatus },
) {
  let q = db.selectFrom('requisition').selectAll();
  if (f.facilityId) {
    const id = f.facilityId;
    q = q.where((eb) => eb.or([eb('facility_id', '=', id), eb('supplier_facility_id', '=', id)]));
  }
  if (f.areaPath) q = q.where(sql<boolean>`area_path <@ ${f.areaPath}::ltree`);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('created_on', 'desc').orderBy('id', 'desc').limit(200).execute();
}

/**
 * Which sides of a requisition the caller stands on: a request runs as grassroots_app with its scope
 * (the station's area, the supplier's); the owner (CLI, demo) stands on both.
 */
export async function sidesOf(db: Db, areaPath: string, supplierAreaPath: string) {
  const r = await sql<{ owner: boolean; station: boolean; supplier: boolean }>`
    select current_user <> 'grassroots_app' as owner,
           app_in_scope(${areaPath}::ltree) as station,
           app_in_scope(${supplierAreaPath}::ltree) as supplier`.execute(db);
  const row = r.rows[0] as { owner: boolean; station: boolean; supplier: boolean };
  const sides = new Set<'station' | 'supplier'>();
  if (row.owner || row.station) sides.add('station');
  if (row.owner || row.supplier) sides.add('supplier');
  return sides;
}
