import type { Db } from '../../platform/db/database.ts';
import { registerLinkedRecordMover } from '../residents/index.ts';
import {
  inForceIds,
  moveAppointments,
  unmoveAppointments,
  upcomingAppointmentRows,
} from './appointments.queries.ts';

/**
 * The appointments module's public surface: routes, the outreach booking the worklist's outcomes
 * make, and what the reminders planner reads. Other modules import only this file.
 */
export { APPOINTMENT_STATES, type AppointmentState } from './appointments.enums.ts';
export { appointmentRoutes } from './appointments.routes.ts';
export type { Appointment, AppointmentList } from './appointments.schema.ts';
export { bookFromOutreach } from './appointments.service.ts';

/** An appointment in force, as the reminders planner is given it. */
export interface UpcomingAppointment {
  id: string;
  residentId: string;
  facilityId: string;
  date: string;
  time: string | null;
}

/**
 * A page of the appointments in force on the days from `from` to `to` (by id after `afterId`), read
 * as the caller sees them (the reminders job: the owner, every place).
 */
export async function upcomingAppointments(
  db: Db,
  f: { from: string; to: string; afterId: string | null; limit: number },
): Promise<UpcomingAppointment[]> {
  return (await upcomingAppointmentRows(db, f)).map((r) => ({
    id: r.id,
    residentId: r.resident_id,
    facilityId: r.facility_id,
    date: r.on_date,
    time: r.at_time,
  }));
}

/** Of these appointment ids, those still in force (a reminder of a cancelled one is not sent). */
export function appointmentsInForce(db: Db, ids: readonly string[]): Promise<Set<string>> {
  return inForceIds(db, ids);
}

// A merge of duplicate residents carries their appointments to the survivor (an undo brings them back).
registerLinkedRecordMover({
  name: 'appointments',
  move: (trx, from, to) => moveAppointments(trx, from.id, to),
  undo: (trx, ids, from) => unmoveAppointments(trx, ids, from),
});
