import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import type { ClaimStatus } from '../claims/claims.enums.ts';
import {
  type AdvanceRule,
  addQuarters,
  advanceRuleOn,
  balanceOf,
  correctionsOf,
  isQuarter,
  nextAdvance,
  quarterFigures,
  quarterOfDay,
  quarterStart,
  roundToDecimals,
  runDecision,
  standingOf,
  sumFigures,
  toCents,
} from './settlement.rules.ts';

const VN: AdvanceRule[] = [{ from: '2015-01-01', percent: 80, whenNoneAccepted: 'claimed' }];
const CN: AdvanceRule[] = [{ from: '2022-01-01', percent: 33.33, whenNoneAccepted: 'none' }];
const STEPS: AdvanceRule[] = [
  { from: '2015-01-01', percent: 80, whenNoneAccepted: 'claimed' },
  { from: '2027-01-01', percent: 90, whenNoneAccepted: 'claimed' },
];

describe('quarters', () => {
  test.each([
    { q: '2026-Q4', by: 1, want: '2027-Q1' },
    { q: '2026-Q1', by: -1, want: '2025-Q4' },
    { q: '2026-Q2', by: 0, want: '2026-Q2' },
    { q: '2026-Q3', by: 5, want: '2027-Q4' },
    { q: '2026-Q1', by: -9, want: '2023-Q4' },
  ])('$q + $by = $want', ({ q, by, want }) => expect(addQuarters(q, by)).toBe(want));

  test.each([
    { q: '2026-Q1', want: '2026-01-01' },
    { q: '2026-Q4', want: '2026-10-01' },
  ])('$q starts on $want', ({ q, want }) => expect(quarterStart(q)).toBe(want));

  test.each([
    { day: '2026-12-31', want: '2026-Q4' },
    { day: '2026-01-01', want: '2026-Q1' },
    { day: '2026-06-30', want: '2026-Q2' },
    { day: '2026-07-01', want: '2026-Q3' },
  ])('$day is in $want', ({ day, want }) => expect(quarterOfDay(day)).toBe(want));

  test.each(['2026-Q1', '1999-Q4'])('%s is a quarter', (q) => expect(isQuarter(q)).toBe(true));
  test.each(['2026-Q0', '2026-Q5', '2026Q1', '2026-q1', ''])('%s is not', (q) =>
    expect(isQuarter(q)).toBe(false),
  );
});

describe('money in cents, rounded to pay', () => {
  test.each([
    { amount: 123.45, want: 12345 },
    { amount: '0.10', want: 10 },
    { amount: 0.1 + 0.2, want: 30 },
    { amount: null, want: 0 },
    { amount: '99999999999999.99', want: 'out of range' },
  ])('$amount is $want cents', ({ amount, want }) => {
    if (typeof want === 'number') expect(toCents(amount)).toBe(want);
    else expect(() => toCents(amount)).toThrow(/out of range/);
  });

  test.each([
    { cents: 12349, decimals: 0, want: 12300 },
    { cents: 12350, decimals: 0, want: 12400 },
    { cents: -12350, decimals: 0, want: -12400 },
    { cents: -12349, decimals: 0, want: -12300 },
    { cents: 12349, decimals: 2, want: 12349 },
    { cents: 12345, decimals: 1, want: 12350 },
    { cents: 0, decimals: 0, want: 0 },
  ])('$cents to $decimals decimals: $want', ({ cents, decimals, want }) =>
    expect(roundToDecimals(cents, decimals)).toBe(want),
  );
});

describe('balance = accepted + adjustments − advance', () => {
  test.each([
    { accepted: 100_000_00, adjustments: 0, advance: 80_000_00, decimals: 0, want: 20_000_00 },
    { accepted: 50_000_00, adjustments: 0, advance: 80_000_00, decimals: 0, want: -30_000_00 }, // owes back
    { accepted: 100_000_00, adjustments: -5_000_00, advance: 80_000_00, decimals: 0, want: 15_000_00 },
    { accepted: 100_000_50, adjustments: 0, advance: 0, decimals: 0, want: 100_001_00 },
    { accepted: 100_000_49, adjustments: 0, advance: 0, decimals: 0, want: 100_000_00 },
    { accepted: 100_000_49, adjustments: 1, advance: 0, decimals: 2, want: 100_000_50 },
    { accepted: 0, adjustments: 0, advance: 0, decimals: 0, want: 0 },
    { accepted: 0, adjustments: 12_00, advance: 0, decimals: 2, want: 12_00 },
  ])('$accepted + $adjustments − $advance = $want', ({ want, decimals, ...f }) =>
    expect(balanceOf(f, decimals)).toBe(want),
  );
});

describe('the next advance by the rule', () => {
  test.each([
    // VN: 80% of the accepted amount, whole đồng
    {
      rules: VN,
      quarter: '2026-Q3',
      accepted: 1_000_000_00,
      claimed: 0,
      decimals: 0,
      want: 800_000_00,
      basis: 'accepted',
    },
    {
      rules: VN,
      quarter: '2026-Q3',
      accepted: 1_234_567_89,
      claimed: 0,
      decimals: 0,
      want: 987_654_00,
      basis: 'accepted',
    },
    // 80% of 0.62 đồng is 0.496: rounds to 0 đồng; 80% of 0.63 is 0.504: 1 đồng
    { rules: VN, quarter: '2026-Q3', accepted: 62, claimed: 0, decimals: 0, want: 0, basis: 'accepted' },
    { rules: VN, quarter: '2026-Q3', accepted: 63, claimed: 0, decimals: 0, want: 100, basis: 'accepted' },
    // a first quarter: nothing accepted yet, the claimed amount
    {
      rules: VN,
      quarter: '2026-Q3',
      accepted: 0,
      claimed: 500_000_00,
      decimals: 0,
      want: 400_000_00,
      basis: 'claimed',
    },
    // CN: a third (33.33%), to the fen; nothing accepted: no advance
    {
      rules: CN,
      quarter: '2026-Q3',
      accepted: 300_000_00,
      claimed: 0,
      decimals: 2,
      want: 99_990_00,
      basis: 'accepted',
    },
    { rules: CN, quarter: '2026-Q3', accepted: 1_00, claimed: 0, decimals: 2, want: 33, basis: 'accepted' },
    { rules: CN, quarter: '2026-Q3', accepted: 0, claimed: 500_000_00, decimals: 2, want: 0, basis: null },
    // the rule in force on the next quarter's first day: 90% from 2027-Q1
    {
      rules: STEPS,
      quarter: '2026-Q3',
      accepted: 100_00,
      claimed: 0,
      decimals: 0,
      want: 80_00,
      basis: 'accepted',
    },
    {
      rules: STEPS,
      quarter: '2026-Q4',
      accepted: 100_00,
      claimed: 0,
      decimals: 0,
      want: 90_00,
      basis: 'accepted',
    },
    // no rule in force yet
    { rules: CN, quarter: '2021-Q2', accepted: 100_00, claimed: 0, decimals: 2, want: 0, basis: null },
  ] as const)(
    '$quarter accepted $accepted claimed $claimed → $want ($basis)',
    ({ rules, quarter, accepted, claimed, decimals, want, basis }) => {
      const n = nextAdvance(rules, { quarter, accepted, claimed }, decimals);
      expect(n.amount).toBe(want);
      expect(n.basis).toBe(basis);
    },
  );

  test.each([
    { date: '2014-12-31', want: undefined },
    { date: '2015-01-01', want: '2015-01-01' },
    { date: '2026-12-31', want: '2015-01-01' },
    { date: '2027-01-01', want: '2027-01-01' },
  ])('the rule in force on $date is from $want', ({ date, want }) =>
    expect(advanceRuleOn(STEPS, date)?.from).toBe(want),
  );

  test.each(['vn', 'cn'])('the %s profile has its rule', (id) => {
    const s = loadProfile(id).insurance.settlement;
    expect(s).toBeDefined();
    expect(
      nextAdvance(s!.advances, { quarter: '2026-Q4', accepted: 900_00, claimed: 0 }, s!.decimals).amount,
    ).toBe(id === 'vn' ? 720_00 : 299_97);
  });
});

describe('runs and corrections', () => {
  test.each([
    { existing: undefined, want: 'compute' },
    { existing: { status: 'computed' }, want: 'compute' },
    { existing: { status: 'signed' }, want: 'frozen' },
  ] as const)('a run over $existing: $want', ({ existing, want }) =>
    expect(runDecision(existing)).toBe(want),
  );

  const paid = new Map([
    ['a', 100_00],
    ['b', 50_00],
  ]);
  test.each([
    { name: 'unchanged', claims: [{ claimId: 'a', quarter: '2026-Q3', accepted: 100_00 }], want: [] },
    {
      name: 'accepted for less after a rebuild',
      claims: [{ claimId: 'a', quarter: '2026-Q3', accepted: 80_00 }],
      want: [{ claimId: 'a', fromQuarter: '2026-Q3', amount: -20_00 }],
    },
    {
      name: 'rejected after a rebuild',
      claims: [{ claimId: 'b', quarter: '2026-Q2', accepted: 0 }],
      want: [{ claimId: 'b', fromQuarter: '2026-Q2', amount: -50_00 }],
    },
    {
      name: 'accepted late (never paid)',
      claims: [{ claimId: 'c', quarter: '2026-Q3', accepted: 30_00 }],
      want: [{ claimId: 'c', fromQuarter: '2026-Q3', amount: 30_00 }],
    },
    {
      name: 'under review again: waits',
      claims: [{ claimId: 'a', quarter: '2026-Q3', accepted: null }],
      want: [],
    },
    {
      name: 'of this quarter: not a correction',
      claims: [{ claimId: 'c', quarter: '2026-Q4', accepted: 30_00 }],
      want: [],
    },
  ])('$name', ({ claims, want }) => expect(correctionsOf('2026-Q4', claims, paid)).toEqual(want));

  test('a claim this settlement adjusted, back to what was paid: its adjustment goes back to 0', () =>
    expect(
      correctionsOf(
        '2026-Q4',
        [{ claimId: 'a', quarter: '2026-Q3', accepted: 100_00 }],
        paid,
        new Set(['a']),
      ),
    ).toEqual([{ claimId: 'a', fromQuarter: '2026-Q3', amount: 0 }]));

  test.each([
    { status: 'draft', accepted: null, want: null },
    { status: 'submitted', accepted: null, want: null },
    { status: 'accepted', accepted: 10_00, want: 10_00 },
    { status: 'partly-accepted', accepted: 7_00, want: 7_00 },
    { status: 'paid', accepted: 10_00, want: 10_00 },
    { status: 'rejected', accepted: null, want: 0 },
  ] as const)('a $status claim stands at $want', ({ status, accepted, want }) =>
    expect(standingOf(status, accepted)).toBe(want),
  );

  test("the quarter's figures", () => {
    const c = (
      id: string,
      status: ClaimStatus,
      pays: number,
      accepted: number | null,
      rejected: number | null,
    ) => ({
      id,
      status,
      insurancePays: pays,
      accepted,
      rejected,
    });
    const f = quarterFigures([
      c('d', 'draft', 5_00, null, null),
      c('k', 'checked', 5_00, null, null),
      c('s', 'submitted', 10_00, null, null),
      c('a', 'accepted', 20_00, 20_00, 0),
      c('p', 'partly-accepted', 30_00, 25_00, 5_00),
      c('r', 'rejected', 40_00, null, null),
      c('q', 'paid', 50_00, 50_00, 0),
    ]);
    expect(f).toEqual({
      claims: 5,
      acceptedCount: 3,
      rejectedCount: 1,
      pending: 1,
      claimed: 150_00,
      accepted: 95_00,
      rejected: 45_00,
      paid: [
        { claimId: 'a', amount: 20_00 },
        { claimId: 'p', amount: 25_00 },
        { claimId: 'q', amount: 50_00 },
      ],
    });
  });

  test('an area sums its facilities', () => {
    const row = {
      claimed: 10,
      accepted: 8,
      rejected: 2,
      advance: 5,
      adjustments: 1,
      balance: 4,
      nextAdvance: 6,
    };
    expect(sumFigures([row, row])).toEqual({
      claimed: 20,
      accepted: 16,
      rejected: 4,
      advance: 10,
      adjustments: 2,
      balance: 8,
      nextAdvance: 12,
    });
  });
});
