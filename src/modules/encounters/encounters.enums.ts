/**
 * The closed lists of care records, declared once: the TypeBox schemas, the table types, the rules
 * and the web app import them. No imports here, so the web app can bundle this file.
 */

/** Where and how a visit takes place. */
export const ENCOUNTER_KINDS = [
  'station-visit',
  'home-visit',
  'outreach-session',
  'teleconsultation',
] as const;
export type EncounterKind = (typeof ENCOUNTER_KINDS)[number];

/**
 * A visit's state: open while it is recorded, closed once billed (never edited in place again),
 * amended when a closed visit carries at least one amendment.
 */
export const ENCOUNTER_STATUSES = ['open', 'closed', 'amended'] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];

/** A diagnosis of a visit: one main, the others secondary. */
export const DIAGNOSIS_ROLES = ['main', 'secondary'] as const;
export type DiagnosisRole = (typeof DIAGNOSIS_ROLES)[number];

/** A problem on the resident's list (chronic diagnoses): active until resolved. */
export const PROBLEM_STATUSES = ['active', 'resolved'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/**
 * How often a dose is taken. The quantity rule (prescriptions.rules.ts) counts the administrations
 * of each over the duration; `as-needed` cannot be counted, so its quantity must be given.
 */
export const DOSE_FREQUENCIES = [
  'once-daily',
  'twice-daily',
  'three-times-daily',
  'four-times-daily',
  'every-other-day',
  'weekly',
  'at-night',
  'single-dose',
  'as-needed',
] as const;
export type DoseFrequency = (typeof DOSE_FREQUENCIES)[number];

/** An observation's value against its alarming thresholds (protocols/observations.json). */
export const OBSERVATION_FLAGS = ['alarming-high', 'alarming-low'] as const;
export type ObservationFlag = (typeof OBSERVATION_FLAGS)[number];

/** What a flag on a visit or the timeline is about. */
export const FLAG_KINDS = ['alarming-observation', 'notifiable-diagnosis'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** A bill line is a medicine dispensed (a prescription line) or a service performed. */
export const BILL_LINE_KINDS = ['medicine', 'service'] as const;
export type BillLineKind = (typeof BILL_LINE_KINDS)[number];

/**
 * Why a bill line is paid as it is: within insurance scope (split by the benefit percent), or paid by
 * the resident outside the list: not insured at all, insured only from a higher level of care than the
 * facility's, no price in force on the visit's date (0, shown so it is fixed), no valid card or
 * enrolment at the visit.
 */
export const BILL_LINE_COVERAGE = [
  'insured',
  'not-on-list',
  'above-care-level',
  'no-price',
  'not-eligible',
] as const;
export type BillLineCoverage = (typeof BILL_LINE_COVERAGE)[number];

/**
 * How the visit's insured share was worked out: per line by the benefit percent (VN, Decision 130
 * tables 2 and 3), or over the visit by the scheme's deductible and ratio at the facility's level (CN).
 */
export const BILL_METHODS = ['benefit-percent', 'deductible-ratio', 'uninsured'] as const;
export type BillMethod = (typeof BILL_METHODS)[number];

/** The record kinds an amendment adds to or retracts from a closed visit. */
export const AMENDABLE_RECORDS = ['observations', 'diagnoses', 'prescriptions', 'services'] as const;
export type AmendableRecord = (typeof AMENDABLE_RECORDS)[number];
