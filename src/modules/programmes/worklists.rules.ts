import { wholeMonthsBetween, wholeYearsBetween } from '../../platform/dates.ts';
import type { DueWindow, IsoDateString, RiskFacts } from './facts.ts';
import { type Priority, priorityOf } from './priority.rules.ts';
import { PROGRAMME_KINDS, type ProgrammeKind, type WorklistState } from './programmes.enums.ts';
import { daysOverdue, stateOn } from './state.rules.ts';

/**
 * The worklist's pure part: which open windows are listed on a day, in Simple's order (priority, then
 * the most overdue first; then the oldest due date, then the id, so pages never overlap), the counts
 * by kind, and a resident's age on the day.
 */

export interface Listable {
  id: string;
  kind: ProgrammeKind;
  dueFrom: IsoDateString;
  window: Pick<DueWindow, 'dueFrom' | 'overdueAfter' | 'expiresOn' | 'doneOn'>;
  risk: RiskFacts;
}

export interface Ranked<T extends Listable> {
  row: T;
  state: WorklistState;
  daysOverdue: number;
  priority: Priority;
}

/** The windows due or overdue on the day, each with its state, days overdue and priority. */
export function rank<T extends Listable>(rows: readonly T[], asOf: IsoDateString): Ranked<T>[] {
  const out: Ranked<T>[] = [];
  for (const row of rows) {
    const state = stateOn(row.window, asOf);
    if (state !== 'due' && state !== 'overdue') continue;
    out.push({
      row,
      state,
      daysOverdue: daysOverdue(row.window, asOf),
      priority: priorityOf(row.risk, row.window, asOf),
    });
  }
  return out;
}

/** Where a page ended: the last row's priority, days overdue, due date and id. */
export interface RankKey {
  priority: number;
  daysOverdue: number;
  dueFrom: string;
  id: string;
}

export function keyOf(r: Ranked<Listable>): RankKey {
  return { priority: r.priority, daysOverdue: r.daysOverdue, dueFrom: r.row.dueFrom, id: r.row.id };
}

export function compareKeys(a: RankKey, b: RankKey): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.dueFrom !== b.dueFrom) return a.dueFrom < b.dueFrom ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Due and overdue per kind (every kind present), and their sum. */
export function countsOf(rows: readonly Ranked<Listable>[]) {
  const byKind = Object.fromEntries(PROGRAMME_KINDS.map((k) => [k, { due: 0, overdue: 0 }])) as Record<
    ProgrammeKind,
    { due: number; overdue: number }
  >;
  for (const r of rows) byKind[r.row.kind][r.state] += 1;
  return { byKind, total: rows.length };
}

/** Whole years on the day, and whole months for a child under 6 (null without a birth date). */
export function ageOn(
  birthDate: IsoDateString | null,
  asOf: IsoDateString,
): { age: number | null; ageMonths: number | null } {
  if (birthDate === null || birthDate > asOf) return { age: null, ageMonths: null };
  const months = wholeMonthsBetween(birthDate, asOf);
  return { age: wholeYearsBetween(birthDate, asOf), ageMonths: months < 72 ? months : null };
}
