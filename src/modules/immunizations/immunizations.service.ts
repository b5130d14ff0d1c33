import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { facilityOfUser } from '../access/index.ts';
import { fingerprintOf } from '../encounters/index.ts';
import { facilityNamesByIds, lookupFacility } from '../facilities/index.ts';
import { findResidentRef, residentCareRefsByIds, residentRecordsChanged } from '../residents/index.ts';
import { toAmendment, toImmunization } from './immunizations.mapping.ts';
import {
  amendmentRowsOf,
  findAmendmentRow,
  findImmunizationRow,
  immunizationRowsOf,
  insertAmendmentRow,
  insertImmunizationRow,
  lockImmunizationRow,
  markRetracted,
  setReplacement,
} from './immunizations.queries.ts';
import { checkAmendment, checkDose } from './immunizations.rules.ts';
import type {
  AmendImmunizationBody,
  AmendmentAnswer,
  DoseInput,
  Immunization,
  ImmunizationList,
} from './immunizations.schema.ts';
import type { ImmunizationRow } from './immunizations.table.ts';
import { vaccines } from './vaccines.ts';

/**
 * Doses: recorded under the client's id (a repeat answers the stored dose, another body under the id
 * is a 409), listed per resident, corrected by amendments (retract, or retract and replace). Every
 * write tells the programme engine (`residentRecordsChanged`) in its transaction before it answers.
 */

/** Who records: their user id (their facility-scoped role names the facility of a dose given here). */
export interface Caller {
  userId: string | null;
}

let codes: Set<string> | undefined;
const vaccineCodes = () => {
  codes ??= new Set(vaccines().keys());
  return codes;
};

async function viewOf(db: Db, rows: ImmunizationRow[]): Promise<Immunization[]> {
  const ids = rows.flatMap((r) => (r.facility_id ? [r.facility_id] : []));
  const names = await facilityNamesByIds(db, ids);
  return rows.map((r) => toImmunization(r, names));
}

async function one(db: Db, row: ImmunizationRow): Promise<Immunization> {
  const [view] = await viewOf(db, [row]);
  return view!;
}

/** The resident in the caller's scope (a 404 otherwise) with the birth date the dose is checked against. */
async function residentOf(db: Db, id: string) {
  const ref = await findResidentRef(db, id);
  if (!ref) throw notFound('Resident', id);
  const care = (await residentCareRefsByIds(db, [id])).get(id);
  return { ...ref, birthDate: care?.birthDate ?? null };
}

/**
 * The row of a new dose after its checks: the facility of a dose given here is the body's, else the
 * recording user's (a station's staff); an account without one must name it.
 */
async function doseRow(
  ctx: AppContext,
  db: Db,
  resident: { id: string; areaPath: string; birthDate: string | null },
  dose: DoseInput,
  caller: Caller,
  prefix: string,
  extra: { fingerprint: string; amendmentId: string | null },
): Promise<ImmunizationRow> {
  const errors: FieldError[] = checkDose(
    dose,
    { today: todayOf(ctx), birthDate: resident.birthDate, vaccineCodes: vaccineCodes() },
    prefix,
  );
  let facilityId: string | null = null;
  if (!dose.givenElsewhere) {
    if (dose.facilityId) {
      const f = await lookupFacility(db, dose.facilityId);
      if (f) facilityId = f.id;
      else errors.push({ field: `${prefix}.facilityId`, message: `no facility ${dose.facilityId}` });
    } else {
      facilityId = caller.userId ? await facilityOfUser(db, caller.userId) : null;
      if (!facilityId)
        errors.push({
          field: `${prefix}.facilityId`,
          message:
            'your account has no facility: name the facility that gave the dose, or mark it given elsewhere',
        });
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return {
    id: dose.id.toLowerCase(),
    resident_id: resident.id,
    vaccine: dose.vaccine,
    dose_number: dose.doseNumber ?? null,
    lot: dose.lot?.trim() || null,
    given_on: dose.date,
    given_elsewhere: dose.givenElsewhere,
    facility_id: facilityId,
    place: dose.givenElsewhere ? dose.place?.trim() || null : null,
    note: dose.note?.trim() || null,
    fingerprint: extra.fingerprint,
    amendment_id: extra.amendmentId,
    retracted_by: null,
    recorded_by: caller.userId,
    recorded_at: ctx.clock.now(),
    area_path: resident.areaPath,
  };
}

/** GET /api/residents/:id/immunizations: every dose, oldest first, and the amendments. */
export async function listImmunizations(ctx: AppContext, residentId: string): Promise<ImmunizationList> {
  const resident = await findResidentRef(ctx.db, residentId);
  if (!resident) throw notFound('Resident', residentId);
  const rows = await immunizationRowsOf(ctx.db, resident.id);
  const amendments = await amendmentRowsOf(ctx.db, resident.id);
  return {
    residentId: resident.id,
    items: await viewOf(ctx.db, rows),
    amendments: amendments.map(toAmendment),
  };
}

/**
 * POST /api/residents/:id/immunizations. A repeat (same id, same resident and body) answers the stored
 * dose with `created: false`; another body under the id is a 409. A resident who died, moved away or
 * was merged away gets no new dose (409 resident_not_active).
 */
export async function recordImmunization(
  ctx: AppContext,
  residentId: string,
  body: DoseInput,
  caller: Caller,
): Promise<{ created: boolean; immunization: Immunization }> {
  return inTransaction(ctx.db, async (db) => {
    const fingerprint = fingerprintOf({ residentId: residentId.toLowerCase(), ...body });
    const existing = await findImmunizationRow(db, body.id);
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw conflict(`dose ${body.id} was recorded with another body: give a new dose a new id`, 'body.id');
      return { created: false, immunization: await one(db, existing) };
    }
    const resident = await residentOf(db, residentId);
    if (!resident.active || resident.status !== 'active')
      throw new AppError(
        'resident_not_active',
        `resident ${resident.id} is ${resident.active ? resident.status : 'merged into another record'}: no new dose is recorded`,
      );
    const row = await doseRow(ctx, db, resident, body, caller, 'body', { fingerprint, amendmentId: null });
    await insertImmunizationRow(db, row);
    await residentRecordsChanged(ctx, db, [resident.id]);
    return { created: true, immunization: await one(db, row) };
  });
}

/**
 * POST /api/immunizations/:id/amendments: the dose is retracted (kept, marked) and, with replaceWith,
 * its correction recorded under its own id. A correction of history is allowed whatever the
 * resident's status now. The same amendment resent (same id and body) answers as it did.
 */
export async function amendImmunization(
  ctx: AppContext,
  doseId: string,
  body: AmendImmunizationBody,
  caller: Caller,
): Promise<AmendmentAnswer> {
  return inTransaction(ctx.db, async (db) => {
    const dose = await lockImmunizationRow(db, doseId);
    if (!dose) throw notFound('Immunization', doseId);
    const fingerprint = fingerprintOf({ immunizationId: dose.id, ...body });
    const existing = await findAmendmentRow(db, body.id);
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw conflict(
          `amendment ${body.id} was recorded with another body: give a new amendment a new id`,
          'body.id',
        );
      return answerOf(db, existing.id);
    }
    const shape = checkAmendment(body);
    if (shape.length > 0) throw invalidFields(shape);
    if (dose.retracted_by)
      throw conflict(
        `dose ${dose.id} was already retracted by amendment ${dose.retracted_by}: amend its replacement instead`,
      );
    const amendmentId = body.id.toLowerCase();
    let replacement: ImmunizationRow | null = null;
    if (body.replaceWith) {
      if (await findImmunizationRow(db, body.replaceWith.id))
        throw conflict(
          `dose ${body.replaceWith.id} exists: give the replacement a new id`,
          'body.replaceWith.id',
        );
      const resident = await residentOf(db, dose.resident_id);
      replacement = await doseRow(ctx, db, resident, body.replaceWith, caller, 'body.replaceWith', {
        fingerprint: fingerprintOf({ residentId: resident.id, ...body.replaceWith }),
        amendmentId,
      });
    }
    await insertAmendmentRow(db, {
      id: amendmentId,
      immunization_id: dose.id,
      resident_id: dose.resident_id,
      reason: body.reason.trim(),
      replacement_id: null,
      fingerprint,
      recorded_by: caller.userId,
      recorded_at: ctx.clock.now(),
      area_path: dose.area_path,
    });
    if (replacement) {
      await insertImmunizationRow(db, replacement);
      await setReplacement(db, amendmentId, replacement.id);
    }
    await markRetracted(db, dose.id, amendmentId);
    await residentRecordsChanged(ctx, db, [dose.resident_id]);
    return answerOf(db, amendmentId);
  });
}

async function answerOf(db: Db, amendmentId: string): Promise<AmendmentAnswer> {
  const a = await findAmendmentRow(db, amendmentId);
  if (!a) throw notFound('Amendment', amendmentId);
  const retracted = await findImmunizationRow(db, a.immunization_id);
  const replacement = a.replacement_id ? await findImmunizationRow(db, a.replacement_id) : undefined;
  const views = await viewOf(db, [retracted!, ...(replacement ? [replacement] : [])]);
  return { amendment: toAmendment(a), retracted: views[0]!, replacement: views[1] ?? null };
}
