import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { likeLiteral } from './catalog.rules.ts';
import type {
  DiagnosisRow,
  MedicinePriceRow,
  MedicineRow,
  ServiceItemRow,
  ServicePriceRow,
} from './catalog.table.ts';

/** Only this module queries the catalogue tables; other modules go through index.ts. */

export function diagnosisRowsByCode(db: Db, codes: readonly string[]): Promise<DiagnosisRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('diagnosis')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export function medicineRowsById(db: Db, ids: readonly string[]): Promise<MedicineRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('medicine')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export function serviceRowsById(db: Db, ids: readonly string[]): Promise<ServiceItemRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_item')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export function medicinePriceRows(db: Db, medicineIds: readonly string[]): Promise<MedicinePriceRow[]> {
  if (medicineIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('medicine_price')
    .selectAll()
    .where('medicine_id', 'in', [...medicineIds])
    .orderBy('effective_from')
    .execute();
}

export function servicePriceRows(db: Db, serviceIds: readonly string[]): Promise<ServicePriceRow[]> {
  if (serviceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_price')
    .selectAll()
    .where('service_id', 'in', [...serviceIds])
    .orderBy('effective_from')
    .execute();
}

/** `search_key like '%word%'` for every word, each folded as the key is (unaccent, then lower). */
function wordsMatch(words: readonly string[]) {
  return words.map(
    (w) => sql<boolean>`search_key like '%' || lower(public.f_unaccent(${likeLiteral(w)})) || '%'`,
  );
}

export interface DiagnosisSearch {
  /** A code prefix in the stored form ('E11', 'E11.'), or none. */
  codePrefix: string | null;
  words: readonly string[];
  chronic?: boolean;
  notifiable?: boolean;
  /** Keyset: the last code of the previous page. */
  after?: string;
  limit: number;
}

/** Diagnoses by code prefix or by words in any language (trigram index on `search_key`), by code. */
export function searchDiagnosisRows(db: Db, s: DiagnosisSearch): Promise<DiagnosisRow[]> {
  let q = db.selectFrom('diagnosis').selectAll().where('active', '=', true);
  if (s.codePrefix !== null) {
    // A code typed: an index range on the code (text_pattern_ops), not a search of the names.
    q = q.where('code', 'like', `${likeLiteral(s.codePrefix)}%`);
  } else {
    for (const m of wordsMatch(s.words)) q = q.where(m);
  }
  if (s.chronic !== undefined) q = q.where('chronic', '=', s.chronic);
  if (s.notifiable !== undefined) q = q.where('notifiable', '=', s.notifiable);
  if (s.after !== undefined) q = q.where('code', '>', s.after);
  return q.orderBy('code').limit(s.limit).execute();
}

export interface ItemSearch {
  catalogues: readonly string[];
  words: readonly string[];
  insured?: boolean;
  kind?: string;
  after?: string;
  limit: number;
  includeInactive?: boolean;
}

export function searchMedicineRows(db: Db, s: ItemSearch): Promise<MedicineRow[]> {
  if (s.catalogues.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('medicine')
    .selectAll()
    .where('catalogue', 'in', [...s.catalogues]);
  if (!s.includeInactive) q = q.where('active', '=', true);
  for (const m of wordsMatch(s.words)) q = q.where(m);
  if (s.insured !== undefined) q = q.where('insured', '=', s.insured);
  if (s.after !== undefined) q = q.where('code', '>', s.after);
  return q.orderBy('code').limit(s.limit).execute();
}

export function searchServiceRows(db: Db, s: ItemSearch): Promise<ServiceItemRow[]> {
  if (s.catalogues.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('service_item')
    .selectAll()
    .where('catalogue', 'in', [...s.catalogues]);
  if (!s.includeInactive) q = q.where('active', '=', true);
  for (const m of wordsMatch(s.words)) q = q.where(m);
  if (s.insured !== undefined) q = q.where('insured', '=', s.insured);
  if (s.kind !== undefined) q = q.where('kind', '=', s.kind);
  if (s.after !== undefined) q = q.where('code', '>', s.after);
  return q.orderBy('code').limit(s.limit).execute();
}

/** The item's row, locked for the change of its prices (two price changes at once queue). */
export function lockMedicineRow(db: Db, id: string): Promise<MedicineRow | undefined> {
  return db.selectFrom('medicine').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function lockServiceRow(db: Db, id: string): Promise<ServiceItemRow | undefined> {
  return db.selectFrom('service_item').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Items by code in any catalogue (an import checks the code is not another catalogue's). */
export function medicineRowsByCode(db: Db, codes: readonly string[]): Promise<MedicineRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('medicine')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

export function serviceRowsByCode(db: Db, codes: readonly string[]): Promise<ServiceItemRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_item')
    .selectAll()
    .where('code', 'in', [...codes])
    .execute();
}

/** A page of an export, by code after `after`. */
export function diagnosisExportBatch(db: Db, after: string | null, limit: number): Promise<DiagnosisRow[]> {
  let q = db.selectFrom('diagnosis').selectAll();
  if (after !== null) q = q.where('code', '>', after);
  return q.orderBy('code').limit(limit).execute();
}

export function medicineExportBatch(
  db: Db,
  catalogues: readonly string[],
  after: string | null,
  limit: number,
): Promise<MedicineRow[]> {
  if (catalogues.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('medicine')
    .selectAll()
    .where('catalogue', 'in', [...catalogues]);
  if (after !== null) q = q.where('code', '>', after);
  return q.orderBy('code').limit(limit).execute();
}

export function serviceExportBatch(
  db: Db,
  catalogues: readonly string[],
  after: string | null,
  limit: number,
): Promise<ServiceItemRow[]> {
  if (catalogues.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('service_item')
    .selectAll()
    .where('catalogue', 'in', [...catalogues]);
  if (after !== null) q = q.where('code', '>', after);
  return q.orderBy('code').limit(limit).execute();
}

/** Medicine and service ids by code (a demo or an import naming items by their codes). */
export async function itemIdRowsByCode(
  db: Db,
  codes: { medicineCodes: readonly string[]; serviceCodes: readonly string[] },
): Promise<{ medicines: { id: string; code: string }[]; services: { id: string; code: string }[] }> {
  const medicines =
    codes.medicineCodes.length === 0
      ? []
      : await db
          .selectFrom('medicine')
          .select(['id', 'code'])
          .where('code', 'in', [...codes.medicineCodes])
          .execute();
  const services =
    codes.serviceCodes.length === 0
      ? []
      : await db
          .selectFrom('service_item')
          .select(['id', 'code'])
          .where('code', 'in', [...codes.serviceCodes])
          .execute();
  return { medicines, services };
}
