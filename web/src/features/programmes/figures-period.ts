/**
 * The periods a manager picks for the programme figures, written as the API takes them (a quarter
 * '2026Q4' or a year '2026'): this quarter and the three before it, this year and last year.
 */
export type PeriodChoice =
  | { id: string; kind: 'quarter'; year: number; quarter: number }
  | { id: string; kind: 'year'; year: number };

export function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

export function periodChoices(today: string): PeriodChoice[] {
  const now = quarterOf(today);
  const quarters: PeriodChoice[] = [];
  for (let back = 0; back < 4; back++) {
    const index = now.year * 4 + (now.quarter - 1) - back;
    const year = Math.floor(index / 4);
    const quarter = index - year * 4 + 1;
    quarters.push({ id: `${year}Q${quarter}`, kind: 'quarter', year, quarter });
  }
  return [
    ...quarters,
    { id: String(now.year), kind: 'year', year: now.year },
    { id: String(now.year - 1), kind: 'year', year: now.year - 1 },
  ];
}

/** The figure's own part of its id: 'hypertension-controlled' → 'controlled'. */
export const figureMeasure = (id: string, kind: string) =>
  id.startsWith(`${kind}-`) ? id.slice(kind.length + 1) : id;
