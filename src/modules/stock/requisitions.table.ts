import type { ColumnType, Generated, Selectable } from 'kysely';
import type { RequisitionStatus } from './requisitions.enums.ts';

export interface RequisitionLine {
  medicineId: string;
  suggested: number;
  requested: number;
  approved: number | null;
}

export interface RequisitionTable {
  id: string;
  facility_id: string;
  area_path: string;
  supplier_facility_id: string;
  supplier_area_path: string;
  status: Generated<RequisitionStatus>;
  lines: ColumnType<RequisitionLine[], string, string>;
  body: ColumnType<unknown, string, string>;
  note: string | null;
  created_on: string;
  transfer_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RequisitionEventTable {
  id: string;
  requisition_id: string;
  area_path: string;
  supplier_area_path: string;
  from_status: RequisitionStatus | null;
  to_status: RequisitionStatus;
  user_id: string | null;
  at: Date;
  note: string | null;
}

export type RequisitionRow = Selectable<RequisitionTable>;
export type RequisitionEventRow = Selectable<RequisitionEventTable>;
