import fs from 'node:fs';
import path from 'node:path';
import { loadStockLedger, type StockLedgerReport } from '../modules/stock/index.ts';
import type { AppContext } from '../platform/app-context.ts';
import { PROJECT_ROOT } from '../platform/project-root.ts';
import { type DemoDispensing, planStock, type StockDemoFacility } from './generate-stock.ts';
import { Rng } from './random.ts';

/** How many of the catalogue's medicines the demo shelves carry. */
export const DEMO_MEDICINES = 12;

/**
 * The medicine codes the demo stocks: the first of the profile's shipped medicines catalogue (the
 * catalogue in force), so the shelf holds what the visit screen prescribes.
 */
export function demoMedicineCodes(ctx: AppContext): string[] {
  const id = ctx.profile.catalogs?.medicines;
  if (!id) return [];
  const file = path.join(PROJECT_ROOT, 'protocols/catalogs', `${id}.json`);
  if (!fs.existsSync(file)) return [];
  const items = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: { code: string }[] }).items;
  return items.slice(0, DEMO_MEDICINES).map((i) => i.code);
}

/**
 * The shelves of a demo district: its supplier(s) of the profile's supplier kinds and the stations
 * they manage, among the facilities in the district (`inDistrict` by area code).
 */
export function stockFacilities(
  ctx: AppContext,
  facilities: readonly { code: string; kind: string; areaCode: string; managingCode: string | null }[],
  inDistrict: (areaCode: string) => boolean,
): StockDemoFacility[] {
  const supplierKinds = new Set(ctx.profile.stock?.supplierKinds ?? []);
  const stationKinds = new Set(ctx.profile.communeStationKinds);
  const here = facilities.filter((f) => inDistrict(f.areaCode));
  const suppliers = new Set(here.filter((f) => supplierKinds.has(f.kind)).map((f) => f.code));
  const stations = here.filter(
    (f) => stationKinds.has(f.kind) && f.managingCode && suppliers.has(f.managingCode),
  );
  const used = new Set(stations.map((s) => s.managingCode as string));
  return [
    ...[...suppliers].filter((c) => used.has(c)).map((code) => ({ code, supplierCode: null })),
    ...stations.map((s) => ({ code: s.code, supplierCode: s.managingCode })),
  ];
}

/** Generates and loads the demo district's shelves (receipts, consumption, requisitions). */
export async function loadDemoStock(
  ctx: AppContext,
  facilities: StockDemoFacility[],
  today: string,
  seed: number | string,
  depot: string,
  dispensings?: readonly DemoDispensing[],
): Promise<StockLedgerReport> {
  const medicineCodes = demoMedicineCodes(ctx);
  if (medicineCodes.length === 0 || facilities.length === 0)
    return { batches: 0, movements: 0, unitsShort: 0, requisitions: 0 };
  const plan = planStock(new Rng(seed).fork('stock'), {
    facilities,
    medicineCodes,
    today,
    depot,
    dispensings,
  });
  return loadStockLedger(ctx, plan);
}
