import type { DueWindow, IsoDateString, ResidentFacts, RiskFacts } from './facts.ts';
import { daysOverdue } from './state.rules.ts';

const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

/**
 * A heart attack or a stroke, now or in the history: acute myocardial infarction (I21-I22), an old
 * one (I25.2), stroke (I60-I64) and its sequelae (I69). Simple asks for these as "prior heart
 * attack or stroke"; they raise an uncontrolled reading to the top of the overdue list.
 */
const CARDIOVASCULAR_EVENT = /^(I2[12]|I25\.2|I6[0-4]|I69)/;

/** The last blood pressure taken (both numbers at one visit) and the cardiovascular history. */
export function riskOf(facts: Pick<ResidentFacts, 'visits' | 'problems'>): RiskFacts {
  let last: { s: number; d: number; on: IsoDateString } | null = null;
  for (const v of facts.visits) {
    const s = v.observations[SYSTOLIC];
    const d = v.observations[DIASTOLIC];
    if (s !== undefined && d !== undefined && (last === null || v.date >= last.on))
      last = { s, d, on: v.date };
  }
  const cardiovascularEvent =
    facts.problems.some((p) => CARDIOVASCULAR_EVENT.test(p.code)) ||
    facts.visits.some((v) => v.diagnoses.some((c) => CARDIOVASCULAR_EVENT.test(c)));
  return {
    lastSystolic: last?.s ?? null,
    lastDiastolic: last?.d ?? null,
    lastBpOn: last?.on ?? null,
    cardiovascularEvent,
  };
}

/** At or above 180/110: refer (WHO HEARTS, China's basic public health services). */
export function isReferralLevel(r: RiskFacts): boolean {
  return (
    r.lastSystolic !== null && r.lastDiastolic !== null && (r.lastSystolic >= 180 || r.lastDiastolic >= 110)
  );
}

/** At or above 140/90: not controlled. Null when no reading. */
export function isUncontrolled(r: RiskFacts): boolean | null {
  if (r.lastSystolic === null || r.lastDiastolic === null) return null;
  return r.lastSystolic >= 140 || r.lastDiastolic >= 90;
}

export type Priority = 1 | 2 | 3 | 4;

/**
 * Who to call first, after Simple's overdue list: 1 for someone 30 to 365 days overdue whose last
 * reading was at or above 180/110, or who had a heart attack or stroke and is above 140/90; 2 for
 * the other 30-365 days overdue who are not known to be controlled, and for the high-risk less
 * overdue; 4 for someone more than a year overdue whose last reading was controlled (or who has
 * none); 3 for everyone else (due, recently overdue, controlled).
 */
export function priorityOf(
  risk: RiskFacts,
  w: Pick<DueWindow, 'dueFrom' | 'overdueAfter' | 'expiresOn' | 'doneOn'>,
  asOf: IsoDateString,
): Priority {
  const days = daysOverdue(w, asOf);
  const uncontrolled = isUncontrolled(risk);
  const high = isReferralLevel(risk) || (risk.cardiovascularEvent && uncontrolled === true);
  if (days > 365) return uncontrolled === true ? 3 : 4;
  if (days >= 30) return high ? 1 : uncontrolled === false ? 3 : 2;
  return high ? 2 : 3;
}
