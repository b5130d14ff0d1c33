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

export function formatDateTime(locale: Locale, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
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

/** Fills `{name}` placeholders; a missing value leaves the placeholder visible rather than inventing text. */
export function interpolate(message: string, params?: Record<string, string | number>): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
