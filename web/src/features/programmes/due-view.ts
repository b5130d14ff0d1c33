import type { DueItem, ProgrammeKind, ResidentDue } from './api.ts';

/** The lists of GET /api/residents/:id/due a card counts, in the order a reader wants them. */
export const CARD_STATES = ['overdue', 'due', 'upcoming', 'done'] as const;
type CardState = (typeof CARD_STATES)[number];

export interface ProgrammeCard {
  programmeId: string;
  kind: ProgrammeKind;
  counts: Record<CardState, number>;
  /** The earliest upcoming item: what comes next. */
  next: DueItem | null;
}

const byDueFrom = (a: DueItem, b: DueItem) =>
  a.dueFrom.localeCompare(b.dueFrom) || a.itemId.localeCompare(b.itemId);

/**
 * One card per programme the resident has anything in: counts by state and the next upcoming item.
 * Overdue programmes come first, then due, then the rest by their next date.
 */
export function programmeCards(due: ResidentDue): ProgrammeCard[] {
  const cards = new Map<string, ProgrammeCard>();
  for (const state of CARD_STATES) {
    for (const item of due[state]) {
      let card = cards.get(item.programmeId);
      if (!card) {
        card = {
          programmeId: item.programmeId,
          kind: item.kind,
          counts: { overdue: 0, due: 0, upcoming: 0, done: 0 },
          next: null,
        };
        cards.set(item.programmeId, card);
      }
      card.counts[state]++;
      if (state === 'upcoming' && (!card.next || byDueFrom(item, card.next) < 0)) card.next = item;
    }
  }
  const rank = (c: ProgrammeCard) => (c.counts.overdue > 0 ? 0 : c.counts.due > 0 ? 1 : 2);
  return [...cards.values()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.next?.dueFrom ?? '9999').localeCompare(b.next?.dueFrom ?? '9999') ||
      a.programmeId.localeCompare(b.programmeId),
  );
}

/** What a child's vaccination screen shows from the due answer: today's doses and the next one. */
export function vaccinationView(due: ResidentDue) {
  const ofKind = (items: DueItem[]) => items.filter((i) => i.kind === 'immunization');
  const today = [
    ...ofKind(due.overdue)
      .sort(byDueFrom)
      .map((item) => ({ item, state: 'overdue' as const })),
    ...ofKind(due.due)
      .sort(byDueFrom)
      .map((item) => ({ item, state: 'due' as const })),
  ];
  const upcoming = ofKind(due.upcoming).sort(byDueFrom);
  // Only vaccination programmes count doses, so every invalid dose is one of theirs.
  return { today, next: upcoming[0] ?? null, invalidDoses: due.invalidDoses };
}
