import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MovementKind, OperationKind, TransferStatus } from './stock.enums.ts';

/** pg returns `date` columns as strings here (the type parser is set in platform/db), `integer` as number. */
export interface StockBatchTable {
  id: string;
  facility_id: string;
  area_path: string;
  medicine_id: string;
  batch_number: string;
  expiry_date: string;
  supplier: string | null;
  on_hand: number;
  received_on: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StockOperationTable {
  id: string;
  kind: OperationKind;
  facility_id: string;
  area_path: string;
  occurred_on: string;
  body: ColumnType<unknown, string, string>;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface StockMovementTable {
  id: string;
  facility_id: string;
  area_path: string;
  batch_id: string;
  medicine_id: string;
  kind: MovementKind;
  quantity: number;
  balance_after: number;
  reason: string | null;
  occurred_on: string;
  recorded_at: Date;
  operation_id: string | null;
  transfer_id: string | null;
  prescription_id: string | null;
  encounter_id: string | null;
  created_at: Generated<Date>;
}

export interface StockTransferTable {
  id: string;
  from_facility_id: string;
  from_area_path: string;
  to_facility_id: string;
  to_area_path: string;
  status: Generated<TransferStatus>;
  sent_on: string;
  received_on: string | null;
  requisition_id: string | null;
  note: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StockTransferLineTable {
  transfer_id: string;
  line: number;
  medicine_id: string;
  from_batch_id: string;
  batch_number: string;
  expiry_date: string;
  quantity_sent: number;
  quantity_received: number | null;
}

export type StockBatchRow = Selectable<StockBatchTable>;
export type NewStockBatchRow = Insertable<StockBatchTable>;
export type StockMovementRow = Selectable<StockMovementTable>;
export type NewStockMovementRow = Insertable<StockMovementTable>;
export type StockOperationRow = Selectable<StockOperationTable>;
export type StockTransferRow = Selectable<StockTransferTable>;
export type StockTransferLineRow = Selectable<StockTransferLineTable>;
