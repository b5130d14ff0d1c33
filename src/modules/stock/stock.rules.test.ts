import { describe, expect, test } from 'vitest';
import { allocateFefo, isExpired, quantityProblem, type ShelfBatch, usableOnHand } from './stock.rules.ts';

const b = (id: string, expiryDate: string, onHand: number): ShelfBatch => ({ id, expiryDate, onHand });
const ON = '2026-12-02';

describe('isExpired: usable up to the day before the expiry date', () => {
  test.each([
    ['2026-12-03', false],
    ['2026-12-02', true],
    ['2026-11-30', true],
    ['2027-06-30', false],
  ])('expiry %s on %s -> %s', (expiry, expired) => {
    expect(isExpired(expiry, ON)).toBe(expired);
  });
});

describe('allocateFefo', () => {
  // shelf, quantity, expected allocations (or the usable figure when short)
  const cases: [string, ShelfBatch[], number, [string, number][] | { usable: number }][] = [
    ['one batch covers it', [b('a', '2027-01-01', 10)], 4, [['a', 4]]],
    ['the whole batch', [b('a', '2027-01-01', 10)], 10, [['a', 10]]],
    ['soonest expiry first', [b('a', '2027-06-01', 10), b('b', '2027-01-01', 10)], 4, [['b', 4]]],
    [
      'spills into the next expiry',
      [b('a', '2027-06-01', 10), b('b', '2027-01-01', 3)],
      5,
      [
        ['b', 3],
        ['a', 2],
      ],
    ],
    ['expired batch skipped', [b('x', '2026-12-01', 50), b('a', '2027-06-01', 10)], 5, [['a', 5]]],
    ['batch expiring today skipped', [b('x', ON, 50), b('a', '2027-06-01', 10)], 5, [['a', 5]]],
    [
      'expired stock does not count as usable',
      [b('x', '2026-12-01', 50), b('a', '2027-06-01', 3)],
      5,
      { usable: 3 },
    ],
    ['empty batch skipped', [b('e', '2026-12-10', 0), b('a', '2027-06-01', 10)], 1, [['a', 1]]],
    ['nothing on the shelf', [], 1, { usable: 0 }],
    ['one short', [b('a', '2027-01-01', 4), b('b', '2027-02-01', 5)], 10, { usable: 9 }],
    [
      'ties on expiry by id',
      [b('b', '2027-01-01', 2), b('a', '2027-01-01', 2)],
      3,
      [
        ['a', 2],
        ['b', 1],
      ],
    ],
    [
      'three batches',
      [b('c', '2027-03-01', 5), b('a', '2027-01-01', 1), b('b', '2027-02-01', 1)],
      4,
      [
        ['a', 1],
        ['b', 1],
        ['c', 2],
      ],
    ],
  ];
  test.each(cases)('%s', (_name, shelf, quantity, expected) => {
    const result = allocateFefo(shelf, quantity, ON);
    if (Array.isArray(expected)) {
      expect(result).toEqual({
        ok: true,
        allocations: expected.map(([batchId, q]) => ({ batchId, quantity: q })),
      });
    } else {
      expect(result).toEqual({ ok: false, ...expected });
    }
  });

  test('does not change the batches it is given', () => {
    const shelf = [b('a', '2027-01-01', 4)];
    allocateFefo(shelf, 3, ON);
    expect(shelf).toEqual([b('a', '2027-01-01', 4)]);
  });
});

describe('usableOnHand', () => {
  test('sums the batches not expired', () => {
    expect(usableOnHand([b('a', '2027-01-01', 4), b('x', '2026-01-01', 9), b('c', ON, 2)], ON)).toBe(4);
  });
});

describe('quantityProblem', () => {
  test.each([
    [1, false, null],
    [0, false, 'must be at least 1'],
    [0, true, null],
    [-1, true, 'must be 0 or more'],
    [1.5, false, 'must be a whole number of units'],
    [2_000_000, false, 'must be at most 1000000'],
  ])('%s (zero ok: %s) -> %s', (q, zeroOk, expected) => {
    expect(quantityProblem(q, zeroOk)).toBe(expected);
  });
});
