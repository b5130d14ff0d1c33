import { addDays, isIsoDate } from '../../calendar.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { AmendAppointmentBody, BookAppointmentBody } from './api.ts';

/**
 * The booking and rescheduling forms' values, their checks (those of BookAppointmentBody and
 * AmendAppointmentBody in src/modules/appointments/appointments.schema.ts: a day from today to 366
 * days on, a time 'HH:MM', a reason of at most 500 characters) and the bodies they send. Pure.
 */
export interface BookingValues {
  date: string;
  time: string;
  reason: string;
}

export const emptyBooking = (): BookingValues => ({ date: '', time: '', reason: '' });

export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The furthest day an appointment may be booked for, after today. */
export const BOOK_AHEAD_DAYS = 366;
export const REASON_MAX = 500;

export function bookingProblems(
  v: BookingValues,
  today: string,
): Partial<Record<keyof BookingValues, Problem>> {
  const out: Partial<Record<keyof BookingValues, Problem>> = {};
  const date = v.date.trim();
  if (date === '') out.date = { key: 'validation.required' };
  else if (!isIsoDate(date)) out.date = { key: 'appointments.form.dateFormat' };
  else if (date < today) out.date = { key: 'appointments.form.datePast' };
  else if (date > addDays(today, BOOK_AHEAD_DAYS))
    out.date = { key: 'appointments.form.dateFar', params: { days: BOOK_AHEAD_DAYS } };
  if (v.time.trim() !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time.trim()))
    out.time = { key: 'appointments.form.timeFormat' };
  if (v.reason.trim().length > REASON_MAX)
    out.reason = { key: 'validation.tooLong', params: { max: REASON_MAX } };
  return out;
}

/** The POST /api/residents/:id/appointments body (at the user's own facility: the server's default). */
export function bookingBody(id: string, v: BookingValues): BookAppointmentBody {
  return {
    id,
    date: v.date.trim(),
    ...(v.time.trim() ? { time: v.time.trim() } : {}),
    ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
  };
}

/** A cancellation's body, with why. */
export function cancelBody(id: string, reason: string): AmendAppointmentBody {
  return { id, reason: reason.trim(), cancel: true };
}

/** A reschedule's body: the new day (and time) under the replacement's own id. */
export function rescheduleBody(
  id: string,
  replacementId: string,
  v: Pick<BookingValues, 'date' | 'time'>,
  reason: string,
): AmendAppointmentBody {
  return {
    id,
    reason: reason.trim(),
    rescheduleTo: {
      id: replacementId,
      date: v.date.trim(),
      ...(v.time.trim() ? { time: v.time.trim() } : {}),
    },
  };
}
