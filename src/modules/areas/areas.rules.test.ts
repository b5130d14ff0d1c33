import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import {
  checkAreaPlacement,
  childPath,
  isPathLabel,
  levelRank,
  type ParentFacts,
  sumLowestFigures,
} from './areas.rules.ts';

const vn = loadProfile('vn');
const cn = loadProfile('cn');

const province: ParentFacts = { code: '56', level: 'province', active: true };
const district: ParentFacts = { code: '568', level: 'district', active: true };
const commune: ParentFacts = { code: '22366', level: 'commune', active: true };
const village: ParentFacts = { code: '22366_1', level: 'village', active: true };

describe('checkAreaPlacement (Vietnam profile)', () => {
  test.each([
    { what: 'a province as a root', code: '56', level: 'province', parent: null, want: [] },
    { what: 'a district under its province', code: '568', level: 'district', parent: province, want: [] },
    { what: 'a commune under its district', code: '22366', level: 'commune', parent: district, want: [] },
    {
      what: 'a commune directly under a province (2025 two-level model)',
      code: '22366',
      level: 'commune',
      parent: province,
      want: [],
    },
    { what: 'a village under its commune', code: '22366_12', level: 'village', parent: commune, want: [] },
    {
      what: 'a village directly under a province',
      code: '22366_1',
      level: 'village',
      parent: province,
      want: [],
    },
    { what: 'an unknown level', code: '56', level: 'region', parent: null, want: ['level'] },
    { what: 'a province code of 3 digits', code: '560', level: 'province', parent: null, want: ['code'] },
    { what: 'a province code with a letter', code: '5A', level: 'province', parent: null, want: ['code'] },
    { what: 'a commune code of 4 digits', code: '2236', level: 'commune', parent: district, want: ['code'] },
    {
      what: 'a village code without its number',
      code: '22366_',
      level: 'village',
      parent: commune,
      want: ['code'],
    },
    { what: 'a province with a parent', code: '56', level: 'province', parent: province, want: ['parent'] },
    { what: 'a district without a parent', code: '568', level: 'district', parent: null, want: ['parent'] },
    { what: 'a commune without a parent', code: '22366', level: 'commune', parent: null, want: ['parent'] },
    { what: 'a district under a commune', code: '568', level: 'district', parent: commune, want: ['parent'] },
    { what: 'a commune under a commune', code: '22367', level: 'commune', parent: commune, want: ['parent'] },
    { what: 'a commune under a village', code: '22367', level: 'commune', parent: village, want: ['parent'] },
    {
      what: 'a commune under a deactivated district',
      code: '22367',
      level: 'commune',
      parent: { ...district, active: false },
      want: ['parent'],
    },
    {
      what: 'a bad code and a bad parent together',
      code: '2',
      level: 'district',
      parent: commune,
      want: ['code', 'parent'],
    },
  ])('$what → $want', ({ code, level, parent, want }) => {
    const fields = checkAreaPlacement(vn, { code, level, parent }).map((e) => e.field);
    expect(fields).toEqual(want);
  });
});

describe('checkAreaPlacement (China profile, five levels)', () => {
  test.each([
    { code: '44', level: 'province', parent: null, want: [] },
    { code: '4401', level: 'prefecture', parent: { code: '44', level: 'province', active: true }, want: [] },
    {
      code: '440106',
      level: 'county',
      parent: { code: '4401', level: 'prefecture', active: true },
      want: [],
    },
    {
      code: '440106001',
      level: 'township',
      parent: { code: '440106', level: 'county', active: true },
      want: [],
    },
    {
      code: '440106001001',
      level: 'village',
      parent: { code: '440106001', level: 'township', active: true },
      want: [],
    },
    { code: '440106', level: 'district', parent: null, want: ['level'] },
    {
      code: '4401',
      level: 'prefecture',
      parent: { code: '440106', level: 'county', active: true },
      want: ['parent'],
    },
  ])('$level $code → $want', ({ code, level, parent, want }) => {
    expect(checkAreaPlacement(cn, { code, level, parent }).map((e) => e.field)).toEqual(want);
  });
});

describe('paths and levels', () => {
  test.each([
    { code: '56', want: true },
    { code: '22366_12', want: true },
    { code: 'ABC_9', want: true },
    { code: '22366-1', want: false },
    { code: '56.568', want: false },
    { code: '', want: false },
    { code: 'Đà', want: false },
  ])('code "$code" is an ltree label: $want', ({ code, want }) => {
    expect(isPathLabel(code)).toBe(want);
  });

  test.each([
    { parent: null, code: '56', want: '56' },
    { parent: '56', code: '568', want: '56.568' },
    { parent: '56.568', code: '22366', want: '56.568.22366' },
    { parent: '56.568.22366', code: '22366_1', want: '56.568.22366.22366_1' },
  ])('a $code under $parent has the path $want', ({ parent, code, want }) => {
    expect(childPath(parent, code)).toBe(want);
  });

  test.each([
    { level: 'province', want: 0 },
    { level: 'district', want: 1 },
    { level: 'commune', want: 2 },
    { level: 'village', want: 3 },
    { level: 'county', want: -1 },
  ])('level $level has rank $want in Vietnam', ({ level, want }) => {
    expect(levelRank(vn, level)).toBe(want);
  });
});

describe('sumLowestFigures', () => {
  const f = (path: string, population: number, households: number | null = null) => ({
    path,
    population,
    households,
  });
  test.each([
    { what: 'nothing', figures: [], want: { population: 0, households: 0 } },
    { what: 'one area', figures: [f('56', 100, 30)], want: { population: 100, households: 30 } },
    {
      what: 'a province and its communes: only the communes count',
      figures: [f('56', 999, 999), f('56.22366', 100, 25), f('56.22367', 50, 10)],
      want: { population: 150, households: 35 },
    },
    {
      what: 'a commune with figures and one without villages beside one with villages',
      figures: [f('56.1', 100, 20), f('56.1.1_1', 40, 8), f('56.1.1_2', 50, 9), f('56.2', 70, 14)],
      want: { population: 160, households: 31 },
    },
    {
      what: 'a sibling whose code starts like another is not its child',
      figures: [f('56.568', 10), f('56.5680', 20)],
      want: { population: 30, households: 0 },
    },
    {
      what: 'unknown households count as zero',
      figures: [f('56.1', 10, null), f('56.2', 20, 4)],
      want: { population: 30, households: 4 },
    },
  ])('$what', ({ figures, want }) => {
    expect(sumLowestFigures(figures)).toEqual(want);
  });
});
