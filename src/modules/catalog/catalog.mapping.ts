import type { ServiceKind } from './catalog.enums.ts';
import type { PricePeriod } from './catalog.rules.ts';
import type { Medicine, Service } from './catalog.schema.ts';
import type {
  DiagnosisRow,
  MedicinePriceRow,
  MedicineRow,
  ServiceItemRow,
  ServicePriceRow,
} from './catalog.table.ts';

/** A diagnosis of the catalogue, as other modules and the API see it. */
export interface CatalogDiagnosis {
  code: string;
  names: { vi: string; zh: string; en: string };
  chronic: boolean;
  notifiable: boolean;
}

export function diagnosisOf(row: DiagnosisRow): CatalogDiagnosis {
  return {
    code: row.code,
    names: { vi: row.name_vi, zh: row.name_zh, en: row.name_en },
    chronic: row.chronic,
    notifiable: row.notifiable,
  };
}

export function pricePeriodOf(row: MedicinePriceRow | ServicePriceRow): PricePeriod {
  return {
    id: row.id,
    unitPrice: Number(row.unit_price),
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
  };
}

export function medicineOf(row: MedicineRow, price: PricePeriod | null): Medicine {
  return {
    id: row.id,
    catalogue: row.catalogue,
    code: row.code,
    insuranceCode: row.insurance_code,
    name: row.name,
    activeIngredient: row.active_ingredient,
    inn: row.inn,
    strength: row.strength,
    dosageForm: row.dosage_form,
    route: row.route,
    unit: row.unit,
    atcCode: row.atc_code,
    insured: row.insured,
    insuredFromLevel: row.insured_from_level,
    active: row.active,
    price,
  };
}

export function serviceOf(row: ServiceItemRow, price: PricePeriod | null): Service {
  return {
    id: row.id,
    catalogue: row.catalogue,
    code: row.code,
    insuranceCode: row.insurance_code,
    name: row.name,
    kind: row.kind as ServiceKind,
    unit: row.unit,
    lowestCareLevel: row.lowest_care_level,
    insured: row.insured,
    insuredFromLevel: row.insured_from_level,
    active: row.active,
    price,
  };
}
