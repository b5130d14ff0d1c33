import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireArea } from '../areas/index.ts';
import {
  type FacilityRef,
  facilityNamesByIds,
  findFacilityById,
  listFacilitiesIn,
} from '../facilities/index.ts';
import { medicineRefs } from './catalog.refs.ts';
import { facilityStock, stockSettings } from './figures.service.ts';
import type { RequisitionAction } from './requisitions.enums.ts';
import {
  eventRows,
  findRequisitionRow,
  insertEvent,
  insertRequisition,
  requisitionRowsOf,
  sameBody,
  sidesOf,
  updateRequisition,
} from './requisitions.queries.ts';
import { decideTransition, requisitionLines, TRANSITIONS } from './requisitions.rules.ts';
import type {
  ApproveBody,
  CreateRequisitionBody,
  ReceiveBody,
  Requisition,
  RequisitionsQuery,
  ShipBody,
  Suggestion,
} from './requisitions.schema.ts';
import type { RequisitionRow } from './requisitions.table.ts';
import { medicineBrief } from './stock.mapping.ts';
import { type Actor, receiveTransfer, type Stored, sendTransfer } from './stock.service.ts';

/**
 * A station's supplier: its managing facility, else the nearest facility above it (walking up its
 * area path) of one of the profile's supplier kinds; undefined when there is none.
 */
export async function supplierOf(ctx: AppContext, station: FacilityRef): Promise<FacilityRef | undefined> {
  if (station.managingFacilityId) {
    const m = await findFacilityById(ctx.db, station.managingFacilityId);
    if (m) return m;
  }
  const kinds = stockSettings(ctx.profile).supplierKinds;
  if (kinds.length === 0) return undefined;
  const labels = station.areaPath.split('.');
  for (let n = labels.length - 1; n >= 1; n--) {
    const path = labels.slice(0, n).join('.');
    const found = (await listFacilitiesIn(ctx.db, path, { kinds })).filter(
      (f) => f.id !== station.id && (f.areaPath === path || station.areaPath.startsWith(`${f.areaPath}.`)),
    );
    if (found[0]) return found[0];
  }
  return undefined;
}

async function requireStation(db: Db, id: string, field: string): Promise<FacilityRef> {
  const f = await findFacilityById(db, id);
  if (!f)
    throw invalidFields([{ field, message: `no facility has the id ${id} (or it is outside your access)` }]);
  return f;
}

/** What max-min suggests a station orders today, and from whom. */
export async function suggestion(ctx: AppContext, facilityId: string, today: string): Promise<Suggestion> {
  const station = await findFacilityById(ctx.db, facilityId);
  if (!station) throw notFound('Facility', facilityId);
  const [figures, supplier] = await Promise.all([
    facilityStock(ctx, station.id, today),
    supplierOf(ctx, station),
  ]);
  return {
    facility: figures.facility,
    supplier: supplier ? { id: supplier.id, code: supplier.code, name: supplier.name } : null,
    on: today,
    lines: figures.lines.filter((l) => l.suggestedOrder > 0),
  };
}

async function toRequisitions(db: Db, rows: RequisitionRow[]): Promise<Requisition[]> {
  const [events, facilities, medicines] = await Promise.all([
    eventRows(
      db,
      rows.map((r) => r.id),
    ),
    facilityNamesByIds(
      db,
      rows.flatMap((r) => [r.facility_id, r.supplier_facility_id]),
    ),
    medicineRefs(
      db,
      rows.flatMap((r) => r.lines.map((l) => l.medicineId)),
    ),
  ]);
  const brief = (id: string) => facilities.get(id) ?? { id, code: '?', name: '?' };
  return rows.map((r) => ({
    id: r.id,
    facility: brief(r.facility_id),
    supplier: brief(r.supplier_facility_id),
    status: r.status,
    createdOn: r.created_on,
    note: r.note,
    transferId: r.transfer_id,
    lines: r.lines.map((l) => ({
      ...medicineBrief(medicines, l.medicineId),
      suggested: l.suggested,
      requested: l.requested,
      approved: l.approved,
    })),
    events: events
      .filter((e) => e.requisition_id === r.id)
      .map((e) => ({
        from: e.from_status,
        to: e.to_status,
        userId: e.user_id,
        at: new Date(e.at).toISOString(),
        note: e.note,
      })),
  }));
}

export async function getRequisition(db: Db, id: string): Promise<Requisition> {
  const row = await findRequisitionRow(db, id);
  if (!row) throw notFound('Requisition', id);
  return (await toRequisitions(db, [row]))[0] as Requisition;
}

export async function listRequisitions(db: Db, q: RequisitionsQuery): Promise<Requisition[]> {
  const areaPath = q.area ? (await requireArea(db, q.area, 'query.area')).path : undefined;
  return toRequisitions(
    db,
    await requisitionRowsOf(db, { facilityId: q.facility, areaPath, status: q.status }),
  );
}

/**
 * A draft requisition of a station to its supplier: the lines asked for, else what max-min suggests
 * today. Idempotent by id (same body: the stored one; another body: 409).
 */
export function createRequisition(
  ctx: AppContext,
  body: CreateRequisitionBody,
  actor: Actor,
  today: string,
): Promise<Stored<Requisition>> {
  return inTransaction(ctx.db, async (trx) => {
    const c = { ...ctx, db: trx };
    const existing = await findRequisitionRow(trx, body.id);
    if (existing) {
      if (!(await sameBody(trx, body.id, body)))
        throw conflict(`The id ${body.id} is already another requisition: send a new UUID v7`, 'body.id');
      return { value: await getRequisition(trx, body.id), created: false };
    }
    const station = await requireStation(trx, body.facilityId, 'body.facilityId');
    const supplier = await supplierOf(c, station);
    if (!supplier)
      throw invalidFields([
        {
          field: 'body.facilityId',
          message: `facility ${station.code} has no supplier: set its managing facility`,
        },
      ]);
    const figures = await facilityStock(c, station.id, today);
    const errors: FieldError[] = [];
    const ids = (body.lines ?? []).map((l) => l.medicineId);
    if (new Set(ids).size !== ids.length)
      errors.push({ field: 'body.lines', message: 'name each medicine once' });
    const known = await medicineRefs(trx, ids);
    (body.lines ?? []).forEach((l, i) => {
      if (!known.has(l.medicineId))
        errors.push({
          field: `body.lines[${i}].medicineId`,
          message: `no medicine has the id ${l.medicineId}`,
        });
    });
    if (errors.length > 0) throw invalidFields(errors);
    const lines = requisitionLines(figures.lines, body.lines);
    if (lines.length === 0)
      throw invalidFields([
        {
          field: 'body.lines',
          message: 'nothing to order: max-min suggests nothing today and no line asks for units',
        },
      ]);
    const inserted = await insertRequisition(trx, {
      id: body.id,
      facility_id: station.id,
      area_path: station.areaPath,
      supplier_facility_id: supplier.id,
      supplier_area_path: supplier.areaPath,
      lines,
      body,
      note: body.note ?? null,
      created_on: today,
      created_by: actor.userId,
    });
    if (!inserted) return { value: await getRequisition(trx, body.id), created: false };
    await insertEvent(trx, {
      id: newId(),
      requisition_id: body.id,
      area_path: station.areaPath,
      supplier_area_path: supplier.areaPath,
      from_status: null,
      to_status: 'draft',
      user_id: actor.userId,
      at: actor.at,
      note: body.note ?? null,
    });
    return { value: await getRequisition(trx, body.id), created: true };
  });
}

/** Checks and records one transition; `work` does what the transition does (approve, ship, receive). */
async function transition(
  db: Db,
  id: string,
  action: RequisitionAction,
  actor: Actor,
  note: string | undefined,
  work: (row: RequisitionRow) => Promise<Parameters<typeof updateRequisition>[2] | undefined>,
): Promise<Requisition> {
  return inTransaction(db, async (trx) => {
    const row = await findRequisitionRow(trx, id, true);
    if (!row) throw notFound('Requisition', id);
    const sides = await sidesOf(trx, row.area_path, row.supplier_area_path);
    const decision = decideTransition(row.status, action, {
      permissions: new Set([TRANSITIONS[action].permission]),
      sides,
    });
    if (decision.kind === 'refused')
      throw decision.status === 409
        ? conflict(decision.message)
        : new AppError('forbidden', decision.message);
    if (decision.kind === 'already') return getRequisition(trx, id);
    const changes = (await work(row)) ?? { status: decision.to };
    await updateRequisition(trx, id, { ...changes, status: decision.to });
    await insertEvent(trx, {
      id: newId(),
      requisition_id: id,
      area_path: row.area_path,
      supplier_area_path: row.supplier_area_path,
      from_status: row.status,
      to_status: decision.to,
      user_id: actor.userId,
      at: actor.at,
      note: note ?? null,
    });
    return getRequisition(trx, id);
  });
}

export function sendRequisition(db: Db, id: string, actor: Actor, note?: string): Promise<Requisition> {
  return transition(db, id, 'send', actor, note, async () => undefined);
}

/** The supplier approves, line by line (omitted lines as requested). */
export function approveRequisition(
  db: Db,
  id: string,
  body: ApproveBody,
  actor: Actor,
): Promise<Requisition> {
  return transition(db, id, 'approve', actor, body.note, async (row) => {
    const given = new Map((body.lines ?? []).map((l) => [l.medicineId, l.approved]));
    const errors: FieldError[] = [];
    (body.lines ?? []).forEach((l, i) => {
      if (!row.lines.some((x) => x.medicineId === l.medicineId))
        errors.push({
          field: `body.lines[${i}].medicineId`,
          message: 'the requisition has no line for this medicine',
        });
    });
    if (errors.length > 0) throw invalidFields(errors);
    return {
      status: 'approved',
      lines: row.lines.map((l) => ({ ...l, approved: given.get(l.medicineId) ?? l.requested })),
    };
  });
}

/** The supplier ships what was approved: a stock transfer out of its shelf, first expiry first out. */
export function shipRequisition(
  db: Db,
  id: string,
  body: ShipBody,
  actor: Actor,
  today: string,
): Promise<Requisition> {
  return transition(db, id, 'ship', actor, body.note, async (row) => {
    const lines = row.lines
      .filter((l) => (l.approved ?? 0) > 0)
      .map((l) => ({ medicineId: l.medicineId, quantity: l.approved as number }));
    if (lines.length === 0)
      throw conflict('Nothing was approved on this requisition: there is nothing to ship');
    const transferId = newId();
    await sendTransfer(
      db,
      {
        id: transferId,
        fromFacilityId: row.supplier_facility_id,
        toFacilityId: row.facility_id,
        sentOn: body.sentOn ?? today,
        note: body.note,
        lines,
        requisitionId: row.id,
      },
      actor,
    );
    return { status: 'shipped', transfer_id: transferId };
  });
}

/** The station books in what arrived (all of it unless lines say less): the transfer is received. */
export function receiveRequisition(
  db: Db,
  id: string,
  body: ReceiveBody,
  actor: Actor,
  today: string,
): Promise<Requisition> {
  return transition(db, id, 'receive', actor, body.note, async (row) => {
    if (!row.transfer_id) throw conflict('This requisition has no shipment to receive');
    await receiveTransfer(
      db,
      row.transfer_id,
      { id: newId(), receivedOn: body.receivedOn ?? today, lines: body.lines },
      actor,
    );
    return { status: 'received' };
  });
}
