import { expect, test } from 'vitest';
import { figureMeasure, periodChoices } from './figures-period.ts';

test.each([
  { today: '2026-12-05', want: ['2026Q4', '2026Q3', '2026Q2', '2026Q1', '2026', '2025'] },
  { today: '2027-02-01', want: ['2027Q1', '2026Q4', '2026Q3', '2026Q2', '2027', '2026'] },
])('on $today a manager picks from $want', ({ today, want }) => {
  expect(periodChoices(today).map((p) => p.id)).toEqual(want);
});

test('a figure is named by its measure, whatever its kind', () => {
  expect(figureMeasure('hypertension-lost-to-follow-up', 'hypertension')).toBe('lost-to-follow-up');
  expect(figureMeasure('diabetes-controlled', 'diabetes')).toBe('controlled');
  expect(figureMeasure('other', 'diabetes')).toBe('other');
});
