/**
 * The closed lists of health insurance, declared once: the TypeBox schemas, the table types, the
 * rules and the web app import them. No imports here, so the web app can bundle this file.
 */

/** A card's (or an enrolment's) state in the register. */
export const CARD_STATUSES = ['active', 'withdrawn'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

/**
 * How the visitor came (Law 46/2014 art. 22): to their registered facility, referred, as an
 * emergency, back for a re-examination appointment, or on their own.
 */
export const VISIT_KINDS = [
  'registered',
  'referred',
  'emergency',
  're-examination',
  'self-referred',
] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const CARE_TYPES = ['outpatient', 'inpatient'] as const;
export type CareType = (typeof CARE_TYPES)[number];
