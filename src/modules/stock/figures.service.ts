import type { AppContext } from '../../platform/app-context.ts';
import { addDays } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { requireArea } from '../areas/index.ts';
import { type FacilityName, facilityNamesByIds, findFacilityById } from '../facilities/index.ts';
import { medicineRefs } from './catalog.refs.ts';
import {
  balanceRows,
  dailyFigureRows,
  inTransitRows,
  nearExpiryRows,
  type Where,
} from './figures.queries.ts';
import {
  isAlert,
  type MedicineFacts,
  type MedicineFigures,
  medicineFigures,
  type StockSettings,
  windowStart,
} from './figures.rules.ts';
import type { DistrictStock, FacilityStock, StockFigureLine } from './figures.schema.ts';
import { medicineBrief } from './stock.mapping.ts';

/** The profile's stock settings (the defaults when a profile names none). */
export function stockSettings(profile: CountryProfile): StockSettings & { supplierKinds: string[] } {
  return profile.stock ?? { amcMonths: 3, minMonths: 1, maxMonths: 3, nearExpiryDays: 90, supplierKinds: [] };
}

type Key = `${string}|${string}`;
const key = (facilityId: string, medicineId: string): Key => `${facilityId}|${medicineId}`;

/** Every (facility, medicine) the ledger knows in `where`, with its figures. */
export async function figuresIn(
  db: Db,
  where: Where,
  today: string,
  s: StockSettings,
): Promise<{ facilityId: string; medicineId: string; figures: MedicineFigures }[]> {
  const from = windowStart(today, s.amcMonths);
  const [balances, near, daily, transit] = await Promise.all([
    balanceRows(db, where, today),
    nearExpiryRows(db, where, today, addDays(today, s.nearExpiryDays)),
    dailyFigureRows(db, where, from, today),
    inTransitRows(db, where),
  ]);
  const facts = new Map<Key, MedicineFacts & { batches: { expiryDate: string; onHand: number }[] }>();
  const get = (f: string, m: string) => {
    const k = key(f, m);
    let x = facts.get(k);
    if (!x) {
      x = { usable: 0, total: 0, consumed: 0, dailyNet: [], stockOutDays: 0, batches: [], inTransit: 0 };
      facts.set(k, x);
    }
    return x;
  };
  for (const b of balances) {
    const x = get(b.facility_id, b.medicine_id);
    x.usable = Number(b.usable);
    x.total = Number(b.total);
  }
  for (const b of near)
    get(b.facility_id, b.medicine_id).batches.push({ expiryDate: b.expiry_date, onHand: Number(b.on_hand) });
  // The days' sums and walk, per (facility, medicine), done in the database (dailyFigures).
  for (const d of daily) {
    const x = get(d.facility_id, d.medicine_id);
    x.consumed = Number(d.consumed);
    x.stockOutDays = Number(d.out_days);
  }
  for (const t of transit) get(t.facility_id, t.medicine_id).inTransit = Number(t.units);
  return [...facts].map(([k, f]) => {
    const [facilityId, medicineId] = k.split('|') as [string, string];
    return { facilityId, medicineId, figures: medicineFigures(f, today, s) };
  });
}

function line(
  medicines: Awaited<ReturnType<typeof medicineRefs>>,
  medicineId: string,
  f: MedicineFigures,
): StockFigureLine {
  return { ...medicineBrief(medicines, medicineId), ...f, alert: isAlert(f) };
}

const byName = (a: { medicineName: string }, b: { medicineName: string }) =>
  a.medicineName.localeCompare(b.medicineName);

/** A facility's figures and alerts today, per medicine (the alerts first). */
export async function facilityStock(
  ctx: AppContext,
  facilityId: string,
  today: string,
): Promise<FacilityStock> {
  const facility = await findFacilityById(ctx.db, facilityId);
  if (!facility) throw notFound('Facility', facilityId);
  const s = stockSettings(ctx.profile);
  const rows = await figuresIn(ctx.db, { facilityId: facility.id }, today, s);
  const medicines = await medicineRefs(
    ctx.db,
    rows.map((r) => r.medicineId),
  );
  const lines = rows.map((r) => line(medicines, r.medicineId, r.figures)).sort(byName);
  return {
    facility: { id: facility.id, code: facility.code, name: facility.name },
    on: today,
    settings: {
      amcMonths: s.amcMonths,
      minMonths: s.minMonths,
      maxMonths: s.maxMonths,
      nearExpiryDays: s.nearExpiryDays,
    },
    lines,
  };
}

/**
 * A district's roll-up: every facility in the area subtree with its counts of stock-outs, medicines
 * below min and near expiry, and each facility's alert lines; plus the medicines summed over them.
 */
export async function districtStock(
  ctx: AppContext,
  areaIdOrCode: string,
  today: string,
): Promise<DistrictStock> {
  const area = await requireArea(ctx.db, areaIdOrCode, 'query.area');
  const s = stockSettings(ctx.profile);
  const rows = await figuresIn(ctx.db, { areaPath: area.path }, today, s);
  const [medicines, facilities] = await Promise.all([
    medicineRefs(
      ctx.db,
      rows.map((r) => r.medicineId),
    ),
    facilityNamesByIds(
      ctx.db,
      rows.map((r) => r.facilityId),
    ),
  ]);
  const perFacility = new Map<string, DistrictStock['facilities'][number]>();
  const perMedicine = new Map<string, DistrictStock['medicines'][number]>();
  const brief = (id: string): FacilityName => facilities.get(id) ?? { id, code: '?', name: '?' };
  for (const r of rows) {
    const f = r.figures;
    const fac = perFacility.get(r.facilityId) ?? {
      facility: brief(r.facilityId),
      medicines: 0,
      stockOuts: 0,
      belowMin: 0,
      nearExpiry: 0,
      alerts: [],
    };
    fac.medicines++;
    if (f.status === 'stock_out') fac.stockOuts++;
    if (f.status === 'below_min') fac.belowMin++;
    if (f.nearExpiry.units > 0) fac.nearExpiry++;
    if (isAlert(f)) fac.alerts.push(line(medicines, r.medicineId, f));
    perFacility.set(r.facilityId, fac);
    const med = perMedicine.get(r.medicineId) ?? {
      ...medicineBrief(medicines, r.medicineId),
      usable: 0,
      amc: 0,
      facilitiesOut: 0,
      nearExpiryUnits: 0,
    };
    med.usable += f.usable;
    med.amc = Math.round((med.amc + f.amc) * 10) / 10;
    if (f.status === 'stock_out') med.facilitiesOut++;
    med.nearExpiryUnits += f.nearExpiry.units;
    perMedicine.set(r.medicineId, med);
  }
  for (const f of perFacility.values()) f.alerts.sort(byName);
  return {
    area: { id: area.id, code: area.code, name: area.name },
    on: today,
    facilities: [...perFacility.values()].sort(
      (a, b) =>
        b.stockOuts - a.stockOuts ||
        b.belowMin - a.belowMin ||
        a.facility.name.localeCompare(b.facility.name),
    ),
    medicines: [...perMedicine.values()].sort(byName),
  };
}
