import { addMonths, daysBetween } from '../platform/dates.ts';
import type { ImmunizationSlot } from './generate-programmes.ts';

/**
 * The demo's childhood schedule read from the profile's immunization programme file
 * (protocols/programmes/<id>.json, the file the engine judges the doses by), so the booklets are
 * planned and judged by one source. A slot's days stand for the file's calendar durations: the
 * longest such span for the ages and intervals a punctual child keeps (never early by a day), the
 * shortest for the minimum ages a dose given early on purpose goes under.
 */

interface Duration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

/** The parts of an immunization file the demo reads (immunization.protocol.ts has the whole). */
export interface ImmunizationFileLike {
  versions: readonly {
    effectiveFrom: string;
    items: readonly {
      id: string;
      series: string;
      track?: string;
      antigens: readonly string[];
      vaccines?: readonly string[];
      age: Duration;
      minAge?: Duration;
      after?: string;
      interval?: Duration;
      minInterval?: Duration;
    }[];
  }[];
}

type Catalogue = ReadonlyMap<string, { antigens: readonly string[] }>;

const SIX_YEARS_MONTHS = 72;

/** Days a duration spans from the first of each month of four years (a leap year among them): the shortest and the longest. */
function spanOf(d: Duration): { min: number; max: number } {
  const months = (d.years ?? 0) * 12 + (d.months ?? 0);
  const days = (d.weeks ?? 0) * 7 + (d.days ?? 0);
  if (months === 0) return { min: days, max: days };
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let m = 0; m < 48; m++) {
    for (const day of [1, 28, 29, 30, 31]) {
      const y = 2020 + Math.floor(m / 12);
      const from = `${y}-${String((m % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || new Date(`${from}T00:00:00Z`).getUTCDate() !== day)
        continue;
      const n = daysBetween(from, addMonths(from, months)) + days;
      min = Math.min(min, n);
      max = Math.max(max, n);
    }
  }
  return { min, max };
}

const stem = (id: string) => id.replace(/-\d+$/, '').replace(/-/g, '');
const flat = (code: string) => code.toLowerCase().replace(/-/g, '');

/**
 * The vaccine a demo child gets for an item: the first the item names; else the one named like the
 * item ('bopv-3': bOPV); else the one covering its antigens with the fewest others (a pentavalent
 * rather than a hexavalent).
 */
function vaccineOf(
  item: ImmunizationFileLike['versions'][number]['items'][number],
  catalogue: Catalogue,
): string {
  if (item.vaccines?.[0]) return item.vaccines[0];
  const covering = [...catalogue].filter(([, v]) => item.antigens.every((a) => v.antigens.includes(a)));
  const named = covering.find(([code]) => flat(code) === stem(item.id));
  if (named) return named[0];
  const fewest = covering.sort((a, b) => a[1].antigens.length - b[1].antigens.length)[0];
  if (!fewest) throw new Error(`demo schedule: no vaccine covers item ${item.id}`);
  return fewest[0];
}

const monthsOf = (d: Duration) =>
  (d.years ?? 0) * 12 + (d.months ?? 0) + ((d.weeks ?? 0) * 7 + (d.days ?? 0)) / 30;

/**
 * The slots of children under 6 from the newest version, each series on its first track (China's live
 * JE and hepatitis A), with the ages of the older versions for due dates before the newer took effect
 * (China's DTaP at 3, 4, 5 months before 2025; Vietnam's second IPV only from August 2024).
 */
export function scheduleOfFile(file: ImmunizationFileLike, catalogue: Catalogue): ImmunizationSlot[] {
  const versions = file.versions;
  const newest = versions.at(-1);
  if (!newest) return [];
  const firstTrack = new Map<string, string>();
  for (const item of newest.items)
    if (item.track && !firstTrack.has(item.series)) firstTrack.set(item.series, item.track);
  const slots: ImmunizationSlot[] = [];
  for (const item of newest.items) {
    if (item.track && firstTrack.get(item.series) !== item.track) continue;
    if (monthsOf(item.age) >= SIX_YEARS_MONTHS) continue;
    const age = spanOf(item.age);
    const slot: ImmunizationSlot = {
      item: item.id,
      vaccine: vaccineOf(item, catalogue),
      ageDays: age.max,
      minAgeDays: spanOf(item.minAge ?? item.age).min,
      after: item.after ?? null,
      minIntervalDays: item.minInterval ? spanOf(item.minInterval).max : 0,
    };
    // Under an older version (due before the newer took effect): its ages, or not on the schedule.
    const earlier: NonNullable<ImmunizationSlot['earlier']> = [];
    let last = { ageDays: slot.ageDays, minAgeDays: slot.minAgeDays };
    for (let k = versions.length - 1; k > 0; k--) {
      const older = versions[k - 1]?.items.find((i) => i.id === item.id);
      const before = versions[k]!.effectiveFrom;
      if (!older) {
        earlier.push({ before, ages: null });
        break;
      }
      const ages = { ageDays: spanOf(older.age).max, minAgeDays: spanOf(older.minAge ?? older.age).min };
      // The same ages as the newer version: nothing changes for this item.
      if (ages.ageDays !== last.ageDays || ages.minAgeDays !== last.minAgeDays)
        earlier.push({ before, ages });
      last = ages;
    }
    if (earlier.length > 0) slot.earlier = earlier;
    // A dose due at its predecessor's age (Vietnam's JE 2, a week after JE 1) comes its interval later.
    const prev = slots.find((x) => x.item === item.after);
    if (prev) {
      const gap = item.interval ?? item.minInterval;
      slot.ageDays = Math.max(slot.ageDays, prev.ageDays + (gap ? spanOf(gap).max : 0));
    }
    slots.push(slot);
  }
  return slots;
}

/**
 * The schedule a profile's demo children get: its immunization programme's (the first the profile
 * runs), empty when it runs none.
 */
export function demoScheduleOf(files: readonly { kind: string }[], catalogue: Catalogue): ImmunizationSlot[] {
  const file = files.find((p) => p.kind === 'immunization');
  return file ? scheduleOfFile(file as unknown as ImmunizationFileLike, catalogue) : [];
}
