import { addDays, daysBetween, isIsoDate, isoWeekday } from '../../platform/dates.ts';

export { addDays, daysBetween, isIsoDate, isoWeekday };

import type { FieldError } from '../../platform/http/errors.ts';
import type { RotationSession } from './rotations.enums.ts';

/**
 * Rotation rules as pure functions of plain data. A rotation puts a worker at a host facility on given
 * ISO weekdays (1 = Monday ... 7 = Sunday) within a period, and on listed dates, for a session
 * (morning, afternoon or the whole day). Dates are 'YYYY-MM-DD' strings.
 */

export interface RotationPlan {
  id: string;
  startDate: string;
  endDate: string;
  weekdays: number[];
  dates: string[];
  session: RotationSession;
}

export interface Clash {
  rotationId: string;
  date: string;
  session: RotationSession;
}

/** The later of two ISO dates (they compare as strings; Math.max would not). */
export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** The earlier of two ISO dates. */
export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}

/** Morning and afternoon are apart; a whole day overlaps both; a session overlaps itself. */
export function sessionsOverlap(a: RotationSession, b: RotationSession): boolean {
  return a === b || a === 'day' || b === 'day';
}

/**
 * The days a rotation has a session within [from, to], sorted: each weekday of the pattern inside the
 * period, plus the listed dates inside the period.
 *
 * @example sessionDays({startDate:'2026-12-01', endDate:'2026-12-31', weekdays:[2], dates:[], ...}, '2026-12-01', '2026-12-10')
 *   // => ['2026-12-01', '2026-12-08'] (Tuesdays)
 */
export function sessionDays(r: Omit<RotationPlan, 'id' | 'session'>, from: string, to: string): string[] {
  const lo = laterDate(r.startDate, from);
  const hi = earlierDate(r.endDate, to);
  if (lo > hi) return [];
  const days = new Set<string>();
  if (r.weekdays.length > 0) {
    const wanted = new Set(r.weekdays);
    for (let d = lo; d <= hi; d = addDays(d, 1)) if (wanted.has(isoWeekday(d))) days.add(d);
  }
  for (const d of r.dates) if (d >= lo && d <= hi) days.add(d);
  return [...days].sort();
}

/**
 * The earliest day on which the candidate and one of the worker's other rotations both have sessions
 * that overlap, or null. Ties go to the first rotation in `existing`. The candidate itself (same id)
 * is skipped, so an update can be checked against the worker's current rotations.
 */
export function findClash(candidate: RotationPlan, existing: RotationPlan[]): Clash | null {
  let best: Clash | null = null;
  for (const other of existing) {
    if (other.id === candidate.id || !sessionsOverlap(candidate.session, other.session)) continue;
    const from = laterDate(candidate.startDate, other.startDate);
    const to = earlierDate(candidate.endDate, other.endDate);
    if (from > to) continue;
    const theirs = new Set(sessionDays(other, from, to));
    const common = sessionDays(candidate, from, to).find((d) => theirs.has(d));
    if (common && (!best || common < best.date)) {
      best = { rotationId: other.id, date: common, session: other.session };
    }
  }
  return best;
}

export interface RotationInput {
  startDate: string;
  endDate: string;
  weekdays: number[];
  dates: string[];
  hostFacilityId: string;
  homeFacilityId: string;
}

/** Checks a rotation's own data; returns every bad field (prefix e.g. 'body.'). */
export function checkRotation(r: RotationInput, prefix = 'body.'): FieldError[] {
  const errors: FieldError[] = [];
  const datesOk = isIsoDate(r.startDate) && isIsoDate(r.endDate);
  if (!isIsoDate(r.startDate))
    errors.push({ field: `${prefix}startDate`, message: 'must be a real date YYYY-MM-DD' });
  if (!isIsoDate(r.endDate))
    errors.push({ field: `${prefix}endDate`, message: 'must be a real date YYYY-MM-DD' });
  if (datesOk && r.endDate < r.startDate) {
    errors.push({ field: `${prefix}endDate`, message: 'must not be before startDate' });
  } else if (datesOk && r.endDate >= addYears(r.startDate, 1)) {
    errors.push({
      field: `${prefix}endDate`,
      message: 'a rotation lasts at most one year: plan the next one separately',
    });
  }
  if (r.weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) {
    errors.push({ field: `${prefix}weekdays`, message: 'must be ISO weekdays 1 (Monday) to 7 (Sunday)' });
  } else if (new Set(r.weekdays).size !== r.weekdays.length) {
    errors.push({ field: `${prefix}weekdays`, message: 'must not repeat a weekday' });
  }
  if (r.weekdays.length === 0 && r.dates.length === 0) {
    errors.push({ field: `${prefix}weekdays`, message: 'give at least one weekday or one date' });
  }
  const badDate = r.dates.find((d) => !isIsoDate(d));
  if (badDate) {
    errors.push({ field: `${prefix}dates`, message: `${badDate} is not a real date YYYY-MM-DD` });
  } else if (datesOk) {
    const outside = r.dates.find((d) => d < r.startDate || d > r.endDate);
    if (outside)
      errors.push({
        field: `${prefix}dates`,
        message: `${outside} is outside the period ${r.startDate} to ${r.endDate}`,
      });
  }
  if (r.hostFacilityId === r.homeFacilityId) {
    errors.push({
      field: `${prefix}hostFacilityId`,
      message: 'the host facility must differ from the home facility',
    });
  }
  return errors;
}

/** The same day a year later (29 February goes to 1 March). */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export type HomeCheck = { ok: true; homeFacilityId: string } | { ok: false; message: string };

/**
 * The home facility of a rotation: the worker must be assigned there on the start date. With none
 * given, it is the facility of the worker's assignment on the start date.
 */
export function resolveHome(
  given: string | undefined,
  assignmentOnStart: { facilityId: string } | undefined,
  startDate: string,
): HomeCheck {
  if (!assignmentOnStart) {
    return {
      ok: false,
      message: `the worker has no assignment on ${startDate}: assign them to their home facility first`,
    };
  }
  if (given && given !== assignmentOnStart.facilityId) {
    return { ok: false, message: `the worker is not assigned to this home facility on ${startDate}` };
  }
  return { ok: true, homeFacilityId: assignmentOnStart.facilityId };
}
