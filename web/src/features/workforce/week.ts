import { addYears, sessionDays } from '../../../../src/modules/rotations/rotations.rules.ts';
import { addDays, isIsoDate, isoWeek } from '../../../../src/platform/dates.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';

/**
 * Calendar weeks for the rotation calendar, on 'YYYY-MM-DD' strings. The date arithmetic and a
 * rotation's session days are the server's own pure code (src/platform/dates.ts and
 * rotations.rules.ts), imported, not copied; this file adds what the screens show.
 */

export { addDays, addYears, sessionDays };

/** The Monday of the (ISO) week that holds `date`. */
export function mondayOf(date: string): string {
  return isoWeek(date).start;
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
