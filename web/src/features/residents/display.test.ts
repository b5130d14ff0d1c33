import { describe, expect, it } from 'vitest';
import { cardState, currentCard, maskCitizenId } from './display.ts';

describe('masking a citizen id in lists', () => {
  it.each([
    ['056090123456', '••••••••3456'],
    ['11010519491231002X', '••••••••••••••002X'],
    ['12345', '••••5'],
    [null, null],
    ['', null],
  ])('%s → %s', (id, expected) => {
    expect(maskCitizenId(id)).toBe(expected);
  });
});

const card = (validFrom: string, validTo: string, status: 'active' | 'withdrawn' = 'active') => ({
  validFrom,
  validTo,
  status,
});

describe('the state of a card today', () => {
  it.each([
    [card('2026-01-01', '2026-12-31'), '2026-06-01', 'valid'],
    [card('2026-01-01', '2026-06-30'), '2026-06-01', 'expiring'],
    [card('2026-01-01', '2026-07-01'), '2026-06-01', 'expiring'],
    [card('2026-01-01', '2026-07-02'), '2026-06-01', 'valid'],
    [card('2026-01-01', '2026-05-31'), '2026-06-01', 'expired'],
    [card('2026-07-01', '2026-12-31'), '2026-06-01', 'notYetValid'],
    [card('2026-01-01', '2026-12-31', 'withdrawn'), '2026-06-01', 'withdrawn'],
  ] as const)('%o on %s is %s', (c, today, expected) => {
    expect(cardState(c, today)).toBe(expected);
  });
});

describe('the card that matters today', () => {
  const old = card('2024-01-01', '2024-12-31');
  const now = card('2025-01-01', '2025-12-31');
  const next = card('2026-01-01', '2026-12-31');
  const gone = card('2025-01-01', '2025-12-31', 'withdrawn');
  it.each([
    [[old, now, next], '2025-06-01', now],
    [[old, next], '2025-06-01', next],
    [[old], '2025-06-01', old],
    [[gone, old], '2025-06-01', old],
    [[gone], '2025-06-01', gone],
    [[], '2025-06-01', undefined],
  ])('%#', (cards, today, expected) => {
    expect(currentCard(cards, today)).toBe(expected);
  });
});
