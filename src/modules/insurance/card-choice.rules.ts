/**
 * Which of a holder's cards answers a check on a date, and whether the agency would add that a new
 * card was issued: 003 (the card shown expired, a new one is valid: use the new one) or 004 (the card
 * shown is still valid, but a newer one was issued). A renewal keeping the number is a new validity
 * period of the same card and needs neither.
 */

/** The parts of a stored card (or enrolment) period these rules read. */
export interface CardPeriod {
  card_number: string | null;
  valid_from: string;
  valid_to: string;
  status: string;
}

export type Renewal = 'old-card-expired-new-issued' | 'old-card-valid-new-issued';

/**
 * The card that speaks for a date among a person's (or a number's) cards: the active one valid on it,
 * else a withdrawn one covering it, else the one that ended last before it (expired), else the next
 * one to start (not yet valid).
 */
export function cardForDate<C extends CardPeriod>(rows: C[], date: string): C | undefined {
  const covering = rows.filter((r) => r.valid_from <= date && r.valid_to >= date);
  const active = covering.find((r) => r.status === 'active');
  if (active) return active;
  if (covering[0]) return covering[0];
  const ended = rows.filter((r) => r.valid_to < date).sort((a, b) => b.valid_to.localeCompare(a.valid_to))[0];
  if (ended) return ended;
  return rows.filter((r) => r.valid_from > date).sort((a, b) => a.valid_from.localeCompare(b.valid_from))[0];
}

const validOn = (c: CardPeriod, date: string) =>
  c.status === 'active' && c.valid_from <= date && c.valid_to >= date;

/**
 * The card to judge when a card number was shown (`shown`: the periods of that number), given every
 * card of its holder (`holder`): the shown card, unless it ended before the date and the holder has
 * another number valid on it (003); a shown card valid on the date with a newer number issued is 004.
 *
 * @example
 * cardToCheck([te2024], [te2024, hs2025], '2025-06-01') // => { card: hs2025, renewal: 'old-card-expired-new-issued' }
 */
export function cardToCheck<C extends CardPeriod>(
  shown: C[],
  holder: C[],
  date: string,
): { card: C | undefined; renewal: Renewal | null } {
  const card = cardForDate(shown, date);
  if (!card) return { card, renewal: null };
  const others = holder.filter((c) => c.card_number !== card.card_number && c.status === 'active');
  if (card.valid_to < date) {
    const current = others.find((c) => validOn(c, date));
    if (current) return { card: current, renewal: 'old-card-expired-new-issued' };
    return { card, renewal: null };
  }
  if (validOn(card, date) && others.some((c) => c.valid_from > card.valid_from))
    return { card, renewal: 'old-card-valid-new-issued' };
  return { card, renewal: null };
}
