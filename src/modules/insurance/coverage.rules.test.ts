import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { coveragePercent, coverageTarget } from './coverage.rules.ts';

const targets = loadProfile('vn').insurance.coverageTargets;

describe('coverage figures', () => {
  test.each([
    { part: 92, whole: 100, percent: 92 },
    { part: 2, whole: 3, percent: 66.67 },
    { part: 0, whole: 10, percent: 0 },
    { part: 10, whole: 10, percent: 100 },
    { part: 5, whole: 0, percent: null },
    { part: 9204, whole: 10000, percent: 92.04 },
    // A true half of a hundredth rounds up; just below it rounds down.
    { part: 57, whole: 800, percent: 7.13 },
    { part: 581, whole: 800, percent: 72.63 },
    { part: 1, whole: 8, percent: 12.5 },
    { part: 1, whole: 3, percent: 33.33 },
    { part: 9_204_499, whole: 10_000_000, percent: 92.04 },
    { part: 9_204_500, whole: 10_000_000, percent: 92.05 },
    { part: 95, whole: 100, percent: 95 },
  ])('$part of $whole is $percent%', ({ part, whole, percent }) => {
    expect(coveragePercent(part, whole)).toBe(percent);
  });

  test.each([
    { year: 2020, target: { year: 2025, percent: 95 } },
    { year: 2025, target: { year: 2025, percent: 95 } },
    { year: 2026, target: { year: 2030, percent: 98 } },
    { year: 2030, target: { year: 2030, percent: 98 } },
    { year: 2031, target: undefined },
  ])('in $year coverage is measured against $target', ({ year, target }) => {
    expect(coverageTarget(targets, year)).toEqual(target);
  });
});
