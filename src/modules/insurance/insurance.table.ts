import type { Generated, Insertable, Selectable } from 'kysely';

export type CardStatus = 'active' | 'withdrawn';

export interface InsuranceCardTable {
  id: string;
  resident_id: string;
  /** The full 15-character number (VN), normalised. */
  card_number: string;
  beneficiary_group: string;
  benefit_level: number;
  province_code: string;
  social_insurance_number: string;
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
