import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { BoundaryGeometry } from './boundaries.schema.ts';

/** A boundary with its derived figures, ready to store for the area with this code. */
export interface BoundaryWrite {
  code: string;
  boundary: BoundaryGeometry;
  bbox: number[];
  labelPoint: number[];
}

/**
 * Writes boundaries set-wise: the batch travels as one jsonb parameter and one UPDATE matches it by
 * area code. Resolves with the codes that matched an area.
 */
export async function writeBoundariesByCode(db: Db, rows: BoundaryWrite[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const records = rows.map((r) => ({
    code: r.code,
    boundary: r.boundary,
    bbox: r.bbox,
    label_point: r.labelPoint,
  }));
  const result = await sql<{ code: string }>`
    update area a
    set boundary = r.boundary, boundary_bbox = r.bbox, label_point = r.label_point, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      as r(code text, boundary jsonb, bbox jsonb, label_point jsonb)
    where a.code = r.code
    returning a.code`.execute(db);
  return new Set(result.rows.map((r) => r.code));
}

const boundaryColumns = ['id', 'code', 'name', 'level', 'boundary', 'boundary_bbox', 'label_point'] as const;

/** The active children of an area that have a boundary, by code. */
export function listChildBoundaryRows(db: Db, parentId: string) {
  return db
    .selectFrom('area')
    .select(boundaryColumns)
    .where('parent_id', '=', parentId)
    .where('active', '=', true)
    .where('boundary', 'is not', null)
    .orderBy('code')
    .execute();
}

/** One area's boundary row (its boundary may be null). */
export function findBoundaryRow(db: Db, id: string) {
  return db.selectFrom('area').select(boundaryColumns).where('id', '=', id).executeTakeFirst();
}
