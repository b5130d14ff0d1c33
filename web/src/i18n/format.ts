import IntlMessageFormat from 'intl-messageformat';
import { LOCALE_TAGS, type Locale } from './locales.ts';

/**
 * Dates, numbers and money in the reader's language. Pure functions over Intl, so they are unit-tested
 * in Node as they run in the browser. A calendar date (`2025-03-07`) is formatted in UTC so that no
 * time zone moves it to the day before.
 */

export function formatDate(locale: Locale, value: string | Date, style: 'short' | 'long' = 'short'): string {
  const date =
    typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: style === 'long' ? 'long' : 'medium',
    timeZone: typeof value === 'string' && value.length === 10 ? 'UTC' : undefined,
  }).format(date);
}

/**
 * An instant in the country's time zone (the profile's `timeZone`, when known): a visit closed at
 * 00:30 in Hanoi reads 00:30 of that day on a desktop set to UTC too.
 */
export function formatDateTime(locale: Locale, value: string | Date, timeZone?: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits }).format(value);
}

/** A share between 0 and 1 as a percentage: 0.9204 → "92,0 %" in Vietnamese, "92.0%" in English. */
export function formatPercent(locale: Locale, share: number, fractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(share);
}

/** Money in the country's currency (VND has no minor unit; CNY has fen), written the reader's way. */
export function formatMoney(locale: Locale, amount: number, currency: string): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'currency', currency }).format(amount);
}

/** The values a message is filled with: numbers stay numbers, so plural forms and `{n, number}` can use them. */
export type MessageParams = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

/**
 * A catalog message in ICU MessageFormat, filled in the reader's language: `{name}` is a value,
 * `{count, plural, one {# facility} other {# facilities}}` picks the language's plural form (English has
 * two; Vietnamese and Chinese one, `other`) and writes the number the reader's way, `{kind, select, ...}`
 * picks by a value. Messages are compiled once per language. A message that cannot be filled (a value
 * missing) falls back to `interpolate`, so the gap shows instead of the page failing.
 */
export function formatMessage(locale: Locale, message: string, params?: MessageParams): string {
  const id = `${locale}\u0000${message}`;
  try {
    let format = compiled.get(id);
    if (!format) {
      // Tags off: a `<` in a message is text, not markup.
      format = new IntlMessageFormat(message, LOCALE_TAGS[locale], undefined, { ignoreTag: true });
      compiled.set(id, format);
    }
    return String(format.format(params));
  } catch {
    return interpolate(message, params);
  }
}

/** Fills `{name}` placeholders; a missing value leaves the placeholder visible rather than inventing text. */
export function interpolate(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
