/** Pure helpers for showing residents and their cards: no DOM, unit-tested in Node. */

/** Only the last four characters of a citizen id show in a list (the resident's page shows it whole). */
export function maskCitizenId(id: string | null): string | null {
  if (!id) return null;
  const keep = Math.min(4, Math.floor(id.length / 3));
  return `${'•'.repeat(id.length - keep)}${id.slice(id.length - keep)}`;
}

/** Today as YYYY-MM-DD on this device's calendar (a station's day, not UTC's). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface CardDates {
  validFrom: string;
  validTo: string;
  status: 'active' | 'withdrawn';
}

export type CardState = 'valid' | 'expiring' | 'expired' | 'notYetValid' | 'withdrawn';

/** Days before the end of validity from which a card shows as "expiring". */
export const EXPIRING_DAYS = 30;

export function cardState(card: CardDates, today: string): CardState {
  if (card.status === 'withdrawn') return 'withdrawn';
  if (today < card.validFrom) return 'notYetValid';
  if (today > card.validTo) return 'expired';
  return daysBetween(today, card.validTo) <= EXPIRING_DAYS ? 'expiring' : 'valid';
}

/**
 * The card that matters today: the active card valid today, else the next one to start, else the one
 * that ended last; withdrawn cards only when there is nothing else.
 */
export function currentCard<C extends CardDates>(cards: readonly C[], today: string): C | undefined {
  const active = cards.filter((c) => c.status === 'active');
  const valid = active.find((c) => c.validFrom <= today && today <= c.validTo);
  if (valid) return valid;
  const next = active
    .filter((c) => c.validFrom > today)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))[0];
  if (next) return next;
  const byEnd = (a: C, b: C) => (a.validTo < b.validTo ? 1 : -1);
  const last = [...active].sort(byEnd)[0] ?? [...cards].sort(byEnd)[0];
  return last;
}
