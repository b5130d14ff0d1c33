import { describe, expect, it } from 'vitest';
import { type CardPeriod, cardForDate, cardToCheck } from './card-choice.rules.ts';

const card = (number: string, from: string, to: string, status = 'active'): CardPeriod => ({
  card_number: number,
  valid_from: from,
  valid_to: to,
  status,
});

// A child's card (TE) until the sixth birthday, then a pupil's (HS) with a new number.
const te = card('TE1560000000001', '2019-01-01', '2024-12-31');
const hs = card('HS4560000000001', '2025-01-01', '2025-12-31');
// The same number renewed: two periods of one card.
const dn2024 = card('DN4560000000002', '2024-01-01', '2024-12-31');
const dn2025 = card('DN4560000000002', '2025-01-01', '2025-12-31');

describe('cardForDate', () => {
  it.each([
    ['the period covering the date', [dn2024, dn2025], '2025-03-01', dn2025],
    ['the last one ended before it', [dn2024], '2025-03-01', dn2024],
    ['the next to start when none has', [dn2025], '2024-06-01', dn2025],
    [
      'an active period before a withdrawn one',
      [card('X', '2025-01-01', '2025-12-31', 'withdrawn'), dn2025],
      '2025-03-01',
      dn2025,
    ],
    ['nothing from nothing', [], '2025-03-01', undefined],
  ])('%s', (_name, rows, date, expected) => {
    expect(cardForDate(rows, date)).toBe(expected);
  });
});

describe('cardToCheck: what a shown card number answers (agency 003/004)', () => {
  it.each([
    [
      'the expired child card, the pupil card valid: the new card, 003',
      [te],
      [te, hs],
      '2025-06-01',
      hs,
      'old-card-expired-new-issued',
    ],
    ['the expired child card, nothing newer: the old card (expired)', [te], [te], '2025-06-01', te, null],
    [
      'the expired child card, the new card not yet valid: the old card',
      [te],
      [te, card('HS4560000000001', '2025-09-01', '2025-12-31')],
      '2025-06-01',
      te,
      null,
    ],
    [
      'the expired child card, the new card withdrawn: the old card',
      [te],
      [te, card('HS4560000000001', '2025-01-01', '2025-12-31', 'withdrawn')],
      '2025-06-01',
      te,
      null,
    ],
    [
      'the child card still valid, the pupil card issued: the child card, 004',
      [te],
      [te, hs],
      '2024-12-31',
      te,
      'old-card-valid-new-issued',
    ],
    ['the pupil card shown: no remark', [hs], [te, hs], '2025-06-01', hs, null],
    [
      'a number renewed in place: the covering period, no remark',
      [dn2024, dn2025],
      [dn2024, dn2025],
      '2025-06-01',
      dn2025,
      null,
    ],
    [
      'a number renewed in place, on the last day of the old period',
      [dn2024, dn2025],
      [dn2024, dn2025],
      '2024-12-31',
      dn2024,
      null,
    ],
    ['an unknown number', [], [], '2025-06-01', undefined, null],
  ])('%s', (_name, shown, holder, date, expected, renewal) => {
    expect(cardToCheck(shown, holder, date)).toEqual({ card: expected, renewal });
  });
});
