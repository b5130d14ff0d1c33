import { type Kysely, sql } from 'kysely';

/**
 * An area's boundary, as a GeoJSON Polygon or MultiPolygon geometry in jsonb (WGS 84 longitude,
 * latitude). PostGIS is not available on the embedded engine, so the map's two derived figures are
 * kept alongside, computed when the boundary is written: its bounding box `[west, south, east, north]`
 * and a point inside it where its name goes (`[longitude, latitude]`). All three are null together.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table area
    add column boundary jsonb,
    add column boundary_bbox jsonb,
    add column label_point jsonb,
    add constraint area_boundary_together check (
      (boundary is null) = (boundary_bbox is null) and (boundary is null) = (label_point is null)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table area
    drop constraint if exists area_boundary_together,
    drop column if exists label_point,
    drop column if exists boundary_bbox,
    drop column if exists boundary`.execute(db);
}
