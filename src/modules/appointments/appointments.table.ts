import type { Insertable, Selectable } from 'kysely';
import type { AppointmentAction, AppointmentSource } from './appointments.enums.ts';

/** A resident's appointment at a facility on a day; never edited but to mark it ended by an amendment. */
export interface AppointmentTable {
  id: string;
  resident_id: string;
  facility_id: string;
  on_date: string;
  /** 'HH:MM' local, or null: any time of the day. */
  at_time: string | null;
  reason: string | null;
  source: AppointmentSource;
  /** The visit at which it was booked (source visit). */
  encounter_id: string | null;
  /** The call whose outcome booked it (source outreach). */
  outreach_attempt_id: string | null;
  /** The appointment this one replaces (a reschedule). */
  replaces_id: string | null;
  /** The amendment that cancelled or rescheduled it; null: in force. */
  ended_by: string | null;
  fingerprint: string;
  recorded_by: string | null;
  recorded_at: Date;
  /** The resident's area path (moved with the resident by a trigger). */
  area_path: string;
}

/** A cancellation, or a reschedule (with the appointment that replaces it). */
export interface AppointmentAmendmentTable {
  id: string;
  appointment_id: string;
  resident_id: string;
  action: AppointmentAction;
  reason: string;
  replacement_id: string | null;
  fingerprint: string;
  recorded_by: string | null;
  recorded_at: Date;
  area_path: string;
}

export type AppointmentRow = Selectable<AppointmentTable>;
export type NewAppointmentRow = Insertable<AppointmentTable>;
export type AppointmentAmendmentRow = Selectable<AppointmentAmendmentTable>;
