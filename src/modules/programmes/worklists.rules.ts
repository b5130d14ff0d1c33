import { wholeMonthsBetween, wholeYearsBetween } from '../../platform/dates.ts';
import type { IsoDateString } from './facts.ts';
import { PROGRAMME_KINDS, type ProgrammeKind, type WorklistState } from './programmes.enums.ts';

/**
 * The worklist's pure part: Simple's order (priority, then the most overdue first; then the oldest
 * due date, then the id, so pages never overlap), which the database sorts by (worklists.queries.ts
 * rankOn computes priority.rules.ts priorityOf for the day; worklists.priority.test.ts holds them to
 * each other), the counts by kind, and a resident's age on the day.
 */

/** A listed row's place in the order; a page cursor carries its last row's. */
export interface RankKey {
  priority: number;
  daysOverdue: number;
  dueFrom: IsoDateString;
  id: string;
}

export function compareKeys(a: RankKey, b: RankKey): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.dueFrom !== b.dueFrom) return a.dueFrom < b.dueFrom ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Due and overdue per kind (every kind present) and their sum, from the listed windows' tallies. */
export function countsOf(tallies: readonly { kind: ProgrammeKind; state: WorklistState; n: number }[]) {
  const byKind = Object.fromEntries(PROGRAMME_KINDS.map((k) => [k, { due: 0, overdue: 0 }])) as Record<
    ProgrammeKind,
    { due: number; overdue: number }
  >;
  let total = 0;
  for (const t of tallies) {
    byKind[t.kind][t.state] += t.n;
    total += t.n;
  }
  return { byKind, total };
}

/** How many the list holds under its kind and state filters (the page's total). */
export function listedCount(
  tallies: readonly { kind: ProgrammeKind; state: WorklistState; n: number }[],
  f: { kind?: ProgrammeKind; state?: WorklistState },
): number {
  return tallies
    .filter(
      (t) => (f.kind === undefined || t.kind === f.kind) && (f.state === undefined || t.state === f.state),
    )
    .reduce((sum, t) => sum + t.n, 0);
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

/** Below this age a row is called at the guardian's phone (as reminders/reminders.rules.ts does). */
export const CALL_GUARDIAN_BELOW_AGE = 16;

interface Phone {
  phone: string | null;
}

/**
 * The number a row's call dials: a child's guardian's (the household's head or oldest adult with a
 * phone), else the resident's own, else the guardian's; null when nobody has one. `guardian` is
 * named when the number is theirs.
 */
export function whomToCall<G extends Phone & { id: string; fullName: string }>(
  resident: Phone & { age: number | null },
  guardian: G | null,
): { phone: string | null; guardian: G | null } {
  const minor = resident.age !== null && resident.age < CALL_GUARDIAN_BELOW_AGE;
  const own = resident.phone ? resident.phone : null;
  if (guardian?.phone && (minor || own === null)) return { phone: guardian.phone, guardian };
  return { phone: own, guardian: null };
}
