import type { Migration } from 'kysely';
import * as m20261125_1800 from './2026_11_25_1800_create_areas_facilities_workforce.ts';
import * as m20261125_1900 from './2026_11_25_1900_create_access_control.ts';
import * as m20261125_2000 from './2026_11_25_2000_row_level_security.ts';
import * as m20261125_2100 from './2026_11_25_2100_create_population_registry.ts';
import * as m20261125_2110 from './2026_11_25_2110_create_insurance_cards.ts';
import * as m20261125_2200 from './2026_11_25_2200_ltree_containment_leakproof.ts';
import * as m20261126_0900 from './2026_11_26_0900_insurance_card_keys.ts';
import * as m20261126_1000 from './2026_11_26_1000_resident_search_by_area.ts';
import * as m20261126_1010 from './2026_11_26_1010_resident_name_keys_once.ts';
import * as m20261126_1100 from './2026_11_26_1100_insurance_enrolments.ts';
import * as m20261130_0900 from './2026_11_30_0900_insurance_cards_follow_resident.ts';
import * as m20261130_1000 from './2026_11_30_1000_eligibility_lookup.ts';
import * as m20261130_1100 from './2026_11_30_1100_facility_names.ts';
import * as m20261201_0900 from './2026_12_01_0900_facility_care_level.ts';
import * as m20261201_1000 from './2026_12_01_1000_eligibility_child_without_card.ts';
import * as m20261202_1000 from './2026_12_02_1000_area_boundaries.ts';
import * as m20261202_1100 from './2026_12_02_1100_eligibility_lookup_at_once.ts';
import * as m20261202_2000 from './2026_12_02_2000_login_throttle.ts';
import * as m20261202_2010 from './2026_12_02_2010_insurance_card_number_one_holder.ts';
import * as m20261203_1000 from './2026_12_03_1000_resident_names_any_order.ts';
import * as m20261203_1100 from './2026_12_03_1100_resident_name_keys_fast_path.ts';
import * as m20261204_0900 from './2026_12_04_0900_name_words.ts';
import * as m20261204_1000 from './2026_12_04_1000_create_catalogs.ts';
import * as m20261204_1010 from './2026_12_04_1010_catalog_imported_rows.ts';
import * as m20261204_1020 from './2026_12_04_1020_medicine_search_strength.ts';
import * as m20261204_1100 from './2026_12_04_1100_create_stock.ts';
import * as m20261204_1110 from './2026_12_04_1110_create_requisitions.ts';
import * as m20261204_1200 from './2026_12_04_1200_create_encounters.ts';
import * as m20261204_1300 from './2026_12_04_1300_create_capabilities.ts';
import * as m20261205_1000 from './2026_12_05_1000_create_immunizations.ts';
import * as m20261205_1200 from './2026_12_05_1200_create_jobs.ts';
import * as m20261206_1000 from './2026_12_06_1000_create_programme_due.ts';
import * as m20261206_1010 from './2026_12_06_1010_create_pregnancies.ts';
import * as m20261206_1020 from './2026_12_06_1020_create_reminders.ts';
import * as m20261207_1000 from './2026_12_07_1000_create_appointments.ts';
import * as m20261207_1010 from './2026_12_07_1010_resident_language.ts';
import * as m20261207_1400 from './2026_12_07_1400_stock_daily.ts';
import * as m20261207_1410 from './2026_12_07_1410_stock_daily_by_facility.ts';
import * as m20261207_1500 from './2026_12_07_1500_programme_due_done_later.ts';
import * as m20261208_1000 from './2026_12_08_1000_create_claims.ts';
import * as m20261208_1100 from './2026_12_08_1100_create_settlements.ts';
import * as m20261208_1200 from './2026_12_08_1200_create_claim_files.ts';
import * as m20261208_1300 from './2026_12_08_1300_create_claim_file_records.ts';
import * as m20261208_1500 from './2026_12_08_1500_reminders_per_recipient.ts';
import * as m20261208_1600 from './2026_12_08_1600_programme_due_lighter_indexes.ts';

/** Every migration, by name. Names sort in the order they run; a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_1800_create_areas_facilities_workforce': m20261125_1800,
  '2026_11_25_1900_create_access_control': m20261125_1900,
  '2026_11_25_2000_row_level_security': m20261125_2000,
  '2026_11_25_2100_create_population_registry': m20261125_2100,
  '2026_11_25_2110_create_insurance_cards': m20261125_2110,
  '2026_11_25_2200_ltree_containment_leakproof': m20261125_2200,
  '2026_11_26_0900_insurance_card_keys': m20261126_0900,
  '2026_11_26_1000_resident_search_by_area': m20261126_1000,
  '2026_11_26_1010_resident_name_keys_once': m20261126_1010,
  '2026_11_26_1100_insurance_enrolments': m20261126_1100,
  '2026_11_30_0900_insurance_cards_follow_resident': m20261130_0900,
  '2026_11_30_1000_eligibility_lookup': m20261130_1000,
  '2026_11_30_1100_facility_names': m20261130_1100,
  '2026_12_01_0900_facility_care_level': m20261201_0900,
  '2026_12_01_1000_eligibility_child_without_card': m20261201_1000,
  '2026_12_02_1000_area_boundaries': m20261202_1000,
  '2026_12_02_1100_eligibility_lookup_at_once': m20261202_1100,
  '2026_12_02_2000_login_throttle': m20261202_2000,
  '2026_12_02_2010_insurance_card_number_one_holder': m20261202_2010,
  '2026_12_03_1000_resident_names_any_order': m20261203_1000,
  '2026_12_03_1100_resident_name_keys_fast_path': m20261203_1100,
  '2026_12_04_0900_name_words': m20261204_0900,
  '2026_12_04_1000_create_catalogs': m20261204_1000,
  '2026_12_04_1010_catalog_imported_rows': m20261204_1010,
  '2026_12_04_1020_medicine_search_strength': m20261204_1020,
  '2026_12_04_1100_create_stock': m20261204_1100,
  '2026_12_04_1110_create_requisitions': m20261204_1110,
  '2026_12_04_1200_create_encounters': m20261204_1200,
  '2026_12_04_1300_create_capabilities': m20261204_1300,
  '2026_12_05_1000_create_immunizations': m20261205_1000,
  '2026_12_05_1200_create_jobs': m20261205_1200,
  '2026_12_06_1000_create_programme_due': m20261206_1000,
  '2026_12_06_1010_create_pregnancies': m20261206_1010,
  '2026_12_06_1020_create_reminders': m20261206_1020,
  '2026_12_07_1000_create_appointments': m20261207_1000,
  '2026_12_07_1010_resident_language': m20261207_1010,
  '2026_12_07_1400_stock_daily': m20261207_1400,
  '2026_12_07_1410_stock_daily_by_facility': m20261207_1410,
  '2026_12_07_1500_programme_due_done_later': m20261207_1500,
  '2026_12_08_1000_create_claims': m20261208_1000,
  '2026_12_08_1100_create_settlements': m20261208_1100,
  '2026_12_08_1200_create_claim_files': m20261208_1200,
  '2026_12_08_1300_create_claim_file_records': m20261208_1300,
  '2026_12_08_1500_reminders_per_recipient': m20261208_1500,
  '2026_12_08_1600_programme_due_lighter_indexes': m20261208_1600,
};
