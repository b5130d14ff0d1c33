import { addDays, addYears } from '../../platform/dates.ts';
import { type FigureWindows, figure, livingInAreaOn, type Period } from './figures.rules.ts';
import type { Figure } from './figures.schema.ts';

/**
 * The coverage figures' pure rules: childhood immunization by age 1 (WHO/UNICEF's BCG, DTP1, DTP3,
 * MCV1 and the DTP1-DTP3 dropout; "fully immunized" by the profile's list), counted by antigen so a
 * combination vaccine counts for each of its antigens (protocols/vaccines.json: a hexavalent dose is
 * a DTP, a polio, a HepB and a Hib dose).
 */

/**
 * Who the immunization figures of a period count: the children whose first birthday falls in the
 * period, by asOf. The query reads those born in this window (a day wider each side for 29 February); the
 * rules keep those whose birthday is in the period.
 */
export function birthWindowOf(period: Period, w: FigureWindows): { from: string; to: string } {
  return { from: addDays(addYears(period.from, -1), -1), to: addDays(addYears(w.asOf, -1), 1) };
}

/** A dose in force: the vaccine's code and the day it was given. */
export interface GivenDose {
  vaccine: string;
  date: string;
}

/**
 * The doses of each antigen given before a day: one per day however many vaccines carried it (a
 * hexavalent and a pentavalent given the same day by mistake are one DTP dose).
 */
export function antigenDosesBefore(
  doses: readonly GivenDose[],
  antigensOf: (vaccine: string) => readonly string[],
  before: string,
): Map<string, number> {
  const days = new Map<string, Set<string>>();
  for (const d of doses) {
    if (d.date >= before) continue;
    for (const antigen of antigensOf(d.vaccine)) {
      const set = days.get(antigen) ?? new Set<string>();
      set.add(d.date);
      days.set(antigen, set);
    }
  }
  return new Map([...days].map(([antigen, set]) => [antigen, set.size]));
}

/** WHO/UNICEF's coverage doses: BCG, DTP (pertussis-containing), measles-containing. */
export const COVERAGE_DOSES = {
  bcg: { antigen: 'tuberculosis', doses: 1 },
  dtp1: { antigen: 'pertussis', doses: 1 },
  dtp3: { antigen: 'pertussis', doses: 3 },
  mcv1: { antigen: 'measles', doses: 1 },
} as const;

export interface AntigenDoses {
  antigen: string;
  doses: number;
}

/** What figures.queries.ts reads of a child born in the birth window. */
export interface Child {
  residentId: string;
  birthDate: string;
  status: string;
  statusDate: string | null;
  doses: GivenDose[];
}

export interface CoverageCounts {
  cohort: number;
  bcg: number;
  dtp1: number;
  dtp3: number;
  mcv1: number;
  fullyImmunized: number;
}

/**
 * Tallies the children whose first birthday is in the period (up to asOf), alive and living in the
 * area on it, by the doses they had before it.
 */
export function coverageCounts(
  children: readonly Child[],
  period: Period,
  w: FigureWindows,
  antigensOf: (vaccine: string) => readonly string[],
  fullyImmunized: readonly AntigenDoses[],
): CoverageCounts {
  const out: CoverageCounts = { cohort: 0, bcg: 0, dtp1: 0, dtp3: 0, mcv1: 0, fullyImmunized: 0 };
  const has = (doses: Map<string, number>, need: AntigenDoses) =>
    (doses.get(need.antigen) ?? 0) >= need.doses;
  for (const c of children) {
    const birthday = addYears(c.birthDate, 1);
    if (birthday < period.from || birthday > w.asOf) continue;
    if (!livingInAreaOn(c.status, c.statusDate, birthday)) continue;
    out.cohort += 1;
    const doses = antigenDosesBefore(c.doses, antigensOf, birthday);
    if (has(doses, COVERAGE_DOSES.bcg)) out.bcg += 1;
    if (has(doses, COVERAGE_DOSES.dtp1)) out.dtp1 += 1;
    if (has(doses, COVERAGE_DOSES.dtp3)) out.dtp3 += 1;
    if (has(doses, COVERAGE_DOSES.mcv1)) out.mcv1 += 1;
    if (fullyImmunized.length > 0 && fullyImmunized.every((need) => has(doses, need)))
      out.fullyImmunized += 1;
  }
  return out;
}

/** The immunization figures; the dropout is those with DTP1 but not DTP3, over those with DTP1. */
export function coverageFigures(c: CoverageCounts, fullyImmunized: readonly AntigenDoses[]): Figure[] {
  const full = figure('immunization-fully-immunized', c.fullyImmunized, c.cohort);
  const list = fullyImmunized.map((n) => `${n.antigen} ×${n.doses}`).join(', ');
  full.definition = {
    en: `${full.definition.en} Here: ${list}.`,
    vi: `${full.definition.vi} Ở đây: ${list}.`,
    zh: `${full.definition.zh}本地为：${list}。`,
  };
  return [
    figure('immunization-bcg', c.bcg, c.cohort),
    figure('immunization-dtp1', c.dtp1, c.cohort),
    figure('immunization-dtp3', c.dtp3, c.cohort),
    figure('immunization-mcv1', c.mcv1, c.cohort),
    full,
    figure('immunization-dtp-dropout', c.dtp1 - c.dtp3, c.dtp1),
  ];
}

/** The diagnosis a yearly check of an older resident is recorded with (CONTRACTS: elderly check). */
export const GENERAL_ADULT_EXAMINATION = 'Z00.0';
export const ELDERLY_AGE = 65;

/** What figures.queries.ts reads of a resident aged 65 or more. */
export interface Elder {
  residentId: string;
  status: string;
  statusDate: string | null;
  /** A general adult examination in the last twelve months. */
  checked: boolean;
}

/** The last day one may be born on to be 65 on asOf. */
export function elderlyBornBy(w: FigureWindows): string {
  return addYears(w.asOf, -ELDERLY_AGE);
}

/** The elderly check figure: those living in the area on asOf, checked in the last twelve months. */
export function elderlyFigure(elders: readonly Elder[], w: FigureWindows): Figure {
  const living = elders.filter((e) => livingInAreaOn(e.status, e.statusDate, w.asOf));
  return figure('elderly-check', living.filter((e) => e.checked).length, living.length);
}
