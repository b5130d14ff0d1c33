import { isIsoDate } from '../../platform/dates.ts';
import { repeatingWindows } from './chronic.rules.ts';
import { antenatalWindows, childHealthWindows, postnatalWindows } from './maternal.rules.ts';
import type { ProgrammeNames } from './protocol.schema.ts';
import type { ProgrammeFamily } from './protocols.ts';
import {
  REPEATING_KINDS,
  type RepeatingFile,
  SCHEDULE_KINDS,
  type ScheduleFile,
  type VisitCounts,
  VisitScheduleFile,
} from './visits.protocol.ts';
import { addOffset, parseOffset } from './visits.shared.ts';

/**
 * The visit-schedule family of the programme engine: antenatal, postnatal and child health contacts
 * (schedules anchored on a date, maternal.rules.ts) and hypertension, diabetes and elderly follow-ups
 * (repeating, chronic.rules.ts). The files are protocols/programmes/<id>.json (visits.protocol.ts).
 */

function isSchedule(p: VisitScheduleFile): p is ScheduleFile {
  return (SCHEDULE_KINDS as readonly string[]).includes(p.kind);
}

/** Offsets are compared on two reference days (months differ in length). */
const REFERENCE_DAYS = ['2001-01-01', '2000-01-31'];
const before = (a: string, b: string) => REFERENCE_DAYS.every((d) => addOffset(d, a) < addOffset(d, b));
const notAfter = (a: string, b: string) => REFERENCE_DAYS.every((d) => addOffset(d, a) <= addOffset(d, b));

function checkCounts(counts: VisitCounts, at: string): string[] {
  const criteria = [counts.anyDiagnosis, counts.anyObservation, counts.allObservations, counts.anyVisit];
  return criteria.some((c) => c !== undefined) ? [] : [`at ${at}: give at least one criterion`];
}

function checkOffsets(offsets: Record<string, string>, at: string): string[] {
  return Object.entries(offsets)
    .filter(([, o]) => parseOffset(o) === null)
    .map(([field, o]) => `at ${at}/${field}: not an offset: '${o}'`);
}

function checkSchedule(p: ScheduleFile): string[] {
  const problems: string[] = [];
  p.versions.forEach((v, i) => {
    const at = `/versions/${i}`;
    problems.push(...checkCounts(v.counts, `${at}/counts`));
    if (p.kind === 'postnatal' && !v.afterOutcomes)
      problems.push(`at ${at}/afterOutcomes: a postnatal schedule says after which outcomes it runs`);
    if (p.kind !== 'postnatal' && v.afterOutcomes)
      problems.push(`at ${at}/afterOutcomes: only a postnatal schedule runs after outcomes`);
    const ids = new Set<string>();
    v.contacts.forEach((c, j) => {
      const cat = `${at}/contacts/${j}`;
      if (ids.has(c.id)) problems.push(`at ${cat}/id: ${c.id} twice`);
      ids.add(c.id);
      const bad = checkOffsets({ from: c.from, until: c.until, expires: c.expires }, cat);
      if (bad.length > 0) {
        problems.push(...bad);
        return;
      }
      if (!before(c.from, c.until)) problems.push(`at ${cat}/until: must be after from (${c.from})`);
      if (!notAfter(c.until, c.expires))
        problems.push(`at ${cat}/expires: must not be before until (${c.until})`);
      const prev = v.contacts[j - 1];
      if (prev && parseOffset(prev.from) && !notAfter(prev.from, c.from))
        problems.push(`at ${cat}/from: contacts are listed in order (${prev.id} is from ${prev.from})`);
    });
  });
  return problems;
}

function checkRepeating(p: RepeatingFile): string[] {
  const problems: string[] = [];
  p.versions.forEach((v, i) => {
    const at = `/versions/${i}`;
    problems.push(...checkCounts(v.counts, `${at}/counts`));
    if (!v.members.problems && !v.members.fromAge)
      problems.push(`at ${at}/members: give problems and/or fromAge`);
    problems.push(
      ...checkOffsets(
        { interval: v.interval, ...(v.members.fromAge ? { fromAge: v.members.fromAge } : {}) },
        at,
      ),
    );
    if (parseOffset(v.interval) && !before('0d', v.interval))
      problems.push(`at ${at}/interval: must be longer than 0`);
    const ids = new Set<string>();
    v.levels.forEach((l, j) => {
      const lat = `${at}/levels/${j}`;
      if (ids.has(l.id)) problems.push(`at ${lat}/id: ${l.id} twice`);
      ids.add(l.id);
      if (Object.keys({ ...l.atLeast, ...l.atMost }).length === 0)
        problems.push(`at ${lat}: give atLeast and/or atMost bounds`);
      const bad = checkOffsets({ interval: l.interval }, lat);
      problems.push(...bad);
      if (bad.length === 0 && !before('0d', l.interval))
        problems.push(`at ${lat}/interval: must be longer than 0`);
    });
  });
  return problems;
}

/** Cross-field problems of a file ('at /versions/0/contacts/2/until: ...'); empty when sound. */
export function checkVisitSchedule(p: VisitScheduleFile): string[] {
  const problems: string[] = [];
  p.versions.forEach((v, i) => {
    if (!isIsoDate(v.effectiveFrom)) problems.push(`at /versions/${i}/effectiveFrom: not a date`);
    const prev = p.versions[i - 1];
    if (prev && prev.effectiveFrom >= v.effectiveFrom)
      problems.push(`at /versions/${i}/effectiveFrom: versions are listed oldest first, one a day`);
  });
  return [...problems, ...(isSchedule(p) ? checkSchedule(p) : checkRepeating(p))];
}

/** Every version's items, once (the first version's names). */
export function visitScheduleItems(p: VisitScheduleFile): { id: string; names: ProgrammeNames }[] {
  const items = new Map<string, ProgrammeNames>();
  for (const v of p.versions) {
    const list = 'contacts' in v ? v.contacts : [v.item];
    for (const it of list) if (!items.has(it.id)) items.set(it.id, it.names);
  }
  return [...items].map(([id, names]) => ({ id, names }));
}

export const visitScheduleFamily: ProgrammeFamily<VisitScheduleFile> = {
  kinds: [...SCHEDULE_KINDS, ...REPEATING_KINDS],
  schema: VisitScheduleFile,
  check: checkVisitSchedule,
  items: visitScheduleItems,
  evaluate(facts, p) {
    // Died or moved away: nothing is due, not even history.
    if (facts.status !== 'active') return { windows: [], invalidDoses: [] };
    const windows = !isSchedule(p)
      ? repeatingWindows(p, facts)
      : p.kind === 'antenatal'
        ? antenatalWindows(p, facts)
        : p.kind === 'postnatal'
          ? postnatalWindows(p, facts)
          : childHealthWindows(p, facts);
    return { windows, invalidDoses: [] };
  },
};
