/**
 * The geometry of the weight-for-age chart, as pure code: the WHO curves at -2, 0 and +2 SD and the
 * child's weights as SVG paths and points in a fixed view box, over the months that matter (the
 * child's age so far and a little ahead, at least a year, at most the tables' 60 months).
 */

/** One month of the reference curves (GET /api/growth/reference's points: x the month, kg at -2, 0, +2 SD). */
export interface CurveRow {
  x: number;
  minus2: number;
  median: number;
  plus2: number;
}

/** One weighing: age in months (fractional) and kg. */
export interface Weighing {
  months: number;
  kg: number;
}

export const VIEW = { width: 320, height: 200, left: 34, right: 8, top: 8, bottom: 26 } as const;

export interface ChartGeometry {
  curves: { minus2: string; median: string; plus2: string };
  points: { x: number; y: number; months: number; kg: number; outside: boolean }[];
  xTicks: { x: number; month: number }[];
  yTicks: { y: number; kg: number }[];
  /** The last month shown: where the curves end, for the labels at their ends. */
  lastMonth: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The months shown: to 3 months past the child's age (or the last weighing), rounded up to 6, 12 to 60. */
export function monthsShown(weighings: readonly Weighing[], ageMonths = 0): number {
  const last = Math.max(ageMonths, ...weighings.map((w) => w.months));
  return Math.min(60, Math.max(12, Math.ceil((last + 3) / 6) * 6));
}

export function growthChart(
  curves: readonly CurveRow[],
  weighings: readonly Weighing[],
  ageMonths = 0,
): ChartGeometry {
  const lastMonth = monthsShown(weighings, ageMonths);
  const rows = curves.filter((c) => c.x <= lastMonth).sort((a, b) => a.x - b.x);
  const shown = weighings.filter((w) => w.months >= 0 && w.months <= lastMonth);
  const low = Math.floor(Math.min(...rows.map((r) => r.minus2), ...shown.map((w) => w.kg)));
  const high = Math.ceil(Math.max(...rows.map((r) => r.plus2), ...shown.map((w) => w.kg)));
  const yMin = Number.isFinite(low) ? Math.max(0, low) : 0;
  const yMax = Number.isFinite(high) && high > yMin ? high : yMin + 1;
  const plotW = VIEW.width - VIEW.left - VIEW.right;
  const plotH = VIEW.height - VIEW.top - VIEW.bottom;
  const x = (months: number) => round1(VIEW.left + (months / lastMonth) * plotW);
  const y = (kg: number) => round1(VIEW.top + (1 - (kg - yMin) / (yMax - yMin)) * plotH);
  const path = (value: (r: CurveRow) => number) =>
    rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${x(r.x)},${y(value(r))}`).join(' ');
  const at = (months: number) => {
    // Linear between the two months around: the curves are monthly.
    const after = rows.findIndex((r) => r.x >= months);
    const b = rows[after];
    const a = rows[after - 1];
    if (!b) return null;
    if (!a || b.x === months) return b;
    const f = (months - a.x) / (b.x - a.x);
    const mix = (k: 'minus2' | 'plus2') => a[k] + (b[k] - a[k]) * f;
    return { minus2: mix('minus2'), plus2: mix('plus2') };
  };
  const monthStep = lastMonth <= 12 ? 2 : lastMonth <= 24 ? 6 : 12;
  const kgStep = yMax - yMin <= 10 ? 2 : 5;
  const xTicks = [];
  for (let m = 0; m <= lastMonth; m += monthStep) xTicks.push({ x: x(m), month: m });
  const yTicks = [];
  for (let kg = Math.ceil(yMin / kgStep) * kgStep; kg <= yMax; kg += kgStep) yTicks.push({ y: y(kg), kg });
  return {
    curves: { minus2: path((r) => r.minus2), median: path((r) => r.median), plus2: path((r) => r.plus2) },
    points: shown.map((w) => {
      const band = at(w.months);
      return {
        x: x(w.months),
        y: y(w.kg),
        months: w.months,
        kg: w.kg,
        outside: band ? w.kg < band.minus2 || w.kg > band.plus2 : false,
      };
    }),
    xTicks,
    yTicks,
    lastMonth,
  };
}
