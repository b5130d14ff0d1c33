/**
 * What the programme engine reads about a resident and what it answers: the contract between the
 * engine's pure rules (`*.rules.ts` here), the modules that hold the records (residents, encounters,
 * immunizations, pregnancies: each exports a loader of its part), the due store and the worklists.
 * Dates are calendar dates 'YYYY-MM-DD' in the profile's time zone. No imports: the web app bundles it.
 */

export type IsoDateString = string;

/** One dose given, here or elsewhere (recorded from the child's booklet). Retracted doses are left out. */
export interface DoseFact {
  id: string;
  /** A code of protocols/vaccines.json. */
  vaccine: string;
  date: IsoDateString;
  /** The dose number written in the booklet, when it was; the engine counts valid doses itself. */
  doseNumber: number | null;
  givenElsewhere: boolean;
}

/** How a pregnancy ended (the pregnancies module's outcome values, declared once here). */
export const PREGNANCY_OUTCOMES = ['live-birth', 'stillbirth', 'miscarriage', 'abortion'] as const;
export type PregnancyOutcome = (typeof PREGNANCY_OUTCOMES)[number];

/** A pregnancy episode: open until its outcome is recorded. */
export interface PregnancyFact {
  id: string;
  /** Last menstrual period, when known. */
  lmp: IsoDateString | null;
  /** Expected delivery date (from the LMP, or from an ultrasound dating). */
  edd: IsoDateString;
  /** The outcome's date (delivery, loss): the postnatal schedule runs from it after a birth. */
  outcome: PregnancyOutcome | null;
  outcomeDate: IsoDateString | null;
}

/** A problem on the resident's list (ICD-10 code), with the date it was noted. */
export interface ProblemFact {
  code: string;
  since: IsoDateString | null;
  active: boolean;
}

/** A visit (closed or open, not withdrawn) with what it recorded that programmes count. */
export interface VisitFact {
  id: string;
  date: IsoDateString;
  /** Observations by LOINC code, in the kind's stored unit (the last one when taken twice). */
  observations: Record<string, number>;
  /** ICD-10 codes diagnosed at the visit. */
  diagnoses: string[];
  /** Catalogue service codes performed at the visit. */
  services: string[];
}

/** Everything the engine needs about one resident. */
export interface ResidentFacts {
  residentId: string;
  /** Unknown birth date: nothing age-based is due. */
  birthDate: IsoDateString | null;
  sex: 'male' | 'female' | 'other' | null;
  /** Not 'active' (died, moved away): nothing is due. */
  status: string;
  doses: DoseFact[];
  pregnancies: PregnancyFact[];
  problems: ProblemFact[];
  /** Oldest first. */
  visits: VisitFact[];
}

/**
 * One service the resident is, was or will be due, with its window. Its state on a day is read from
 * the window (`stateOn` in the engine), so the store holds windows and a worklist of any day needs no
 * recompute: done if `doneOn`; else expired from `expiresOn`; overdue after `overdueAfter`; due from
 * `dueFrom`; upcoming before it.
 */
export interface DueWindow {
  programmeId: string;
  /** The schedule item, e.g. 'penta-2', 'anc-3', 'htn-follow-up'. */
  itemId: string;
  /** The pregnancy a maternal item belongs to; null otherwise. */
  episodeId: string | null;
  /** A repeating item's occurrence (a follow-up's due date) is keyed by its `dueFrom`. */
  dueFrom: IsoDateString;
  /** The earliest date it may be given (a dose before it is not valid). */
  earliestOn: IsoDateString;
  overdueAfter: IsoDateString | null;
  expiresOn: IsoDateString | null;
  doneOn: IsoDateString | null;
  /** The dose or visit that fulfilled it. */
  doneBy: string | null;
}

export const DUE_STATES = ['upcoming', 'due', 'overdue', 'done', 'expired'] as const;
export type DueState = (typeof DUE_STATES)[number];

export const INVALID_DOSE_REASONS = [
  'below-minimum-age',
  'under-minimum-interval',
  'live-vaccine-spacing',
  'after-expiry',
  'not-in-schedule',
] as const;
export type InvalidDoseReason = (typeof INVALID_DOSE_REASONS)[number];

/** A recorded dose the engine did not count, and why; the dose it was meant for is still due. */
export interface InvalidDose {
  doseId: string;
  programmeId: string;
  itemId: string | null;
  reason: InvalidDoseReason;
  /** The date from which it would have been valid, when there is one. */
  validFrom: IsoDateString | null;
}

/** A resident's clinical risk for the worklist's order (Simple's levels), from the last readings. */
export interface RiskFacts {
  lastSystolic: number | null;
  lastDiastolic: number | null;
  lastBpOn: IsoDateString | null;
  /** A heart attack or stroke on the problem list (ICD-10 I21-I22, I60-I64). */
  cardiovascularEvent: boolean;
}

/** The engine's answer for one resident. */
export interface ProgrammeAnswer {
  windows: DueWindow[];
  invalidDoses: InvalidDose[];
  risk: RiskFacts;
}
