import type { Generated, Insertable, Selectable } from 'kysely';

import type { CardStatus } from './insurance.enums.ts';

export type { CardStatus };

export interface InsuranceCardTable {
  id: string;
  resident_id: string;
  /**
   * The full 15-character number (VN), normalised; for an enrolment, the member number when the
   * profile defines one (else null: the citizen id is the key).
   */
  card_number: string | null;
  /** The parts of a VN card number; null on an enrolment. */
  beneficiary_group: string | null;
  benefit_level: number | null;
  province_code: string | null;
  social_insurance_number: string | null;
  /** An enrolment's scheme (profile `insurance.reimbursement.schemes`); null on a VN card. */
  scheme: string | null;
  /** The path of the area running the enrolment's scheme (its insured area); null on a VN card. */
  insured_area_path: string | null;
  valid_from: string;
  valid_to: string;
  /** The registered first-point facility's official (insurance) code. */
  registered_facility_code: string | null;
  five_years_on: string | null;
  copay_exempt_from: string | null;
  status: Generated<CardStatus>;
  /** Copied from the resident, for row-level security and coverage by area. */
  area_path: string;
  created_at: Generated<Date>;
}

export type InsuranceCardRow = Selectable<InsuranceCardTable>;
export type NewInsuranceCardRow = Insertable<InsuranceCardTable>;
