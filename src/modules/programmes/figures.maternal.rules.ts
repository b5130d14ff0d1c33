import { daysBetween } from '../../platform/dates.ts';
import { startOf } from '../pregnancies/index.ts';
import { type FigureWindows, figure, type Period } from './figures.rules.ts';
import type { Figure } from './figures.schema.ts';

/**
 * The maternal figures' pure rules, on the contacts the visit-schedule files count
 * (protocols/programmes/*-antenatal.json, *-postnatal.json; CONTRACTS "What a visit counts for"): an
 * antenatal contact is a visit in the pregnancy with Z34/Z35/Z36 or a gestational age (11884-4) or
 * fundal height (11881-0); a postnatal contact is a visit with Z39 from the outcome's day.
 */

/** Antenatal diagnoses (ICD-10 categories) and observations that make a visit a contact. */
export const ANTENATAL_CATEGORIES = ['Z34', 'Z35', 'Z36'] as const;
export const ANTENATAL_OBSERVATIONS = ['11884-4', '11881-0'] as const;
export const POSTNATAL_CATEGORIES = ['Z39'] as const;
/** The first trimester: gestational days 0 to 97 (to 13 weeks 6 days, as vn-antenatal.json's first visit). */
export const FIRST_TRIMESTER_DAYS = 14 * 7;
/** WHO's postnatal contact "within a week": days 0 to 7 after the birth (the files' pnc-home window). */
export const POSTNATAL_WEEK_DAYS = 7;
/** How far back before the outcome the query reads contacts: no pregnancy lasts longer (44 weeks). */
export const LONGEST_PREGNANCY_DAYS = 44 * 7;

/** What figures.queries.ts reads of a pregnancy that ended in a birth in the period. */
export interface Birth {
  pregnancyId: string;
  edd: string;
  outcome: 'live-birth' | 'stillbirth';
  outcomeDate: string;
  /** Days with an antenatal contact in the 44 weeks up to the outcome (the rules keep the pregnancy's). */
  antenatalDays: string[];
  /** Days with a postnatal contact from the outcome's day to a week after. */
  postnatalDays: string[];
}

export interface MaternalCounts {
  liveBirths: number;
  firstTrimester: number;
  fourContacts: number;
  births: number;
  postnatalWeek: number;
}

/** Tallies the births whose outcome is in the period, by asOf. */
export function maternalCounts(births: readonly Birth[], period: Period, w: FigureWindows): MaternalCounts {
  const out: MaternalCounts = {
    liveBirths: 0,
    firstTrimester: 0,
    fourContacts: 0,
    births: 0,
    postnatalWeek: 0,
  };
  for (const b of births) {
    if (b.outcomeDate < period.from || b.outcomeDate > w.asOf) continue;
    out.births += 1;
    const after = b.postnatalDays.filter((d) => {
      const n = daysBetween(b.outcomeDate, d);
      return n >= 0 && n <= POSTNATAL_WEEK_DAYS;
    });
    if (after.length > 0) out.postnatalWeek += 1;
    if (b.outcome !== 'live-birth') continue;
    out.liveBirths += 1;
    const start = startOf(b.edd);
    const contacts = [...new Set(b.antenatalDays)].filter((d) => d >= start && d <= b.outcomeDate);
    if (contacts.some((d) => daysBetween(start, d) < FIRST_TRIMESTER_DAYS)) out.firstTrimester += 1;
    if (contacts.length >= 4) out.fourContacts += 1;
  }
  return out;
}

export function maternalFigures(c: MaternalCounts): Figure[] {
  return [
    figure('antenatal-first-trimester', c.firstTrimester, c.liveBirths),
    figure('antenatal-four-contacts', c.fourContacts, c.liveBirths),
    figure('postnatal-within-week', c.postnatalWeek, c.births),
  ];
}
