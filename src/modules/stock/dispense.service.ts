import { isIsoDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findFacilityById } from '../facilities/index.ts';
import { medicineLabel, medicineRefs } from './catalog.refs.ts';
import {
  addToBalances,
  insertMovements,
  lockBatches,
  lockBatchesById,
  onHandRows,
  outstandingDispensings,
} from './stock.queries.ts';
import { allocateFefo, quantityProblem, type ShelfBatch } from './stock.rules.ts';
import type { NewStockMovementRow, StockBatchRow } from './stock.table.ts';

export interface DispenseLine {
  prescriptionId: string;
  medicineId: string;
  quantity: number;
}

export interface DispenseInput {
  facilityId: string;
  encounterId: string;
  /** The day of dispensing ('YYYY-MM-DD', the country's date): batches expired on it are not used. */
  on: string;
  at: Date;
  /** Where the caller's lines are in its request, for the field errors: `${fieldPrefix}[i].quantity`. */
  fieldPrefix?: string;
  lines: readonly DispenseLine[];
}

export interface Dispensed {
  prescriptionId: string;
  batchId: string;
  quantity: number;
}

/** The error code of a dispensing refused for want of stock (409). */
export const INSUFFICIENT_STOCK = 'insufficient_stock';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toShelf = (b: StockBatchRow): ShelfBatch => ({
  id: b.id,
  expiryDate: b.expiry_date,
  onHand: b.on_hand,
});

async function requireStockFacility(db: Db, facilityId: string) {
  const facility = await findFacilityById(db, facilityId);
  if (!facility) throw notFound('Facility', facilityId);
  return facility;
}

/**
 * Dispenses prescription lines from the facility's shelf, first expiry first out, inside the caller's
 * transaction. All or nothing: a line the usable stock cannot cover refuses the whole dispensing with a
 * 409 `insufficient_stock` naming each refused line's medicine and what is left. Each call dispenses
 * the quantities it is given and answers only its own allocations: the caller keeps what is left to
 * dispense of a prescription line (the encounters module dispenses `quantity - dispensed`, in the same
 * transaction as its own counter), so a line may be dispensed in several goes.
 */
export function dispense(db: Db, input: DispenseInput): Promise<Dispensed[]> {
  const prefix = input.fieldPrefix ?? 'lines';
  return inTransaction(db, async (trx) => {
    const errors: FieldError[] = [];
    if (!isIsoDate(input.on)) errors.push({ field: 'on', message: 'must be a date YYYY-MM-DD' });
    input.lines.forEach((l, i) => {
      if (!UUID.test(l.prescriptionId))
        errors.push({ field: `${prefix}[${i}].prescriptionId`, message: 'must be a UUID' });
      if (!UUID.test(l.medicineId))
        errors.push({ field: `${prefix}[${i}].medicineId`, message: 'must be a UUID' });
      const q = quantityProblem(l.quantity);
      if (q) errors.push({ field: `${prefix}[${i}].quantity`, message: q });
    });
    const ids = input.lines.map((l) => l.prescriptionId);
    if (new Set(ids).size !== ids.length)
      errors.push({ field: prefix, message: 'each prescription line may be dispensed once per call' });
    if (errors.length > 0) throw invalidFields(errors);
    if (input.lines.length === 0) return [];

    const facility = await requireStockFacility(trx, input.facilityId);
    const medicines = await medicineRefs(
      trx,
      input.lines.map((l) => l.medicineId),
    );
    input.lines.forEach((l, i) => {
      if (!medicines.has(l.medicineId))
        errors.push({
          field: `${prefix}[${i}].medicineId`,
          message: `no medicine has the id ${l.medicineId}`,
        });
    });
    if (errors.length > 0) throw invalidFields(errors);

    const todo = input.lines.map((l, i) => ({ ...l, i }));

    const batches = await lockBatches(
      trx,
      facility.id,
      todo.map((l) => l.medicineId),
    );
    const shelf = new Map<string, ShelfBatch[]>();
    for (const b of batches) {
      const list = shelf.get(b.medicine_id) ?? [];
      list.push(toShelf(b));
      shelf.set(b.medicine_id, list);
    }

    const refused: FieldError[] = [];
    const taken: { line: (typeof todo)[number]; batchId: string; quantity: number }[] = [];
    for (const line of todo) {
      const list = shelf.get(line.medicineId) ?? [];
      const result = allocateFefo(list, line.quantity, input.on);
      if (!result.ok) {
        const label = medicineLabel(medicines.get(line.medicineId), line.medicineId);
        const unit = medicines.get(line.medicineId)?.unit ?? 'units';
        refused.push({
          field: `${prefix}[${line.i}].quantity`,
          message: `${label}: ${line.quantity} ${unit} asked, only ${result.usable} left on the shelf`,
        });
        continue;
      }
      for (const a of result.allocations) {
        const b = list.find((x) => x.id === a.batchId);
        if (b) b.onHand -= a.quantity;
        taken.push({ line, batchId: a.batchId, quantity: a.quantity });
      }
    }
    if (refused.length > 0) {
      const detail = refused.map((e) => e.message).join('; ');
      throw new AppError(INSUFFICIENT_STOCK, `Not enough stock: ${detail}`, refused);
    }

    const balances = await addToBalances(
      trx,
      sumByBatch(taken.map((t) => ({ batchId: t.batchId, delta: -t.quantity }))),
    );
    const running = new Map<string, number>();
    // balance_after per movement: the batch's final balance plus what later movements in this call took.
    const takenAfter = new Map<string, number>();
    for (const t of taken) takenAfter.set(t.batchId, (takenAfter.get(t.batchId) ?? 0) + t.quantity);
    const rows: NewStockMovementRow[] = taken.map((t) => {
      const final = balances.get(t.batchId) ?? 0;
      const before = (running.get(t.batchId) ?? final + (takenAfter.get(t.batchId) ?? 0)) - t.quantity;
      running.set(t.batchId, before);
      return {
        id: newId(),
        facility_id: facility.id,
        area_path: facility.areaPath,
        batch_id: t.batchId,
        medicine_id: t.line.medicineId,
        kind: 'dispense',
        quantity: -t.quantity,
        balance_after: before,
        reason: null,
        occurred_on: input.on,
        recorded_at: input.at,
        operation_id: null,
        transfer_id: null,
        prescription_id: t.line.prescriptionId,
        encounter_id: input.encounterId,
      };
    });
    await insertMovements(trx, rows);

    return taken.map((t) => ({
      prescriptionId: t.line.prescriptionId,
      batchId: t.batchId,
      quantity: t.quantity,
    }));
  });
}

function sumByBatch(deltas: { batchId: string; delta: number }[]): { batchId: string; delta: number }[] {
  const m = new Map<string, number>();
  for (const d of deltas) m.set(d.batchId, (m.get(d.batchId) ?? 0) + d.delta);
  return [...m].map(([batchId, delta]) => ({ batchId, delta }));
}

export interface ReturnInput {
  facilityId: string;
  encounterId: string;
  prescriptionIds: readonly string[];
  on: string;
  at: Date;
  reason: string;
}

/**
 * Puts back on the shelf what is still out on these prescription lines (an amendment of a closed
 * visit): a `return` movement per batch, never a delete. What was already returned is not returned
 * twice, so a repeat is harmless; a line never dispensed returns nothing.
 */
export function returnDispensed(db: Db, input: ReturnInput): Promise<void> {
  return inTransaction(db, async (trx) => {
    if (!isIsoDate(input.on)) throw invalidFields([{ field: 'on', message: 'must be a date YYYY-MM-DD' }]);
    const ids = input.prescriptionIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return;
    const facility = await requireStockFacility(trx, input.facilityId);
    // Lock first, then read what is out: a concurrent return of the same line waits and then sees it back.
    const candidates = await outstandingDispensings(trx, ids);
    await lockBatchesById(
      trx,
      candidates.map((c) => c.batchId),
    );
    const out = (await outstandingDispensings(trx, ids)).filter((d) => d.facilityId === facility.id);
    if (out.length === 0) return;
    const balances = await addToBalances(
      trx,
      sumByBatch(out.map((d) => ({ batchId: d.batchId, delta: d.quantity }))),
    );
    const after = new Map(balances);
    const rows: NewStockMovementRow[] = [];
    for (let k = out.length - 1; k >= 0; k--) {
      const d = out[k] as (typeof out)[number];
      const balance = after.get(d.batchId) ?? 0;
      after.set(d.batchId, balance - d.quantity);
      rows.unshift({
        id: newId(),
        facility_id: facility.id,
        area_path: facility.areaPath,
        batch_id: d.batchId,
        medicine_id: d.medicineId,
        kind: 'return',
        quantity: d.quantity,
        balance_after: balance,
        reason: input.reason.slice(0, 500) || null,
        occurred_on: input.on,
        recorded_at: input.at,
        operation_id: null,
        transfer_id: null,
        prescription_id: d.prescriptionId,
        encounter_id: input.encounterId,
      });
    }
    await insertMovements(trx, rows);
  });
}

/**
 * Units on hand per medicine at a facility (0 for a medicine with none). Given `usableOn`, only the
 * batches not expired on that date count: what could be dispensed that day.
 */
export async function onHandOf(
  db: Db,
  facilityId: string,
  medicineIds: readonly string[],
  usableOn?: string,
): Promise<Map<string, number>> {
  const valid = medicineIds.filter((id) => UUID.test(id));
  const result = new Map<string, number>(valid.map((id) => [id, 0]));
  if (!UUID.test(facilityId) || valid.length === 0) return result;
  for (const r of await onHandRows(db, facilityId, valid, usableOn))
    result.set(r.medicine_id, Number(r.on_hand));
  return result;
}
