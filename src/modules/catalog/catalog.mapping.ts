import type { PricePeriod } from './catalog.rules.ts';
import type { DiagnosisRow, MedicinePriceRow, ServicePriceRow } from './catalog.table.ts';

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
