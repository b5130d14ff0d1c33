import type { CountryProfile } from '../../platform/profile.ts';

/**
 * The rules of the administrative tree, as pure functions of the profile and plain data. Levels are
 * data: Vietnam since July 2025 has province > commune, before it province > district > commune, China
 * five levels. Skipping a level is allowed (a 2025 commune sits directly under its province).
 */

/** A problem with one input field; `field` is the input name without its prefix (`code`, `level`, `parent`). */
export interface AreaRuleError {
  field: 'code' | 'level' | 'parent';
  message: string;
}

/** What the rules need to know about a parent: its level and whether it is still in use. */
export interface ParentFacts {
  code: string;
  level: string;
  active: boolean;
}

/** ltree labels allow letters, digits and underscore (PostgreSQL 15 also allows '-', which we avoid). */
const LTREE_LABEL = /^[A-Za-z0-9_]{1,250}$/;

/** The position of a level in the profile, top first; -1 for a level the profile does not know. */
export function levelRank(profile: CountryProfile, level: string): number {
  return profile.areaLevels.findIndex((l) => l.id === level);
}

/** Whether `code` is a valid ltree label, so it can be one segment of an area path. */
export function isPathLabel(code: string): boolean {
  return LTREE_LABEL.test(code);
}

/** The path of a new area: its parent's path plus its own code, or the code alone for a root. */
export function childPath(parentPath: string | null, code: string): string {
  return parentPath ? `${parentPath}.${code}` : code;
}

/**
 * Checks where a new area would sit in the tree: the level exists in the profile, the code matches
 * that level's pattern and can be an ltree label, a top-level area has no parent, any other area has
 * an active parent at a higher level. Returns every problem, or an empty list.
 *
 * @example
 * checkAreaPlacement(vn, { code: '22366', level: 'commune', parent: { code: '56', level: 'province', active: true } })
 * // => []
 */
export function checkAreaPlacement(
  profile: CountryProfile,
  area: { code: string; level: string; parent: ParentFacts | null },
): AreaRuleError[] {
  const errors: AreaRuleError[] = [];
  const rank = levelRank(profile, area.level);
  const level = profile.areaLevels[rank];
  if (!level) {
    const known = profile.areaLevels.map((l) => l.id).join(', ');
    errors.push({ field: 'level', message: `must be one of the profile's area levels: ${known}` });
  } else if (!new RegExp(level.codePattern).test(area.code)) {
    errors.push({ field: 'code', message: `must match ${level.codePattern} for a ${level.id}` });
  }
  if (!isPathLabel(area.code)) {
    errors.push({ field: 'code', message: 'may contain only letters, digits and underscores' });
  }
  if (rank === 0 && area.parent) {
    errors.push({ field: 'parent', message: `a ${area.level} is a root of the tree and has no parent` });
  }
  if (rank > 0 && !area.parent) {
    errors.push({ field: 'parent', message: `a ${area.level} needs a parent area` });
  }
  if (rank > 0 && area.parent) {
    const parentRank = levelRank(profile, area.parent.level);
    if (parentRank < 0 || parentRank >= rank) {
      errors.push({
        field: 'parent',
        message: `a ${area.level} cannot sit under a ${area.parent.level} (${area.parent.code}): the parent must be at a higher level`,
      });
    }
    if (!area.parent.active) {
      errors.push({ field: 'parent', message: `the parent ${area.parent.code} is deactivated` });
    }
  }
  return errors;
}

/** A population figure at one area, for the subtree sum. */
export interface PopulationFigure {
  path: string;
  population: number;
  households: number | null;
}

/**
 * Sums the lowest-level figures of a subtree: an area's own figure counts only when no area below it
 * has a figure, so a commune and its villages are never counted twice. The database query applies the
 * same rule; this is its reference, used by the tests.
 */
export function sumLowestFigures(figures: PopulationFigure[]): { population: number; households: number } {
  let population = 0;
  let households = 0;
  for (const f of figures) {
    const hasLower = figures.some((o) => o.path !== f.path && o.path.startsWith(`${f.path}.`));
    if (hasLower) continue;
    population += f.population;
    households += f.households ?? 0;
  }
  return { population, households };
}
