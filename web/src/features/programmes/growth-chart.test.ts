import { describe, expect, it, test } from 'vitest';
import { type CurveRow, growthChart, monthsShown, VIEW } from './growth-chart.ts';

// A straight stand-in for the WHO curves: median 3 kg at birth, +0.5 kg a month, ±1 kg at 2 SD.
const curves: CurveRow[] = Array.from({ length: 61 }, (_, month) => ({
  x: month,
  minus2: 2 + month * 0.5,
  median: 3 + month * 0.5,
  plus2: 4 + month * 0.5,
}));

describe('the weight-for-age chart', () => {
  test.each([
    { months: [], want: 12 },
    { months: [2, 5], want: 12 },
    { months: [10], want: 18 },
    { months: [40], want: 48 },
    { months: [59], want: 60 },
  ])('weighings at $months months show $want months', ({ months, want }) => {
    expect(monthsShown(months.map((m) => ({ months: m, kg: 5 })))).toBe(want);
  });

  it("reaches the child's age even when the last weighing is older", () => {
    expect(monthsShown([{ months: 2, kg: 5 }], 20)).toBe(24);
  });

  it('draws the three curves over the months shown and places each weighing inside the plot', () => {
    const chart = growthChart(curves, [
      { months: 0, kg: 3 },
      { months: 6.5, kg: 2 },
    ]);
    expect(chart.lastMonth).toBe(12);
    // 13 monthly points per curve, starting at the left edge of the plot.
    expect(chart.curves.median.split(' ')).toHaveLength(13);
    expect(chart.curves.median.startsWith(`M${VIEW.left},`)).toBe(true);
    for (const p of chart.points) {
      expect(p.x).toBeGreaterThanOrEqual(VIEW.left);
      expect(p.x).toBeLessThanOrEqual(VIEW.width - VIEW.right);
      expect(p.y).toBeGreaterThanOrEqual(VIEW.top);
      expect(p.y).toBeLessThanOrEqual(VIEW.height - VIEW.bottom);
    }
    // 2 kg at 6.5 months is below the -2 SD line (5.25 kg there); 3 kg at birth is the median.
    expect(chart.points.map((p) => p.outside)).toEqual([false, true]);
    expect(chart.xTicks.map((t) => t.month)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(chart.yTicks.map((t) => t.kg)).toEqual([2, 4, 6, 8, 10]);
  });

  it('a heavier child widens the weight axis to hold the point', () => {
    const chart = growthChart(curves, [{ months: 3, kg: 14 }]);
    expect(chart.yTicks.map((t) => t.kg)).toEqual([5, 10]);
    expect(chart.points[0]?.y).toBe(VIEW.top);
  });
});
