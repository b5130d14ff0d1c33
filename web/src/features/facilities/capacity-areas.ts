import type { CountryProfile } from './api.ts';

/**
 * Whether an area's children are worth comparing on the capacity page: districts of a province and
 * communes of a district are; villages of a commune hold no hospitals and no population figures.
 */
export function hasComparableChildren(
  profile: Pick<CountryProfile, 'areaLevels' | 'communeLevel'>,
  level: string,
) {
  const levels = profile.areaLevels.map((l) => l.id);
  const at = levels.indexOf(level);
  const commune = levels.indexOf(profile.communeLevel);
  return at >= 0 && commune >= 0 && at < commune;
}

/** The years a manager can pick: this year and the four before it. */
export function capacityYears(today: string, count = 5): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => year - i);
}
