import { addDays } from '../../platform/dates.ts';
import type { DueWindow, ResidentFacts, VisitFact } from './facts.ts';
import type { RepeatingFile, RepeatingVersion } from './visits.protocol.ts';
import { addOffset, codeMatches, firstEffective, levelOf, versionOn, visitCounts } from './visits.shared.ts';

/**
 * Repeating follow-ups: hypertension and type-2 diabetes (members by an active problem) and the
 * yearly check of the elderly (members from an age). Each follow-up that came is a done occurrence;
 * the next is due an interval after the last, the interval set by the last visit's readings (a
 * shorter one after an uncontrolled or dangerous reading, per the file). Pure.
 */

/**
 * The day a resident began to be followed by the programme, or null when not a member: the earliest
 * `since` of a matching active problem (else the first visit diagnosing it, else the first visit),
 * and/or the birthday of the file's age; never before the programme began.
 */
export function membershipStart(
  version: RepeatingVersion,
  began: string,
  facts: ResidentFacts,
): string | null {
  const { problems, fromAge } = version.members;
  let start: string | null = began;
  if (problems) {
    const matching = facts.problems.filter(
      (pr) => pr.active && problems.some((c) => codeMatches(pr.code, c)),
    );
    if (matching.length === 0) return null;
    const since = matching
      .map((pr) => pr.since)
      .filter((d): d is string => d !== null)
      .sort()[0];
    const diagnosed = facts.visits.find((v) =>
      v.diagnoses.some((d) => problems.some((c) => codeMatches(d, c))),
    );
    const from = since ?? diagnosed?.date ?? facts.visits[0]?.date;
    if (from === undefined) return null;
    if (from > start) start = from;
  }
  if (fromAge) {
    if (facts.birthDate === null) return null;
    const birthday = addOffset(facts.birthDate, fromAge);
    if (birthday > start) start = birthday;
  }
  return start;
}

/** The visits that count as follow-ups from `start` on, one a day (the day's last). */
function followUps(p: RepeatingFile, start: string, visits: readonly VisitFact[]): VisitFact[] {
  const byDay = new Map<string, VisitFact>();
  for (const v of visits)
    if (v.date >= start && visitCounts(versionOn(p.versions, v.date).counts, v)) byDay.set(v.date, v);
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The interval to the next follow-up after a visit, by its readings (the version in effect that day). */
export function nextInterval(version: RepeatingVersion, visit: VisitFact): string {
  return levelOf(version.levels, visit)?.interval ?? version.interval;
}

/**
 * The done follow-ups and the next one. A follow-up that came before its due date is recorded as due
 * on the day it came, so occurrences stay ordered and their keys (dueFrom) unique; its overdueAfter
 * keeps the date it was due by.
 */
export function repeatingWindows(p: RepeatingFile, facts: ResidentFacts): DueWindow[] {
  const last = p.versions[p.versions.length - 1] as RepeatingVersion;
  const start = membershipStart(last, firstEffective(p.versions), facts);
  if (start === null) return [];
  const windows: DueWindow[] = [];
  let dueFrom = start;
  let earliestOn = start;
  for (const v of followUps(p, start, facts.visits)) {
    const version = versionOn(p.versions, earliestOn);
    // Came early: keyed by the day it came (ISO dates compare as strings).
    let key = dueFrom;
    if (v.date < key) key = v.date;
    windows.push({
      programmeId: p.id,
      itemId: version.item.id,
      episodeId: null,
      dueFrom: key,
      earliestOn,
      overdueAfter: addDays(dueFrom, version.graceDays),
      expiresOn: null,
      doneOn: v.date,
      doneBy: v.id,
    });
    dueFrom = addOffset(v.date, nextInterval(versionOn(p.versions, v.date), v));
    earliestOn = addDays(v.date, 1);
  }
  const version = versionOn(p.versions, earliestOn);
  windows.push({
    programmeId: p.id,
    itemId: version.item.id,
    episodeId: null,
    dueFrom,
    earliestOn,
    overdueAfter: addDays(dueFrom, version.graceDays),
    expiresOn: null,
    doneOn: null,
    doneBy: null,
  });
  return windows;
}
