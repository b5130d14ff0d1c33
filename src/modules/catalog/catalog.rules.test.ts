import { describe, expect, test } from 'vitest';
import {
  icd10Prefix,
  isIcd10Format,
  likeLiteral,
  normaliseIcd10,
  type PricePeriod,
  planNewPrice,
  priceOn,
  searchWords,
} from './catalog.rules.ts';

describe('ICD-10 format', () => {
  test.each([
    ['I10', true],
    ['E11.9', true],
    ['S52.50', true],
    ['U07.1', true],
    ['B08.4', true],
    ['i10', false],
    ['E119', false],
    ['E11.', false],
    ['E11.123', false],
    ['1I0', false],
    ['II0', false],
    ['', false],
  ])('%s is %s', (code, want) => {
    expect(isIcd10Format(code)).toBe(want);
  });
});

describe('normaliseIcd10', () => {
  test.each([
    [' e119 ', 'E11.9'],
    ['E11.9', 'E11.9'],
    ['i10', 'I10'],
    ['I10.', 'I10'],
    ['u071', 'U07.1'],
    ['s52 50', 'S52.50'],
    ['b08.4', 'B08.4'],
    ['E1', null],
    ['E11.123', null],
    ['hypertension', null],
    ['', null],
    ['E11-9', null],
    ['11.9', null],
  ])('%j -> %j', (input, want) => {
    expect(normaliseIcd10(input)).toBe(want);
  });
});

describe('icd10Prefix (a code typed in a search box)', () => {
  test.each([
    ['e11', 'E11'],
    ['E119', 'E11.9'],
    ['e11.', 'E11.'],
    ['I1', 'I1'],
    ['i', null],
    ['I1.', null],
    ['tang', null],
    ['E11.90', 'E11.90'],
  ])('%j -> %j', (input, want) => {
    expect(icd10Prefix(input)).toBe(want);
  });
});

const p = (
  id: string,
  unitPrice: number,
  effectiveFrom: string,
  effectiveTo: string | null,
): PricePeriod => ({
  id,
  unitPrice,
  effectiveFrom,
  effectiveTo,
});
const history = [
  p('a', 100, '2024-01-01', '2024-12-31'),
  p('b', 120, '2025-01-01', '2025-06-30'),
  p('c', 150, '2025-07-01', null),
];

describe('priceOn: the price in force on a date', () => {
  test.each([
    ['2023-12-31', null],
    ['2024-01-01', 'a'],
    ['2024-12-31', 'a'],
    ['2025-01-01', 'b'],
    ['2025-06-30', 'b'],
    ['2025-07-01', 'c'],
    ['2030-01-01', 'c'],
  ])('on %s: %s', (date, want) => {
    expect(priceOn(history, date)?.id ?? null).toBe(want);
  });

  test('a gap between periods has no price', () => {
    const gap = [p('a', 100, '2024-01-01', '2024-03-31'), p('b', 120, '2024-05-01', null)];
    expect(priceOn(gap, '2024-04-15')).toBeNull();
    expect(priceOn(gap, '2024-05-01')?.id).toBe('b');
  });

  test('of overlapping periods the latest start wins', () => {
    const overlap = [p('a', 100, '2024-01-01', null), p('b', 120, '2024-06-01', null)];
    expect(priceOn(overlap, '2024-07-01')?.id).toBe('b');
    expect(priceOn(overlap, '2024-05-31')?.id).toBe('a');
  });

  test('no prices, no price', () => {
    expect(priceOn([], '2026-01-01')).toBeNull();
  });
});

describe('planNewPrice: a new price closes the previous one, never edits history', () => {
  test('the first price closes nothing', () => {
    expect(planNewPrice([], { unitPrice: 10, effectiveFrom: '2026-01-01' })).toEqual({
      ok: true,
      same: false,
      close: null,
    });
  });
  test('a later price closes the open one the day before it starts', () => {
    expect(planNewPrice(history, { unitPrice: 170, effectiveFrom: '2026-03-01' })).toEqual({
      ok: true,
      same: false,
      close: { id: 'c', effectiveTo: '2026-02-28' },
    });
  });
  test('a price starting the day after the last one starts is allowed', () => {
    expect(planNewPrice(history, { unitPrice: 170, effectiveFrom: '2025-07-02' })).toMatchObject({
      ok: true,
      close: { id: 'c', effectiveTo: '2025-07-01' },
    });
  });
  test('after a closed last period, nothing needs closing', () => {
    const closed = [p('a', 100, '2024-01-01', '2024-12-31')];
    expect(planNewPrice(closed, { unitPrice: 110, effectiveFrom: '2025-03-01' })).toEqual({
      ok: true,
      same: false,
      close: null,
    });
  });
  test('a closed last period ending after the new start is cut to the day before', () => {
    const closed = [p('a', 100, '2024-01-01', '2024-12-31')];
    expect(planNewPrice(closed, { unitPrice: 110, effectiveFrom: '2024-10-01' })).toMatchObject({
      close: { id: 'a', effectiveTo: '2024-09-30' },
    });
  });
  test('the same price on the same start is the stored one (a repeated request)', () => {
    expect(planNewPrice(history, { unitPrice: 150, effectiveFrom: '2025-07-01' })).toMatchObject({
      ok: true,
      same: true,
      existing: { id: 'c' },
    });
  });
  test.each([
    ['2025-07-01', 160],
    ['2025-01-01', 150],
    ['2023-01-01', 90],
  ])('a price starting %s (%d) on or before the last start is refused', (effectiveFrom, unitPrice) => {
    expect(planNewPrice(history, { unitPrice, effectiveFrom })).toMatchObject({
      ok: false,
      reason: 'not-after-last',
    });
  });
  test('a leap day: the day before 2028-03-01 is 2028-02-29', () => {
    expect(planNewPrice(history, { unitPrice: 1, effectiveFrom: '2028-03-01' })).toMatchObject({
      close: { effectiveTo: '2028-02-29' },
    });
  });
});

describe('search text', () => {
  test.each([
    ['  tang   huyet ap ', ['tang', 'huyet', 'ap']],
    ['高血压', ['高血压']],
    ['', []],
    ['a,b;c', ['a', 'b', 'c']],
    ['Losartan 50mg', ['Losartan', '50', 'mg']],
    ['paracetamol 0.5g', ['paracetamol', '0.5', 'g']],
    ['amoxicillin 250mg/5ml', ['amoxicillin', '250', 'mg', '5', 'ml']],
    ['vitamin B12', ['vitamin', 'B12']],
    ['氨氯地平 5毫克', ['氨氯地平', '5', '毫克']],
  ])('%j reads as %j', (q, want) => {
    expect(searchWords(q)).toEqual(want);
  });
  test('at most 8 words of at most 60 characters', () => {
    expect(searchWords('w '.repeat(20))).toHaveLength(8);
    expect(searchWords('x'.repeat(100))[0]).toHaveLength(60);
  });
  test('like wildcards typed by the user are literal', () => {
    expect(likeLiteral('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
