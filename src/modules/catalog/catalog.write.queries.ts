import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  MedicinePriceRow,
  NewDiagnosisRow,
  NewMedicineRow,
  NewServiceItemRow,
  ServicePriceRow,
} from './catalog.table.ts';

/** Writes to the catalogue tables (shipped files, CSV imports, routes): multi-row upserts by code. */

const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** One installer at a time (two servers starting on one PostgreSQL database). */
export async function lockCatalogues(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('catalogue_install'))`.execute(db);
}

export async function installedVersions(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('catalogue').select(['id', 'version']).execute();
  return new Map(rows.map((r) => [r.id, r.version]));
}

export async function recordCatalogue(
  db: Db,
  row: { id: string; kind: 'diagnoses' | 'medicines' | 'services'; title: string; version: string },
): Promise<void> {
  await db
    .insertInto('catalogue')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        title: eb.ref('excluded.title'),
        version: eb.ref('excluded.version'),
        installed_at: sql`now()`,
      })),
    )
    .execute();
}

/**
 * How an upsert treats a known code: a shipped file updates only rows never imported (the national
 * catalogue's word stands); an import updates any row and marks it imported.
 */
export type UpsertSource = 'shipped' | 'import';

const importedNow = (source: UpsertSource) => (source === 'import' ? { imported_at: sql<Date>`now()` } : {});

/** The coded catalogue tables, each with its insert row. */
interface CodedRows {
  diagnosis: NewDiagnosisRow;
  medicine: NewMedicineRow;
  service_item: NewServiceItemRow;
}

/** What a known code takes from the file or the import: every column but its id, code and timestamps. */
const UPDATED_COLUMNS = {
  diagnosis: ['name_vi', 'name_zh', 'name_en', 'chronic', 'notifiable', 'catalogue', 'active'],
  medicine: [
    'catalogue',
    'insurance_code',
    'name',
    'active_ingredient',
    'inn',
    'strength',
    'dosage_form',
    'route',
    'unit',
    'atc_code',
    'insured',
    'insured_from_level',
    'active',
  ],
  service_item: [
    'catalogue',
    'insurance_code',
    'name',
    'kind',
    'unit',
    'lowest_care_level',
    'insured',
    'insured_from_level',
    'active',
  ],
} as const satisfies { [T in keyof CodedRows]: readonly (keyof CodedRows[T] & string)[] };

/** Upserts rows by code, 500 a statement (a known code keeps its id; see UpsertSource). */
async function upsertByCode<T extends keyof CodedRows>(
  db: Db,
  table: T,
  rows: readonly CodedRows[T][],
  source: UpsertSource,
): Promise<void> {
  const set = {
    ...Object.fromEntries(UPDATED_COLUMNS[table].map((c) => [c, sql.ref(`excluded.${c}`)])),
    updated_at: sql`now()`,
    ...importedNow(source),
  };
  for (const part of chunks(rows)) {
    // The three tables share the columns used here; Kysely cannot check a table chosen at run time.
    await db
      .insertInto(table as keyof CodedRows)
      .values(part.map((r) => ({ ...r, ...importedNow(source) })) as never)
      .onConflict((oc) => {
        const update = oc.column('code').doUpdateSet(set as never);
        return source === 'shipped' ? update.where(sql.ref(`${table}.imported_at`), 'is', null) : update;
      })
      .execute();
  }
}

export const upsertDiagnoses = (db: Db, rows: readonly NewDiagnosisRow[], source: UpsertSource = 'shipped') =>
  upsertByCode(db, 'diagnosis', rows, source);

export const upsertMedicines = (db: Db, rows: readonly NewMedicineRow[], source: UpsertSource = 'shipped') =>
  upsertByCode(db, 'medicine', rows, source);

export const upsertServices = (
  db: Db,
  rows: readonly NewServiceItemRow[],
  source: UpsertSource = 'shipped',
) => upsertByCode(db, 'service_item', rows, source);

/** The ids of these codes, and whether each row came from an import. */
export async function itemIdsByCode(
  db: Db,
  table: 'medicine' | 'service_item',
  codes: readonly string[],
): Promise<Map<string, { id: string; imported: boolean }>> {
  const out = new Map<string, { id: string; imported: boolean }>();
  for (const part of chunks(codes)) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'code', 'imported_at'])
      .where('code', 'in', part)
      .execute();
    for (const r of rows) out.set(r.code, { id: r.id, imported: r.imported_at !== null });
  }
  return out;
}

type NewPrice = { id: string; unit_price: number; effective_from: string; effective_to: string | null };

/** Price periods that are not there yet (by item and start date); existing ones are never changed. */
export async function insertMedicinePrices(
  db: Db,
  rows: readonly (NewPrice & { medicine_id: string })[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('medicine_price')
      .values(part)
      .onConflict((oc) => oc.columns(['medicine_id', 'effective_from']).doNothing())
      .execute();
  }
}

export async function insertServicePrices(
  db: Db,
  rows: readonly (NewPrice & { service_id: string })[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('service_price')
      .values(part)
      .onConflict((oc) => oc.columns(['service_id', 'effective_from']).doNothing())
      .execute();
  }
}

export async function closeMedicinePrice(db: Db, id: string, effectiveTo: string): Promise<void> {
  await db.updateTable('medicine_price').set({ effective_to: effectiveTo }).where('id', '=', id).execute();
}

export async function closeServicePrice(db: Db, id: string, effectiveTo: string): Promise<void> {
  await db.updateTable('service_price').set({ effective_to: effectiveTo }).where('id', '=', id).execute();
}

export type { MedicinePriceRow, ServicePriceRow };

/**
 * Closes every open price that a later one follows, the day before the later one starts (a shipped
 * file or an import that brings a new price: the previous one ends, its row is otherwise unchanged).
 */
export async function closeSupersededPrices(db: Db): Promise<void> {
  for (const [table, item] of [
    ['medicine_price', 'medicine_id'],
    ['service_price', 'service_id'],
  ] as const) {
    await sql`
      update ${sql.table(table)} p set effective_to = (
        select min(n.effective_from) - 1 from ${sql.table(table)} n
        where n.${sql.ref(item)} = p.${sql.ref(item)} and n.effective_from > p.effective_from)
      where p.effective_to is null and exists (
        select 1 from ${sql.table(table)} n
        where n.${sql.ref(item)} = p.${sql.ref(item)} and n.effective_from > p.effective_from)`.execute(db);
  }
}
