import type { InsuranceCard } from '../../../../src/modules/insurance/insurance.schema.ts';
import { daysBetween } from '../../calendar.ts';
/** Pure helpers for showing residents and their cards: no DOM, unit-tested in Node. */

/** Only the last four characters of a citizen id show in a list (the resident's page shows it whole). */
export function maskCitizenId(id: string | null): string | null {
  if (!id) return null;
  const keep = Math.min(4, Math.floor(id.length / 3));
  return `${'•'.repeat(id.length - keep)}${id.slice(id.length - keep)}`;
}

/** What a card's state is read from. */
export type CardDates = Pick<InsuranceCard, 'validFrom' | 'validTo' | 'status'>;

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

/**
 * A language tag of the profile's (`vi-VN`, `zh-CN`, `en`) in words of the screen's language, as the
 * browser names it (`Intl.DisplayNames`), else the tag itself.
 *
 * @example languageName('zh-CN', 'vi') // 'Tiếng Trung (Trung Quốc)'
 */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The languages a resident may choose (the profile's `languages`, else its locale). */
export function languageChoices(profile: { locale: string; languages?: string[] } | undefined): string[] {
  if (!profile) return [];
  return profile.languages ?? [profile.locale];
}
