import { describe, expect, test } from 'vitest';
import { axisRange, hasPoints, sortedPoints, timeOf } from './chart-series.ts';

describe('chart series', () => {
  test('points are drawn in time order', () => {
    const points = sortedPoints([
      { at: '2026-03-01', value: 2 },
      { at: '2025-12-01', value: 1 },
      { at: '2026-06-01', value: 3 },
    ]);
    expect(points.map((p) => p.value)).toEqual([1, 2, 3]);
  });

  test.each([
    { name: 'BP around its threshold', values: [150, 135, 128], threshold: 140, within: [128, 150] },
    { name: 'one point', values: [72], threshold: undefined, within: [72, 72] },
    { name: 'glucose far under its threshold', values: [5.4, 6.1], threshold: 16.7, within: [5.4, 16.7] },
  ])('the axis holds every point and the threshold: $name', ({ values, threshold, within }) => {
    const range = axisRange([
      {
        id: 'x',
        label: 'x',
        threshold,
        points: values.map((value, i) => ({ at: `2026-01-0${i + 1}`, value })),
      },
    ]);
    expect(range).not.toBeNull();
    expect(range!.min).toBeLessThan(within[0]!);
    expect(range!.max).toBeGreaterThan(within[1]!);
  });

  test('no points: no axis, nothing to draw', () => {
    expect(axisRange([])).toBeNull();
    expect(hasPoints([{ id: 'x', label: 'x', points: [] }])).toBe(false);
  });

  test('a calendar date sits at noon UTC, an instant where it is', () => {
    expect(new Date(timeOf('2026-12-03')).toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(new Date(timeOf('2026-12-03T02:00:00Z')).toISOString()).toBe('2026-12-03T02:00:00.000Z');
  });
});
