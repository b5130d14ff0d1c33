import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { NewStockMovementRow, StockBatchRow } from './stock.table.ts';

/**
 * The facility's batches of these medicines, locked for update in id order (every writer locks in the
 * same order, so two dispensings never deadlock): the second of two racing transactions waits, then
 * reads the balance the first committed.
 */
export function lockBatches(
  db: Db,
  facilityId: string,
  medicineIds: readonly string[],
): Promise<StockBatchRow[]> {
  if (medicineIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('stock_batch')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('medicine_id', 'in', [...new Set(medicineIds)])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** These batches, locked for update in id order. */
export function lockBatchesById(db: Db, ids: readonly string[]): Promise<StockBatchRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('stock_batch')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .orderBy('id')
    .forUpdate()
    .execute();
}

/**
 * Adds a signed delta to each batch's balance in one statement and answers the new balances. The
 * table's check (on_hand >= 0) refuses a negative balance whatever the caller computed.
 */
export async function addToBalances(
  db: Db,
  deltas: readonly { batchId: string; delta: number }[],
): Promise<Map<string, number>> {
  if (deltas.length === 0) return new Map();
  const result = await sql<{ id: string; on_hand: number }>`
    update stock_batch b set on_hand = b.on_hand + v.delta, updated_at = now()
      from (select unnest(${deltas.map((d) => d.batchId)}::uuid[]) as id,
                   unnest(${deltas.map((d) => d.delta)}::int[]) as delta) v
     where b.id = v.id
    returning b.id, b.on_hand`.execute(db);
  return new Map(result.rows.map((r) => [r.id, Number(r.on_hand)]));
}

/** Appends movements (one multi-row insert). */
export async function insertMovements(db: Db, rows: readonly NewStockMovementRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('stock_movement')
    .values([...rows])
    .execute();
}

/**
 * What is still out on these prescription lines, per batch: dispensed minus returned (a positive
 * number of units), only where something is out.
 */
export async function outstandingDispensings(
  db: Db,
  prescriptionIds: readonly string[],
): Promise<
  { prescriptionId: string; batchId: string; medicineId: string; facilityId: string; quantity: number }[]
> {
  if (prescriptionIds.length === 0) return [];
  const rows = await db
    .selectFrom('stock_movement')
    .select(['prescription_id', 'batch_id', 'medicine_id', 'facility_id'])
    .select(sql<number>`-sum(quantity)::int`.as('out'))
    .where('prescription_id', 'in', [...new Set(prescriptionIds)])
    .where('kind', 'in', ['dispense', 'return'])
    .groupBy(['prescription_id', 'batch_id', 'medicine_id', 'facility_id'])
    .having(sql<SqlBool>`sum(quantity) < 0`)
    .orderBy('prescription_id')
    .orderBy('batch_id')
    .execute();
  return rows.map((r) => ({
    prescriptionId: r.prescription_id as string,
    batchId: r.batch_id,
    medicineId: r.medicine_id,
    facilityId: r.facility_id,
    quantity: Number(r.out),
  }));
}

/**
 * Units on hand per medicine at a facility: every batch, or (given a date) only the batches not
 * expired on it.
 */
export async function onHandRows(
  db: Db,
  facilityId: string,
  medicineIds: readonly string[],
  usableOn?: string,
): Promise<{ medicine_id: string; on_hand: number }[]> {
  if (medicineIds.length === 0) return [];
  let q = db
    .selectFrom('stock_batch')
    .select('medicine_id')
    .select(sql<number>`sum(on_hand)::int`.as('on_hand'))
    .where('facility_id', '=', facilityId)
    .where('medicine_id', 'in', [...new Set(medicineIds)]);
  if (usableOn) q = q.where('expiry_date', '>', usableOn);
  return q.groupBy('medicine_id').execute();
}

/**
 * Claims an operation's client-supplied id: inserts it, or (when the id is already stored) answers the
 * stored operation and whether its kind and body are the ones sent now (jsonb equality: key order does
 * not matter). A concurrent repeat waits for the first to commit, then reads it.
 */
export async function claimOperation(
  db: Db,
  row: {
    id: string;
    kind: string;
    facility_id: string;
    area_path: string;
    occurred_on: string;
    body: unknown;
    recorded_by: string | null;
  },
): Promise<'new' | { same: boolean; kind: string; facilityId: string }> {
  const inserted = await sql<{ id: string }>`
    insert into stock_operation (id, kind, facility_id, area_path, occurred_on, body, recorded_by)
    values (${row.id}, ${row.kind}, ${row.facility_id}, ${row.area_path}::ltree, ${row.occurred_on},
            ${JSON.stringify(row.body)}::jsonb, ${row.recorded_by})
    on conflict (id) do nothing returning id`.execute(db);
  if (inserted.rows.length > 0) return 'new';
  const stored = await sql<{ kind: string; facility_id: string; same: boolean }>`
    select kind, facility_id, (kind = ${row.kind} and body = ${JSON.stringify(row.body)}::jsonb) as same
      from stock_operation where id = ${row.id}`.execute(db);
  const s = stored.rows[0];
  // Another scope's operation under this id: the id is taken all the same.
  if (!s) return { same: false, kind: row.kind, facilityId: row.facility_id };
  return { same: s.same, kind: s.kind, facilityId: s.facility_id };
}

/** The operation's row, or undefined. */
export function findOperationRow(db: Db, id: string) {
  return db.selectFrom('stock_operation').selectAll().where('id', '=', id).executeTakeFirst();
}

const MOVEMENT_COLUMNS = [
  'm.id',
  'm.facility_id',
  'm.batch_id',
  'm.medicine_id',
  'm.kind',
  'm.quantity',
  'm.balance_after',
  'm.reason',
  'm.occurred_on',
  'm.recorded_at',
  'm.operation_id',
  'm.transfer_id',
  'm.prescription_id',
  'm.encounter_id',
  'b.batch_number',
  'b.expiry_date',
] as const;

export type MovementWithBatch = Awaited<ReturnType<typeof movementsOfOperation>>[number];

/** The movements an operation made, in the order made. */
export function movementsOfOperation(db: Db, operationId: string) {
  return db
    .selectFrom('stock_movement as m')
    .innerJoin('stock_batch as b', 'b.id', 'm.batch_id')
    .select(MOVEMENT_COLUMNS)
    .where('m.operation_id', '=', operationId)
    .orderBy('m.id')
    .execute();
}

/** A facility's movements, newest first, filtered. */
export function movementRows(
  db: Db,
  f: { facilityId: string; medicineId?: string; from?: string; to?: string; limit: number },
) {
  let q = db
    .selectFrom('stock_movement as m')
    .innerJoin('stock_batch as b', 'b.id', 'm.batch_id')
    .select(MOVEMENT_COLUMNS)
    .where('m.facility_id', '=', f.facilityId);
  if (f.medicineId) q = q.where('m.medicine_id', '=', f.medicineId);
  if (f.from) q = q.where('m.occurred_on', '>=', f.from);
  if (f.to) q = q.where('m.occurred_on', '<=', f.to);
  return q.orderBy('m.occurred_on', 'desc').orderBy('m.id', 'desc').limit(f.limit).execute();
}

/**
 * Adds units to a batch (creating it on first receipt) in one statement: two receipts of the same
 * batch at once both land. Answers the batch id and its new balance.
 */
export async function receiveIntoBatch(
  db: Db,
  b: {
    id: string;
    facility_id: string;
    area_path: string;
    medicine_id: string;
    batch_number: string;
    expiry_date: string;
    supplier: string | null;
    received_on: string;
    quantity: number;
  },
): Promise<{ id: string; on_hand: number }> {
  const result = await sql<{ id: string; on_hand: number }>`
    insert into stock_batch (id, facility_id, area_path, medicine_id, batch_number, expiry_date, supplier, on_hand, received_on)
    values (${b.id}, ${b.facility_id}, ${b.area_path}::ltree, ${b.medicine_id}, ${b.batch_number}, ${b.expiry_date},
            ${b.supplier}, ${b.quantity}, ${b.received_on})
    on conflict (facility_id, medicine_id, batch_number, expiry_date)
      do update set on_hand = stock_batch.on_hand + excluded.on_hand, updated_at = now()
    returning id, on_hand`.execute(db);
  const row = result.rows[0] as { id: string; on_hand: number };
  return { id: row.id, on_hand: Number(row.on_hand) };
}

/** A facility's batches (with units or not), by medicine then expiry. */
export function batchesOfFacility(db: Db, facilityId: string): Promise<StockBatchRow[]> {
  return db
    .selectFrom('stock_batch')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .orderBy('medicine_id')
    .orderBy('expiry_date')
    .orderBy('id')
    .execute();
}

export async function insertTransfer(
  db: Db,
  t: {
    id: string;
    from_facility_id: string;
    from_area_path: string;
    to_facility_id: string;
    to_area_path: string;
    sent_on: string;
    requisition_id: string | null;
    note: string | null;
  },
  lines: {
    line: number;
    medicine_id: string;
    from_batch_id: string;
    batch_number: string;
    expiry_date: string;
    quantity_sent: number;
  }[],
): Promise<void> {
  await db.insertInto('stock_transfer').values(t).execute();
  if (lines.length > 0)
    await db
      .insertInto('stock_transfer_line')
      .values(lines.map((l) => ({ ...l, transfer_id: t.id })))
      .execute();
}

export function findTransferRow(db: Db, id: string, forUpdate = false) {
  const q = db.selectFrom('stock_transfer').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export function transferLineRows(db: Db, transferIds: readonly string[]) {
  if (transferIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('stock_transfer_line')
    .selectAll()
    .where('transfer_id', 'in', [...transferIds])
    .orderBy('transfer_id')
    .orderBy('line')
    .execute();
}

export function transferRowsOf(db: Db, facilityId: string, status?: string) {
  let q = db
    .selectFrom('stock_transfer')
    .selectAll()
    .where((eb) => eb.or([eb('from_facility_id', '=', facilityId), eb('to_facility_id', '=', facilityId)]));
  if (status) q = q.where('status', '=', status as 'in_transit' | 'received');
  return q.orderBy('sent_on', 'desc').orderBy('id', 'desc').limit(200).execute();
}

export async function markTransferReceived(
  db: Db,
  id: string,
  receivedOn: string,
  received: { line: number; quantity: number }[],
): Promise<void> {
  await db
    .updateTable('stock_transfer')
    .set({ status: 'received', received_on: receivedOn, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  if (received.length === 0) return;
  await sql`
    update stock_transfer_line l set quantity_received = v.q
      from (select unnest(${received.map((r) => r.line)}::int[]) as line,
                   unnest(${received.map((r) => r.quantity)}::int[]) as q) v
     where l.transfer_id = ${id} and l.line = v.line`.execute(db);
}
