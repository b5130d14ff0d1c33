import type { EligibilityAnswerType } from '../insurance/insurance.schema.ts';
import type { CatalogRefs } from './catalog.refs.ts';
import type { EncounterRecordRows } from './encounters.queries.ts';
import type {
  Amendment,
  Bill,
  Diagnosis,
  Encounter,
  Flag,
  Observation,
  Prescription,
  Problem,
  ServiceLine,
} from './encounters.schema.ts';
import type {
  AmendmentRow,
  BillLineRow,
  BillRow,
  DiagnosisRow,
  EncounterRow,
  ObservationRow,
  PrescriptionRow,
  ProblemRow,
  ServiceRow,
} from './encounters.table.ts';

/** Rows to API objects, in one place. */

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const noNames = (code: string) => ({ vi: code, zh: code, en: code });

export function observationOf(r: ObservationRow, keys: ReadonlyMap<string, string>): Observation {
  return {
    id: r.id,
    code: r.code,
    key: keys.get(r.code) ?? r.code,
    value: Number(r.value),
    unit: r.unit,
    enteredValue: Number(r.entered_value),
    enteredUnit: r.entered_unit,
    observedAt: iso(r.observed_at),
    flag: r.flag,
    derived: r.derived,
    amendmentId: r.amendment_id,
    retractedBy: r.retracted_by,
  };
}

export function diagnosisOf(r: DiagnosisRow, refs: CatalogRefs): Diagnosis {
  const d = refs.diagnoses.get(r.code);
  return {
    id: r.id,
    code: r.code,
    names: d?.names ?? noNames(r.code),
    role: r.role,
    chronic: d?.chronic ?? false,
    notifiable: d?.notifiable ?? false,
    note: r.note,
    problemId: r.problem_id,
    amendmentId: r.amendment_id,
    retractedBy: r.retracted_by,
  };
}

export function medicineBriefOf(id: string, refs: CatalogRefs) {
  const m = refs.medicines.get(id);
  return m ?? { id, code: '', name: '', strength: '', dosageForm: '', unit: '' };
}

export function prescriptionOf(r: PrescriptionRow, refs: CatalogRefs): Prescription {
  return {
    id: r.id,
    medicine: medicineBriefOf(r.medicine_id, refs),
    dose: Number(r.dose),
    frequency: r.frequency,
    durationDays: r.duration_days,
    quantity: r.quantity,
    quantityComputed: r.quantity_computed,
    longTerm: r.long_term,
    instructions: r.instructions,
    dispensed: r.dispensed,
    amendmentId: r.amendment_id,
    retractedBy: r.retracted_by,
  };
}

export function serviceOf(r: ServiceRow, refs: CatalogRefs): ServiceLine {
  const s = refs.services.get(r.service_item_id);
  return {
    id: r.id,
    serviceItemId: r.service_item_id,
    code: s?.code ?? '',
    name: s?.name ?? '',
    quantity: r.quantity,
    note: r.note,
    amendmentId: r.amendment_id,
    retractedBy: r.retracted_by,
  };
}

export function billOfRows(b: BillRow, lines: readonly BillLineRow[]): Bill {
  const coPayment = Number(b.co_payment);
  const patientPays = Number(b.patient_pays);
  return {
    date: b.visit_date,
    currency: b.currency,
    method: b.method,
    benefitPercent: Number(b.benefit_percent),
    rule: b.rule,
    deductibleApplied: b.deductible_applied === null ? null : Number(b.deductible_applied),
    ratioPercent: b.ratio_percent === null ? null : Number(b.ratio_percent),
    lines: lines.map((l) => ({
      kind: l.kind,
      recordId: l.record_id,
      itemId: l.item_id,
      code: l.code,
      insuranceCode: l.insurance_code,
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: Number(l.unit_price),
      coverage: l.coverage,
      hospitalAmount: Number(l.hospital_amount),
      insuredAmount: Number(l.insured_amount),
      insurancePays: Number(l.insurance_pays),
      coPayment: Number(l.co_payment),
      patientPays: Number(l.patient_pays),
    })),
    totals: {
      hospitalAmount: Number(b.hospital_amount),
      insuredAmount: Number(b.insured_amount),
      insurancePays: Number(b.insurance_pays),
      coPayment,
      patientPays,
      residentPays: Math.round((coPayment + patientPays) * 100) / 100,
    },
    amendmentId: b.amendment_id,
    pricedAt: iso(b.priced_at),
  };
}

const RECORD_KINDS = ['observations', 'diagnoses', 'prescriptions', 'services'] as const;
function recordLists(value: unknown) {
  const v = (value ?? {}) as Record<string, string[] | undefined>;
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, v[k] ?? []])) as Amendment['added'];
}

export function amendmentOf(r: AmendmentRow): Amendment {
  return {
    id: r.id,
    reason: r.reason,
    amendedAt: iso(r.amended_at),
    userId: r.user_id,
    added: recordLists(r.added),
    retracted: recordLists(r.retracted),
  };
}

/** The flags of a visit: its alarming observations and notifiable diagnoses in force. */
export function flagsOf(
  encounterId: string,
  date: string,
  observations: readonly Observation[],
  diagnoses: readonly Diagnosis[],
): Flag[] {
  const flags: Flag[] = [];
  for (const o of observations) {
    if (o.flag) {
      flags.push({
        kind: 'alarming-observation',
        encounterId,
        date,
        code: o.code,
        key: o.key,
        value: o.value,
        unit: o.unit,
        flag: o.flag,
      });
    }
  }
  for (const d of diagnoses) {
    if (d.notifiable) {
      flags.push({
        kind: 'notifiable-diagnosis',
        encounterId,
        date,
        code: d.code,
        key: null,
        value: null,
        unit: null,
        flag: null,
      });
    }
  }
  return flags;
}

/** A visit's current view: the records in force, the retracted ones apart, the bills in order. */
export function encounterOf(
  e: EncounterRow,
  rows: EncounterRecordRows,
  refs: CatalogRefs,
  facility: { id: string; code: string; name: string },
  keys: ReadonlyMap<string, string>,
): Encounter {
  const split = <R extends { retracted_by: string | null }, T>(list: readonly R[], map: (r: R) => T) => ({
    current: list.filter((r) => r.retracted_by === null).map(map),
    retracted: list.filter((r) => r.retracted_by !== null).map(map),
  });
  const observations = split(rows.observations, (r) => observationOf(r, keys));
  const diagnoses = split(rows.diagnoses, (r) => diagnosisOf(r, refs));
  const prescriptions = split(rows.prescriptions, (r) => prescriptionOf(r, refs));
  const services = split(rows.services, (r) => serviceOf(r, refs));
  const bills = rows.bills.map((b) =>
    billOfRows(
      b,
      rows.lines.filter((l) => l.bill_id === b.id),
    ),
  );
  return {
    id: e.id,
    residentId: e.resident_id,
    facility,
    workerId: e.worker_id,
    kind: e.kind,
    status: e.status,
    date: e.visit_date,
    startedAt: iso(e.started_at),
    endedAt: e.ended_at ? iso(e.ended_at) : null,
    reason: e.reason,
    insuranceCard: e.insurance_card,
    eligibility: (e.eligibility ?? null) as EligibilityAnswerType | null,
    observations: observations.current,
    diagnoses: diagnoses.current,
    prescriptions: prescriptions.current,
    services: services.current,
    retracted: {
      observations: observations.retracted,
      diagnoses: diagnoses.retracted,
      prescriptions: prescriptions.retracted,
      services: services.retracted,
    },
    flags: flagsOf(e.id, e.visit_date, observations.current, diagnoses.current),
    bill: bills[bills.length - 1] ?? null,
    bills,
    amendments: rows.amendments.map(amendmentOf),
    createdAt: iso(e.created_at),
  };
}

export function problemOf(r: ProblemRow, refs: CatalogRefs): Problem {
  return {
    id: r.id,
    residentId: r.resident_id,
    code: r.code,
    names: refs.diagnoses.get(r.code)?.names ?? noNames(r.code),
    status: r.status,
    onset: r.onset,
    resolvedOn: r.resolved_on,
    firstEncounterId: r.first_encounter_id,
    lastSeenOn: r.last_seen_on,
    note: r.note,
  };
}
