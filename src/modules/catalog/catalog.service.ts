import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { diagnosisOf, medicineOf, pricePeriodOf, serviceOf } from './catalog.mapping.ts';
import {
  diagnosisRowsByCode,
  lockMedicineRow,
  lockServiceRow,
  medicinePriceRows,
  medicineRowsById,
  searchDiagnosisRows,
  searchMedicineRows,
  searchServiceRows,
  servicePriceRows,
  serviceRowsById,
} from './catalog.queries.ts';
import {
  icd10Prefix,
  normaliseIcd10,
  type PricePeriod,
  planNewPrice,
  priceOn,
  searchWords,
} from './catalog.rules.ts';
import type {
  Diagnosis,
  DiagnosisPage,
  DiagnosisQuery,
  MedicineDetail,
  MedicinePage,
  MedicineQuery,
  NewPriceBody,
  ServiceDetail,
  ServicePage,
  ServiceQuery,
} from './catalog.schema.ts';
import {
  closeMedicinePrice,
  closeServicePrice,
  insertMedicinePrices,
  insertServicePrices,
} from './catalog.write.queries.ts';

/** The catalogues in force under a profile (its `catalogs` key); none when the profile names none. */
export function cataloguesInForce(profile: CountryProfile): { medicines: string[]; services: string[] } {
  return {
    medicines: profile.catalogs ? [profile.catalogs.medicines] : [],
    services: profile.catalogs ? [profile.catalogs.services] : [],
  };
}

function nextAfter<T extends { code: string }>(items: readonly T[], limit: number): string | null {
  return items.length === limit ? items[items.length - 1]!.code : null;
}

/** Diagnoses by code prefix ('e11', 'E119') or by words in Vietnamese, Chinese or English, with or without accents. */
export async function searchDiagnoses(db: Db, query: DiagnosisQuery): Promise<DiagnosisPage> {
  const q = query.q ?? '';
  const limit = query.limit ?? 20;
  const rows = await searchDiagnosisRows(db, {
    codePrefix: icd10Prefix(q),
    words: searchWords(q),
    chronic: query.chronic,
    notifiable: query.notifiable,
    after: query.after,
    limit,
  });
  const items = rows.map(diagnosisOf);
  return { items, nextAfter: nextAfter(items, limit) };
}

/** One diagnosis by its code as typed ('e119' is E11.9): a malformed code is a 400, an unknown one a 404. */
export async function diagnosisByCode(db: Db, typed: string): Promise<Diagnosis> {
  const code = normaliseIcd10(typed);
  if (code === null) {
    throw invalidFields([
      {
        field: 'params.code',
        message:
          "must be an ICD-10 code: a letter, two digits, then optionally a dot and one or two characters (e.g. 'E11.9')",
      },
    ]);
  }
  const [row] = await diagnosisRowsByCode(db, [code]);
  if (!row) throw notFound('Diagnosis', code);
  return diagnosisOf(row);
}

function byItem<R>(rows: readonly R[], itemOf: (r: R) => string): Map<string, PricePeriod[]> {
  const out = new Map<string, PricePeriod[]>();
  for (const r of rows) {
    const list = out.get(itemOf(r)) ?? [];
    list.push(pricePeriodOf(r as never));
    out.set(itemOf(r), list);
  }
  return out;
}

export async function searchMedicines(ctx: AppContext, query: MedicineQuery): Promise<MedicinePage> {
  const date = query.date ?? todayOf(ctx);
  const limit = query.limit ?? 20;
  const rows = await searchMedicineRows(ctx.db, {
    catalogues: cataloguesInForce(ctx.profile).medicines,
    words: searchWords(query.q ?? ''),
    insured: query.insured,
    after: query.after,
    limit,
    includeInactive: query.includeInactive,
  });
  const prices = byItem(
    await medicinePriceRows(
      ctx.db,
      rows.map((r) => r.id),
    ),
    (r) => r.medicine_id,
  );
  const items = rows.map((r) => medicineOf(r, priceOn(prices.get(r.id) ?? [], date)));
  return { items, nextAfter: nextAfter(items, limit) };
}

export async function searchServices(ctx: AppContext, query: ServiceQuery): Promise<ServicePage> {
  const date = query.date ?? todayOf(ctx);
  const limit = query.limit ?? 20;
  const rows = await searchServiceRows(ctx.db, {
    catalogues: cataloguesInForce(ctx.profile).services,
    words: searchWords(query.q ?? ''),
    insured: query.insured,
    kind: query.kind,
    after: query.after,
    limit,
    includeInactive: query.includeInactive,
  });
  const prices = byItem(
    await servicePriceRows(
      ctx.db,
      rows.map((r) => r.id),
    ),
    (r) => r.service_id,
  );
  const items = rows.map((r) => serviceOf(r, priceOn(prices.get(r.id) ?? [], date)));
  return { items, nextAfter: nextAfter(items, limit) };
}

export async function medicineDetail(
  ctx: AppContext,
  id: string,
  date = todayOf(ctx),
): Promise<MedicineDetail> {
  const [row] = await medicineRowsById(ctx.db, [id]);
  if (!row) throw notFound('Medicine', id);
  const prices = (await medicinePriceRows(ctx.db, [id])).map(pricePeriodOf);
  return { ...medicineOf(row, priceOn(prices, date)), prices };
}

export async function serviceDetail(
  ctx: AppContext,
  id: string,
  date = todayOf(ctx),
): Promise<ServiceDetail> {
  const [row] = await serviceRowsById(ctx.db, [id]);
  if (!row) throw notFound('Service', id);
  const prices = (await servicePriceRows(ctx.db, [id])).map(pricePeriodOf);
  return { ...serviceOf(row, priceOn(prices, date)), prices };
}

function checkCents(unitPrice: number): void {
  if (Math.abs(unitPrice * 100 - Math.round(unitPrice * 100)) > 1e-6) {
    throw invalidFields([{ field: 'body.unitPrice', message: 'must have at most 2 decimals' }]);
  }
}

function refused(last: PricePeriod): AppError {
  const message = `must be after ${last.effectiveFrom}, the start of the last price (${last.unitPrice}): history is never edited`;
  return new AppError('conflict', `The new price must start after the last one: effectiveFrom ${message}`, [
    { field: 'body.effectiveFrom', message },
  ]);
}

/**
 * A new price from a date: the previous one ends the day before. The same price on the same date
 * again is the stored one (`created: false`, a repeated request); an earlier start is a 409.
 */
export function addMedicinePrice(
  ctx: AppContext,
  id: string,
  body: NewPriceBody,
): Promise<{ created: boolean; item: MedicineDetail }> {
  checkCents(body.unitPrice);
  return inTransaction(ctx.db, async (trx) => {
    if (!(await lockMedicineRow(trx, id))) throw notFound('Medicine', id);
    const prices = (await medicinePriceRows(trx, [id])).map(pricePeriodOf);
    const plan = planNewPrice(prices, body);
    if (!plan.ok) throw refused(plan.last);
    if (!plan.same) {
      if (plan.close) await closeMedicinePrice(trx, plan.close.id, plan.close.effectiveTo);
      await insertMedicinePrices(trx, [
        {
          id: newId(),
          medicine_id: id,
          unit_price: body.unitPrice,
          effective_from: body.effectiveFrom,
          effective_to: null,
        },
      ]);
    }
    return { created: !plan.same, item: await medicineDetail({ ...ctx, db: trx }, id) };
  });
}

export function addServicePrice(
  ctx: AppContext,
  id: string,
  body: NewPriceBody,
): Promise<{ created: boolean; item: ServiceDetail }> {
  checkCents(body.unitPrice);
  return inTransaction(ctx.db, async (trx) => {
    if (!(await lockServiceRow(trx, id))) throw notFound('Service', id);
    const prices = (await servicePriceRows(trx, [id])).map(pricePeriodOf);
    const plan = planNewPrice(prices, body);
    if (!plan.ok) throw refused(plan.last);
    if (!plan.same) {
      if (plan.close) await closeServicePrice(trx, plan.close.id, plan.close.effectiveTo);
      await insertServicePrices(trx, [
        {
          id: newId(),
          service_id: id,
          unit_price: body.unitPrice,
          effective_from: body.effectiveFrom,
          effective_to: null,
        },
      ]);
    }
    return { created: !plan.same, item: await serviceDetail({ ...ctx, db: trx }, id) };
  });
}
