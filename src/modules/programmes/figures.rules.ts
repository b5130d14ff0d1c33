import { addDays, addMonths } from '../../platform/dates.ts';
import { FIGURE_DEFINITIONS, type FigureId } from './figures.definitions.ts';
import type { Figure } from './figures.schema.ts';
import { isUncontrolled } from './priority.rules.ts';

/**
 * The programme figures' pure rules: a period as written ('2026Q4', '2026-11', '2026') to its days,
 * the windows every figure counts in, and the classification of a chronic patient by their latest
 * reading (Simple's dashboard and WHO HEARTS: ../shared/reference/programmes.md). Dates are calendar
 * dates on the profile's calendar; "today" is an argument.
 */

export const PERIOD_KINDS = ['quarter', 'month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** As written, normalised: '2026Q4', '2026-11', '2026'. */
  id: string;
  kind: PeriodKind;
  from: string;
  to: string;
}

/** How a period is written (DHIS2's quarter and year, ISO's month). */
export const PERIOD_PATTERN = '^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$';

/** The first day of the month `months` after (or before) the month of `date`. */
export function monthStart(date: string, months = 0): string {
  return addMonths(`${date.slice(0, 7)}-01`, months);
}

/**
 * The period a text names, or why not. A period that starts after today is refused (nothing is known
 * about it); one not over yet counts up to today (see `windowsOf`).
 *
 * @example parsePeriod('2026Q4', '2026-12-02') // { id: '2026Q4', kind: 'quarter', from: '2026-10-01', to: '2026-12-31' }
 */
export function parsePeriod(text: string, today: string): Period | { error: string } {
  const m = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(text.trim());
  if (!m) return { error: `${text} is not a period: write a quarter 2026Q4, a month 2026-11 or a year 2026` };
  const year = m[1]!;
  let period: Period;
  if (m[2]) {
    const from = `${year}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    period = { id: `${year}Q${m[2]}`, kind: 'quarter', from, to: addDays(monthStart(from, 3), -1) };
  } else if (m[3]) {
    const from = `${year}-${m[3]}-01`;
    period = { id: `${year}-${m[3]}`, kind: 'month', from, to: addDays(monthStart(from, 1), -1) };
  } else {
    period = { id: year, kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (period.from > today)
    return { error: `${period.id} starts after today (${today}): nothing is known yet` };
  return period;
}

export interface Window {
  from: string;
  to: string;
}

/** The days every figure of a period counts in. */
export interface FigureWindows {
  /** The period's last day, or today when the period is not over. */
  asOf: string;
  /** The period's last three calendar months up to asOf (a quarter: the quarter itself). */
  last3Months: Window;
  /** The period's last twelve calendar months up to asOf (a year: the year itself). */
  last12Months: Window;
}

/**
 * The windows of a period on a day.
 *
 * @example windowsOf({ ..., kind: 'month', from: '2026-11-01', to: '2026-11-30' }, '2026-12-02')
 * // { asOf: '2026-11-30', last3Months: { from: '2026-09-01', ... }, last12Months: { from: '2025-12-01', ... } }
 */
export function windowsOf(period: Period, today: string): FigureWindows {
  const asOf = period.to < today ? period.to : today;
  return {
    asOf,
    last3Months: { from: monthStart(period.to, -2), to: asOf },
    last12Months: { from: monthStart(period.to, -11), to: asOf },
  };
}

/** Deceased or moved away on or before asOf (a status recorded later did not hold then). */
export function livingInAreaOn(status: string, statusDate: string | null, asOf: string): boolean {
  if (status === 'active') return true;
  return statusDate !== null && statusDate > asOf;
}

/** A reading of a chronic programme: blood pressure, or one glucose/HbA1c value by its LOINC code. */
export type Reading =
  | { kind: 'bp'; systolic: number; diastolic: number; on: string }
  | { kind: 'glucose'; code: string; value: number; on: string };

export const SYSTOLIC = '8480-6';
export const DIASTOLIC = '8462-4';
export const FASTING_GLUCOSE = '1558-6';
export const RANDOM_GLUCOSE = '2339-0';
export const HBA1C = '4548-4';
/** The glucose readings, in the order one visit's are read when it has several (HbA1c says most). */
export const GLUCOSE_CODES = [HBA1C, FASTING_GLUCOSE, RANDOM_GLUCOSE] as const;

/** Below these a reading is controlled (CONTRACTS "What a visit counts for"; HEARTS). */
const GLUCOSE_TARGETS: Record<string, number> = {
  [HBA1C]: 7.0,
  [FASTING_GLUCOSE]: 7.0,
  [RANDOM_GLUCOSE]: 11.1,
};

/** Controlled: BP below 140/90; fasting glucose < 7.0 mmol/L, random < 11.1 mmol/L, HbA1c < 7.0 %. */
export function isControlled(r: Reading): boolean {
  if (r.kind === 'bp')
    return (
      isUncontrolled({
        lastSystolic: r.systolic,
        lastDiastolic: r.diastolic,
        lastBpOn: r.on,
        cardiovascularEvent: false,
      }) === false
    );
  const target = GLUCOSE_TARGETS[r.code];
  if (target === undefined) throw new Error(`isControlled: ${r.code} is not a glucose reading`);
  return r.value < target;
}

export const CARE_STATES = ['controlled', 'uncontrolled', 'visit-no-reading', 'missed-visit'] as const;
export type CareState = (typeof CARE_STATES)[number];

/**
 * A patient under care, by the latest reading in the last three months (null: none), and whether
 * they had any visit then. The four states add up to the patients under care.
 */
export function careStateOf(latest: Reading | null, visitedInLast3Months: boolean): CareState {
  if (latest) return isControlled(latest) ? 'controlled' : 'uncontrolled';
  return visitedInLast3Months ? 'visit-no-reading' : 'missed-visit';
}

/** What figures.queries.ts reads of one member of a chronic programme (every member of the area). */
export interface ChronicPatient {
  residentId: string;
  /** The earliest onset of the condition's active problems. */
  onset: string;
  status: string;
  statusDate: string | null;
  /** The latest visit on or before asOf. */
  lastVisitOn: string | null;
  /** The latest reading in the last three months (the query reads only those). */
  latest: Reading | null;
}

export interface ChronicCounts {
  registered: number;
  newlyRegistered: number;
  underCare: number;
  states: Record<CareState, number>;
  lostToFollowUp: number;
  /** Registered before the last twelve months, alive and living in the area. */
  lostToFollowUpOf: number;
}

/** Tallies one chronic programme's members (see figures.definitions.ts for each count's words). */
export function chronicCounts(
  patients: readonly ChronicPatient[],
  period: Period,
  w: FigureWindows,
): ChronicCounts {
  const out: ChronicCounts = {
    registered: 0,
    newlyRegistered: 0,
    underCare: 0,
    states: { controlled: 0, uncontrolled: 0, 'visit-no-reading': 0, 'missed-visit': 0 },
    lostToFollowUp: 0,
    lostToFollowUpOf: 0,
  };
  for (const p of patients) {
    if (p.onset > w.asOf) continue;
    if (p.onset >= period.from) out.newlyRegistered += 1;
    const living = livingInAreaOn(p.status, p.statusDate, w.asOf);
    const seenIn12 = p.lastVisitOn !== null && p.lastVisitOn >= w.last12Months.from;
    if (living && p.onset < w.last12Months.from) {
      out.lostToFollowUpOf += 1;
      if (!seenIn12) out.lostToFollowUp += 1;
    }
    if (p.onset >= w.last3Months.from) continue;
    out.registered += 1;
    if (!living || !seenIn12) continue;
    out.underCare += 1;
    const seenIn3 = p.lastVisitOn !== null && p.lastVisitOn >= w.last3Months.from;
    const latest = p.latest && p.latest.on >= w.last3Months.from ? p.latest : null;
    out.states[careStateOf(latest, seenIn3)] += 1;
  }
  return out;
}

/** The percent n of d, to one decimal (null when d is 0 or absent). */
export function percent(n: number, d: number | null): number | null {
  if (!d) return null;
  return Math.round((1000 * n) / d) / 10;
}

/** A figure of the answer, with its definition. */
export function figure(id: FigureId, count: number, denominator: number | null = null): Figure {
  const { kind, en, vi, zh } = FIGURE_DEFINITIONS[id];
  return { id, kind, count, denominator, rate: percent(count, denominator), definition: { en, vi, zh } };
}

/** A chronic programme's figures, in the order the answer lists them. */
export function chronicFigures(kind: 'hypertension' | 'diabetes', c: ChronicCounts): Figure[] {
  return [
    figure(`${kind}-registered`, c.registered),
    figure(`${kind}-new`, c.newlyRegistered),
    figure(`${kind}-under-care`, c.underCare, c.registered),
    figure(`${kind}-controlled`, c.states.controlled, c.underCare),
    figure(`${kind}-uncontrolled`, c.states.uncontrolled, c.underCare),
    figure(`${kind}-visit-no-reading`, c.states['visit-no-reading'], c.underCare),
    figure(`${kind}-missed-visit`, c.states['missed-visit'], c.underCare),
    figure(`${kind}-lost-to-follow-up`, c.lostToFollowUp, c.lostToFollowUpOf),
  ];
}
