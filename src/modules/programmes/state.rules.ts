import { daysBetween } from '../../platform/dates.ts';
import type { DueState, DueWindow, IsoDateString } from './facts.ts';

type Dates = Pick<DueWindow, 'dueFrom' | 'overdueAfter' | 'expiresOn' | 'doneOn'>;

/**
 * A window's state on a day, read from its dates alone (so a stored window serves any day's list):
 * done once fulfilled on or before the day; expired from `expiresOn` (no longer given); overdue after
 * `overdueAfter`; due from `dueFrom`; upcoming before it.
 */
export function stateOn(w: Dates, asOf: IsoDateString): DueState {
  if (w.doneOn !== null && w.doneOn <= asOf) return 'done';
  if (w.expiresOn !== null && asOf >= w.expiresOn) return 'expired';
  if (w.overdueAfter !== null && asOf > w.overdueAfter) return 'overdue';
  if (asOf >= w.dueFrom) return 'due';
  return 'upcoming';
}

/** Days past `overdueAfter` on the day (0 when not overdue). */
export function daysOverdue(w: Dates, asOf: IsoDateString): number {
  return stateOn(w, asOf) === 'overdue' && w.overdueAfter !== null ? daysBetween(w.overdueAfter, asOf) : 0;
}
