import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import type { ImportDefinition } from '../../platform/csv/import-runner.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import {
  DIAGNOSIS_COLUMNS,
  type DiagnosisImportRow,
  MEDICINE_COLUMNS,
  type MedicineImportRow,
  parseDiagnosisRow,
  parseMedicineRow,
  parseServiceRow,
  planImportedPrices,
  SERVICE_COLUMNS,
  type ServiceImportRow,
} from './catalog.import.rules.ts';
import { pricePeriodOf } from './catalog.mapping.ts';
import {
  diagnosisExportBatch,
  diagnosisRowsByCode,
  medicineExportBatch,
  medicinePriceRows,
  medicineRowsByCode,
  serviceExportBatch,
  servicePriceRows,
  serviceRowsByCode,
} from './catalog.queries.ts';
import type { PricePeriod } from './catalog.rules.ts';
import { cataloguesInForce } from './catalog.service.ts';
import {
  closeMedicinePrice,
  closeServicePrice,
  insertMedicinePrices,
  insertServicePrices,
  itemIdsByCode,
  upsertDiagnoses,
  upsertMedicines,
  upsertServices,
} from './catalog.write.queries.ts';

/**
 * CSV import and export of the catalogues (kinds `diagnoses`, `medicines`, `services`; docs/CSV.md),
 * through the registries' import runner: upserts by code, line-numbered rejections. Medicines and
 * services go into the catalogue the profile has in force; their price rows add periods, never edit one.
 */

type Outcome = 'created' | 'updated' | { reason: string };
type Batch<T> = { line: number; value: T }[];

export function diagnosisImport(profile: CountryProfile): ImportDefinition<DiagnosisImportRow> {
  return {
    kind: 'diagnoses',
    requiredColumns: ['code'],
    parse: parseDiagnosisRow,
    saveBatch: (trx, rows) => saveDiagnoses(trx, rows, profile.catalogs?.diagnoses ?? 'imported'),
  };
}

async function saveDiagnoses(
  trx: Db,
  rows: Batch<DiagnosisImportRow>,
  catalogue: string,
): Promise<Outcome[]> {
  const known = new Map(
    (await diagnosisRowsByCode(trx, [...new Set(rows.map((r) => r.value.code))])).map((r) => [r.code, r]),
  );
  const firstLine = new Map<string, number>();
  const outcomes: Outcome[] = [];
  const good: DiagnosisImportRow[] = [];
  for (const { line, value } of rows) {
    const earlier = firstLine.get(value.code);
    if (earlier !== undefined) {
      outcomes.push({ reason: `code ${value.code} is already on line ${earlier} of the file` });
      continue;
    }
    firstLine.set(value.code, line);
    outcomes.push(known.has(value.code) ? 'updated' : 'created');
    good.push(value);
  }
  await upsertDiagnoses(
    trx,
    good.map((d) => {
      const stored = known.get(d.code);
      // A name left empty keeps the stored one; a new code without it takes another language's.
      const any = (d.names.vi ?? d.names.en ?? d.names.zh)!;
      return {
        code: d.code,
        name_vi: d.names.vi ?? stored?.name_vi ?? any,
        name_zh: d.names.zh ?? stored?.name_zh ?? any,
        name_en: d.names.en ?? stored?.name_en ?? any,
        chronic: d.chronic,
        notifiable: d.notifiable,
        active: d.active,
        catalogue,
      };
    }),
    'import',
  );
  return outcomes;
}

interface ItemKind<R extends { code: string; price: { unitPrice: number; effectiveFrom: string } | null }> {
  table: 'medicine' | 'service_item';
  rowsByCode(db: Db, codes: string[]): Promise<{ id: string; code: string; catalogue: string }[]>;
  prices(db: Db, ids: string[]): Promise<(PricePeriod & { itemId: string })[]>;
  upsert(db: Db, rows: R[], catalogue: string): Promise<void>;
  close(db: Db, id: string, effectiveTo: string): Promise<void>;
  insert(
    db: Db,
    rows: { itemId: string; unitPrice: number; effectiveFrom: string; effectiveTo: string | null }[],
  ): Promise<void>;
}

/**
 * Saves a batch of medicine or service rows: an item's price rows are planned on its stored history
 * first, so a row whose price is refused writes nothing of its own; the item columns of the last good
 * row of a code win.
 */
async function saveItems<
  R extends { code: string; price: { unitPrice: number; effectiveFrom: string } | null },
>(trx: Db, kind: ItemKind<R>, rows: Batch<R>, catalogue: string): Promise<Outcome[]> {
  const codes = [...new Set(rows.map((r) => r.value.code))];
  const known = new Map((await kind.rowsByCode(trx, codes)).map((r) => [r.code, r]));
  const stored = await kind.prices(
    trx,
    [...known.values()].map((k) => k.id),
  );
  const rejected = new Map<number, string>();
  const plans = new Map<string, ReturnType<typeof planImportedPrices>>();
  for (const code of codes) {
    const item = known.get(code);
    const mine = rows.filter((r) => r.value.code === code);
    if (item && item.catalogue !== catalogue) {
      for (const r of mine)
        rejected.set(
          r.line,
          `code ${code} belongs to catalogue ${item.catalogue}, not ${catalogue} (the profile's)`,
        );
      continue;
    }
    const plan = planImportedPrices(
      stored.filter((p) => p.itemId === item?.id),
      mine.flatMap((r) => (r.value.price ? [{ line: r.line, price: r.value.price }] : [])),
    );
    for (const [line, reason] of plan.rejected) rejected.set(line, reason);
    plans.set(code, plan);
  }
  const lastGood = new Map<string, R>();
  const outcomes: Outcome[] = [];
  const seen = new Set<string>();
  for (const { line, value } of rows) {
    const reason = rejected.get(line);
    if (reason) {
      outcomes.push({ reason });
      continue;
    }
    outcomes.push(known.has(value.code) || seen.has(value.code) ? 'updated' : 'created');
    seen.add(value.code);
    lastGood.set(value.code, value);
  }
  if (lastGood.size === 0) return outcomes;
  await kind.upsert(trx, [...lastGood.values()], catalogue);
  const ids = await itemIdsByCode(trx, kind.table, [...lastGood.keys()]);
  for (const code of lastGood.keys()) {
    const plan = plans.get(code)!;
    for (const c of plan.closes) await kind.close(trx, c.id, c.effectiveTo);
    await kind.insert(
      trx,
      plan.inserts.map((p) => ({ itemId: ids.get(code)!.id, ...p })),
    );
  }
  return outcomes;
}

const medicineKind: ItemKind<MedicineImportRow> = {
  table: 'medicine',
  rowsByCode: medicineRowsByCode,
  prices: async (db, ids) =>
    (await medicinePriceRows(db, ids)).map((r) => ({ ...pricePeriodOf(r), itemId: r.medicine_id })),
  upsert: (db, rows, catalogue) =>
    upsertMedicines(
      db,
      rows.map((m) => ({
        id: newId(),
        catalogue,
        code: m.code,
        insurance_code: m.insuranceCode,
        name: m.name,
        active_ingredient: m.activeIngredient,
        inn: m.inn,
        strength: m.strength,
        dosage_form: m.dosageForm,
        route: m.route,
        unit: m.unit,
        atc_code: m.atcCode,
        insured: m.insured,
        insured_from_level: m.insuredFromLevel,
        active: m.active,
      })),
      'import',
    ),
  close: closeMedicinePrice,
  insert: (db, rows) =>
    insertMedicinePrices(
      db,
      rows.map((p) => ({
        id: newId(),
        medicine_id: p.itemId,
        unit_price: p.unitPrice,
        effective_from: p.effectiveFrom,
        effective_to: p.effectiveTo,
      })),
    ),
};

const serviceKind: ItemKind<ServiceImportRow> = {
  table: 'service_item',
  rowsByCode: serviceRowsByCode,
  prices: async (db, ids) =>
    (await servicePriceRows(db, ids)).map((r) => ({ ...pricePeriodOf(r), itemId: r.service_id })),
  upsert: (db, rows, catalogue) =>
    upsertServices(
      db,
      rows.map((s) => ({
        id: newId(),
        catalogue,
        code: s.code,
        insurance_code: s.insuranceCode,
        name: s.name,
        kind: s.kind,
        unit: s.unit,
        lowest_care_level: s.lowestCareLevel,
        insured: s.insured,
        insured_from_level: s.insuredFromLevel,
        active: s.active,
      })),
      'import',
    ),
  close: closeServicePrice,
  insert: (db, rows) =>
    insertServicePrices(
      db,
      rows.map((p) => ({
        id: newId(),
        service_id: p.itemId,
        unit_price: p.unitPrice,
        effective_from: p.effectiveFrom,
        effective_to: p.effectiveTo,
      })),
    ),
};

function needCatalogue(profile: CountryProfile, kind: 'medicines' | 'services'): string {
  const id = profile.catalogs?.[kind];
  if (!id) throw new Error(`The profile ${profile.id} names no ${kind} catalogue (its catalogs key)`);
  return id;
}

export function medicineImport(profile: CountryProfile): ImportDefinition<MedicineImportRow> {
  const catalogue = needCatalogue(profile, 'medicines');
  return {
    kind: 'medicines',
    requiredColumns: ['code', 'name', 'active_ingredient', 'strength', 'dosage_form', 'route', 'unit'],
    parse: (values) => parseMedicineRow(profile, values),
    saveBatch: (trx, rows) => saveItems(trx, medicineKind, rows, catalogue),
  };
}

export function serviceImport(profile: CountryProfile): ImportDefinition<ServiceImportRow> {
  const catalogue = needCatalogue(profile, 'services');
  return {
    kind: 'services',
    requiredColumns: ['code', 'name', 'kind', 'unit'],
    parse: (values) => parseServiceRow(profile, values),
    saveBatch: (trx, rows) => saveItems(trx, serviceKind, rows, catalogue),
  };
}

const yes = (b: boolean) => (b ? 'true' : 'false');

async function* diagnosisRows(db: Db) {
  for (let after: string | null = null; ; ) {
    const batch = await diagnosisExportBatch(db, after, 1000);
    for (const d of batch)
      yield [d.code, d.name_vi, d.name_zh, d.name_en, yes(d.chronic), yes(d.notifiable), yes(d.active)];
    if (batch.length < 1000) return;
    after = batch[batch.length - 1]!.code;
  }
}

/** Streams the diagnoses as CSV (DIAGNOSIS_COLUMNS), by code; resolves with the row count. */
export function exportDiagnosesCsv(ctx: AppContext, out: Writable): Promise<number> {
  return streamCsv(out, DIAGNOSIS_COLUMNS, diagnosisRows(ctx.db));
}

/** One row per price period (an item without a price: one row, price cells empty), by code then date. */
function withPrices<T extends { id: string }>(
  items: T[],
  prices: (PricePeriod & { itemId: string })[],
  row: (item: T) => unknown[],
) {
  return items.flatMap((item) => {
    const mine = prices.filter((p) => p.itemId === item.id);
    return mine.length === 0
      ? [[...row(item), '', '']]
      : mine.map((p) => [...row(item), p.unitPrice, p.effectiveFrom]);
  });
}

async function* medicineRows(db: Db, catalogues: string[]) {
  for (let after: string | null = null; ; ) {
    const batch = await medicineExportBatch(db, catalogues, after, 500);
    const prices = await medicineKind.prices(
      db,
      batch.map((m) => m.id),
    );
    yield* withPrices(batch, prices, (m) => [
      m.code,
      m.insurance_code,
      m.name,
      m.active_ingredient,
      m.inn,
      m.strength,
      m.dosage_form,
      m.route,
      m.unit,
      m.atc_code,
      yes(m.insured),
      m.insured_from_level,
      yes(m.active),
    ]);
    if (batch.length < 500) return;
    after = batch[batch.length - 1]!.code;
  }
}

async function* serviceRows(db: Db, catalogues: string[]) {
  for (let after: string | null = null; ; ) {
    const batch = await serviceExportBatch(db, catalogues, after, 500);
    const prices = await serviceKind.prices(
      db,
      batch.map((s) => s.id),
    );
    yield* withPrices(batch, prices, (s) => [
      s.code,
      s.insurance_code,
      s.name,
      s.kind,
      s.unit,
      s.lowest_care_level,
      yes(s.insured),
      s.insured_from_level,
      yes(s.active),
    ]);
    if (batch.length < 500) return;
    after = batch[batch.length - 1]!.code;
  }
}

/** Streams the profile's medicines as CSV (MEDICINE_COLUMNS), one row per price period. */
export function exportMedicinesCsv(ctx: AppContext, out: Writable): Promise<number> {
  return streamCsv(out, MEDICINE_COLUMNS, medicineRows(ctx.db, cataloguesInForce(ctx.profile).medicines));
}

/** Streams the profile's services as CSV (SERVICE_COLUMNS), one row per price period. */
export function exportServicesCsv(ctx: AppContext, out: Writable): Promise<number> {
  return streamCsv(out, SERVICE_COLUMNS, serviceRows(ctx.db, cataloguesInForce(ctx.profile).services));
}
