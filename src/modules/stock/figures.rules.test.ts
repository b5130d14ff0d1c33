import { describe, expect, test } from 'vitest';
import {
  isAlert,
  type MedicineFacts,
  medicineFigures,
  type StockSettings,
  stockOutDays,
  suggestedOrder,
  windowStart,
} from './figures.rules.ts';

const S: StockSettings = { amcMonths: 3, minMonths: 1, maxMonths: 3, nearExpiryDays: 90 };
const TODAY = '2026-12-02';

describe('windowStart: calendar months back, clamped to the month end', () => {
  test.each([
    ['2026-12-02', 3, '2026-09-02'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2024-05-31', 3, '2024-02-29'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-03-31', 13, '2025-02-28'],
    ['2026-12-02', 0, '2026-12-02'],
  ])('%s minus %i months -> %s', (today, months, expected) => {
    expect(windowStart(today, months)).toBe(expected);
  });
});

describe('stockOutDays: days that closed with nothing on the shelf', () => {
  // balance today, daily net movements, window start, expected days
  const cases: [string, number, { date: string; net: number }[], string, number][] = [
    [
      'never out',
      10,
      [
        { date: '2026-11-01', net: 20 },
        { date: '2026-11-20', net: -10 },
      ],
      '2026-11-01',
      0,
    ],
    ['no movement known', 0, [], '2026-11-01', 0],
    [
      'out since the 28th (4 days: 28, 29, 30, 1)',
      0,
      [
        { date: '2026-11-01', net: 5 },
        { date: '2026-11-28', net: -5 },
      ],
      '2026-11-01',
      4,
    ],
    [
      'out, then restocked today',
      10,
      [
        { date: '2026-11-25', net: 3 },
        { date: '2026-11-30', net: -3 },
        { date: TODAY, net: 10 },
      ],
      '2026-11-01',
      2,
    ],
    [
      'days before the first movement are not stock-outs',
      0,
      [
        { date: '2026-11-30', net: 2 },
        { date: '2026-12-01', net: -2 },
      ],
      '2026-11-01',
      1,
    ],
    [
      'the window start bounds the count',
      0,
      [
        { date: '2026-10-01', net: 1 },
        { date: '2026-10-02', net: -1 },
      ],
      '2026-11-22',
      10,
    ],
    [
      'two movements on a day are summed',
      0,
      [
        { date: '2026-11-29', net: 4 },
        { date: '2026-11-29', net: -4 },
      ],
      '2026-11-01',
      3,
    ],
  ];
  test.each(cases)('%s', (_n, total, net, from, expected) => {
    expect(stockOutDays(total, net, from, TODAY)).toBe(expected);
  });
});

describe('suggestedOrder (max-min)', () => {
  test.each([
    // usable, in transit, amc, expected
    [30, 0, 10, 0], // 3 months: at max
    [10, 0, 10, 0], // exactly min: no order
    [9, 0, 10, 21], // below min: up to 3 months (30)
    [0, 0, 10, 30],
    [5, 10, 10, 0], // in transit lifts it above min
    [5, 2, 10, 23],
    [3, 0, 0, 0], // no consumption: nothing to order from
    [0, 0, 2.5, 8], // ceil(7.5)
  ])('usable %i + in transit %i, AMC %d -> %i', (usable, inTransit, amc, expected) => {
    expect(suggestedOrder(usable, inTransit, amc, S)).toBe(expected);
  });
});

describe('medicineFigures', () => {
  const base: MedicineFacts = {
    usable: 45,
    total: 45,
    consumed: 90,
    dailyNet: [{ date: '2026-08-01', net: 200 }],
    batches: [{ expiryDate: '2027-06-30', onHand: 45 }],
    inTransit: 0,
  };
  test.each<[string, Partial<MedicineFacts>, Partial<ReturnType<typeof medicineFigures>>]>([
    [
      '30 a month, 1.5 months of stock: ok',
      {},
      { amc: 30, monthsOfStock: 1.5, status: 'ok', suggestedOrder: 0 },
    ],
    [
      'below min: order up to max',
      { usable: 20, total: 20, batches: [{ expiryDate: '2027-06-30', onHand: 20 }] },
      { monthsOfStock: 0.7, status: 'below_min', suggestedOrder: 70 },
    ],
    ['over max', { usable: 200, total: 200 }, { monthsOfStock: 6.7, status: 'over_max' }],
    [
      'nothing usable: stock-out',
      { usable: 0, total: 12, batches: [{ expiryDate: '2026-11-30', onHand: 12 }] },
      { status: 'stock_out', expired: 12, nearExpiry: { units: 0, earliest: null } },
    ],
    [
      'no consumption',
      { consumed: 0 },
      { amc: 0, monthsOfStock: null, status: 'no_consumption', suggestedOrder: 0 },
    ],
    [
      'near expiry within 90 days, the earliest named',
      {
        batches: [
          { expiryDate: '2027-01-15', onHand: 5 },
          { expiryDate: '2026-12-20', onHand: 3 },
          { expiryDate: '2027-06-30', onHand: 37 },
        ],
      },
      { nearExpiry: { units: 8, earliest: '2026-12-20' } },
    ],
    [
      'AMC adjusted for the days the shelf was empty',
      {
        usable: 0,
        total: 0,
        consumed: 45,
        dailyNet: [
          { date: '2026-09-01', net: 45 },
          { date: '2026-10-17', net: -45 },
        ],
      },
      { stockOutDays: 46, amc: 30.3, suggestedOrder: 91 },
    ],
  ])('%s', (_n, over, expected) => {
    expect(medicineFigures({ ...base, ...over }, TODAY, S)).toMatchObject(expected);
  });

  test('alerts: out, below min, near expiry', () => {
    const f = (over: Partial<MedicineFacts>) => isAlert(medicineFigures({ ...base, ...over }, TODAY, S));
    expect(f({})).toBe(false);
    expect(f({ usable: 0, total: 0 })).toBe(true);
    expect(f({ usable: 10, total: 10 })).toBe(true);
    expect(f({ batches: [{ expiryDate: '2027-01-15', onHand: 5 }] })).toBe(true);
  });
});
