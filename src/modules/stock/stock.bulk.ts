import { sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { type FacilityRef, facilitiesByKeys } from '../facilities/index.ts';
import { medicineIdsByCode } from './catalog.refs.ts';
import {
  approveRequisition,
  createRequisition,
  receiveRequisition,
  sendRequisition,
  shipRequisition,
  suggestion,
} from './requisitions.service.ts';
import { allocateFefo, type ShelfBatch } from './stock.rules.ts';
import type { NewStockBatchRow, NewStockMovementRow } from './stock.table.ts';

/**
 * The bulk path into the ledger (the demo's receipts and dispensings, by facility and medicine code):
 * the balances are computed in memory, day by day, first expiry first out, and written as multi-row
 * inserts, so a district's six months load in a few statements. A dispensing the shelf cannot cover
 * is cut to what is usable (the shelf ran out: that is a stock-out, as in life). Requisitions go
 * through the service, one transition at a time.
 */
export interface StockLedgerPlan {
  receipts: readonly {
    facilityCode: string;
    medicineCode: string;
    batchNumber: string;
    expiryDate: string;
    quantity: number;
    receivedOn: string;
    supplier: string;
  }[];
  dispensings: readonly {
    facilityCode: string;
    medicineCode: string;
    date: string;
    quantity: number;
    prescriptionId?: string;
    encounterId?: string;
  }[];
  requisitions: readonly {
    facilityCode: string;
    state: 'draft' | 'sent' | 'approved' | 'shipped' | 'received';
    createdOn: string;
  }[];
}

export interface StockLedgerReport {
  batches: number;
  movements: number;
  /** Units asked for that the shelf could not give (the dispensings cut short). */
  unitsShort: number;
  requisitions: number;
}

const CHUNK = 1000;

async function insertChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

function at(date: string): Date {
  return new Date(`${date}T02:00:00Z`);
}

export async function loadStockLedger(ctx: AppContext, plan: StockLedgerPlan): Promise<StockLedgerReport> {
  const db = ctx.db;
  const facilityCodes = [...new Set([...plan.receipts, ...plan.dispensings].map((r) => r.facilityCode))];
  const facilities = await facilitiesByKeys(db, 'code', facilityCodes);
  const medicines = await medicineIdsByCode(db, [
    ...new Set([...plan.receipts, ...plan.dispensings].map((r) => r.medicineCode)),
  ]);
  const facility = (code: string): FacilityRef => {
    const f = facilities.get(code);
    if (!f) throw new Error(`stock load: no facility ${code}`);
    return f;
  };
  const medicine = (code: string): string => {
    const m = medicines.get(code);
    if (!m) throw new Error(`stock load: no medicine ${code} in the catalog`);
    return m;
  };

  // The events of each shelf (facility, medicine), by date: receipts before dispensings on a day.
  type Event =
    | { kind: 'receipt'; date: string; r: StockLedgerPlan['receipts'][number] }
    | { kind: 'dispense'; date: string; d: StockLedgerPlan['dispensings'][number] };
  const shelves = new Map<string, Event[]>();
  const push = (f: string, m: string, e: Event) => {
    const k = `${f}|${m}`;
    const list = shelves.get(k) ?? [];
    list.push(e);
    shelves.set(k, list);
  };
  for (const r of plan.receipts)
    push(r.facilityCode, r.medicineCode, { kind: 'receipt', date: r.receivedOn, r });
  for (const d of plan.dispensings)
    push(d.facilityCode, d.medicineCode, { kind: 'dispense', date: d.date, d });

  const batches: NewStockBatchRow[] = [];
  const movements: NewStockMovementRow[] = [];
  let unitsShort = 0;
  for (const [k, events] of shelves) {
    const [fCode, mCode] = k.split('|') as [string, string];
    const f = facility(fCode);
    const medicineId = medicine(mCode);
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === 'receipt' ? -1 : 1));
    const shelf: (ShelfBatch & { row: NewStockBatchRow })[] = [];
    for (const e of events) {
      if (e.kind === 'receipt') {
        let b = shelf.find((x) => x.row.batch_number === e.r.batchNumber && x.expiryDate === e.r.expiryDate);
        if (!b) {
          const row: NewStockBatchRow = {
            id: newId(),
            facility_id: f.id,
            area_path: f.areaPath,
            medicine_id: medicineId,
            batch_number: e.r.batchNumber,
            expiry_date: e.r.expiryDate,
            supplier: e.r.supplier,
            on_hand: 0,
            received_on: e.r.receivedOn,
          };
          b = { id: row.id, expiryDate: row.expiry_date, onHand: 0, row };
          shelf.push(b);
          batches.push(row);
        }
        b.onHand += e.r.quantity;
        movements.push(move(f, b.id, medicineId, 'receipt', e.r.quantity, b.onHand, e.date, e.r.supplier));
        continue;
      }
      const usable = shelf
        .filter((b) => b.onHand > 0 && b.expiryDate > e.date)
        .reduce((s, b) => s + b.onHand, 0);
      const q = Math.min(e.d.quantity, usable);
      unitsShort += e.d.quantity - q;
      if (q === 0) continue;
      const r = allocateFefo(shelf, q, e.date);
      if (!r.ok) continue;
      for (const a of r.allocations) {
        const b = shelf.find((x) => x.id === a.batchId) as (typeof shelf)[number];
        b.onHand -= a.quantity;
        movements.push({
          ...move(f, b.id, medicineId, 'dispense', -a.quantity, b.onHand, e.date, null),
          prescription_id: e.d.prescriptionId ?? null,
          encounter_id: e.d.encounterId ?? null,
        });
      }
    }
    for (const b of shelf) b.row.on_hand = b.onHand;
  }

  await insertChunks(batches, (chunk) => db.insertInto('stock_batch').values(chunk).execute());
  await insertChunks(movements, (chunk) => db.insertInto('stock_movement').values(chunk).execute());
  const requisitions = await loadRequisitions(ctx, plan.requisitions, facilities, [...medicines.values()]);
  return { batches: batches.length, movements: movements.length, unitsShort, requisitions };
}

function move(
  f: FacilityRef,
  batchId: string,
  medicineId: string,
  kind: 'receipt' | 'dispense',
  quantity: number,
  balance: number,
  date: string,
  reason: string | null,
): NewStockMovementRow {
  return {
    id: newId(),
    facility_id: f.id,
    area_path: f.areaPath,
    batch_id: batchId,
    medicine_id: medicineId,
    kind,
    quantity,
    balance_after: balance,
    reason,
    occurred_on: date,
    recorded_at: at(date),
    operation_id: null,
    transfer_id: null,
    prescription_id: null,
    encounter_id: null,
  };
}

/** Each requisition made and moved through the service to its state, dated as planned. */
async function loadRequisitions(
  ctx: AppContext,
  plans: StockLedgerPlan['requisitions'],
  facilities: Map<string, FacilityRef>,
  medicineIds: string[],
): Promise<number> {
  const order = ['draft', 'sent', 'approved', 'shipped', 'received'];
  let n = 0;
  for (const p of plans) {
    const station = facilities.get(p.facilityCode);
    if (!station) throw new Error(`stock load: no facility ${p.facilityCode}`);
    await ctx.db.transaction().execute(async (trx: Db) => {
      const c = { ...ctx, db: trx };
      const actor = { userId: null, at: at(p.createdOn) };
      const suggested = await suggestion(c, station.id, p.createdOn);
      const lines =
        suggested.lines.length > 0
          ? undefined
          : medicineIds.slice(0, 3).map((medicineId) => ({ medicineId, requested: 50 }));
      const id = newId();
      await createRequisition(c, { id, facilityId: station.id, lines }, actor, p.createdOn);
      const reach = order.indexOf(p.state);
      if (reach >= 1) await sendRequisition(trx, id, actor);
      if (reach >= 2) await approveRequisition(trx, id, {}, actor);
      if (reach >= 3) await shipRequisition(trx, id, {}, actor, p.createdOn);
      if (reach >= 4) await receiveRequisition(trx, id, {}, actor, p.createdOn);
    });
    n++;
  }
  return n;
}

/** Units on hand in the batches of the facilities under an area path (a demo check). */
export async function unitsUnder(db: Db, areaPath: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select coalesce(sum(on_hand), 0)::int as n from stock_batch where area_path <@ ${areaPath}::ltree`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}
