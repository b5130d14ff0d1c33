/**
 * The closed lists of the rotation calendar, declared once: the TypeBox schemas, the table types,
 * the rules and the web app import them. No imports here, so the web app can bundle this file.
 */

/** A rotation's session: morning and afternoon do not overlap; day overlaps both. */
export const ROTATION_SESSIONS = ['morning', 'afternoon', 'day'] as const;
export type RotationSession = (typeof ROTATION_SESSIONS)[number];

/** The order sessions of one day are listed in: the morning, the whole day, then the afternoon. */
export const SESSION_ORDER: Readonly<Record<RotationSession, number>> = { morning: 0, day: 1, afternoon: 2 };

/** A facility's side of a calendar day: host (the worker comes here) or home (the worker is away). */
export const CALENDAR_ROLES = ['host', 'home'] as const;
export type CalendarRole = (typeof CALENDAR_ROLES)[number];
