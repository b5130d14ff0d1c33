import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { todayIn } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  type FacilityCareLevel,
  type FacilityRef,
  facilityNamesByIds,
  lookupFacility,
} from '../facilities/index.ts';
import { eligibilityFor } from '../insurance/index.ts';
import type { EligibilityAnswerType } from '../insurance/insurance.schema.ts';
import { findResidentRef, residentRecordsChanged } from '../residents/index.ts';
import { findWorkersByIds } from '../workforce/index.ts';
import { billRowsOf } from './bill.rows.ts';
import { type BillEligibility, billOf } from './bill.rules.ts';
import { catalogRefsFor, pricedItemsOn } from './catalog.refs.ts';
import { encounterOf } from './encounters.mapping.ts';
import type { EncounterRecordRows } from './encounters.queries.ts';
import {
  deductiblePaidIn,
  encounterRecordRows,
  findAmendmentRow,
  findEncounterRow,
  insertAmendmentRow,
  insertBill,
  insertEncounterRow,
  lockEncounterRow,
  retractRows,
  setDispensed,
  updateAmendmentRecords,
  updateEncounterRow,
} from './encounters.queries.ts';
import type {
  AddRecordsBody,
  AmendEncounterBody,
  CloseEncounterBody,
  CreateEncounterBody,
  Encounter,
} from './encounters.schema.ts';
import type { EncounterRow, PrescriptionRow } from './encounters.table.ts';
import { observationKinds } from './observation-kinds.ts';
import { type AddedIds, addRecordsTo } from './records.service.ts';
import { dispense, returnDispensed } from './stock.refs.ts';
import { fingerprintOf } from './sync.rules.ts';
import { billedEvent, visitBilled } from './visit-events.ts';

/**
 * Visits: open (with the eligibility answer of the card shown, stored as given), add records while
 * open, close (price every line, dispense in the same transaction, store the bill), amend a closed
 * visit (records added and retracted with a reason, dispensing returned, the bill priced again).
 * Every use case loads, decides in the rules, then saves, inside the request's transaction.
 */

/** Who is asking, as far as the visit's rules care: what they may do at the visit's facility. */
export interface Caller {
  userId: string | null;
  workerId: string | null;
  /** care.prescribe where the visit is. */
  canPrescribe: (areaPath: string) => boolean;
  /** stock.dispense where the visit is. */
  canDispense: (areaPath: string) => boolean;
}

const forbidden = (message: string) => new AppError('forbidden', message);
const RECORD_KINDS = ['observations', 'diagnoses', 'prescriptions', 'services'] as const;

/** The visit's current view, or a 404. */
export async function getEncounter(ctx: AppContext, id: string): Promise<Encounter> {
  const e = await findEncounterRow(ctx.db, id);
  if (!e) throw notFound('Encounter', id);
  return viewOf(ctx.db, e);
}

const briefOf = (f: { id: string; code: string; name: string }) => ({ id: f.id, code: f.code, name: f.name });

/**
 * The visit's view: its records (`loaded`, else read), the catalogue entries they point at and the
 * facility's name (`facility` when the caller has it, else read).
 */
async function viewOf(
  db: Db,
  e: EncounterRow,
  loaded?: EncounterRecordRows,
  facilityRef?: { id: string; code: string; name: string },
): Promise<Encounter> {
  const rows = loaded ?? (await encounterRecordRows(db, e.id));
  const refs = await catalogRefsFor(
    db,
    {
      codes: rows.diagnoses.map((d) => d.code),
      medicineIds: rows.prescriptions.map((p) => p.medicine_id),
      serviceIds: rows.services.map((s) => s.service_item_id),
    },
    e.visit_date,
  );
  const facility = facilityRef
    ? briefOf(facilityRef)
    : ((await facilityNamesByIds(db, [e.facility_id])).get(e.facility_id) ?? {
        id: e.facility_id,
        code: '',
        name: '',
      });
  return encounterOf(e, rows, refs, facility, observationKeys());
}

let keys: Map<string, string> | undefined;
function observationKeys(): Map<string, string> {
  keys ??= new Map(observationKinds().map((k) => [k.code, k.key]));
  return keys;
}

/**
 * Opens a visit with the records given. A repeat of the same create (same id, same body) answers the
 * stored visit with `created: false`; another body under the id is a 409.
 */
export async function createEncounter(
  ctx: AppContext,
  body: CreateEncounterBody,
  caller: Caller,
): Promise<{ created: boolean; encounter: Encounter }> {
  return inTransaction(ctx.db, async (db) => {
    const id = body.id ?? newId();
    const fingerprint = fingerprintOf(body);
    const existing = await findEncounterRow(db, id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        throw conflict(
          `encounter ${id} was recorded with another body: give a new visit a new id`,
          'body.id',
        );
      }
      return { created: false, encounter: await viewOf(db, existing) };
    }

    const errors: FieldError[] = [];
    const resident = await findResidentRef(db, body.residentId);
    if (!resident)
      errors.push({ field: 'body.residentId', message: `no resident ${body.residentId} in your scope` });
    const facility = await lookupFacility(db, body.facilityId, ctx.profile);
    if (!facility)
      errors.push({ field: 'body.facilityId', message: `no facility ${body.facilityId} in your scope` });
    const workerId = body.workerId ?? caller.workerId;
    if (body.workerId && !(await findWorkersByIds(db, [body.workerId])).has(body.workerId)) {
      errors.push({ field: 'body.workerId', message: `no health worker ${body.workerId}` });
    }
    const now = ctx.clock.now();
    const startedAt = body.startedAt ? new Date(body.startedAt) : now;
    if (startedAt.getTime() > now.getTime() + 10 * 60_000) {
      errors.push({ field: 'body.startedAt', message: 'a visit cannot start in the future' });
    }
    if (body.insuranceCard !== undefined && body.citizenId !== undefined) {
      errors.push({ field: 'body.citizenId', message: 'give the card number or the citizen id, not both' });
    }
    if (errors.length > 0 || !resident || !facility) throw invalidFields(errors);
    if ((body.prescriptions?.length || body.services?.length) && !caller.canPrescribe(facility.areaPath)) {
      throw forbidden(
        'prescribing and recording services need care.prescribe: record the visit without them',
      );
    }

    const visitDate = todayIn(ctx.profile.timeZone, startedAt);
    const eligibility = await eligibilityAtOpening(ctx, db, body, facility, visitDate);
    const row: Omit<EncounterRow, 'status' | 'created_at' | 'eligibility'> & { eligibility: string | null } =
      {
        id,
        resident_id: resident.id,
        facility_id: facility.id,
        worker_id: workerId ?? null,
        kind: body.kind,
        visit_date: visitDate,
        started_at: startedAt,
        ended_at: null,
        reason: body.reason ?? null,
        insurance_card: body.insuranceCard ?? body.citizenId ?? null,
        eligibility: eligibility ? JSON.stringify(eligibility) : null,
        fingerprint,
        area_path: facility.areaPath,
        created_by: caller.userId,
        closed_at: null,
      };
    const e = await insertEncounterRow(db, row);
    const added = await addRecordsTo(db, ctx, e, body, {
      fieldPrefix: 'body',
      amendmentId: null,
      savedDiagnoses: [],
    });
    // What the resident is due changes with the visit (the programme engine listens).
    await residentRecordsChanged(ctx, db, [e.resident_id]);
    // The view from the rows just inserted (a new visit has no others) and the entries loaded for them.
    const rows: EncounterRecordRows = { ...added.rows, amendments: [], bills: [], lines: [] };
    const encounter = encounterOf(e, rows, added.refs, briefOf(facility), observationKeys());
    return { created: true, encounter };
  });
}

/**
 * The insurance module's answer for the card (or citizen id) shown, on the visit's date at its
 * facility; null when none is shown. A malformed number is a 400 on the body's field.
 */
async function eligibilityAtOpening(
  ctx: AppContext,
  db: Db,
  body: CreateEncounterBody,
  facility: FacilityRef,
  date: string,
): Promise<EligibilityAnswerType | null> {
  if (body.insuranceCard === undefined && body.citizenId === undefined) return null;
  try {
    return await eligibilityFor(
      db,
      ctx.profile,
      {
        card: body.insuranceCard,
        citizenId: body.citizenId,
        facility: facility.id,
        date,
        visitKind: body.visitKind,
        careType: body.careType,
      },
      todayOf(ctx),
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.errors.length === 0) throw err;
    const field = (f: string) =>
      f === 'query.citizenId'
        ? 'body.citizenId'
        : f === 'query.facility'
          ? 'body.facilityId'
          : 'body.insuranceCard';
    throw invalidFields(err.errors.map((x) => ({ ...x, field: field(x.field) })));
  }
}

/** Records added to an open visit (a closed one is corrected by an amendment). */
export async function addToEncounter(
  ctx: AppContext,
  id: string,
  body: AddRecordsBody,
  caller: Caller,
): Promise<Encounter> {
  return inTransaction(ctx.db, async (db) => {
    const e = await lockEncounterRow(db, id);
    if (!e) throw notFound('Encounter', id);
    const rows = await encounterRecordRows(db, id);
    if (e.status !== 'open') {
      const repeat = RECORD_KINDS.every((k) =>
        (body[k] ?? []).every((item) => rows[k].some((r) => r.id === item.id)),
      );
      if (repeat) return viewOf(db, e, rows);
      throw conflict(
        'the visit is closed: correct it with an amendment (POST /api/encounters/:id/amendments)',
      );
    }
    if ((body.prescriptions?.length || body.services?.length) && !caller.canPrescribe(e.area_path)) {
      throw forbidden('prescribing and recording services need care.prescribe');
    }
    await addRecordsTo(db, ctx, e, body, {
      fieldPrefix: 'body',
      amendmentId: null,
      savedDiagnoses: rows.diagnoses,
    });
    await residentRecordsChanged(ctx, db, [e.resident_id]);
    return viewOf(db, e);
  });
}

/**
 * Closes a visit: prices every line in force from the catalogue on the visit's date, dispenses the
 * prescriptions from the facility's shelf (unless `dispense: false`) and stores the bill, all in the
 * request's transaction: an over-dispense (409 insufficient_stock) leaves nothing written. Closing a
 * closed visit again answers it as it is.
 */
export async function closeEncounter(
  ctx: AppContext,
  id: string,
  body: CloseEncounterBody,
  caller: Caller,
): Promise<Encounter> {
  return inTransaction(ctx.db, async (db) => {
    const e = await lockEncounterRow(db, id);
    if (!e) throw notFound('Encounter', id);
    if (e.status !== 'open') return viewOf(db, e);
    const now = ctx.clock.now();
    const endedAt = body.endedAt ? new Date(body.endedAt) : now < e.started_at ? e.started_at : now;
    if (endedAt < e.started_at) {
      throw invalidFields([
        { field: 'body.endedAt', message: `must not be before the start (${e.started_at.toISOString()})` },
      ]);
    }
    const rows = await encounterRecordRows(db, id);
    const prescriptions = rows.prescriptions.filter((p) => p.retracted_by === null);
    // A village health worker closes a home visit of observations and diagnoses; a bill with lines
    // is a prescriber's.
    const services = rows.services.filter((s) => s.retracted_by === null);
    if ((prescriptions.length > 0 || services.length > 0) && !caller.canPrescribe(e.area_path)) {
      throw forbidden('closing a visit with prescriptions or services needs care.prescribe');
    }
    const dispensed =
      body.dispense !== false ? await dispenseLines(db, e, prescriptions, now, caller) : undefined;
    const bill = await priceVisit(ctx, db, e, null, now, rows);
    await updateEncounterRow(db, id, { status: 'closed', ended_at: endedAt, closed_at: now });
    await visitBilled(ctx, db, [billedEvent(e, bill.bill, caller.userId)]);
    // The view from the rows loaded above with what closing changed (not read again).
    const closed: EncounterRecordRows = {
      ...rows,
      prescriptions: rows.prescriptions.map((p) => {
        const total = dispensed?.get(p.id);
        return total === undefined ? p : { ...p, dispensed: total };
      }),
      bills: [...rows.bills, bill.bill],
      lines: [...rows.lines, ...bill.lines],
    };
    return viewOf(db, { ...e, status: 'closed', ended_at: endedAt, closed_at: now }, closed, bill.facility);
  });
}

/**
 * Dispenses what is left to dispense of these lines (stock.dispense, first-expiry-first-out); answers
 * each dispensed line's new total (undefined when nothing was due).
 */
async function dispenseLines(
  db: Db,
  e: EncounterRow,
  lines: readonly PrescriptionRow[],
  at: Date,
  caller: Caller,
): Promise<Map<string, number> | undefined> {
  const due = lines.filter((p) => p.quantity > p.dispensed);
  if (due.length === 0) return undefined;
  if (!caller.canDispense(e.area_path)) {
    throw forbidden("dispensing from the facility's shelf needs stock.dispense: close with dispense false");
  }
  const dispensed = await dispense(db, {
    facilityId: e.facility_id,
    encounterId: e.id,
    on: e.visit_date,
    at,
    fieldPrefix: 'prescriptions',
    lines: due.map((p) => ({
      prescriptionId: p.id,
      medicineId: p.medicine_id,
      quantity: p.quantity - p.dispensed,
    })),
  });
  const totals = new Map(due.map((p) => [p.id, p.dispensed]));
  for (const d of dispensed) totals.set(d.prescriptionId, (totals.get(d.prescriptionId) ?? 0) + d.quantity);
  await setDispensed(db, totals);
  return totals;
}

/** Prices the visit's lines in force and stores the bill (seq 0 at closing, then one per amendment); answers its rows. */
async function priceVisit(
  ctx: AppContext,
  db: Db,
  e: EncounterRow,
  amendmentId: string | null,
  at: Date,
  loaded?: EncounterRecordRows,
) {
  // The lines and bills as they are now (a caller that has them, and changed no line since, passes them).
  const rows = loaded ?? (await encounterRecordRows(db, e.id));
  const prescriptions = rows.prescriptions.filter((p) => p.retracted_by === null);
  const services = rows.services.filter((s) => s.retracted_by === null);
  const priced = await pricedItemsOn(
    db,
    {
      medicineIds: prescriptions.map((p) => p.medicine_id),
      serviceIds: services.map((s) => s.service_item_id),
    },
    e.visit_date,
  );
  const facility = (await lookupFacility(db, e.facility_id, ctx.profile)) as
    | (FacilityRef & FacilityCareLevel)
    | undefined;
  const tier = facility?.tier ?? '';
  const eligibility = (e.eligibility ?? null) as (BillEligibility & { scheme?: string | null }) | null;
  const deductiblePaid = eligibility?.scheme
    ? await deductiblePaidIn(db, e.resident_id, tier, e.visit_date.slice(0, 4), e.id)
    : 0;
  const item = (kind: 'medicine' | 'service', recordId: string, itemId: string, quantity: number) => {
    const p = priced.get(itemId);
    return {
      kind,
      recordId,
      itemId,
      code: p?.code ?? '',
      insuranceCode: p?.insuranceCode ?? null,
      name: p?.name ?? '',
      unit: p?.unit ?? '',
      quantity,
      unitPrice: p?.unitPrice ?? null,
      insured: p?.insured ?? false,
      insuredFromCareLevel: p?.insuredFromCareLevel ?? null,
      lowestCareLevel: p?.lowestCareLevel ?? null,
    };
  };
  const bill = billOf(ctx.profile, {
    date: e.visit_date,
    facility: { tier, careLevel: facility?.careLevel ?? null },
    eligibility,
    deductiblePaid,
    items: [
      ...prescriptions.map((p) => item('medicine', p.id, p.medicine_id, p.quantity)),
      ...services.map((s) => item('service', s.id, s.service_item_id, s.quantity)),
    ],
  });
  const seq = rows.bills.length === 0 ? 0 : Math.max(...rows.bills.map((b) => b.seq)) + 1;
  const stored = billRowsOf(bill, {
    id: newId(),
    encounterId: e.id,
    residentId: e.resident_id,
    seq,
    amendmentId,
    visitDate: e.visit_date,
    tier,
    pricedAt: at,
    areaPath: e.area_path,
  });
  await insertBill(db, stored.bill, stored.lines);
  // The facility as the caller sees it, for the view (undefined outside the caller's places).
  return { ...stored, facility };
}

/**
 * Corrects a visit with a reason: records added, records retracted (kept, marked), and for a closed
 * visit the dispensing of retracted lines returned to the shelf, added lines dispensed, and the bill
 * priced again. The same amendment resent (same id and body) answers the visit as it is.
 */
export async function amendEncounter(
  ctx: AppContext,
  id: string,
  body: AmendEncounterBody,
  caller: Caller,
): Promise<Encounter> {
  return inTransaction(ctx.db, async (db) => {
    const e = await lockEncounterRow(db, id);
    if (!e) throw notFound('Encounter', id);
    const fingerprint = fingerprintOf(body);
    const existing = await findAmendmentRow(db, body.id);
    if (existing) {
      if (existing.encounter_id !== id || existing.fingerprint !== fingerprint) {
        throw conflict(
          `amendment ${body.id} was recorded with another body: give a new amendment a new id`,
          'body.id',
        );
      }
      return viewOf(db, e);
    }
    if (
      (body.add?.prescriptions?.length || body.add?.services?.length) &&
      !caller.canPrescribe(e.area_path)
    ) {
      throw forbidden('prescribing and recording services need care.prescribe');
    }
    const now = ctx.clock.now();
    const rows = await encounterRecordRows(db, id);
    await insertAmendmentRow(db, {
      id: body.id,
      encounter_id: id,
      reason: body.reason,
      added: {},
      retracted: {},
      fingerprint,
      user_id: caller.userId,
      amended_at: now,
      area_path: e.area_path,
    });
    const added: AddedIds = body.add
      ? (
          await addRecordsTo(db, ctx, e, body.add, {
            fieldPrefix: 'body.add',
            amendmentId: body.id,
            savedDiagnoses: rows.diagnoses,
          })
        ).ids
      : { observations: [], diagnoses: [], prescriptions: [], services: [] };
    const retracted: AddedIds = { observations: [], diagnoses: [], prescriptions: [], services: [] };
    const errors: FieldError[] = [];
    for (const kind of RECORD_KINDS) {
      const ids = body.retract?.[kind] ?? [];
      const marked = await retractRows(db, kind, id, ids, body.id);
      retracted[kind] = marked;
      ids.forEach((rid, i) => {
        if (!marked.includes(rid)) {
          errors.push({
            field: `body.retract.${kind}[${i}]`,
            message: `${rid} is not a record of this visit in force`,
          });
        }
      });
    }
    if (errors.length > 0) throw invalidFields(errors);
    if (RECORD_KINDS.every((k) => added[k].length === 0 && retracted[k].length === 0)) {
      throw invalidFields([
        { field: 'body.add', message: 'an amendment adds or retracts at least one record' },
      ]);
    }
    await updateAmendmentRecords(db, body.id, added, retracted);
    await residentRecordsChanged(ctx, db, [e.resident_id]);

    if (e.status !== 'open') {
      const back = rows.prescriptions.filter(
        (p) => retracted.prescriptions.includes(p.id) && p.dispensed > 0,
      );
      if (back.length > 0) {
        await returnDispensed(db, {
          facilityId: e.facility_id,
          encounterId: e.id,
          prescriptionIds: back.map((p) => p.id),
          on: todayOf(ctx),
          at: now,
          reason: body.reason,
        });
        await setDispensed(db, new Map(back.map((p) => [p.id, 0])));
      }
      if (body.dispense !== false && added.prescriptions.length > 0) {
        const fresh = (await encounterRecordRows(db, id)).prescriptions.filter((p) =>
          added.prescriptions.includes(p.id),
        );
        await dispenseLines(db, e, fresh, now, caller);
      }
      const billed = await priceVisit(ctx, db, e, body.id, now);
      await updateEncounterRow(db, id, { status: 'amended' });
      await visitBilled(ctx, db, [billedEvent(e, billed.bill, caller.userId)]);
      return viewOf(db, { ...e, status: 'amended' });
    }
    return viewOf(db, e);
  });
}
