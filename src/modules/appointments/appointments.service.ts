import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { addDays, daysBetween } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { facilityOfUser } from '../access/index.ts';
import { fingerprintOf, visitDaysOf } from '../encounters/index.ts';
import { facilityNamesByIds, lookupFacility } from '../facilities/index.ts';
import { findResidentRef, type ResidentRef, residentContactsByIds } from '../residents/index.ts';
import {
  amendmentRowsByIds,
  appointmentRowsOf,
  facilityAppointmentRows,
  findAmendmentRow,
  findAppointmentRow,
  insertAmendmentRow,
  insertAppointmentRow,
  lockAppointmentRow,
  markEnded,
} from './appointments.queries.ts';
import { appointmentState, checkBooking } from './appointments.rules.ts';
import type {
  AmendAppointmentBody,
  AmendmentAnswer,
  Appointment,
  AppointmentList,
  BookAppointmentBody,
  FacilityAppointmentsQuery,
} from './appointments.schema.ts';
import type { AppointmentAmendmentRow, AppointmentRow } from './appointments.table.ts';

/**
 * Appointments: booked under the client's id (a repeat answers the stored one, another body under
 * the id is a 409), listed for a resident and for a facility's days with their state on today (a
 * visit on the day keeps it; a day passed without one is missed), changed only by amendments: a
 * cancellation, or a reschedule that books the replacement. Nothing is edited or deleted.
 */

/** The longest span of days a facility's list covers at once. */
export const MAX_LIST_DAYS = 92;

async function viewsOf(db: Db, rows: AppointmentRow[], today: string): Promise<Appointment[]> {
  if (rows.length === 0) return [];
  const names = await facilityNamesByIds(db, [...new Set(rows.map((r) => r.facility_id))]);
  const amendments = await amendmentRowsByIds(
    db,
    rows.flatMap((r) => (r.ended_by ? [r.ended_by] : [])),
  );
  const people = await residentContactsByIds(db, [...new Set(rows.map((r) => r.resident_id))]);
  const dates = rows.map((r) => r.on_date).sort();
  const visits = await visitDaysOf(
    db,
    rows.map((r) => r.resident_id),
    dates[0]!,
    dates[dates.length - 1]! < today ? dates[dates.length - 1]! : today,
  );
  return rows.map((r) => {
    const ended = r.ended_by ? amendments.get(r.ended_by) : undefined;
    const f = names.get(r.facility_id);
    return {
      id: r.id,
      residentId: r.resident_id,
      residentName: people.get(r.resident_id)?.fullName ?? null,
      facility: { id: r.facility_id, code: f?.code ?? '', name: f?.name ?? '' },
      date: r.on_date,
      time: r.at_time,
      reason: r.reason,
      source: r.source,
      encounterId: r.encounter_id,
      outreachAttemptId: r.outreach_attempt_id,
      replacesId: r.replaces_id,
      state: appointmentState(
        { date: r.on_date, endedBy: ended?.action ?? null },
        visits.has(`${r.resident_id}|${r.facility_id}|${r.on_date}`),
        today,
      ),
      endedBy: ended ? amendmentOf(ended) : null,
      recordedBy: r.recorded_by,
      recordedAt: new Date(r.recorded_at).toISOString(),
    };
  });
}

const amendmentOf = (a: AppointmentAmendmentRow) => ({
  amendmentId: a.id,
  action: a.action,
  reason: a.reason,
  replacementId: a.replacement_id,
  at: new Date(a.recorded_at).toISOString(),
});

async function one(db: Db, row: AppointmentRow, today: string): Promise<Appointment> {
  return (await viewsOf(db, [row], today))[0]!;
}

const listOf = (items: Appointment[]): AppointmentList => {
  const counts: Record<string, number> = {};
  for (const a of items) counts[a.state] = (counts[a.state] ?? 0) + 1;
  return { items, counts };
};

async function residentIn(db: Db, id: string): Promise<ResidentRef> {
  const ref = await findResidentRef(db, id);
  if (!ref) throw notFound('Resident', id);
  return ref;
}

const notActive = (r: ResidentRef) =>
  new AppError(
    'resident_not_active',
    `resident ${r.id} is ${r.active ? r.status : 'merged into another record'}: no appointment is booked`,
  );

/** GET /api/residents/:id/appointments: every appointment of the resident, by day, with its state. */
export async function listResidentAppointments(
  ctx: AppContext,
  residentId: string,
): Promise<AppointmentList> {
  const r = await residentIn(ctx.db, residentId);
  return listOf(await viewsOf(ctx.db, await appointmentRowsOf(ctx.db, r.id), todayOf(ctx)));
}

/** GET /api/facilities/:id/appointments: a facility's days (today by default), optionally one state. */
export async function listFacilityAppointments(
  ctx: AppContext,
  facilityId: string,
  q: FacilityAppointmentsQuery,
): Promise<AppointmentList> {
  const f = await lookupFacility(ctx.db, facilityId);
  if (!f) throw notFound('Facility', facilityId);
  const today = todayOf(ctx);
  const from = q.from ?? today;
  const to = q.to ?? from;
  if (to < from) throw invalidFields([{ field: 'querystring.to', message: `is before from (${from})` }]);
  if (daysBetween(from, to) > MAX_LIST_DAYS)
    throw invalidFields([
      {
        field: 'querystring.to',
        message: `is more than ${MAX_LIST_DAYS} days after from (${addDays(from, MAX_LIST_DAYS)} at most)`,
      },
    ]);
  const rows = await facilityAppointmentRows(ctx.db, { facilityId: f.id, from, to, limit: 2000 });
  const items = await viewsOf(ctx.db, rows, today);
  return listOf(q.state ? items.filter((a) => a.state === q.state) : items);
}

/** Who books: their user id (a facility-scoped role names the facility to come to). */
export interface Caller {
  userId: string | null;
}

async function facilityFor(db: Db, body: BookAppointmentBody, caller: Caller, errors: FieldError[]) {
  if (body.facilityId) {
    const f = await lookupFacility(db, body.facilityId);
    if (f) return f.id;
    errors.push({ field: 'body.facilityId', message: `no facility ${body.facilityId}` });
    return null;
  }
  const own = caller.userId ? await facilityOfUser(db, caller.userId) : null;
  if (!own)
    errors.push({
      field: 'body.facilityId',
      message: 'your account has no facility: name the facility the resident is to come to',
    });
  return own;
}

/**
 * POST /api/residents/:id/appointments. A repeat (same id and body) answers the stored appointment
 * with `created: false`; another body under the id is a 409. A resident who died, moved away or was
 * merged away is not booked (409 resident_not_active).
 */
export async function bookAppointment(
  ctx: AppContext,
  residentId: string,
  body: BookAppointmentBody,
  caller: Caller,
): Promise<{ created: boolean; appointment: Appointment }> {
  return inTransaction(ctx.db, async (db) => {
    const today = todayOf(ctx);
    const fingerprint = fingerprintOf({ residentId: residentId.toLowerCase(), ...body });
    const existing = await findAppointmentRow(db, body.id);
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw conflict(
          `appointment ${body.id} was booked with another body: give a new appointment a new id`,
          'body.id',
        );
      return { created: false, appointment: await one(db, existing, today) };
    }
    const resident = await residentIn(db, residentId);
    if (!resident.active || resident.status !== 'active') throw notActive(resident);
    const errors = checkBooking(body, today, 'body');
    const facilityId = await facilityFor(db, body, caller, errors);
    if (errors.length > 0 || !facilityId) throw invalidFields(errors);
    const row: AppointmentRow = {
      id: body.id.toLowerCase(),
      resident_id: resident.id,
      facility_id: facilityId,
      on_date: body.date,
      at_time: body.time ?? null,
      reason: body.reason?.trim() || null,
      source: body.encounterId ? 'visit' : 'staff',
      encounter_id: body.encounterId?.toLowerCase() ?? null,
      outreach_attempt_id: null,
      replaces_id: null,
      ended_by: null,
      fingerprint,
      recorded_by: caller.userId,
      recorded_at: ctx.clock.now(),
      area_path: resident.areaPath,
    };
    if (!(await insertAppointmentRow(db, row)))
      throw conflict(`appointment ${body.id} was booked at the same time: send it again`, 'body.id');
    return { created: true, appointment: await one(db, row, today) };
  });
}

/**
 * Books the appointment a call's outcome "will come on <day>" promises, at the facility given (the
 * caller's, else the resident's registered one), under the attempt's id: recording the same outcome
 * again books nothing more. Inside the outcome's transaction.
 */
export async function bookFromOutreach(
  db: Db,
  a: {
    id: string;
    attemptId: string;
    resident: { id: string; areaPath: string };
    facilityId: string;
    date: string;
    reason: string | null;
    userId: string | null;
    now: Date;
  },
): Promise<void> {
  await insertAppointmentRow(db, {
    id: a.id,
    resident_id: a.resident.id,
    facility_id: a.facilityId,
    on_date: a.date,
    at_time: null,
    reason: a.reason,
    source: 'outreach',
    encounter_id: null,
    outreach_attempt_id: a.attemptId,
    replaces_id: null,
    ended_by: null,
    fingerprint: fingerprintOf({ outreachAttemptId: a.attemptId }),
    recorded_by: a.userId,
    recorded_at: a.now,
    area_path: a.resident.areaPath,
  });
}

/**
 * POST /api/appointments/:id/amendments: cancel it, or reschedule it (it ends, and its replacement is
 * booked under the client's id at the same facility). Only an appointment in force is changed (409
 * otherwise); the same amendment resent answers as it did.
 */
export async function amendAppointment(
  ctx: AppContext,
  appointmentId: string,
  body: AmendAppointmentBody,
  caller: Caller,
): Promise<AmendmentAnswer> {
  return inTransaction(ctx.db, async (db) => {
    const today = todayOf(ctx);
    const appointment = await lockAppointmentRow(db, appointmentId);
    if (!appointment) throw notFound('Appointment', appointmentId);
    const fingerprint = fingerprintOf({ appointmentId: appointment.id, ...body });
    const existing = await findAmendmentRow(db, body.id);
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw conflict(
          `amendment ${body.id} was recorded with another body: give a new amendment a new id`,
          'body.id',
        );
      return answerOf(db, existing, today);
    }
    const errors: FieldError[] = [];
    if ((body.cancel === true) === (body.rescheduleTo !== undefined))
      errors.push({ field: 'body', message: 'give either cancel: true or rescheduleTo' });
    if (body.rescheduleTo) errors.push(...checkBooking(body.rescheduleTo, today, 'body.rescheduleTo'));
    if (errors.length > 0) throw invalidFields(errors);
    if (appointment.ended_by)
      throw conflict(`appointment ${appointment.id} was already cancelled or rescheduled`);
    const now = ctx.clock.now();
    let replacementId: string | null = null;
    if (body.rescheduleTo) {
      const to = body.rescheduleTo;
      replacementId = to.id.toLowerCase();
      if (await findAppointmentRow(db, replacementId))
        throw conflict(
          `appointment ${to.id} exists: give the new appointment a new id`,
          'body.rescheduleTo.id',
        );
      await insertAppointmentRow(db, {
        ...appointment,
        id: replacementId,
        on_date: to.date,
        at_time: to.time ?? null,
        replaces_id: appointment.id,
        ended_by: null,
        fingerprint: fingerprintOf({ replaces: appointment.id, ...to }),
        recorded_by: caller.userId,
        recorded_at: now,
      });
    }
    const row: AppointmentAmendmentRow = {
      id: body.id.toLowerCase(),
      appointment_id: appointment.id,
      resident_id: appointment.resident_id,
      action: body.cancel ? 'cancel' : 'reschedule',
      reason: body.reason.trim(),
      replacement_id: replacementId,
      fingerprint,
      recorded_by: caller.userId,
      recorded_at: now,
      area_path: appointment.area_path,
    };
    await insertAmendmentRow(db, row);
    await markEnded(db, appointment.id, row.id);
    return answerOf(db, row, today);
  });
}

async function answerOf(db: Db, a: AppointmentAmendmentRow, today: string): Promise<AmendmentAnswer> {
  const ended = await findAppointmentRow(db, a.appointment_id);
  const replacement = a.replacement_id ? await findAppointmentRow(db, a.replacement_id) : undefined;
  const views = await viewsOf(db, [ended!, ...(replacement ? [replacement] : [])], today);
  return { ended: views[0]!, replacement: views[1] ?? null };
}
