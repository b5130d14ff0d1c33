import { daysBetween, todayIn } from '../../platform/dates.ts';
import { type FigureWindows, figure, type Period } from './figures.rules.ts';
import type { Figure } from './figures.schema.ts';

/**
 * Overdue patients called and back in care (Simple's dashboard): of the residents called about an
 * overdue follow-up of a chronic programme in the period, those who came to a visit within 15 days
 * of their first call in it. A call is an outreach attempt of any outcome but moved-away and died
 * (the registry takes those out of care).
 */

export const RETURN_WITHIN_DAYS = 15;
export const NOT_CALLS = ['moved-away', 'died'] as const;

/** What figures.queries.ts reads: an outreach attempt (its instant) and the resident's visit days. */
export interface Call {
  residentId: string;
  at: Date;
}

export interface ReturnCounts {
  called: number;
  returned: number;
}

/**
 * Each resident's first call in the period (its day on the profile's calendar), and whether a visit
 * came on that day or within the 15 after it.
 */
export function returnCounts(
  calls: readonly Call[],
  visitDays: ReadonlyMap<string, readonly string[]>,
  period: Period,
  w: FigureWindows,
  timeZone: string,
): ReturnCounts {
  const first = new Map<string, string>();
  for (const c of calls) {
    const day = todayIn(timeZone, c.at);
    if (day < period.from || day > w.asOf) continue;
    const seen = first.get(c.residentId);
    if (!seen || day < seen) first.set(c.residentId, day);
  }
  let returned = 0;
  for (const [residentId, day] of first) {
    const back = (visitDays.get(residentId) ?? []).some((v) => {
      const n = daysBetween(day, v);
      return n >= 0 && n <= RETURN_WITHIN_DAYS;
    });
    if (back) returned += 1;
  }
  return { called: first.size, returned };
}

export function returnFigure(kind: 'hypertension' | 'diabetes', c: ReturnCounts): Figure {
  return figure(`${kind}-returned-after-call`, c.returned, c.called);
}
