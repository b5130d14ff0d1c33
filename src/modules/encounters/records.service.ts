import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError, invalidFields } from '../../platform/http/errors.ts';
import {
  type CatalogDiagnosis,
  type CatalogRefs,
  catalogRefsFor,
  normaliseIcd10,
  pricedItemsOn,
} from './catalog.refs.ts';
import type { DiagnosisRole } from './encounters.enums.ts';
import {
  type ChildKind,
  childRowsByIds,
  hasActiveProblem,
  insertDiagnosisRows,
  insertObservationRows,
  insertPrescriptionRows,
  insertServiceRows,
  upsertProblems,
} from './encounters.queries.ts';
import type { AddRecordsBody, DiagnosisInput } from './encounters.schema.ts';
import type {
  DiagnosisRow,
  EncounterRow,
  ObservationRow,
  PrescriptionRow,
  ServiceRow,
} from './encounters.table.ts';
import { observationKindsByCode } from './observation-kinds.ts';
import { readObservations } from './observations.rules.ts';
import { readPrescription } from './prescriptions.rules.ts';
import { derivedIdOf, fingerprintOf } from './sync.rules.ts';

/**
 * Adding records to a visit (at its creation, later while it is open, or by an amendment): load
 * what the records point at (catalogue entries, the records already saved under the same ids),
 * decide with the rules, then save. A record resent with the same id and body is skipped; the same
 * id with another body is a 409 naming the field.
 */

export type AddedIds = Record<ChildKind, string[]>;

/** What was added: the ids, the rows as stored, and the catalogue entries they point at. */
export interface AddedRecords {
  ids: AddedIds;
  rows: {
    observations: ObservationRow[];
    diagnoses: DiagnosisRow[];
    prescriptions: PrescriptionRow[];
    services: ServiceRow[];
  };
  /** The entries of every added record (and of the visit's saved diagnoses). */
  refs: CatalogRefs;
}

export interface AddOptions {
  /** Where the lists sit in the request body: 'body' or 'body.add'. */
  fieldPrefix: string;
  amendmentId: string | null;
  /** The visit's diagnoses already saved (for the one-main rule and the chronic-patient check). */
  savedDiagnoses: readonly DiagnosisRow[];
}

const EMPTY: AddRecordsBody = {};

export async function addRecordsTo(
  db: Db,
  ctx: AppContext,
  e: EncounterRow,
  input: AddRecordsBody = EMPTY,
  options: AddOptions,
): Promise<AddedRecords> {
  const prefix = options.fieldPrefix;
  const kinds = observationKindsByCode(ctx.profile.observationUnits);
  const observationInputs = input.observations ?? [];
  const diagnosisInputs = input.diagnoses ?? [];
  const prescriptionInputs = input.prescriptions ?? [];
  const serviceInputs = input.services ?? [];

  // Load: the observations read (their derived BMI has an id of its own), the rows already under these ids, the catalogue.
  const read = readObservations(kinds, observationInputs, {
    fieldPrefix: `${prefix}.observations`,
    observedAt: e.started_at.toISOString(),
    derivedId: (weightId) => derivedIdOf(weightId, 'bmi'),
  });
  const errors: FieldError[] = read.ok ? [] : [...read.errors];
  const observations = read.ok ? read.observations : [];
  const saved = await childRowsByIds(db, {
    observations: observations.map((o) => o.id),
    diagnoses: diagnosisInputs.map((d) => d.id),
    prescriptions: prescriptionInputs.map((p) => p.id),
    services: serviceInputs.map((s) => s.id),
  });
  const codes = diagnosisInputs.map((d) => normaliseIcd10(d.code));
  const refs = await catalogRefsFor(
    db,
    {
      codes: [...codes.filter((c): c is string => c !== null), ...options.savedDiagnoses.map((d) => d.code)],
      medicineIds: prescriptionInputs.map((p) => p.medicineId),
      serviceIds: [],
    },
    e.visit_date,
  );
  const services =
    serviceInputs.length === 0
      ? new Map()
      : await pricedItemsOn(
          db,
          { medicineIds: [], serviceIds: serviceInputs.map((s) => s.serviceItemId) },
          e.visit_date,
        );

  // Decide: repeats and conflicts first (by id), then each new record.
  const conflicts: FieldError[] = [];
  const isNew = <T extends { id: string }>(
    kind: ChildKind,
    rows: readonly { id: string; encounter_id: string; fingerprint: string }[],
    item: T,
    index: number,
    fingerprint: string,
  ): boolean => {
    const row = rows.find((r) => r.id === item.id);
    if (!row) return true;
    if (row.encounter_id !== e.id || row.fingerprint !== fingerprint) {
      conflicts.push({
        field: `${prefix}.${kind}[${index}].id`,
        message: `${item.id} is already another record: give each new record a new id`,
      });
    }
    return false;
  };

  const newObservations = observations.filter((o) => {
    const index = observationInputs.findIndex((i) => i.id === o.id);
    return isNew('observations', saved.observations, o, index < 0 ? 0 : index, fingerprintOf(o));
  });

  // Diagnoses: a code written as ICD-10 and found in the catalogue; one main diagnosis per visit.
  const savedInForce = options.savedDiagnoses.filter((d) => d.retracted_by === null);
  let hasMain = savedInForce.some((d) => d.role === 'main');
  const newDiagnoses: {
    input: DiagnosisInput;
    code: string;
    role: DiagnosisRole;
    catalog: CatalogDiagnosis;
  }[] = [];
  diagnosisInputs.forEach((d, i) => {
    const field = `${prefix}.diagnoses[${i}]`;
    const code = codes[i];
    if (!code) {
      errors.push({
        field: `${field}.code`,
        message: `${d.code} is not an ICD-10 code: a letter, two digits, then optionally a dot and one or two characters (I10, E11.9)`,
      });
      return;
    }
    const catalog = refs.diagnoses.get(code);
    if (!catalog) {
      errors.push({ field: `${field}.code`, message: `${code} is not in the diagnosis catalogue` });
      return;
    }
    if (!isNew('diagnoses', saved.diagnoses, d, i, fingerprintOf(d))) return;
    let role: DiagnosisRole = d.role ?? (hasMain ? 'secondary' : 'main');
    if (role === 'main' && hasMain) {
      if (d.role === 'main') {
        errors.push({
          field: `${field}.role`,
          message: 'the visit already has its main diagnosis: make this one secondary',
        });
        return;
      }
      role = 'secondary';
    }
    if (role === 'main') hasMain = true;
    newDiagnoses.push({ input: d, code, role, catalog });
  });

  // Prescriptions: a catalogue medicine; a long-term one for a chronic patient only.
  const chronicPatient =
    newDiagnoses.some((d) => d.catalog.chronic) ||
    savedInForce.some((d) => refs.diagnoses.get(d.code)?.chronic === true) ||
    (prescriptionInputs.some((p) => p.longTerm || p.durationDays > 30) &&
      (await hasActiveProblem(db, e.resident_id)));
  const newPrescriptions: {
    input: (typeof prescriptionInputs)[number];
    quantity: number;
    computed: boolean;
    longTerm: boolean;
  }[] = [];
  prescriptionInputs.forEach((p, i) => {
    const field = `${prefix}.prescriptions[${i}]`;
    if (!refs.medicines.has(p.medicineId)) {
      errors.push({ field: `${field}.medicineId`, message: `no medicine ${p.medicineId} in the catalogue` });
      return;
    }
    const r = readPrescription(p, field, { chronicPatient });
    if (Array.isArray(r)) {
      errors.push(...r);
      return;
    }
    if (!isNew('prescriptions', saved.prescriptions, p, i, fingerprintOf(p))) return;
    newPrescriptions.push({
      input: p,
      quantity: r.quantity,
      computed: r.quantityComputed,
      longTerm: r.longTerm,
    });
  });

  const newServices = serviceInputs.filter((s, i) => {
    if (!services.has(s.serviceItemId)) {
      errors.push({
        field: `${prefix}.services[${i}].serviceItemId`,
        message: `no service ${s.serviceItemId} in the catalogue`,
      });
      return false;
    }
    return isNew('services', saved.services, s, i, fingerprintOf(s));
  });

  if (errors.length > 0) throw invalidFields(errors);
  if (conflicts.length > 0) {
    throw new AppError('conflict', 'A record id is already used by another record', conflicts);
  }

  // Save.
  const base = {
    encounter_id: e.id,
    resident_id: e.resident_id,
    area_path: e.area_path,
    amendment_id: options.amendmentId,
    retracted_by: null,
  };
  const savedObservations = await insertObservationRows(
    db,
    newObservations.map((o) => ({
      ...base,
      id: o.id,
      code: o.code,
      value: o.value,
      unit: o.unit,
      entered_value: o.enteredValue,
      entered_unit: o.enteredUnit,
      observed_at: new Date(o.observedAt),
      visit_date: e.visit_date,
      flag: o.flag,
      derived: o.derived,
      fingerprint: fingerprintOf(o),
    })),
  );
  const chronic = newDiagnoses.filter((d) => d.catalog.chronic);
  const problems = await upsertProblems(
    db,
    chronic.map((d) => ({
      id: derivedIdOf(d.input.id, 'problem'),
      resident_id: e.resident_id,
      code: d.code,
      onset: d.input.onset ?? e.visit_date,
      first_encounter_id: e.id,
      last_seen_on: e.visit_date,
      area_path: e.area_path,
    })),
  );
  const savedDiagnoses = await insertDiagnosisRows(
    db,
    newDiagnoses.map((d) => ({
      ...base,
      id: d.input.id,
      code: d.code,
      role: d.role,
      note: d.input.note ?? null,
      problem_id: problems.get(d.code) ?? null,
      visit_date: e.visit_date,
      fingerprint: fingerprintOf(d.input),
    })),
  );
  const savedPrescriptions = await insertPrescriptionRows(
    db,
    newPrescriptions.map((p) => ({
      ...base,
      id: p.input.id,
      medicine_id: p.input.medicineId,
      dose: p.input.dose,
      frequency: p.input.frequency,
      duration_days: p.input.durationDays,
      quantity: p.quantity,
      quantity_computed: p.computed,
      long_term: p.longTerm,
      instructions: p.input.instructions ?? null,
      prescribed_on: e.visit_date,
      fingerprint: fingerprintOf(p.input),
    })),
  );
  const savedServices = await insertServiceRows(
    db,
    newServices.map((s) => ({
      ...base,
      id: s.id,
      facility_id: e.facility_id,
      service_item_id: s.serviceItemId,
      quantity: s.quantity ?? 1,
      note: s.note ?? null,
      performed_on: e.visit_date,
      fingerprint: fingerprintOf(s),
    })),
  );
  return {
    ids: {
      observations: newObservations.map((o) => o.id),
      diagnoses: newDiagnoses.map((d) => d.input.id),
      prescriptions: newPrescriptions.map((p) => p.input.id),
      services: newServices.map((s) => s.id),
    },
    rows: {
      observations: savedObservations,
      diagnoses: savedDiagnoses,
      prescriptions: savedPrescriptions,
      services: savedServices,
    },
    refs: { diagnoses: refs.diagnoses, medicines: refs.medicines, services },
  };
}
