import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  BillLineCoverage,
  BillLineKind,
  BillMethod,
  DiagnosisRole,
  DoseFrequency,
  EncounterKind,
  EncounterStatus,
  ObservationFlag,
  ProblemStatus,
} from './encounters.enums.ts';

/** The care tables (migration 2026_12_04_1200): queried only in encounters/*.queries.ts. */

type Json<T> = ColumnType<T, string, string>;

/** Who added a record and which amendment took it back. */
interface History {
  fingerprint: string;
  amendment_id: string | null;
  retracted_by: string | null;
  area_path: string;
}

export interface EncounterTable {
  id: string;
  resident_id: string;
  facility_id: string;
  worker_id: string | null;
  kind: EncounterKind;
  status: Generated<EncounterStatus>;
  visit_date: string;
  started_at: Date;
  ended_at: Date | null;
  reason: string | null;
  insurance_card: string | null;
  /** The eligibility answer given at opening (insurance's EligibilityAnswer), never recomputed. */
  eligibility: Json<unknown> | null;
  fingerprint: string;
  area_path: string;
  created_by: string | null;
  created_at: Generated<Date>;
  closed_at: Date | null;
}

export interface EncounterAmendmentTable {
  id: string;
  encounter_id: string;
  reason: string;
  added: Json<Record<string, string[]>>;
  retracted: Json<Record<string, string[]>>;
  fingerprint: string;
  user_id: string | null;
  amended_at: Date;
  area_path: string;
}

export interface EncounterObservationTable extends History {
  id: string;
  encounter_id: string;
  resident_id: string;
  code: string;
  value: number;
  unit: string;
  entered_value: number;
  entered_unit: string;
  observed_at: Date;
  visit_date: string;
  flag: ObservationFlag | null;
  derived: boolean;
}

export interface ProblemTable {
  id: string;
  resident_id: string;
  code: string;
  status: Generated<ProblemStatus>;
  onset: string;
  resolved_on: string | null;
  first_encounter_id: string | null;
  last_seen_on: string;
  note: string | null;
  area_path: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EncounterDiagnosisTable extends History {
  id: string;
  encounter_id: string;
  resident_id: string;
  code: string;
  role: DiagnosisRole;
  note: string | null;
  problem_id: string | null;
  visit_date: string;
}

export interface EncounterPrescriptionTable extends History {
  id: string;
  encounter_id: string;
  resident_id: string;
  medicine_id: string;
  dose: number;
  frequency: DoseFrequency;
  duration_days: number;
  quantity: number;
  quantity_computed: boolean;
  long_term: boolean;
  instructions: string | null;
  dispensed: Generated<number>;
  prescribed_on: string;
}

/** Services performed, with the catalogue service id (the capabilities module may count them). */
export interface EncounterServiceTable extends History {
  id: string;
  encounter_id: string;
  resident_id: string;
  facility_id: string;
  service_item_id: string;
  quantity: number;
  note: string | null;
  performed_on: string;
}

export interface EncounterBillTable {
  id: string;
  encounter_id: string;
  resident_id: string;
  seq: number;
  amendment_id: string | null;
  visit_date: string;
  tier: string;
  currency: string;
  method: BillMethod;
  benefit_percent: number;
  rule: string | null;
  deductible_applied: number | null;
  ratio_percent: number | null;
  hospital_amount: number;
  insured_amount: number;
  insurance_pays: number;
  co_payment: number;
  patient_pays: number;
  priced_at: Date;
  area_path: string;
}

export interface EncounterBillLineTable {
  id: string;
  bill_id: string;
  line_no: number;
  kind: BillLineKind;
  record_id: string;
  item_id: string;
  code: string;
  insurance_code: string | null;
  name: string;
  unit: string;
  quantity: number;
  unit_price: number;
  coverage: BillLineCoverage;
  hospital_amount: number;
  insured_amount: number;
  insurance_pays: number;
  co_payment: number;
  patient_pays: number;
  area_path: string;
}

export type EncounterRow = Selectable<EncounterTable>;
export type ObservationRow = Selectable<EncounterObservationTable>;
export type DiagnosisRow = Selectable<EncounterDiagnosisTable>;
export type PrescriptionRow = Selectable<EncounterPrescriptionTable>;
export type ServiceRow = Selectable<EncounterServiceTable>;
export type ProblemRow = Selectable<ProblemTable>;
export type BillRow = Selectable<EncounterBillTable>;
export type BillLineRow = Selectable<EncounterBillLineTable>;
export type AmendmentRow = Selectable<EncounterAmendmentTable>;
export type NewObservationRow = Insertable<EncounterObservationTable>;
export type NewDiagnosisRow = Insertable<EncounterDiagnosisTable>;
export type NewPrescriptionRow = Insertable<EncounterPrescriptionTable>;
export type NewServiceRow = Insertable<EncounterServiceTable>;
