/** Where an appointment was booked: by staff, at a visit ("come back on"), or from a call's outcome. */
export const APPOINTMENT_SOURCES = ['staff', 'visit', 'outreach'] as const;
export type AppointmentSource = (typeof APPOINTMENT_SOURCES)[number];

/**
 * An appointment's state on a day, read (never stored): booked (to come), attended (a visit of the
 * resident at the facility on its day), missed (its day passed without one), cancelled, rescheduled
 * (ended by an amendment that booked another).
 */
export const APPOINTMENT_STATES = ['booked', 'attended', 'missed', 'cancelled', 'rescheduled'] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/** What an amendment does to an appointment. */
export const APPOINTMENT_ACTIONS = ['cancel', 'reschedule'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];
