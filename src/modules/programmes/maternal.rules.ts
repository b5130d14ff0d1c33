import { addDays } from '../../platform/dates.ts';
import type { DueWindow, PregnancyFact, ResidentFacts, VisitFact } from './facts.ts';
import type { ScheduleFile, ScheduleVersion } from './visits.protocol.ts';
import { addOffset, beyondOffsets, firstEffective, versionOn, visitCounts } from './visits.shared.ts';

/**
 * Schedules of contacts anchored on a date: antenatal care from the pregnancy's start, postnatal care
 * from a birth, the checks of a child 0-6 from its birth. Pure: windows follow from the facts alone.
 */

/** Days from the last menstrual period to the expected delivery date (Naegele). */
export const PREGNANCY_DAYS = 280;
/** An open pregnancy is followed until 14 days after its EDD (a birth not recorded yet). */
export const OPEN_AFTER_EDD_DAYS = 14;

/** The pregnancy's first day: the LMP, or the EDD less 280 days. */
export function pregnancyStart(p: PregnancyFact): string {
  return p.lmp ?? addDays(p.edd, -PREGNANCY_DAYS);
}

/** The pregnancy's last day: its outcome's date, or 14 days after the EDD while open. */
export function pregnancyEnd(p: PregnancyFact): string {
  return p.outcomeDate ?? addDays(p.edd, OPEN_AFTER_EDD_DAYS);
}

interface Episode {
  anchor: string;
  /** The episode's last day (inclusive), when it has one: no contact opens after it, none lasts past it. */
  end: string | null;
  episodeId: string | null;
}

/**
 * The windows of a version's contacts from the anchor, each done by the first visit that counts
 * within it (a visit fulfils one contact). A window missed and ended before the programme began is
 * left out; one that would open after the episode's end is not scheduled.
 */
export function contactWindows(
  p: ScheduleFile,
  version: ScheduleVersion,
  episode: Episode,
  visits: readonly VisitFact[],
): DueWindow[] {
  const began = firstEffective(p.versions);
  const stop = episode.end === null ? null : addDays(episode.end, 1);
  const counting = visits.filter(
    (v) =>
      v.date >= episode.anchor &&
      (episode.end === null || v.date <= episode.end) &&
      visitCounts(version.counts, v),
  );
  // Nothing done and every contact expired before the programme began (an adult's childhood checks):
  // none is listed, known without dating each one.
  if (
    counting.length === 0 &&
    beyondOffsets(
      episode.anchor,
      version.contacts.map((c) => c.expires),
    ) <= began
  )
    return [];
  const used = new Set<string>();
  const windows: DueWindow[] = [];
  for (const c of version.contacts) {
    const dueFrom = addOffset(episode.anchor, c.from);
    if (episode.end !== null && dueFrom > episode.end) continue;
    let expiresOn = addOffset(episode.anchor, c.expires);
    if (stop !== null && expiresOn > stop) expiresOn = stop;
    let overdueAfter = addDays(addOffset(episode.anchor, c.until), -1);
    if (overdueAfter >= expiresOn) overdueAfter = addDays(expiresOn, -1);
    const done = counting.find((v) => !used.has(v.id) && v.date >= dueFrom && v.date < expiresOn);
    if (done) used.add(done.id);
    // Missed before the programme began (an adult's childhood): not listed.
    else if (expiresOn <= began) continue;
    windows.push({
      programmeId: p.id,
      itemId: c.id,
      episodeId: episode.episodeId,
      dueFrom,
      earliestOn: dueFrom,
      overdueAfter,
      expiresOn,
      doneOn: done?.date ?? null,
      doneBy: done?.id ?? null,
    });
  }
  return windows;
}

/** Antenatal contacts of every pregnancy (open ones due, closed ones as history), by the version in effect at its start. */
export function antenatalWindows(p: ScheduleFile, facts: ResidentFacts): DueWindow[] {
  return facts.pregnancies.flatMap((pregnancy) => {
    const anchor = pregnancyStart(pregnancy);
    return contactWindows(
      p,
      versionOn(p.versions, anchor),
      { anchor, end: pregnancyEnd(pregnancy), episodeId: pregnancy.id },
      facts.visits,
    );
  });
}

/** Postnatal contacts after each pregnancy that ended in one of the version's outcomes (a birth), from its date. */
export function postnatalWindows(p: ScheduleFile, facts: ResidentFacts): DueWindow[] {
  return facts.pregnancies.flatMap((pregnancy) => {
    if (pregnancy.outcome === null || pregnancy.outcomeDate === null) return [];
    const version = versionOn(p.versions, pregnancy.outcomeDate);
    if (!version.afterOutcomes?.includes(pregnancy.outcome)) return [];
    return contactWindows(
      p,
      version,
      { anchor: pregnancy.outcomeDate, end: null, episodeId: pregnancy.id },
      facts.visits,
    );
  });
}

/** A child's checks from birth (nothing without a birth date), by the version in effect at birth. */
export function childHealthWindows(p: ScheduleFile, facts: ResidentFacts): DueWindow[] {
  if (facts.birthDate === null) return [];
  return contactWindows(
    p,
    versionOn(p.versions, facts.birthDate),
    { anchor: facts.birthDate, end: null, episodeId: null },
    facts.visits,
  );
}
