/**
 * The closed lists of care programmes, declared once: protocol files, schemas, tables, rules,
 * reminders' templates and the web app import them. No imports here, so the web app can bundle it.
 */

/** What a programme is about: it decides the engine's rule family and the worklist's groups. */
export const PROGRAMME_KINDS = [
  'immunization',
  'antenatal',
  'postnatal',
  'child-health',
  'hypertension',
  'diabetes',
  'elderly',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/**
 * The outcome of a call or home visit about an overdue item (Simple's overdue list): reached and will
 * come (rescheduled), reached and refused (closed), not reachable and wrong number (stays, tried
 * again), moved away and died (the registry records it through its own module; nothing is due).
 */
export const OUTREACH_OUTCOMES = [
  'will-come',
  'refused',
  'not-reachable',
  'wrong-number',
  'moved-away',
  'died',
] as const;
export type OutreachOutcome = (typeof OUTREACH_OUTCOMES)[number];

/** The states a worklist lists: what can be acted on today. */
export const WORKLIST_STATES = ['due', 'overdue'] as const;
export type WorklistState = (typeof WORKLIST_STATES)[number];

/** A will-come outcome's day: in 7 days unless given; not before today, within a year (the service checks). */
export const COME_ON_DEFAULT_DAYS = 7;
export const COME_ON_MAX_DAYS = 366;
