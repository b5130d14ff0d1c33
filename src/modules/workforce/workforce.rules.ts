import { addDays, isIsoDate, wholeYearsBetween } from '../../platform/dates.ts';

export { addDays, isIsoDate };

import type { FieldError } from '../../platform/http/errors.ts';

/**
 * Workforce rules as pure functions of plain data. Dates are 'YYYY-MM-DD' strings, which compare
 * correctly as strings; "today" is always passed in, so these functions never read the clock.
 */

/** Whole years between a birth date and a date (the age on that date). */
export const ageOn = wholeYearsBetween;

/** A period of work; a null end means "until further notice". */
export interface Period {
  startDate: string;
  endDate: string | null;
}

/** True when two periods share at least one day (both ends inclusive). */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.endDate === null || a.endDate >= b.startDate) && (b.endDate === null || b.endDate >= a.startDate);
}

/** True when a period covers a date. */
export function periodCovers(p: Period, date: string): boolean {
  return p.startDate <= date && (p.endDate === null || p.endDate >= date);
}

export interface ExistingAssignment extends Period {
  id: string;
  facilityName: string;
  facilityCode: string;
}

/** The first existing assignment whose period overlaps the candidate's, if any. */
export function findOverlappingAssignment<A extends ExistingAssignment>(
  candidate: Period,
  existing: A[],
): A | undefined {
  return existing.find((a) => periodsOverlap(candidate, a));
}

/** The message given when a worker would be at two facilities at once. */
export function describeAssignmentOverlap(other: ExistingAssignment): string {
  const until = other.endDate === null ? 'until further notice' : `to ${other.endDate}`;
  return `overlaps the worker's assignment at ${other.facilityName} (${other.facilityCode}) from ${other.startDate} ${until}: a worker has one primary assignment at a time`;
}

export type TransferPlan<A extends ExistingAssignment> =
  | { ok: true; close: { assignment: A; endDate: string } | null }
  | { ok: false; reason: string };

/**
 * Plans adding an assignment as a transfer: the open-ended assignment that started before the new one
 * is ended the day before the new start; any other overlap is refused.
 *
 * @example planTransfer({startDate:'2026-03-01', endDate:null}, [{...open from 2025-01-01}])
 *   // => { ok: true, close: { assignment, endDate: '2026-02-28' } }
 */
export function planTransfer<A extends ExistingAssignment>(
  candidate: Period,
  existing: A[],
): TransferPlan<A> {
  const open = existing.find((a) => a.endDate === null && a.startDate < candidate.startDate);
  const closeEnd = addDays(candidate.startDate, -1);
  const after = existing.map((a) => (a === open ? { ...a, endDate: closeEnd } : a));
  const clash = findOverlappingAssignment(candidate, after);
  if (clash) return { ok: false, reason: describeAssignmentOverlap(clash) };
  return { ok: true, close: open ? { assignment: open, endDate: closeEnd } : null };
}

export interface ProfileLists {
  cadres: string[];
  qualifications: string[];
}

export interface WorkerFacts {
  cadre?: string;
  qualification?: string;
  birthDate?: string | null;
}

/** Checks a worker's profile values and birth date; returns every bad field (prefix e.g. 'body.'). */
export function checkWorkerFacts(
  w: WorkerFacts,
  lists: ProfileLists,
  today: string,
  prefix = 'body.',
): FieldError[] {
  const errors: FieldError[] = [];
  if (w.cadre !== undefined && !lists.cadres.includes(w.cadre)) {
    errors.push({ field: `${prefix}cadre`, message: `must be one of ${lists.cadres.join(', ')}` });
  }
  if (w.qualification !== undefined && !lists.qualifications.includes(w.qualification)) {
    errors.push({
      field: `${prefix}qualification`,
      message: `must be one of ${lists.qualifications.join(', ')}`,
    });
  }
  if (w.birthDate) {
    if (!isIsoDate(w.birthDate)) {
      errors.push({ field: `${prefix}birthDate`, message: 'must be a real date YYYY-MM-DD' });
    } else if (w.birthDate > today) {
      errors.push({ field: `${prefix}birthDate`, message: 'must not be in the future' });
    }
  }
  return errors;
}

export const MIN_WORKING_AGE = 16;
export const MAX_WORKING_AGE = 90;

/** Checks an assignment's dates against each other and against the worker's age at the start. */
export function checkAssignmentDates(
  a: Period,
  birthDate: string | null | undefined,
  prefix = 'body.',
): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(a.startDate)) {
    errors.push({ field: `${prefix}startDate`, message: 'must be a real date YYYY-MM-DD' });
    return errors;
  }
  if (a.endDate !== null) {
    if (!isIsoDate(a.endDate))
      errors.push({ field: `${prefix}endDate`, message: 'must be a real date YYYY-MM-DD' });
    else if (a.endDate < a.startDate)
      errors.push({ field: `${prefix}endDate`, message: 'must not be before startDate' });
  }
  if (birthDate && isIsoDate(birthDate)) {
    const age = ageOn(birthDate, a.startDate);
    if (age < MIN_WORKING_AGE || age > MAX_WORKING_AGE) {
      errors.push({
        field: `${prefix}startDate`,
        message: `gives an age of ${age} at the start of the assignment; it must be between ${MIN_WORKING_AGE} and ${MAX_WORKING_AGE}`,
      });
    }
  }
  return errors;
}

/** A licence number is free text, trimmed; blank means none. */
export function normaliseLicence(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

export interface TrainingFacts {
  hours?: number | null;
  credits?: number | null;
  completedOn: string;
}

/** Training needs hours or credits (neither negative) and a completion date not in the future. */
export function checkTraining(t: TrainingFacts, today: string, prefix = 'body.'): FieldError[] {
  const errors: FieldError[] = [];
  const hours = t.hours ?? null;
  const credits = t.credits ?? null;
  if (hours === null && credits === null) {
    errors.push({ field: `${prefix}hours`, message: 'hours or credits is required' });
  }
  if (hours !== null && hours < 0) errors.push({ field: `${prefix}hours`, message: 'must not be negative' });
  if (credits !== null && credits < 0)
    errors.push({ field: `${prefix}credits`, message: 'must not be negative' });
  if (!isIsoDate(t.completedOn)) {
    errors.push({ field: `${prefix}completedOn`, message: 'must be a real date YYYY-MM-DD' });
  } else if (t.completedOn > today) {
    errors.push({ field: `${prefix}completedOn`, message: 'must not be in the future' });
  }
  return errors;
}
