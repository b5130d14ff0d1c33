import { type RotationSession, SESSION_ORDER } from '../../../../src/modules/rotations/rotations.enums.ts';
import type { Brief, FacilityCalendar, Rotation } from './api.ts';
import { sessionDays } from './week.ts';

/**
 * One doctor's session on one day of the week grid. `role` says how the place relates to what is on
 * screen: `host` a doctor comes to this station from `place`; `home` this station's doctor is away at
 * `place`; `area` (all stations of the area) a doctor goes to the station `place`.
 */
export interface WeekEntry {
  date: string;
  session: RotationSession;
  workerId: string;
  workerName: string;
  role: 'host' | 'home' | 'area';
  place: Brief;
  rotationId: string;
}

const bySessionThenName = (a: WeekEntry, b: WeekEntry) =>
  a.date.localeCompare(b.date) ||
  SESSION_ORDER[a.session] - SESSION_ORDER[b.session] ||
  a.workerName.localeCompare(b.workerName);

export function entriesFromCalendar(calendar: FacilityCalendar): WeekEntry[] {
  return calendar.days
    .map((d) => ({
      date: d.date,
      session: d.session,
      workerId: d.workerId,
      workerName: d.workerName,
      role: d.role,
      place: d.otherFacility,
      rotationId: d.rotationId,
    }))
    .sort(bySessionThenName);
}

/** The area's rotations (as GET /api/rotations lists them) laid out on the days of [from, to]. */
export function entriesFromRotations(rotations: Rotation[], from: string, to: string): WeekEntry[] {
  return rotations
    .filter((r) => r.active)
    .flatMap((r) =>
      sessionDays(r, from, to).map((date) => ({
        date,
        session: r.session,
        workerId: r.workerId,
        workerName: r.workerName,
        role: 'area' as const,
        place: r.hostFacility,
        rotationId: r.id,
      })),
    )
    .sort(bySessionThenName);
}

/**
 * The API names a facility outside the reader's scope '?' (a station's staff cannot read the district
 * centre its visiting doctor comes from): such a place is left unsaid rather than shown as '?'.
 */
export function placeName(entry: WeekEntry): string | null {
  return entry.place.name && entry.place.name !== '?' ? entry.place.name : null;
}

/** Entries by date, every day of the week present (an empty day is a day without rotation). */
export function byDay(dates: string[], entries: WeekEntry[]): Map<string, WeekEntry[]> {
  const days = new Map(dates.map((d) => [d, [] as WeekEntry[]]));
  for (const e of entries) days.get(e.date)?.push(e);
  return days;
}
