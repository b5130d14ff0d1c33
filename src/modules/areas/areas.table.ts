import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { BoundaryGeometry } from './boundaries.schema.ts';

/** A jsonb column read as parsed JSON and written as its JSON text. */
type Json<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface AreaTable {
  id: string;
  code: string;
  name: string;
  /** A level from the country profile: province, district, commune, village (VN) ... */
  level: string;
  parent_id: string | null;
  /** ltree path of codes from the root, e.g. `56.568.22366`. */
  path: string;
  latitude: number | null;
  longitude: number | null;
  /** GeoJSON Polygon or MultiPolygon; its box and label point are derived from it when written. */
  boundary: Json<BoundaryGeometry>;
  /** `[west, south, east, north]` of the boundary. */
  boundary_bbox: Json<number[]>;
  /** `[longitude, latitude]` inside the boundary, where the map writes the area's name. */
  label_point: Json<number[]>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AreaPopulationTable {
  area_id: string;
  year: number;
  population: number;
  households: number | null;
}

/** The boundary columns: heavy, read only by the boundary queries. */
export type BoundaryColumn = 'boundary' | 'boundary_bbox' | 'label_point';
/** An area as lists and lookups read it, without its boundary. */
export type AreaRow = Omit<Selectable<AreaTable>, BoundaryColumn>;
export type NewAreaRow = Insertable<AreaTable>;
export type AreaPopulationRow = Selectable<AreaPopulationTable>;
