import { gestationalAgeOn } from './pregnancies.rules.ts';
import type { Pregnancy, PregnancyAmendment } from './pregnancies.schema.ts';
import type { PregnancyAmendmentRow, PregnancyRow, PregnancyValues } from './pregnancies.table.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The ultrasound dating as the API writes it, from the stored scan date and gestational age in days. */
export function ultrasoundOf(r: Pick<PregnancyRow, 'scan_date' | 'scan_ga_days'>) {
  return r.scan_date && r.scan_ga_days !== null
    ? { date: r.scan_date, weeks: Math.floor(r.scan_ga_days / 7), days: r.scan_ga_days % 7 }
    : null;
}

/** What an amendment keeps of the episode, before and after it. */
export function valuesOf(r: PregnancyRow): PregnancyValues {
  return {
    lmp: r.lmp,
    ultrasound: ultrasoundOf(r),
    datedBy: r.dated_by,
    edd: r.edd,
    outcome: r.outcome,
    outcomeDate: r.outcome_date,
    retracted: r.retracted_by !== null,
  };
}

/** The one mapping from a pregnancy row to the API object; the gestational age today (open) or at the outcome. */
export function toPregnancy(r: PregnancyRow, today: string): Pregnancy {
  const open = r.outcome === null && r.retracted_by === null;
  const gaOn = r.retracted_by ? null : (r.outcome_date ?? today);
  return {
    id: r.id,
    residentId: r.resident_id,
    lmp: r.lmp,
    ultrasound: ultrasoundOf(r),
    datedBy: r.dated_by,
    edd: r.edd,
    open,
    gestationalAge: gaOn ? gestationalAgeOn(r.edd, gaOn) : null,
    outcome: r.outcome,
    outcomeDate: r.outcome_date,
    outcomeNote: r.outcome_note,
    outcomeRecordedBy: r.outcome_recorded_by,
    outcomeRecordedAt: r.outcome_recorded_at ? iso(r.outcome_recorded_at) : null,
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: iso(r.recorded_at),
    retractedBy: r.retracted_by,
  };
}

const parsed = (v: unknown): PregnancyValues =>
  (typeof v === 'string' ? JSON.parse(v) : v) as PregnancyValues;

export function toAmendment(r: PregnancyAmendmentRow): PregnancyAmendment {
  return {
    id: r.id,
    pregnancyId: r.pregnancy_id,
    kind: r.kind,
    reason: r.reason,
    before: parsed(r.before),
    after: parsed(r.after),
    recordedBy: r.recorded_by,
    recordedAt: iso(r.recorded_at),
  };
}
