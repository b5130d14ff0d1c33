/**
 * Coverage figures as pure functions: a share in percent with two decimals, and the target that
 * applies to a year (the first target year at or after it; none once the last target year is past).
 */

/**
 * `part` over `whole` in percent, two decimals rounded half-up; null when there is nothing to divide
 * by. One division of the scaled count, so a true half (57 of 800 is 7.125%) rounds up: dividing
 * first (57 / 800 × 10,000) lands a hair below 712.5 and would round down.
 */
export function coveragePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 10_000) / whole) / 100;
}

/**
 * The target a year is measured against: the nearest target year at or after it.
 *
 * @example
 * coverageTarget([{ year: 2025, percent: 95 }, { year: 2030, percent: 98 }], 2027) // => { year: 2030, percent: 98 }
 */
export function coverageTarget<T extends { year: number; percent: number }>(
  targets: readonly T[],
  year: number,
): T | undefined {
  return [...targets].sort((a, b) => a.year - b.year).find((t) => t.year >= year);
}
