/**
 * The end of a rate chart's axis: a round number (1, 2, 2.5 or 5 times a power of ten) at or above
 * both the largest bar and the target, with a little room, so the target line is always on the chart.
 */
export function niceAxisMax(values: readonly (number | null)[], target: number | null): number {
  const top = Math.max(0, target ?? 0, ...values.map((v) => v ?? 0)) * 1.05;
  if (top <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(top));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= top) ?? 10;
  return step * power;
}
