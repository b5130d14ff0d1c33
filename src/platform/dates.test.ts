import { describe, expect, test } from 'vitest';
import { addMonths, addYears, wholeMonthsBetween, wholeYearsBetween } from './dates.ts';

describe('calendar months and years', () => {
  test.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2026-01-01', -13, '2024-12-01'],
    ['2026-05-20', 0, '2026-05-20'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2020-06-10', 6, '2026-06-10'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  test.each([
    ['2026-01-31', '2026-02-27', 0],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-15', '2026-03-14', 1],
    ['2026-01-15', '2026-03-15', 2],
    ['2025-12-02', '2026-12-01', 11],
    ['2025-12-02', '2026-12-02', 12],
    ['2026-12-02', '2026-12-02', 0],
  ])('from %s to %s is %i whole months', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });

  test.each([
    ['1961-12-05', '2026-12-04', 64],
    ['1961-12-04', '2026-12-04', 65],
    ['2024-02-29', '2025-02-28', 1],
  ])('born %s, on %s aged %i', (birth, on, years) => {
    expect(wholeYearsBetween(birth, on)).toBe(years);
  });
});
