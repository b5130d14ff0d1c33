import type { Rotation } from '../../../../src/modules/rotations/rotations.schema.ts';
import { isIsoDate } from '../../calendar.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';

/**
 * Calendar weeks for the rotation calendar, on 'YYYY-MM-DD' strings computed in UTC (a rotation day
 * has no time zone). ISO weeks: Monday to Sunday, weekday 1 = Monday ... 7 = Sunday, as the API.
 */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day a year later (29 February goes to 1 March), as the API's one-year limit counts. */
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** A `week` address parameter made safe: any real date becomes its Monday; anything else, today's. */
export function weekFromParam(param: string | null, today: string): string {
  return mondayOf(param && isIsoDate(param) ? param : today);
}

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** The weekday's name in the reader's language: "Monday", "Thứ Hai", "星期一". */
export function weekdayName(locale: Locale, date: string, width: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { weekday: width, timeZone: 'UTC' }).format(utc(date));
}

/** Day and month, the reader's way: "30 Nov", "30 thg 11", "11月30日". */
export function dayMonth(locale: Locale, date: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(utc(date));
}

/** A week as a range, the reader's way: "30 Nov – 6 Dec 2026". */
export function weekRange(locale: Locale, monday: string): string {
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
    utc(monday),
    utc(addDays(monday, 6)),
  );
}

/** A rotation's schedule as the API gives it. */
export type Schedule = Pick<Rotation, 'startDate' | 'endDate' | 'weekdays' | 'dates'>;

/**
 * The days a rotation has a session within [from, to], sorted: its weekdays inside the period plus its
 * listed dates (the API's own rule, rotations.rules.ts sessionDays, for lists that do not expand them).
 */
export function sessionDays(r: Schedule, from: string, to: string): string[] {
  const lo = r.startDate > from ? r.startDate : from;
  const hi = r.endDate < to ? r.endDate : to;
  if (lo > hi) return [];
  const days = new Set<string>();
  const wanted = new Set(r.weekdays);
  if (wanted.size > 0)
    for (let d = lo; d <= hi; d = addDays(d, 1)) if (wanted.has(isoWeekday(d))) days.add(d);
  for (const d of r.dates) if (d >= lo && d <= hi) days.add(d);
  return [...days].sort();
}
