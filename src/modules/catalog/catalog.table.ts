import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Which shipped catalogue file is installed, at which content hash (see catalog.shipped.ts). */
export interface CatalogueTable {
  id: string;
  kind: 'diagnoses' | 'medicines' | 'services';
  title: string;
  version: string;
  installed_at: Generated<Date>;
}

export interface DiagnosisTable {
  /** ICD-10 as written, upper case with the dot: 'I10', 'E11.9'. */
  code: string;
  name_vi: string;
  name_zh: string;
  name_en: string;
  chronic: Generated<boolean>;
  notifiable: Generated<boolean>;
  catalogue: string;
  active: Generated<boolean>;
  search_key: ColumnType<string, never, never>;
  updated_at: Generated<Date>;
  /** Last written by a CSV import: a later shipped file leaves it be. */
  imported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MedicineTable {
  id: string;
  catalogue: string;
  code: string;
  insurance_code: string | null;
  name: string;
  active_ingredient: string;
  /** The international non-proprietary name (English), searchable in every country. */
  inn: string | null;
  strength: string;
  dosage_form: string;
  route: string;
  unit: string;
  atc_code: string | null;
  insured: Generated<boolean>;
  /** Lowest level (the profile's careLevels, or tiers where it has none) at which insurance pays; null = any. */
  insured_from_level: string | null;
  active: Generated<boolean>;
  search_key: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Last written by a CSV import: a later shipped file leaves it be. */
  imported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PriceTable {
  id: string;
  /** numeric(14,2), in the profile's currency (the driver reads numeric as a number). */
  unit_price: number;
  effective_from: ColumnType<string, string, string>;
  /** Inclusive; null while in force. */
  effective_to: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
}

export interface MedicinePriceTable extends PriceTable {
  medicine_id: string;
}

export interface ServiceItemTable {
  id: string;
  catalogue: string;
  code: string;
  insurance_code: string | null;
  name: string;
  kind: string;
  unit: string;
  /** Lowest level of care allowed to perform it; null = any. */
  lowest_care_level: string | null;
  insured: Generated<boolean>;
  insured_from_level: string | null;
  active: Generated<boolean>;
  search_key: ColumnType<string, never, never>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** Last written by a CSV import: a later shipped file leaves it be. */
  imported_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ServicePriceTable extends PriceTable {
  service_id: string;
}

export type DiagnosisRow = Selectable<DiagnosisTable>;
export type NewDiagnosisRow = Insertable<DiagnosisTable>;
export type MedicineRow = Selectable<MedicineTable>;
export type NewMedicineRow = Insertable<MedicineTable>;
export type ServiceItemRow = Selectable<ServiceItemTable>;
export type NewServiceItemRow = Insertable<ServiceItemTable>;
export type MedicinePriceRow = Selectable<MedicinePriceTable>;
export type ServicePriceRow = Selectable<ServicePriceTable>;
