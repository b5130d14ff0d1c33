/**
 * Calendar dates as 'YYYY-MM-DD' strings. A date of birth, an assignment start or a rotation day has
 * no time zone, so the arithmetic is done in UTC on whole days. Which day it is *now* depends on
 * where: `todayIn` reads an instant on the country's calendar (the profile's time zone). Rules take
 * "today" as an argument; only the ways in (routes, CLI) ask the clock (platform/clock.ts).
 * Pure and free of Node imports: the web app uses this file too.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const calendars = new Map<string, Intl.DateTimeFormat>();

/** A formatter that writes an instant as 'YYYY-MM-DD' on the calendar of `timeZone` (cached: costly to build). */
function calendarOf(timeZone: string): Intl.DateTimeFormat {
  let f = calendars.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendars.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date of the instant `now` in `timeZone`, as 'YYYY-MM-DD'.
 *
 * @example todayIn('Asia/Ho_Chi_Minh', new Date('2026-03-31T23:30:00Z')) // '2026-04-01' (06:30 in Hanoi)
 */
export function todayIn(timeZone: string, now: Date): string {
  const parts = calendarOf(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** True for a time zone name the runtime knows (IANA, e.g. 'Asia/Shanghai'). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The date `days` days after (or before, if negative) an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Monday and Sunday of the ISO week that contains `date`. */
export function isoWeek(date: string): { start: string; end: string } {
  const start = addDays(date, 1 - isoWeekday(date));
  return { start, end: addDays(start, 6) };
}

/** The calendar quarter (1-4) of a date, and its first and last days. */
export function quarterOf(date: string): {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: string;
  end: string;
} {
  const year = Number(date.slice(0, 4));
  const quarter = (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  const startMonth = String((quarter - 1) * 3 + 1).padStart(2, '0');
  const start = `${year}-${startMonth}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  return { year, quarter, start, end: addDays(next, -1) };
}

/**
 * The date `months` calendar months after (or before) an ISO date, kept inside the month: 31 January
 * plus one month is the last day of February (a child born on the 31st is 2 months old on 30 April).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The date `years` calendar years after (or before) an ISO date (29 February → 28 February). */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Whole calendar months from `from` to `to` (age in months: 0 until the first month is complete). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}

/** Whole years from `from` to `to` (age in years on `to`). */
export function wholeYearsBetween(from: string, to: string): number {
  return Math.floor(wholeMonthsBetween(from, to) / 12);
}
