import { addDays } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { AppointmentAction, AppointmentState } from './appointments.enums.ts';

/**
 * The appointments' decisions, pure: whether a day (and time) can be booked, and an appointment's
 * state on a day from its end and the visits. Today is an argument; nothing here reads the clock.
 */

/** The furthest ahead an appointment may be booked. */
export const APPOINTMENT_MAX_DAYS = 366;

/** A booking's checks: not before today, within APPOINTMENT_MAX_DAYS; a time as 'HH:MM'. */
export function checkBooking(
  b: { date: string; time?: string | undefined },
  today: string,
  prefix: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const last = addDays(today, APPOINTMENT_MAX_DAYS);
  if (b.date < today) errors.push({ field: `${prefix}.date`, message: `is before today (${today})` });
  else if (b.date > last)
    errors.push({
      field: `${prefix}.date`,
      message: `is more than ${APPOINTMENT_MAX_DAYS} days ahead (after ${last})`,
    });
  if (b.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(b.time))
    errors.push({ field: `${prefix}.time`, message: 'is not a time HH:MM' });
  return errors;
}

/**
 * An appointment's state on `today`: ended by an amendment (cancelled or rescheduled); attended
 * when the resident had a visit at the facility on its day (whatever today is: a visit recorded
 * early in the day counts); missed once its day has passed without one; else booked.
 */
export function appointmentState(
  a: { date: string; endedBy: AppointmentAction | null },
  visited: boolean,
  today: string,
): AppointmentState {
  if (a.endedBy === 'cancel') return 'cancelled';
  if (a.endedBy === 'reschedule') return 'rescheduled';
  if (visited) return 'attended';
  return a.date < today ? 'missed' : 'booked';
}
