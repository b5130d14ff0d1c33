import { vaccines } from '../modules/immunizations/vaccines.ts';
import { addDays, daysBetween } from '../platform/dates.ts';
import type { DemoVisit } from './generate-visits.ts';
import type { Rng } from './random.ts';

/**
 * The demo's care programme records (issue 22), pure and seeded: children's vaccination booklets,
 * pregnancies, and the visits that make the worklists realistic. Children under 6 get the demo's
 * schedule (generate-programmes.schedules.ts): most on time, some late or dropping out (overdue
 * today), a few doses given too early (the engine flags them and the dose stays due), some given
 * elsewhere (recorded from the booklet). Pregnancies are those the visits plan already follows
 * (their antenatal check-ups carry the gestational age) plus a few more at the demo station, open
 * ones overdue for a contact and closed ones with a birth and a postnatal visit. At the demo
 * station, a few hypertensive patients stopped coming 45-330 days ago after a reading of 180/110 or
 * more (high risk, first on the list), a few controlled ones more than a year ago (last), and half
 * the residents over 65 had their yearly check this year. The new visits carry no prescriptions:
 * the stock demo accounts only for the visits plan's dispensings.
 */

/** One dose of the schedule, as a punctual child gets it. */
export interface ImmunizationSlot {
  /** The schedule item ('penta-2'). */
  item: string;
  /** A code of protocols/vaccines.json. */
  vaccine: string;
  /** The age a punctual child gets it at. */
  ageDays: number;
  minAgeDays: number;
  /** The series' previous item, whose dose this one must follow by `minIntervalDays`. */
  after: string | null;
  minIntervalDays: number;
  /**
   * Older versions of the schedule, newest first: a dose given before `before` is judged by the older
   * version (as the engine judges it: the version in force on the day given), with its ages, or not on
   * that schedule (null). China's DTaP moved from 3, 4, 5 to 2, 4, 6 months in 2025; Vietnam's second
   * IPV came in August 2024.
   */
  earlier?: { before: string; ages: { ageDays: number; minAgeDays: number } | null }[];
}

/** The slot's ages for a dose given on `date` (the version in force that day), or null: not on that schedule. */
export function agesFor(s: ImmunizationSlot, date: string): { ageDays: number; minAgeDays: number } | null {
  let ages: { ageDays: number; minAgeDays: number } | null = { ageDays: s.ageDays, minAgeDays: s.minAgeDays };
  for (const e of s.earlier ?? []) {
    if (date >= e.before) break;
    ages = e.ages;
    if (!ages) break;
  }
  return ages;
}

export interface ProgrammeWords {
  /** Where doses given elsewhere were given (written in the booklet). */
  elsewhere: string[];
  postnatal: string;
  elderlyCheck: string;
  hypertension: string;
  pregnancy: string;
  /** A child health check (growth monitoring). */
  childCheck: string;
}

/** A child health check's window, as the profile's child-health programme gives it for one child. */
export interface ChildCheckWindow {
  from: string;
  /** Late from this date. */
  until: string;
}

export interface DemoProgrammeResident {
  code: string;
  sex: string;
  /** 'YYYY-MM-DD' or 'YYYY' (a year alone: nothing age-based is planned). */
  birthDate: string;
  facilityCode: string;
}

export interface ProgrammePlanInput {
  residents: Iterable<DemoProgrammeResident>;
  /** The demo station(s): pregnancies, lapsed patients and elderly checks are planned there. */
  denseFacilities: ReadonlySet<string>;
  today: string;
  schedule: readonly ImmunizationSlot[];
  words: ProgrammeWords;
  /** The visits plan (generate-visits.ts): its antenatal check-ups and chronic patients. */
  visits: readonly DemoVisit[];
  serviceCode: (index: string) => string;
  /**
   * The child health checks a child born on a date is due (the profile's child-health programme): at
   * the demo station, the checks of the last year are planned, most in their window, some children
   * late (overdue today) or not brought. None when absent.
   */
  childChecks?: (birthDate: string) => readonly ChildCheckWindow[];
}

/** Why a dose was planned too early on purpose (the engine should find the same). */
export const EARLY_DOSE_FLAWS = ['below-minimum-age', 'under-minimum-interval'] as const;

export interface DemoDose {
  id: string;
  residentCode: string;
  vaccine: string;
  date: string;
  /** The schedule item it was meant for, and its number in the vaccine's doses. */
  item: string;
  doseNumber: number;
  givenElsewhere: boolean;
  place: string | null;
  early: (typeof EARLY_DOSE_FLAWS)[number] | null;
}

export interface DemoPregnancy {
  id: string;
  residentCode: string;
  lmp: string;
  edd: string;
  outcome: 'live-birth' | null;
  outcomeDate: string | null;
}

export interface ProgrammePlan {
  doses: DemoDose[];
  pregnancies: DemoPregnancy[];
  /** Antenatal, postnatal, lapsed hypertension and elderly-check visits, for the encounters bulk path. */
  visits: DemoVisit[];
}

/** A UUID v7 for the demo: its time from the record's date, the rest from the seeded stream. */
export function demoRecordId(rng: Rng, date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + rng.int(0, 86_399_999);
  const time = ms.toString(16).padStart(12, '0');
  const hex = () => rng.nextUint32().toString(16).padStart(8, '0');
  const rand = `${hex()}${hex()}${hex()}`;
  const variant = ((Number.parseInt(rand[3] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(4, 7)}-${rand.slice(7, 19)}`;
}

const SIX_YEARS = 6 * 365 + 1;
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** A child's booklet: sessions by the schedule's ages, each after its series' previous dose. */
function planBooklet(
  r: Rng,
  child: DemoProgrammeResident,
  input: ProgrammePlanInput,
  dense: boolean,
): DemoDose[] {
  const { today } = input;
  const birth = child.birthDate;
  // Punctual most; late children lag and stop some weeks ago (overdue today); dropouts stop after a few doses.
  const habit = r.weightedPick([
    ['punctual', 70],
    ['late', 20],
    ['dropout', 10],
  ] as const);
  const lastSession = habit === 'punctual' ? today : addDays(today, -r.int(20, 200));
  const maxSessions = habit === 'dropout' ? r.int(2, 5) : Number.POSITIVE_INFINITY;
  const earlyChance = dense ? 0.08 : 0.03;
  const doses: DemoDose[] = [];
  const given = new Map<string, string>();
  const counts = new Map<string, number>();
  let lastLive: string | null = null;
  let lag = 0;
  let sessions = 0;
  const ages = [...new Set(input.schedule.map((s) => s.ageDays))].sort((a, b) => a - b);
  for (const age of ages) {
    if (sessions >= maxSessions) break;
    const slots = input.schedule.filter((s) => s.ageDays === age);
    lag += habit === 'late' ? r.int(5, 40) : r.int(0, 6);
    let date = addDays(birth, age + lag);
    const onSchedule = slots.filter((s) => agesFor(s, date) !== null);
    for (const s of onSchedule) {
      const ageDays = agesFor(s, date)?.ageDays ?? s.ageDays;
      date = maxDate(date, addDays(birth, ageDays + (age === 0 ? 0 : r.int(0, 2))));
      const prev = s.after ? given.get(s.after) : undefined;
      if (s.after && !prev) continue;
      if (prev) date = maxDate(date, addDays(prev, s.minIntervalDays));
    }
    if (onSchedule.length === 0) continue;
    const live = onSchedule.some((s) => VACCINES_LIVE_INJECTABLE.has(s.vaccine));
    if (live && lastLive && daysBetween(lastLive, date) < 28) date = addDays(lastLive, 28);
    if (date > lastSession || date > today) break;
    sessions++;
    // A birth dose is given where the child was born; later ones sometimes at a hospital or a private clinic.
    const elsewhere = age === 0 ? r.chance(0.6) : r.chance(0.08);
    const place = elsewhere ? r.pick(input.words.elsewhere) : null;
    for (const s of onSchedule) {
      const prev = s.after ? given.get(s.after) : undefined;
      if (s.after && !prev) continue;
      const minAgeDays = agesFor(s, date)?.minAgeDays ?? s.minAgeDays;
      let doseDate = date;
      let early: DemoDose['early'] = null;
      // Too early on purpose: under the series' interval, or (a first dose) under the minimum age.
      if (age > 0 && !elsewhere && r.chance(earlyChance)) {
        if (prev && s.minIntervalDays >= 28) {
          doseDate = addDays(prev, s.minIntervalDays - r.int(4, 10));
          early = 'under-minimum-interval';
        } else if (!prev && minAgeDays >= 42 && !VACCINES_LIVE_INJECTABLE.has(s.vaccine)) {
          doseDate = addDays(birth, minAgeDays - r.int(4, 10));
          early = 'below-minimum-age';
        }
      }
      const n = (counts.get(s.vaccine) ?? 0) + 1;
      counts.set(s.vaccine, n);
      doses.push({
        id: demoRecordId(r, doseDate),
        residentCode: child.code,
        vaccine: s.vaccine,
        date: doseDate,
        item: s.item,
        doseNumber: n,
        givenElsewhere: elsewhere,
        place,
        early,
      });
      // The early dose does not count; half the children got it again later (recorded), the rest are still due.
      if (early) {
        const again = addDays(maxDate(date, addDays(doseDate, 28)), r.int(0, 20));
        if (r.chance(0.5) && again <= lastSession && again <= today) {
          counts.set(s.vaccine, n + 1);
          doses.push({
            id: demoRecordId(r, again),
            residentCode: child.code,
            vaccine: s.vaccine,
            date: again,
            item: s.item,
            doseNumber: n + 1,
            givenElsewhere: false,
            place: null,
            early: null,
          });
          given.set(s.item, again);
        }
        continue;
      }
      given.set(s.item, doseDate);
    }
    if (live) lastLive = date;
  }
  return doses;
}

/** Vaccines whose doses must be given together or 28 days apart (protocols/vaccines.json: live injectable). */
const VACCINES_LIVE_INJECTABLE = new Set(
  [...vaccines().values()].filter((v) => v.live === 'injectable').map((v) => v.code),
);

/** A plausible weight (kg) at an age in days: near the WHO medians, boys a little heavier. */
function weightAt(r: Rng, ageDays: number, sex: string): number {
  const m = ageDays / 30.4;
  const median =
    m <= 3
      ? 3.3 + 0.95 * m
      : m <= 12
        ? 6.2 + 0.4 * (m - 3)
        : m <= 24
          ? 9.8 + 0.2 * (m - 12)
          : 12.2 + 0.17 * (m - 24);
  return Math.round(median * (sex === 'male' ? 1.03 : 0.97) * r.float(0.88, 1.12) * 10) / 10;
}

/** The child health checks of the last year: most in their window, some children late or not brought. */
function planChildChecks(r: Rng, child: DemoProgrammeResident, input: ProgrammePlanInput): DemoVisit[] {
  const { today } = input;
  const habit = r.weightedPick([
    ['brought', 75],
    ['late', 15],
    ['not-brought', 10],
  ] as const);
  if (habit === 'not-brought') return [];
  // A late child stopped coming some weeks ago: its current check is overdue today.
  const lastVisit = habit === 'brought' ? today : addDays(today, -r.int(20, 120));
  const since = addDays(today, -365);
  const out: DemoVisit[] = [];
  for (const w of input.childChecks?.(child.birthDate) ?? []) {
    if (w.until <= since || w.from > today) continue;
    const from = maxDate(w.from, since);
    const date = addDays(from, r.int(0, Math.max(1, daysBetween(from, w.until)) - 1));
    if (date > lastVisit || date > today || date < child.birthDate) continue;
    if (r.chance(0.08)) continue; // a check missed now and then
    const minute = r.int(7 * 60 + 30, 11 * 60);
    out.push({
      id: demoRecordId(r, date),
      residentCode: child.code,
      facilityCode: child.facilityCode,
      kind: 'station-visit',
      date,
      minute,
      reason: input.words.childCheck,
      observations: [{ code: '29463-7', value: weightAt(r, daysBetween(child.birthDate, date), child.sex) }],
      diagnoses: [{ code: 'Z00.1', role: 'main' }],
      prescriptions: [],
      services: [{ serviceCode: input.serviceCode('0001') }],
    });
  }
  return out;
}

const GESTATION = '11884-4';
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

export function planProgrammes(rng: Rng, input: ProgrammePlanInput): ProgrammePlan {
  const { today, words } = input;
  const year = today.slice(0, 4);
  const doses: DemoDose[] = [];
  const pregnancies: DemoPregnancy[] = [];
  const visits: DemoVisit[] = [];

  // What the visits plan already says: whose pregnancies it follows (first check-up's gestational age), who is chronic.
  const firstCheck = new Map<string, { date: string; week: number }>();
  const chronic = new Set<string>();
  const lastVisit = new Map<string, string>();
  for (const v of input.visits) {
    if (v.diagnoses.some((d) => d.code === 'I10' || d.code === 'E11.9')) chronic.add(v.residentCode);
    const week = v.observations.find((o) => o.code === GESTATION)?.value;
    if (week !== undefined && !firstCheck.has(v.residentCode))
      firstCheck.set(v.residentCode, { date: v.date, week });
    if ((lastVisit.get(v.residentCode) ?? '') < v.date) lastVisit.set(v.residentCode, v.date);
  }

  const visit = (r: Rng, person: DemoProgrammeResident, date: string, reason: string): DemoVisit => {
    const minute = r.int(7 * 60, 16 * 60);
    return {
      id: demoRecordId(r, date),
      residentCode: person.code,
      facilityCode: person.facilityCode,
      kind: 'station-visit',
      date,
      minute,
      reason,
      observations: [],
      diagnoses: [],
      prescriptions: [],
      services: [{ serviceCode: input.serviceCode('0001') }],
    };
  };
  const bp = (v: DemoVisit, systolic: number, diastolic: number) =>
    v.observations.push(
      { code: SYSTOLIC, value: Math.round(systolic) },
      { code: DIASTOLIC, value: Math.round(diastolic) },
    );
  const pregnancy = (r: Rng, person: DemoProgrammeResident, lmp: string) => {
    const edd = addDays(lmp, 280);
    const born = addDays(edd, r.int(-14, 7));
    const closed = born <= addDays(today, -2);
    const p: DemoPregnancy = {
      id: demoRecordId(r, minDate(addDays(lmp, 56), today)),
      residentCode: person.code,
      lmp,
      edd,
      outcome: closed ? 'live-birth' : null,
      outcomeDate: closed ? born : null,
    };
    pregnancies.push(p);
    // A postnatal visit within the first week (most), at the station.
    if (closed && r.chance(0.8)) {
      const date = addDays(born, r.int(2, 7));
      if (date <= today) {
        const v = visit(r, person, date, words.postnatal);
        v.kind = 'home-visit';
        bp(v, r.int(100, 130), r.int(60, 84));
        v.diagnoses.push({ code: 'Z39.2', role: 'main' });
        visits.push(v);
      }
    }
  };

  for (const person of input.residents) {
    const r = rng.fork(person.code);
    const dense = input.denseFacilities.has(person.facilityCode);
    const fullDate = person.birthDate.length === 10;
    const ageDays = fullDate ? daysBetween(person.birthDate, today) : null;
    const age = Number(year) - Number(person.birthDate.slice(0, 4));

    if (ageDays !== null && ageDays >= 0 && ageDays < SIX_YEARS)
      doses.push(...planBooklet(r, person, input, dense));
    // Its own stream: the checks move nothing of the plan before them.
    if (dense && ageDays !== null && ageDays >= 0 && ageDays < SIX_YEARS && input.childChecks)
      visits.push(...planChildChecks(rng.fork(`${person.code}:checks`), person, input));

    if (!dense) continue;
    const checked = firstCheck.get(person.code);
    if (checked) {
      pregnancy(r, person, addDays(checked.date, -checked.week * 7 - r.int(0, 4)));
    } else if (person.sex === 'female' && age >= 18 && age <= 45 && r.chance(0.012)) {
      // A pregnancy of the last nine months the visits plan does not follow: a first check-up or none.
      const lmp = addDays(today, -r.int(30, 270));
      pregnancy(r, person, lmp);
      const weeks = daysBetween(lmp, today) / 7;
      if (weeks > 13 && r.chance(0.6)) {
        const week = r.int(9, 13);
        const v = visit(r, person, addDays(lmp, week * 7), words.pregnancy);
        v.observations.push({ code: GESTATION, value: week });
        bp(v, r.int(100, 126), r.int(60, 80));
        v.diagnoses.push({ code: 'Z34.9', role: 'main' });
        visits.push(v);
      }
    }

    if (age >= 45 && age <= 80 && !chronic.has(person.code)) {
      const lapse = r.next();
      if (lapse < 0.015) {
        // Stopped coming 45-330 days ago, the last reading 180/110 or more: high risk, overdue.
        const stop = addDays(today, -r.int(45, 330));
        let d = addDays(stop, -r.int(300, 420));
        let systolic = r.float(150, 172);
        for (; d < stop; d = addDays(d, 30 + r.int(-3, 3))) {
          const v = visit(r, person, d, words.hypertension);
          systolic = Math.max(140, systolic + r.normal() * 5);
          bp(v, systolic, systolic * r.float(0.58, 0.62));
          v.diagnoses.push({ code: 'I10', role: 'main' });
          visits.push(v);
        }
        const last = visit(r, person, stop, words.hypertension);
        bp(last, r.int(181, 200), r.int(111, 120));
        last.diagnoses.push({ code: 'I10', role: 'main' });
        visits.push(last);
      } else if (lapse < 0.028) {
        // Controlled, then gone for more than a year: last on the list.
        const stop = addDays(today, -r.int(420, 560));
        for (let d = addDays(stop, -r.int(180, 300)); d <= stop; d = addDays(d, 30 + r.int(-3, 3))) {
          const v = visit(r, person, d, words.hypertension);
          bp(v, r.int(120, 136), r.int(72, 86));
          v.diagnoses.push({ code: 'I10', role: 'main' });
          visits.push(v);
        }
      }
    }

    // The yearly check of people over 65: about half had it this year.
    if (age >= 65 && r.chance(0.5)) {
      const date = addDays(`${year}-01-01`, r.int(0, daysBetween(`${year}-01-01`, today)));
      const v = visit(r, person, date, words.elderlyCheck);
      bp(v, r.int(118, 165), r.int(68, 96));
      v.observations.push(
        { code: '29463-7', value: r.int(40, 70) },
        { code: '1558-6', value: r.int(48, 68) / 10 },
      );
      v.diagnoses.push({ code: 'Z00.0', role: 'main' });
      v.services.push({ serviceCode: input.serviceCode('0003') });
      visits.push(v);
    }
  }
  return {
    doses,
    pregnancies,
    visits: visits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)),
  };
}
