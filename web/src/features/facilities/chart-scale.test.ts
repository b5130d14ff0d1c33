import { describe, expect, it } from 'vitest';
import { niceAxisMax } from './chart-scale.ts';

describe('niceAxisMax', () => {
  it.each([
    { values: [3.1], target: 34, max: 50 },
    { values: [1.5], target: 11, max: 20 },
    { values: [52.9, 2.9, 591.4], target: 34, max: 1000 },
    { values: [21.3, 9.9], target: 11, max: 25 },
    { values: [9.6], target: 10, max: 20 },
    { values: [null, null], target: null, max: 1 },
    { values: [0.4], target: null, max: 0.5 },
  ])('$values with target $target → $max', ({ values, target, max }) => {
    expect(niceAxisMax(values, target)).toBe(max);
  });

  it('always leaves the target and every bar inside the axis', () => {
    for (const target of [0.3, 7, 10, 33.5, 99, 120]) {
      const end = niceAxisMax([target / 2], target);
      expect(end).toBeGreaterThan(target);
    }
  });
});
