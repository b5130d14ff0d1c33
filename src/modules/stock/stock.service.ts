import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type FacilityRef, facilityNamesByIds, findFacilityById } from '../facilities/index.ts';
import { type MedicineRef, medicineLabel, medicineRefs } from './catalog.refs.ts';
import { INSUFFICIENT_STOCK } from './dispense.service.ts';
import type { OperationKind } from './stock.enums.ts';
import { medicineBrief, toBatch, toMovement, toTransfer } from './stock.mapping.ts';
import {
  addToBalances,
  batchesOfFacility,
  claimOperation,
  findOperationRow,
  findTransferRow,
  insertMovements,
  insertTransfer,
  lockBatches,
  lockBatchesById,
  markTransferReceived,
  movementRows,
  movementsOfOperation,
  receiveIntoBatch,
  transferLineRows,
  transferRowsOf,
} from './stock.queries.ts';
import { adjustmentProblem, allocateFefo, isExpired } from './stock.rules.ts';
import type {
  AdjustmentBody,
  CountBody,
  MovementsQuery,
  OnHand,
  ReceiptBody,
  ReceiveTransferBody,
  StockOperation,
  Transfer,
  TransferBody,
  TransfersQuery,
} from './stock.schema.ts';
import type { NewStockMovementRow, StockBatchRow, StockTransferRow } from './stock.table.ts';

/** Who records and when: the user (null from the CLI or the demo) and the instant. */
export interface Actor {
  userId: string | null;
  at: Date;
}

/** A stored record, and whether this call made it (201) or found it under the same id and body (200). */
export interface Stored<T> {
  value: T;
  created: boolean;
}

async function requireFacility(db: Db, id: string, field: string): Promise<FacilityRef> {
  const f = await findFacilityById(db, id);
  if (!f)
    throw invalidFields([{ field, message: `no facility has the id ${id} (or it is outside your access)` }]);
  return f;
}

/**
 * Runs an operation once under its client-supplied id: the first call does `work`; a repeat with the
 * same kind and body answers what is stored (`created: false`); another body under the id is a 409.
 */
async function once<T>(
  trx: Db,
  op: {
    id: string;
    kind: OperationKind;
    facility: FacilityRef;
    occurredOn: string;
    body: unknown;
    actor: Actor;
  },
  work: () => Promise<void>,
  answer: () => Promise<T>,
): Promise<Stored<T>> {
  const claim = await claimOperation(trx, {
    id: op.id,
    kind: op.kind,
    facility_id: op.facility.id,
    area_path: op.facility.areaPath,
    occurred_on: op.occurredOn,
    body: op.body,
    recorded_by: op.actor.userId,
  });
  if (claim !== 'new') {
    if (!claim.same)
      throw conflict(
        `The id ${op.id} is already used by another ${claim.kind.replace('_', ' ')}: send a new UUID v7 for a new record`,
        'body.id',
      );
    return { value: await answer(), created: false };
  }
  await work();
  return { value: await answer(), created: true };
}

/** A receipt, adjustment or count as stored, with its movements. */
export async function getOperation(db: Db, id: string): Promise<StockOperation> {
  const op = await findOperationRow(db, id);
  if (!op) throw notFound('Stock operation', id);
  const movements = await movementsOfOperation(db, id);
  const medicines = await medicineRefs(
    db,
    movements.map((m) => m.medicine_id),
  );
  return {
    id: op.id,
    kind: op.kind,
    facilityId: op.facility_id,
    occurredOn: op.occurred_on,
    movements: movements.map((m) => toMovement(m, medicines)),
  };
}

function movement(
  facility: FacilityRef,
  batch: { id: string; medicine_id: string },
  fields: Pick<NewStockMovementRow, 'kind' | 'quantity' | 'balance_after' | 'reason' | 'occurred_on'> &
    Partial<Pick<NewStockMovementRow, 'operation_id' | 'transfer_id'>>,
  at: Date,
): NewStockMovementRow {
  return {
    id: newId(),
    facility_id: facility.id,
    area_path: facility.areaPath,
    batch_id: batch.id,
    medicine_id: batch.medicine_id,
    recorded_at: at,
    operation_id: null,
    transfer_id: null,
    prescription_id: null,
    encounter_id: null,
    ...fields,
  };
}

/** Books a delivery onto a facility's shelf: each line adds to its batch (made on first receipt). */
export function receiveStock(db: Db, body: ReceiptBody, actor: Actor): Promise<Stored<StockOperation>> {
  return inTransaction(db, async (trx) => {
    const facility = await requireFacility(trx, body.facilityId, 'body.facilityId');
    const medicines = await medicineRefs(
      trx,
      body.lines.map((l) => l.medicineId),
    );
    const errors: FieldError[] = [];
    body.lines.forEach((l, i) => {
      if (!medicines.has(l.medicineId))
        errors.push({
          field: `body.lines[${i}].medicineId`,
          message: `no medicine has the id ${l.medicineId}`,
        });
      if (l.expiryDate <= body.receivedOn)
        errors.push({
          field: `body.lines[${i}].expiryDate`,
          message: `batch ${l.batchNumber} expires on ${l.expiryDate}: an expired batch is not received onto the shelf`,
        });
    });
    if (errors.length > 0) throw invalidFields(errors);
    return once(
      trx,
      { id: body.id, kind: 'receipt', facility, occurredOn: body.receivedOn, body, actor },
      async () => {
        const rows: NewStockMovementRow[] = [];
        for (const l of body.lines) {
          const b = await receiveIntoBatch(trx, {
            id: newId(),
            facility_id: facility.id,
            area_path: facility.areaPath,
            medicine_id: l.medicineId,
            batch_number: l.batchNumber.trim(),
            expiry_date: l.expiryDate,
            supplier: body.supplier ?? null,
            received_on: body.receivedOn,
            quantity: l.quantity,
          });
          rows.push(
            movement(
              facility,
              { id: b.id, medicine_id: l.medicineId },
              {
                kind: 'receipt',
                quantity: l.quantity,
                balance_after: b.on_hand,
                reason: body.supplier ?? null,
                occurred_on: body.receivedOn,
                operation_id: body.id,
              },
              actor.at,
            ),
          );
        }
        await insertMovements(trx, rows);
      },
      () => getOperation(trx, body.id),
    );
  });
}

function insufficient(refused: FieldError[]): AppError {
  return new AppError(
    INSUFFICIENT_STOCK,
    `Not enough stock: ${refused.map((e) => e.message).join('; ')}`,
    refused,
  );
}

/** Batches of the facility by id, locked; a batch elsewhere (or unknown) is an invalid field. */
async function lockOwnBatches(
  trx: Db,
  facility: FacilityRef,
  lines: readonly { batchId: string }[],
): Promise<Map<string, StockBatchRow>> {
  const rows = await lockBatchesById(
    trx,
    lines.map((l) => l.batchId),
  );
  const byId = new Map(rows.filter((b) => b.facility_id === facility.id).map((b) => [b.id, b]));
  const errors: FieldError[] = [];
  lines.forEach((l, i) => {
    if (!byId.has(l.batchId))
      errors.push({
        field: `body.lines[${i}].batchId`,
        message: `no batch ${l.batchId} on the shelf of ${facility.code}`,
      });
  });
  const ids = lines.map((l) => l.batchId);
  if (new Set(ids).size !== ids.length) errors.push({ field: 'body.lines', message: 'name each batch once' });
  if (errors.length > 0) throw invalidFields(errors);
  return byId;
}

/** Applies signed changes to locked batches and appends their movements; refuses any negative balance. */
async function applyChanges(
  trx: Db,
  facility: FacilityRef,
  batches: Map<string, StockBatchRow>,
  medicines: Map<string, MedicineRef>,
  changes: { batchId: string; delta: number; i: number }[],
  fields: { kind: 'adjustment'; reason: string; occurredOn: string; operationId: string },
  at: Date,
): Promise<void> {
  const refused: FieldError[] = [];
  for (const c of changes) {
    const b = batches.get(c.batchId) as StockBatchRow;
    if (b.on_hand + c.delta < 0)
      refused.push({
        field: `body.lines[${c.i}].quantity`,
        message: `${medicineLabel(medicines.get(b.medicine_id), b.medicine_id)} batch ${b.batch_number}: ${-c.delta} to take off, only ${b.on_hand} left`,
      });
  }
  if (refused.length > 0) throw insufficient(refused);
  const effective = changes.filter((c) => c.delta !== 0);
  const balances = await addToBalances(
    trx,
    effective.map((c) => ({ batchId: c.batchId, delta: c.delta })),
  );
  await insertMovements(
    trx,
    effective.map((c) =>
      movement(
        facility,
        batches.get(c.batchId) as StockBatchRow,
        {
          kind: fields.kind,
          quantity: c.delta,
          balance_after: balances.get(c.batchId) ?? 0,
          reason: fields.reason,
          occurred_on: fields.occurredOn,
          operation_id: fields.operationId,
        },
        at,
      ),
    ),
  );
}

/** An adjustment with its reason (damaged, expired, lost: units off the shelf; a count correction either way). */
export function adjustStock(db: Db, body: AdjustmentBody, actor: Actor): Promise<Stored<StockOperation>> {
  return inTransaction(db, async (trx) => {
    const errors: FieldError[] = [];
    body.lines.forEach((l, i) => {
      const p = adjustmentProblem(body.reason, l.quantity);
      if (p) errors.push({ field: `body.lines[${i}].quantity`, message: p });
    });
    if (errors.length > 0) throw invalidFields(errors);
    const facility = await requireFacility(trx, body.facilityId, 'body.facilityId');
    return once(
      trx,
      { id: body.id, kind: 'adjustment', facility, occurredOn: body.on, body, actor },
      async () => {
        const batches = await lockOwnBatches(trx, facility, body.lines);
        const medicines = await medicineRefs(
          trx,
          [...batches.values()].map((b) => b.medicine_id),
        );
        await applyChanges(
          trx,
          facility,
          batches,
          medicines,
          body.lines.map((l, i) => ({ batchId: l.batchId, delta: l.quantity, i })),
          {
            kind: 'adjustment',
            reason: body.note ? `${body.reason}: ${body.note}` : body.reason,
            occurredOn: body.on,
            operationId: body.id,
          },
          actor.at,
        );
      },
      () => getOperation(trx, body.id),
    );
  });
}

/** A physical count: each counted batch is corrected to what was counted (a count-correction adjustment). */
export function countStock(db: Db, body: CountBody, actor: Actor): Promise<Stored<StockOperation>> {
  return inTransaction(db, async (trx) => {
    const facility = await requireFacility(trx, body.facilityId, 'body.facilityId');
    return once(
      trx,
      { id: body.id, kind: 'count', facility, occurredOn: body.countedOn, body, actor },
      async () => {
        const batches = await lockOwnBatches(trx, facility, body.lines);
        await applyChanges(
          trx,
          facility,
          batches,
          new Map(),
          body.lines.map((l, i) => ({
            batchId: l.batchId,
            delta: l.counted - (batches.get(l.batchId) as StockBatchRow).on_hand,
            i,
          })),
          {
            kind: 'adjustment',
            reason: body.note ? `count_correction: ${body.note}` : 'count_correction',
            occurredOn: body.countedOn,
            operationId: body.id,
          },
          actor.at,
        );
      },
      () => getOperation(trx, body.id),
    );
  });
}

/** A facility's shelf on a day: per medicine, usable units, expired units and the batches. */
export async function onHandAt(db: Db, facilityId: string, today: string): Promise<OnHand> {
  const facility = await findFacilityById(db, facilityId);
  if (!facility) throw notFound('Facility', facilityId);
  const batches = await batchesOfFacility(db, facility.id);
  const medicines = await medicineRefs(
    db,
    batches.map((b) => b.medicine_id),
  );
  const lines = new Map<string, OnHand['lines'][number]>();
  for (const b of batches) {
    const line = lines.get(b.medicine_id) ?? {
      ...medicineBrief(medicines, b.medicine_id),
      onHand: 0,
      expired: 0,
      batches: [],
    };
    if (isExpired(b.expiry_date, today)) line.expired += b.on_hand;
    else line.onHand += b.on_hand;
    if (b.on_hand > 0) line.batches.push(toBatch(b, medicines, today));
    lines.set(b.medicine_id, line);
  }
  return {
    facilityId: facility.id,
    on: today,
    lines: [...lines.values()].sort((a, b) => a.medicineName.localeCompare(b.medicineName)),
  };
}

export async function listMovements(db: Db, q: MovementsQuery) {
  const rows = await movementRows(db, {
    facilityId: q.facility,
    medicineId: q.medicine,
    from: q.from,
    to: q.to,
    limit: q.limit ?? 100,
  });
  const medicines = await medicineRefs(
    db,
    rows.map((m) => m.medicine_id),
  );
  return rows.map((m) => toMovement(m, medicines));
}

async function transfersOut(db: Db, rows: StockTransferRow[]): Promise<Transfer[]> {
  const lines = await transferLineRows(
    db,
    rows.map((t) => t.id),
  );
  const [facilities, medicines] = await Promise.all([
    facilityNamesByIds(
      db,
      rows.flatMap((t) => [t.from_facility_id, t.to_facility_id]),
    ),
    medicineRefs(
      db,
      lines.map((l) => l.medicine_id),
    ),
  ]);
  return rows.map((t) =>
    toTransfer(
      t,
      lines.filter((l) => l.transfer_id === t.id),
      facilities,
      medicines,
    ),
  );
}

export async function getTransfer(db: Db, id: string): Promise<Transfer> {
  const row = await findTransferRow(db, id);
  if (!row) throw notFound('Transfer', id);
  return (await transfersOut(db, [row]))[0] as Transfer;
}

export async function listTransfers(db: Db, q: TransfersQuery): Promise<Transfer[]> {
  return transfersOut(db, await transferRowsOf(db, q.facility, q.status));
}

/**
 * Sends stock to another facility, first expiry first out from the sender's usable batches: units
 * leave the sender's shelf now (transfer_out) and are in transit until the receiver books them in.
 */
export function sendTransfer(
  db: Db,
  body: TransferBody & { requisitionId?: string },
  actor: Actor,
): Promise<Stored<Transfer>> {
  return inTransaction(db, async (trx) => {
    const from = await requireFacility(trx, body.fromFacilityId, 'body.fromFacilityId');
    const to = await requireFacility(trx, body.toFacilityId, 'body.toFacilityId');
    if (from.id === to.id)
      throw invalidFields([{ field: 'body.toFacilityId', message: 'a transfer goes to another facility' }]);
    const ids = body.lines.map((l) => l.medicineId);
    if (new Set(ids).size !== ids.length)
      throw invalidFields([{ field: 'body.lines', message: 'name each medicine once' }]);
    const medicines = await medicineRefs(trx, ids);
    const unknown = body.lines.flatMap((l, i) =>
      medicines.has(l.medicineId)
        ? []
        : [{ field: `body.lines[${i}].medicineId`, message: `no medicine has the id ${l.medicineId}` }],
    );
    if (unknown.length > 0) throw invalidFields(unknown);
    const { requisitionId, ...sent } = body;
    return once(
      trx,
      { id: body.id, kind: 'transfer_send', facility: from, occurredOn: body.sentOn, body: sent, actor },
      async () => {
        const batches = await lockBatches(trx, from.id, ids);
        const refused: FieldError[] = [];
        const lines: Parameters<typeof insertTransfer>[2] = [];
        body.lines.forEach((l, i) => {
          const shelf = batches
            .filter((b) => b.medicine_id === l.medicineId)
            .map((b) => ({ id: b.id, expiryDate: b.expiry_date, onHand: b.on_hand }));
          const r = allocateFefo(shelf, l.quantity, body.sentOn);
          if (!r.ok) {
            refused.push({
              field: `body.lines[${i}].quantity`,
              message: `${medicineLabel(medicines.get(l.medicineId), l.medicineId)}: ${l.quantity} to send, only ${r.usable} left`,
            });
            return;
          }
          for (const a of r.allocations) {
            const b = batches.find((x) => x.id === a.batchId) as StockBatchRow;
            lines.push({
              line: lines.length,
              medicine_id: l.medicineId,
              from_batch_id: b.id,
              batch_number: b.batch_number,
              expiry_date: b.expiry_date,
              quantity_sent: a.quantity,
            });
          }
        });
        if (refused.length > 0) throw insufficient(refused);
        await insertTransfer(
          trx,
          {
            id: body.id,
            from_facility_id: from.id,
            from_area_path: from.areaPath,
            to_facility_id: to.id,
            to_area_path: to.areaPath,
            sent_on: body.sentOn,
            requisition_id: requisitionId ?? null,
            note: body.note ?? null,
          },
          lines,
        );
        const balances = await addToBalances(
          trx,
          lines.map((l) => ({ batchId: l.from_batch_id, delta: -l.quantity_sent })),
        );
        await insertMovements(
          trx,
          lines.map((l) =>
            movement(
              from,
              { id: l.from_batch_id, medicine_id: l.medicine_id },
              {
                kind: 'transfer_out',
                quantity: -l.quantity_sent,
                balance_after: balances.get(l.from_batch_id) ?? 0,
                reason: to.code,
                occurred_on: body.sentOn,
                operation_id: body.id,
                transfer_id: body.id,
              },
              actor.at,
            ),
          ),
        );
      },
      () => getTransfer(trx, body.id),
    );
  });
}

/**
 * Books a transfer in at the receiving facility: each line's batch (number and expiry as sent) is
 * added to the receiver's shelf with what arrived (all that was sent unless a line says less; the
 * difference stays on the transfer as lost in transit).
 */
export function receiveTransfer(
  db: Db,
  transferId: string,
  body: ReceiveTransferBody,
  actor: Actor,
): Promise<Stored<Transfer>> {
  return inTransaction(db, async (trx) => {
    const t = await findTransferRow(trx, transferId, true);
    if (!t) throw notFound('Transfer', transferId);
    const to = await requireFacility(trx, t.to_facility_id, 'params.id');
    return once(
      trx,
      {
        id: body.id,
        kind: 'transfer_receive',
        facility: to,
        occurredOn: body.receivedOn,
        body: { transferId, ...body },
        actor,
      },
      async () => {
        if (t.status !== 'in_transit')
          throw conflict(`Transfer ${t.id} was already received on ${t.received_on}`, 'params.id');
        if (body.receivedOn < t.sent_on)
          throw invalidFields([
            {
              field: 'body.receivedOn',
              message: `the transfer was sent on ${t.sent_on}: it cannot arrive before`,
            },
          ]);
        const lines = await transferLineRows(trx, [t.id]);
        const said = new Map((body.lines ?? []).map((l) => [l.line, l.quantityReceived]));
        const errors: FieldError[] = [];
        (body.lines ?? []).forEach((l, i) => {
          const line = lines.find((x) => x.line === l.line);
          if (!line)
            errors.push({ field: `body.lines[${i}].line`, message: `the transfer has no line ${l.line}` });
          else if (l.quantityReceived > line.quantity_sent)
            errors.push({
              field: `body.lines[${i}].quantityReceived`,
              message: `only ${line.quantity_sent} were sent on line ${l.line}`,
            });
        });
        if (errors.length > 0) throw invalidFields(errors);
        const from = await facilityNamesByIds(trx, [t.from_facility_id]);
        const supplier = from.get(t.from_facility_id)?.name ?? null;
        const rows: NewStockMovementRow[] = [];
        const received: { line: number; quantity: number }[] = [];
        for (const l of lines) {
          const q = said.get(l.line) ?? l.quantity_sent;
          received.push({ line: l.line, quantity: q });
          if (q === 0) continue;
          const b = await receiveIntoBatch(trx, {
            id: newId(),
            facility_id: to.id,
            area_path: to.areaPath,
            medicine_id: l.medicine_id,
            batch_number: l.batch_number,
            expiry_date: l.expiry_date,
            supplier,
            received_on: body.receivedOn,
            quantity: q,
          });
          rows.push(
            movement(
              to,
              { id: b.id, medicine_id: l.medicine_id },
              {
                kind: 'transfer_in',
                quantity: q,
                balance_after: b.on_hand,
                reason: supplier,
                occurred_on: body.receivedOn,
                operation_id: body.id,
                transfer_id: t.id,
              },
              actor.at,
            ),
          );
        }
        await insertMovements(trx, rows);
        await markTransferReceived(trx, t.id, body.receivedOn, received);
      },
      () => getTransfer(trx, t.id),
    );
  });
}
