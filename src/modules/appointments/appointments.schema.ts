import Type, { type Static } from 'typebox';
import { IsoDate, Nullable, Uuid } from '../../platform/schema.ts';
import { APPOINTMENT_ACTIONS, APPOINTMENT_SOURCES, APPOINTMENT_STATES } from './appointments.enums.ts';

/**
 * Every request and answer of /api/residents/:id/appointments, /api/facilities/:id/appointments and
 * /api/appointments/:id/amendments, declared once: the routes validate with them, the OpenAPI
 * document shows them, the web app takes its types from them. Each appointment carries a
 * client-supplied UUID v7 (a resend answers the stored one; the same id with another body is a 409).
 */

export const ResidentParams = Type.Object({ id: Uuid('The resident id') });
export type ResidentParams = Static<typeof ResidentParams>;
export const FacilityParams = Type.Object({ id: Uuid('The facility id') });
export type FacilityParams = Static<typeof FacilityParams>;
export const AppointmentParams = Type.Object({ id: Uuid('The appointment id') });
export type AppointmentParams = Static<typeof AppointmentParams>;

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: "Local time 'HH:MM'" });
const Reason = (description: string) => Type.String({ minLength: 1, maxLength: 500, description });

/** A day (and time) to come: a new appointment's, or a reschedule's. */
const Booking = {
  id: Uuid('Client-supplied UUID v7 of the appointment'),
  date: IsoDate('The day to come (today or later, within 366 days)'),
  time: Type.Optional(Time),
};

export const BookAppointmentBody = Type.Object(
  {
    ...Booking,
    facilityId: Type.Optional(Uuid("The facility to come to (default: the recording user's facility)")),
    reason: Type.Optional(Reason('What the appointment is for, e.g. a blood pressure check')),
    encounterId: Type.Optional(
      Uuid('The visit at which it was booked ("come back on"): the source is then visit'),
    ),
  },
  { additionalProperties: false },
);
export type BookAppointmentBody = Static<typeof BookAppointmentBody>;

export const AmendAppointmentBody = Type.Object(
  {
    id: Uuid('Client-supplied UUID v7 of the amendment'),
    reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Why it is changed' }),
    cancel: Type.Optional(Type.Literal(true, { description: 'Cancel the appointment (kept, marked)' })),
    rescheduleTo: Type.Optional(
      Type.Object(Booking, {
        additionalProperties: false,
        description: 'The new appointment that replaces it (same facility and reason)',
      }),
    ),
  },
  { additionalProperties: false, description: 'Either cancel: true, or rescheduleTo: the new day' },
);
export type AmendAppointmentBody = Static<typeof AmendAppointmentBody>;

const FacilityBrief = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const Appointment = Type.Object({
  id: Type.String(),
  residentId: Type.String(),
  residentName: Nullable(
    Type.String({ description: "The resident's name (null: they live outside the caller's places)" }),
  ),
  facility: FacilityBrief,
  date: IsoDate(),
  time: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  source: Type.Enum(APPOINTMENT_SOURCES),
  encounterId: Nullable(Type.String()),
  outreachAttemptId: Nullable(Type.String()),
  replacesId: Nullable(Type.String({ description: 'The appointment this one replaces (a reschedule)' })),
  state: Type.Enum(APPOINTMENT_STATES, {
    description:
      'On today: booked, attended (a visit at the facility on its day), missed (its day passed without one), cancelled, rescheduled',
  }),
  endedBy: Nullable(
    Type.Object({
      amendmentId: Type.String(),
      action: Type.Enum(APPOINTMENT_ACTIONS),
      reason: Type.String(),
      replacementId: Nullable(Type.String()),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
  recordedBy: Nullable(Type.String()),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type Appointment = Static<typeof Appointment>;

export const AppointmentList = Type.Object({
  items: Type.Array(Appointment),
  counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
    description: 'How many of the listed are in each state',
  }),
});
export type AppointmentList = Static<typeof AppointmentList>;

export const FacilityAppointmentsQuery = Type.Object(
  {
    from: Type.Optional(IsoDate('The first day (default today)')),
    to: Type.Optional(IsoDate('The last day (default the first; at most 92 days after it)')),
    state: Type.Optional(
      Type.Enum(APPOINTMENT_STATES, { description: 'Only these, e.g. missed (days before today)' }),
    ),
  },
  { additionalProperties: false },
);
export type FacilityAppointmentsQuery = Static<typeof FacilityAppointmentsQuery>;

export const AmendmentAnswer = Type.Object({
  ended: Appointment,
  replacement: Nullable(Appointment),
});
export type AmendmentAnswer = Static<typeof AmendmentAnswer>;
