import { addDays, daysBetween } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { PregnancyOutcome } from '../programmes/facts.ts';
import type { DatedBy } from './pregnancies.enums.ts';

/**
 * A pregnancy's dating and outcome, pure: today (the profile's) and the stored episodes are
 * arguments. Dates are 'YYYY-MM-DD'; a gestational age is counted in days from the LMP (the one the
 * dating implies when the EDD came from an ultrasound: EDD − 280 days).
 */

/** Naegele: the expected delivery date is 280 days (40 weeks) after the LMP. */
export const TERM_DAYS = 280;
/** No pregnancy lasts longer: an open one dated further back, or an outcome later, is an error of dating. */
export const MAX_GESTATION_DAYS = 44 * 7;
/** WHO (ICD-10 perinatal period): from 22 completed weeks a fetal death is a stillbirth, before it a miscarriage. */
export const STILLBIRTH_FROM_DAYS = 22 * 7;

export interface GestationalAge {
  weeks: number;
  days: number;
}

/** An ultrasound dating: the scan's date and the gestational age it measured. */
export interface UltrasoundDating {
  date: string;
  weeks: number;
  days: number;
}

export interface Dating {
  lmp?: string | null;
  ultrasound?: UltrasoundDating | null;
}

export const daysOfAge = (ga: GestationalAge) => ga.weeks * 7 + ga.days;

export function eddFromLmp(lmp: string): string {
  return addDays(lmp, TERM_DAYS);
}

export function eddFromUltrasound(u: UltrasoundDating): string {
  return addDays(u.date, TERM_DAYS - daysOfAge(u));
}

/** The day the dating counts the pregnancy from (the LMP, or the one an ultrasound's EDD implies). */
export function startOf(edd: string): string {
  return addDays(edd, -TERM_DAYS);
}

/** The gestational age on a date, from the EDD in force; null before the pregnancy's start. */
export function gestationalAgeOn(edd: string, date: string): GestationalAge | null {
  const days = TERM_DAYS - daysBetween(date, edd);
  if (days < 0) return null;
  return { weeks: Math.floor(days / 7), days: days % 7 };
}

/**
 * ACOG's redating rule (Committee Opinion 700): with both an LMP and an ultrasound, the ultrasound's
 * date is kept when the two differ by more than the scan's margin at its gestational age; otherwise the LMP.
 */
const REDATE_AFTER: readonly [beforeDays: number, moreThanDays: number][] = [
  [9 * 7, 5],
  [14 * 7, 7],
  [16 * 7, 7],
  [22 * 7, 10],
  [28 * 7, 14],
  [Number.POSITIVE_INFINITY, 21],
];

export function redatesByUltrasound(lmp: string, u: UltrasoundDating): boolean {
  const gaDays = daysOfAge(u);
  const margin = REDATE_AFTER.find(([before]) => gaDays < before)![1];
  return Math.abs(daysBetween(eddFromLmp(lmp), eddFromUltrasound(u))) > margin;
}

/** The EDD and what it was computed from: the LMP alone, the ultrasound alone, or ACOG's choice of the two. */
export function datingOf(d: Dating): { edd: string; datedBy: DatedBy } | null {
  const lmp = d.lmp ?? null;
  const u = d.ultrasound ?? null;
  if (lmp && u)
    return redatesByUltrasound(lmp, u)
      ? { edd: eddFromUltrasound(u), datedBy: 'ultrasound' }
      : { edd: eddFromLmp(lmp), datedBy: 'lmp' };
  if (lmp) return { edd: eddFromLmp(lmp), datedBy: 'lmp' };
  if (u) return { edd: eddFromUltrasound(u), datedBy: 'ultrasound' };
  return null;
}

export interface DatingContext {
  today: string;
  /** True for an episode without an outcome: its start must be within 44 weeks of today. */
  open: boolean;
  /** The latest outcome date of the resident's other pregnancies: a new one starts after it. */
  previousOutcomeDate?: string | null;
}

/**
 * The field errors of a dating, named under `prefix`: neither an LMP nor an ultrasound; an LMP or a
 * scan after today; a scan before the LMP; an open pregnancy counted from more than 44 weeks ago; a
 * start on or before the previous pregnancy's outcome. Empty when it may be stored.
 */
export function checkDating(d: Dating, on: DatingContext, prefix = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  const lmp = d.lmp ?? null;
  const u = d.ultrasound ?? null;
  if (!lmp && !u)
    return [
      { field: `${prefix}.lmp`, message: 'give the last menstrual period, an ultrasound dating, or both' },
    ];
  const oldest = addDays(on.today, -MAX_GESTATION_DAYS);
  if (lmp && lmp > on.today)
    errors.push({ field: `${prefix}.lmp`, message: `must not be after today (${on.today})` });
  else if (lmp && on.open && lmp < oldest)
    errors.push({
      field: `${prefix}.lmp`,
      message: `is more than 44 weeks ago (before ${oldest}): record the outcome of a pregnancy that ended, or check the date`,
    });
  if (u) {
    const scanStart = addDays(u.date, -daysOfAge(u));
    if (u.date > on.today)
      errors.push({ field: `${prefix}.ultrasound.date`, message: `must not be after today (${on.today})` });
    else if (lmp && u.date < lmp)
      errors.push({ field: `${prefix}.ultrasound.date`, message: `must not be before the LMP (${lmp})` });
    else if (on.open && scanStart < oldest)
      errors.push({
        field: `${prefix}.ultrasound`,
        message: `dates the pregnancy from ${scanStart}, more than 44 weeks ago: check the scan's date and gestational age`,
      });
  }
  const dated = datingOf(d);
  if (errors.length === 0 && dated && on.previousOutcomeDate) {
    const start = startOf(dated.edd);
    if (start <= on.previousOutcomeDate)
      errors.push({
        field: dated.datedBy === 'lmp' ? `${prefix}.lmp` : `${prefix}.ultrasound`,
        message: `the pregnancy would start on ${start}, not after the previous pregnancy's outcome (${on.previousOutcomeDate})`,
      });
  }
  return errors;
}

export interface OutcomeInput {
  outcome: PregnancyOutcome;
  date: string;
}

/**
 * The field errors of an outcome, named under `prefix`: a date after today, on or before the
 * pregnancy's start, more than 44 weeks after it; a stillbirth before 22 weeks (a miscarriage) or a
 * miscarriage from 22 weeks (a stillbirth).
 */
export function checkOutcome(o: OutcomeInput, edd: string, today: string, prefix = 'body'): FieldError[] {
  const start = startOf(edd);
  if (o.date > today) return [{ field: `${prefix}.date`, message: `must not be after today (${today})` }];
  if (o.date <= start)
    return [{ field: `${prefix}.date`, message: `must be after the pregnancy's LMP (${start})` }];
  const days = daysBetween(start, o.date);
  if (days > MAX_GESTATION_DAYS)
    return [
      {
        field: `${prefix}.date`,
        message: `is more than 44 weeks after the LMP (${start}): correct the pregnancy's dating first`,
      },
    ];
  if (o.outcome === 'stillbirth' && days < STILLBIRTH_FROM_DAYS)
    return [
      { field: `${prefix}.outcome`, message: 'a loss before 22 weeks is a miscarriage, not a stillbirth' },
    ];
  if (o.outcome === 'miscarriage' && days >= STILLBIRTH_FROM_DAYS)
    return [
      { field: `${prefix}.outcome`, message: 'a loss from 22 weeks is a stillbirth, not a miscarriage' },
    ];
  return [];
}

/** What the resident's record must hold for a new pregnancy: a woman whose record is active. */
export type PregnancyRefusal = 'resident_not_active' | 'resident_not_female' | null;

export function refusalFor(resident: {
  active: boolean;
  status: string;
  sex: string | null;
}): PregnancyRefusal {
  if (!resident.active || resident.status !== 'active') return 'resident_not_active';
  if (resident.sex !== 'female') return 'resident_not_female';
  return null;
}

/** An amendment corrects the episode or retracts it: exactly one of the two, and a correction changes something. */
export function checkAmendment(body: { retract?: true; correct?: Record<string, unknown> }): FieldError[] {
  if (body.retract && body.correct !== undefined)
    return [{ field: 'body.correct', message: 'give retract: true or correct, not both' }];
  if (!body.retract && body.correct === undefined)
    return [{ field: 'body.retract', message: 'give retract: true, or correct: the corrected values' }];
  if (body.correct && Object.keys(body.correct).length === 0)
    return [{ field: 'body.correct', message: 'name at least one of lmp, ultrasound, outcome' }];
  return [];
}
