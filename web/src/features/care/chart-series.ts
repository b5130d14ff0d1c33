/**
 * The timeline's charts as data: each observation kind a line of (date, value) points in time order,
 * with the band of normal values where one is drawn (BP 140/90), and an axis that holds every point and
 * the band with a little room. Pure, so the chart's content is tested without a browser.
 */

export interface ChartPoint {
  /** 'YYYY-MM-DD' or an ISO instant: the chart's time axis. */
  at: string;
  value: number;
  /** Flagged as alarming by the server (drawn as a larger red mark). */
  alarming?: boolean;
}

export interface ChartLine {
  id: string;
  label: string;
  points: ChartPoint[];
  /** A dashed line at a threshold (e.g. 140 mmHg systolic). */
  threshold?: number;
}

/** Points sorted by time, duplicates of the same instant kept (two readings at one visit). */
export function sortedPoints(points: readonly ChartPoint[]): ChartPoint[] {
  return [...points].sort((a, b) => a.at.localeCompare(b.at));
}

/** The y axis: from a round value under the lowest point (or threshold) to one over the highest. */
export function axisRange(lines: readonly ChartLine[]): { min: number; max: number } | null {
  const values = lines.flatMap((l) => [
    ...l.points.map((p) => p.value),
    ...(l.threshold === undefined ? [] : [l.threshold]),
  ]);
  if (values.length === 0) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = Math.max(high - low, Math.abs(high) * 0.1, 1);
  const step = niceStep(span / 4);
  return {
    min: Math.floor((low - span * 0.1) / step) * step,
    max: Math.ceil((high + span * 0.1) / step) * step,
  };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

/** The time axis's value of a point: a calendar date at noon UTC, so no zone moves it a day. */
export function timeOf(at: string): number {
  return Date.parse(at.length === 10 ? `${at}T12:00:00Z` : at);
}

/** Whether the chart has anything to draw. */
export function hasPoints(lines: readonly ChartLine[]): boolean {
  return lines.some((l) => l.points.length > 0);
}
