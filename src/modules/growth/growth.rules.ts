import { daysBetween } from '../../platform/dates.ts';
import type { GrowthClass, GrowthIndicator, GrowthSex, MeasurePosition } from './growth.enums.ts';
import type { GrowthTables, LmsRow, LmsTable } from './growth.tables.ts';

/**
 * The WHO child growth standards applied to one measurement (pure: the tables and the dates are
 * arguments). The method is WHO's (Anthro, igrowup): z from the LMS parameters by Box-Cox; for the
 * weight-based indicators, beyond ±3 SD the distance is counted in the SD between 2 and 3 (the
 * "restricted application", SD23), because the LMS tails of weight are stretched; length under 731
 * days (lying), height from 731 days (standing), 0.7 cm converted when taken the other way.
 */

/** The last day of age the age tables hold (60 months). */
export const LAST_TABLE_DAY = 1826;
/** Days in a month, as WHO counts months of age for the tables (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;
/** From this age (days) a child is measured standing and judged against height tables. */
export const STANDING_FROM_DAY = 731;
/** Lying length is this much longer than standing height (WHO). */
export const LYING_MINUS_STANDING_CM = 0.7;
/**
 * The day of age of a month of age (30.4375 days each, between two rows), as WHO's monthly tables
 * read it; month 24 (day 730.5) is read at 731, the height table's first day, not between the tables.
 */
export function dayOfMonth(month: number): number {
  const day = Math.min(month * DAYS_PER_MONTH, LAST_TABLE_DAY);
  return day > STANDING_FROM_DAY - 1 && day < STANDING_FROM_DAY ? STANDING_FROM_DAY : day;
}

/** The growth page covers children under this age in years. */
export const CHILD_UNDER_YEARS = 6;

export interface Age {
  days: number;
  /** Completed calendar months. */
  months: number;
}

/** Age on a date in days and in completed calendar months (born on the 31st: a month is completed on the 31st, or on the 1st after a shorter month). */
export function ageOn(birthDate: string, on: string): Age {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let months = (oy - by) * 12 + (om - bm);
  if (od < bd) months -= 1;
  return { days: daysBetween(birthDate, on), months };
}

/** True while the resident is under six years old on the date (and born by then). */
export function isChildOn(birthDate: string, on: string): boolean {
  const age = ageOn(birthDate, on);
  return age.days >= 0 && age.months < CHILD_UNDER_YEARS * 12;
}

/** The Box-Cox z-score of a value from its L, M, S. */
export function zFromLms(value: number, [l, m, s]: LmsRow): number {
  if (Math.abs(l) < 1e-12) return Math.log(value / m) / s;
  return ((value / m) ** l - 1) / (l * s);
}

/** The value at a z-score (the SD curves). */
export function valueAtZ([l, m, s]: LmsRow, z: number): number {
  if (Math.abs(l) < 1e-12) return m * Math.exp(s * z);
  return m * (1 + l * s * z) ** (1 / l);
}

/** WHO's restricted application for weight: beyond ±3, the excess is measured in units of the 2-3 SD distance. */
export function zRestricted(value: number, lms: LmsRow): number {
  const z = zFromLms(value, lms);
  if (z > 3) {
    const sd3 = valueAtZ(lms, 3);
    return 3 + (value - sd3) / (sd3 - valueAtZ(lms, 2));
  }
  if (z < -3) {
    const sd3 = valueAtZ(lms, -3);
    return -3 + (value - sd3) / (valueAtZ(lms, -2) - sd3);
  }
  return z;
}

/** The L, M, S at `x` (a day of age, or a length in cm), linearly between the table's rows; null outside it. */
export function lmsAt(table: LmsTable, sex: GrowthSex, x: number): LmsRow | null {
  const rows = sex === 'male' ? table.boys : table.girls;
  // Rounded so that 52.3 cm lands on its row, not 1e-13 before it.
  const at = Math.round(((x - table.first) / table.step) * 1e6) / 1e6;
  if (at < 0 || at > rows.length - 1) return null;
  const i = Math.floor(at);
  const low = rows[i] as LmsRow;
  const frac = at - i;
  if (frac === 0) return low;
  const high = rows[i + 1] as LmsRow;
  return [0, 1, 2].map((k) => low[k]! + (high[k]! - low[k]!) * frac) as unknown as LmsRow;
}

export interface LengthForTables {
  /** The length (under 731 days) or height the tables are read with, in cm. */
  cm: number;
  /** How the tables expect it: lying under 731 days, standing from then. */
  as: MeasurePosition;
  /** True when 0.7 cm was added or taken off because it was measured the other way. */
  converted: boolean;
}

/** The length or height as the tables of that age expect it: +0.7 cm for a standing infant, −0.7 for a lying older child. */
export function lengthForTables(
  ageDays: number,
  cm: number,
  position: MeasurePosition | null,
): LengthForTables {
  const as: MeasurePosition = ageDays < STANDING_FROM_DAY ? 'lying' : 'standing';
  if (position === null || position === as) return { cm, as, converted: false };
  const delta = as === 'lying' ? LYING_MINUS_STANDING_CM : -LYING_MINUS_STANDING_CM;
  return { cm: Math.round((cm + delta) * 100) / 100, as, converted: true };
}

/** WHO's limits beyond which a z-score is flagged as implausible (a measurement or entry error). */
const PLAUSIBLE: Record<GrowthIndicator, readonly [number, number]> = {
  'weight-for-age': [-6, 5],
  'length-height-for-age': [-6, 6],
  'weight-for-length-height': [-5, 5],
};

/** What a z-score (rounded to two decimals) says, by WHO's cut-offs for the indicator. */
export function classify(indicator: GrowthIndicator, z: number): GrowthClass {
  const [low, high] = PLAUSIBLE[indicator];
  if (z < low || z > high) return 'implausible';
  switch (indicator) {
    case 'weight-for-age':
      return z < -3 ? 'severely_underweight' : z < -2 ? 'underweight' : 'normal';
    case 'length-height-for-age':
      return z < -3 ? 'severely_stunted' : z < -2 ? 'stunted' : z > 3 ? 'very_tall' : 'normal';
    case 'weight-for-length-height':
      if (z < -3) return 'severely_wasted';
      if (z < -2) return 'wasted';
      if (z > 3) return 'obese';
      if (z > 2) return 'overweight';
      if (z > 1) return 'possible_risk_of_overweight';
      return 'normal';
  }
}

export interface Score {
  /** Rounded to two decimals, as WHO Anthro reports it; the class is read from this rounded value. */
  z: number;
  class: GrowthClass;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function scoreOf(indicator: GrowthIndicator, z: number): Score {
  const rounded = round2(z) + 0; // + 0: never -0
  return { z: rounded, class: classify(indicator, rounded) };
}

export interface Measurement {
  date: string;
  weightKg: number | null;
  /** As measured, in cm. */
  heightCm: number | null;
  position: MeasurePosition | null;
}

export interface Assessment {
  age: Age;
  /** The length or height the tables were read with (null without one). */
  length: LengthForTables | null;
  weightForAge: Score | null;
  lengthHeightForAge: Score | null;
  /** Against weight-for-length under 731 days, weight-for-height from then; null outside 45-110 / 65-120 cm. */
  weightForLengthHeight: Score | null;
}

/** The z-scores and classes of one measurement; an indicator is null when its table does not reach (age over 60 months, length out of range). */
export function assess(tables: GrowthTables, sex: GrowthSex, birthDate: string, m: Measurement): Assessment {
  const age = ageOn(birthDate, m.date);
  const inAgeTables = age.days >= 0 && age.days <= LAST_TABLE_DAY;
  const length =
    m.heightCm === null || age.days < 0 ? null : lengthForTables(age.days, m.heightCm, m.position);

  let weightForAge: Score | null = null;
  if (m.weightKg !== null && inAgeTables) {
    const lms = lmsAt(tables.weightForAge, sex, age.days);
    if (lms) weightForAge = scoreOf('weight-for-age', zRestricted(m.weightKg, lms));
  }
  let lengthHeightForAge: Score | null = null;
  if (length && inAgeTables) {
    const lms = lmsAt(tables.lengthHeightForAge, sex, age.days);
    if (lms) lengthHeightForAge = scoreOf('length-height-for-age', zFromLms(length.cm, lms));
  }
  let weightForLengthHeight: Score | null = null;
  // WHO computes weight-for-length/height only under 60 months, as the age tables.
  if (length && m.weightKg !== null && inAgeTables) {
    const table = length.as === 'lying' ? tables.weightForLength : tables.weightForHeight;
    const lms = lmsAt(table, sex, length.cm);
    if (lms) weightForLengthHeight = scoreOf('weight-for-length-height', zRestricted(m.weightKg, lms));
  }
  return { age, length, weightForAge, lengthHeightForAge, weightForLengthHeight };
}

export interface CurvePoint {
  month: number;
  minus3: number;
  minus2: number;
  median: number;
  plus2: number;
  plus3: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function curveOf(table: LmsTable, sex: GrowthSex, lastMonth: number): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let month = 0; month <= lastMonth; month++) {
    const lms = lmsAt(table, sex, dayOfMonth(month));
    if (!lms) continue;
    points.push({
      month,
      minus3: round3(valueAtZ(lms, -3)),
      minus2: round3(valueAtZ(lms, -2)),
      median: round3(valueAtZ(lms, 0)),
      plus2: round3(valueAtZ(lms, 2)),
      plus3: round3(valueAtZ(lms, 3)),
    });
  }
  return points;
}

/** The −3, −2, 0, +2, +3 SD curves of weight-for-age and length/height-for-age, by month 0-60, for the chart. */
export function referenceCurves(
  tables: GrowthTables,
  sex: GrowthSex,
): { weightForAge: CurvePoint[]; lengthHeightForAge: CurvePoint[] } {
  return {
    weightForAge: curveOf(tables.weightForAge, sex, 60),
    lengthHeightForAge: curveOf(tables.lengthHeightForAge, sex, 60),
  };
}

export interface LengthCurvePoint {
  cm: number;
  minus3: number;
  minus2: number;
  median: number;
  plus2: number;
  plus3: number;
}

/** The −3, −2, 0, +2, +3 SD curves of a weight-for-length or weight-for-height table, every `stepCm` over its range. */
export function curveByLength(table: LmsTable, sex: GrowthSex, stepCm = 1): LengthCurvePoint[] {
  const rows = sex === 'male' ? table.boys : table.girls;
  const last = table.first + table.step * (rows.length - 1);
  const points: LengthCurvePoint[] = [];
  for (let i = 0; table.first + i * stepCm <= last + 1e-9; i++) {
    const cm = Math.round((table.first + i * stepCm) * 10) / 10;
    const lms = lmsAt(table, sex, cm);
    if (!lms) continue;
    points.push({
      cm,
      minus3: round3(valueAtZ(lms, -3)),
      minus2: round3(valueAtZ(lms, -2)),
      median: round3(valueAtZ(lms, 0)),
      plus2: round3(valueAtZ(lms, 2)),
      plus3: round3(valueAtZ(lms, 3)),
    });
  }
  return points;
}
