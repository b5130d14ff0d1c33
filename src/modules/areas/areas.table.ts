import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

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

export type AreaRow = Selectable<AreaTable>;
export type NewAreaRow = Insertable<AreaTable>;
export type AreaPopulationRow = Selectable<AreaPopulationTable>;
