import { describe, expect, it } from 'vitest';
import { capacityYears, hasComparableChildren } from './capacity-areas.ts';

const vn = {
  areaLevels: [{ id: 'province' }, { id: 'district' }, { id: 'commune' }, { id: 'village' }].map((l) => ({
    ...l,
    codePattern: '',
    label: l.id,
  })),
  communeLevel: 'commune',
};

describe('hasComparableChildren', () => {
  it.each([
    ['province', true],
    ['district', true],
    ['commune', false],
    ['village', false],
    ['unknown', false],
  ])('%s → %s', (level, expected) => {
    expect(hasComparableChildren(vn, level)).toBe(expected);
  });
});

describe('capacityYears', () => {
  it('lists this year first and the four before it', () => {
    expect(capacityYears('2026-11-30')).toEqual([2026, 2025, 2024, 2023, 2022]);
  });
});
