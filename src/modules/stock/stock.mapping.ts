import type { FacilityName } from '../facilities/index.ts';
import type { MedicineRef } from './catalog.refs.ts';
import type { MovementWithBatch } from './stock.queries.ts';
import { isExpired } from './stock.rules.ts';
import type { Batch, Movement, Transfer } from './stock.schema.ts';
import type { StockBatchRow, StockTransferLineRow, StockTransferRow } from './stock.table.ts';

/** The medicine fields every answer carries (a medicine the catalog no longer has reads '?'). */
export function medicineBrief(medicines: Map<string, MedicineRef>, id: string) {
  const m = medicines.get(id);
  return {
    medicineId: id,
    medicineCode: m?.code ?? '?',
    medicineName: m ? (m.strength && !m.name.includes(m.strength) ? `${m.name} ${m.strength}` : m.name) : '?',
    unit: m?.unit ?? '?',
  };
}

export function toBatch(b: StockBatchRow, medicines: Map<string, MedicineRef>, today: string): Batch {
  return {
    id: b.id,
    facilityId: b.facility_id,
    ...medicineBrief(medicines, b.medicine_id),
    batchNumber: b.batch_number,
    expiryDate: b.expiry_date,
    supplier: b.supplier,
    onHand: Number(b.on_hand),
    receivedOn: b.received_on,
    expired: isExpired(b.expiry_date, today),
  };
}

export function toMovement(m: MovementWithBatch, medicines: Map<string, MedicineRef>): Movement {
  return {
    id: m.id,
    facilityId: m.facility_id,
    batchId: m.batch_id,
    ...medicineBrief(medicines, m.medicine_id),
    batchNumber: m.batch_number,
    expiryDate: m.expiry_date,
    kind: m.kind,
    quantity: Number(m.quantity),
    balanceAfter: Number(m.balance_after),
    reason: m.reason,
    occurredOn: m.occurred_on,
    recordedAt: new Date(m.recorded_at).toISOString(),
    operationId: m.operation_id,
    transferId: m.transfer_id,
    prescriptionId: m.prescription_id,
    encounterId: m.encounter_id,
  };
}

export function toTransfer(
  t: StockTransferRow,
  lines: StockTransferLineRow[],
  facilities: Map<string, FacilityName>,
  medicines: Map<string, MedicineRef>,
): Transfer {
  const brief = (id: string) => facilities.get(id) ?? { id, code: '?', name: '?' };
  return {
    id: t.id,
    fromFacility: brief(t.from_facility_id),
    toFacility: brief(t.to_facility_id),
    status: t.status,
    sentOn: t.sent_on,
    receivedOn: t.received_on,
    requisitionId: t.requisition_id,
    note: t.note,
    lines: lines.map((l) => ({
      line: l.line,
      ...medicineBrief(medicines, l.medicine_id),
      batchNumber: l.batch_number,
      expiryDate: l.expiry_date,
      quantitySent: Number(l.quantity_sent),
      quantityReceived: l.quantity_received === null ? null : Number(l.quantity_received),
    })),
  };
}
