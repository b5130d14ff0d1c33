import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  ClaimCheckOutcome,
  ClaimCheckSide,
  ClaimFailureCode,
  ClaimLineKind,
  ClaimLineStatus,
  ClaimStatus,
} from './claims.enums.ts';

/** The claims tables (migration 2026_12_08_1000): queried only in claims/*.queries.ts. */

type Json<T> = ColumnType<T, string, string>;

/** A check's failure as stored in `claim_check.failures`. */
export interface StoredFailure {
  code: ClaimFailureCode;
  lineNo: number | null;
  field: string | null;
  message: string;
}

export interface ClaimTable {
  id: string;
  encounter_id: string;
  resident_id: string;
  facility_id: string;
  area_path: string;
  /** The bill in force the claim was built from, and its seq (0 at closing, then one per amendment). */
  bill_id: string;
  bill_seq: number;
  visit_date: string;
  started_at: Date;
  ended_at: Date | null;
  /** '2026-Q4': the quarter of the visit's end date in the profile's time zone. */
  quarter: string;
  card_number: string | null;
  card_valid_from: string | null;
  card_valid_to: string | null;
  registered_facility_code: string | null;
  /** CN: the scheme the visit was covered by (no card). */
  scheme: string | null;
  benefit_percent: number;
  on_route: boolean | null;
  route_rule: string | null;
  referral_paper: string | null;
  /** MA_DOITUONG_KCB ('1.1', '1.3', '2', '3.1', ...). */
  visit_kind: string;
  /** MA_LOAI_KCB ('01' outpatient exam). */
  care_kind: string;
  main_diagnosis: string | null;
  other_diagnoses: string[];
  currency: string;
  /** Money (numeric(16, 2)) is read as a number of units with at most 2 decimals; rules count in cents. */
  hospital_amount: number;
  insured_amount: number;
  insurance_pays: number;
  co_payment: number;
  patient_pays: number;
  status: Generated<ClaimStatus>;
  /** The last check's failure codes (empty before any check and when it passed). */
  failure_codes: Generated<ClaimFailureCode[]>;
  accepted_amount: number | null;
  rejected_amount: number | null;
  checked_at: Date | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  paid_at: Date | null;
  settlement_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ClaimLineTable {
  id: string;
  claim_id: string;
  bill_seq: number;
  line_no: number;
  kind: ClaimLineKind;
  bill_line_id: string;
  item_id: string;
  code: string;
  insurance_code: string | null;
  name: string;
  unit: string;
  quantity: number;
  unit_price: number;
  coverage: string;
  hospital_amount: number;
  insured_amount: number;
  insurance_pays: number;
  co_payment: number;
  patient_pays: number;
  status: Generated<ClaimLineStatus>;
  failure: ClaimFailureCode | null;
  area_path: string;
}

export interface ClaimCheckTable {
  id: string;
  claim_id: string;
  bill_seq: number;
  side: ClaimCheckSide;
  outcome: ClaimCheckOutcome;
  failures: Json<StoredFailure[]>;
  checked_at: Date;
  user_id: string | null;
  area_path: string;
}

export interface ClaimEventTable {
  id: string;
  claim_id: string;
  from_status: ClaimStatus | null;
  to_status: ClaimStatus;
  reason: string | null;
  user_id: string | null;
  at: Date;
  area_path: string;
}

export type ClaimRow = Selectable<ClaimTable>;
export type NewClaimRow = Insertable<ClaimTable>;
export type ClaimLineRow = Selectable<ClaimLineTable>;
export type NewClaimLineRow = Insertable<ClaimLineTable>;
export type ClaimCheckRow = Selectable<ClaimCheckTable>;
export type ClaimEventRow = Selectable<ClaimEventTable>;
