import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { addDays } from '../../platform/dates.ts';
import { newId } from '../../platform/ids.ts';
import { dailyFigures } from './figures.queries.ts';
import { stockOutDays, windowStart } from './figures.rules.ts';
import { dispense } from './index.ts';
import { createMedicine, createStockPlace, type Place, receive } from './stock.fixtures.ts';

// Today is 2026-12-02 (TEST_NOW); the AMC window is the 3 months from 2026-09-02.
for (const [profile, supplierKind, maxMonths] of [
  ['vn', 'district_health_centre', 3],
  ['cn', 'county_hospital', 2],
] as const) {
  describeOnBothEngines(
    `stock figures and alerts (${profile})`,
    (t) => {
      let place: Place;
      let a: string;
      let b: string;
      let steady: string;
      let short: string;
      let out: string;
      let expiring: string;

      async function give(facilityId: string, medicineId: string, quantity: number, on: string) {
        await dispense(t().ctx.db, {
          facilityId,
          encounterId: newId(),
          on,
          at: new Date(`${on}T03:00:00Z`),
          lines: [{ prescriptionId: newId(), medicineId, quantity }],
        });
      }

      beforeAll(async () => {
        place = await createStockPlace(t(), supplierKind);
        a = (place.stations[0] as Place['stations'][number]).id;
        b = (place.stations[1] as Place['stations'][number]).id;
        steady = (await createMedicine(t(), 'Steady')).id;
        short = (await createMedicine(t(), 'Short')).id;
        out = (await createMedicine(t(), 'Out')).id;
        expiring = (await createMedicine(t(), 'Expiring')).id;
        // Steady: 300 received, 30 a month for three months: 210 left, 7 months of stock.
        await receive(t(), a, steady, 300, '2028-01-31', '2026-08-01');
        for (const on of ['2026-09-10', '2026-10-10', '2026-11-10']) await give(a, steady, 30, on);
        // Short: 100 received, 90 given over three months: 10 left, 0.3 months.
        await receive(t(), a, short, 100, '2028-01-31', '2026-08-01');
        for (const on of ['2026-09-10', '2026-10-10', '2026-11-10']) await give(a, short, 30, on);
        // Out: all 20 given on 2026-11-22: out for 10 days (22nd to 1st).
        await receive(t(), a, out, 20, '2028-01-31', '2026-08-01');
        await give(a, out, 20, '2026-11-22');
        // Expiring at station b: 40 units expiring within 90 days.
        await receive(t(), b, expiring, 40, '2027-01-20', '2026-08-01');
        await give(b, expiring, 3, '2026-11-01');
      });

      test("a station's figures: AMC, months of stock, stock-out days, max-min order", async () => {
        const res = await t().inject({ url: `/api/stock/alerts?facility=${a}` });
        expect(res.statusCode, res.body).toBe(200);
        const by = Object.fromEntries(res.json().lines.map((l: { medicineId: string }) => [l.medicineId, l]));
        expect(by[steady]).toMatchObject({
          usable: 210,
          amc: 30,
          monthsOfStock: 7,
          status: 'over_max',
          alert: false,
          suggestedOrder: 0,
        });
        expect(by[short]).toMatchObject({
          usable: 10,
          amc: 30,
          monthsOfStock: 0.3,
          status: 'below_min',
          alert: true,
          suggestedOrder: maxMonths * 30 - 10,
        });
        expect(by[out]).toMatchObject({ usable: 0, stockOutDays: 10, status: 'stock_out', alert: true });
        expect(res.json().settings.maxMonths).toBe(maxMonths);
      });

      test('the district sees every station, the worst first, with their alerts', async () => {
        const res = await t().inject({ url: `/api/stock/district?area=${place.districtCode}` });
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body.facilities.map((f: { facility: { id: string } }) => f.facility.id)).toEqual([a, b]);
        expect(body.facilities[0]).toMatchObject({ medicines: 3, stockOuts: 1, belowMin: 1, nearExpiry: 0 });
        expect(body.facilities[0].alerts.map((l: { medicineId: string }) => l.medicineId).sort()).toEqual(
          [out, short].sort(),
        );
        expect(body.facilities[1]).toMatchObject({
          nearExpiry: 1,
          alerts: [{ medicineId: expiring, nearExpiry: { units: 37, earliest: '2027-01-20' } }],
        });
        expect(body.medicines.find((m: { medicineId: string }) => m.medicineId === out)).toMatchObject({
          facilitiesOut: 1,
        });
        const unknown = await t().inject({ url: '/api/stock/district?area=nowhere' });
        expect(unknown.statusCode).toBe(400);
        expect(unknown.json().errors[0].field).toBe('query.area');
      });

      test('the stock-out days and consumption counted in SQL (dailyFigures) agree with stockOutDays', async () => {
        const today = '2026-12-02';
        const from = windowStart(today, 3);
        // Shelves of every kind: out on the last days, out and restocked, never out, moved only today,
        // below zero, a movement on the window's first day; pseudo-random beside the named ones.
        let seed = 7;
        const next = (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return seed % n;
        };
        const cases: { total: number; days: { date: string; net: number; consumed: number }[] }[] = [
          { total: 0, days: [{ date: '2026-11-22', net: -20, consumed: 20 }] },
          { total: 0, days: [{ date: today, net: -5, consumed: 5 }] },
          { total: 10, days: [{ date: from, net: 10, consumed: 0 }] },
          { total: -3, days: [{ date: '2026-10-01', net: -3, consumed: 3 }] },
          {
            total: 5,
            days: [
              { date: '2026-09-10', net: -30, consumed: 30 },
              { date: '2026-10-01', net: 50, consumed: 0 },
              { date: '2026-11-30', net: -50, consumed: 50 },
              { date: today, net: 5, consumed: 0 },
            ],
          },
        ];
        for (let k = 0; k < 40; k++) {
          const days = new Map<string, { net: number; consumed: number }>();
          for (let i = next(12); i > 0; i--) {
            const date = addDays(from, next(92));
            const net = next(3) === 0 ? 20 + next(40) : -next(25);
            const d = days.get(date) ?? { net: 0, consumed: 0 };
            days.set(date, { net: d.net + net, consumed: d.consumed + Math.max(0, -net) });
          }
          cases.push({
            total: next(4) === 0 ? 0 : next(60) - 10,
            days: [...days].map(([date, d]) => ({ date, ...d })).filter((d) => d.date <= today),
          });
        }
        const ids = cases.map(() => ({ f: newId(), m: newId() }));
        const days = cases.flatMap((c, i) =>
          c.days.map((d) => ({ facility_id: ids[i]!.f, medicine_id: ids[i]!.m, day: d.date, ...d })),
        );
        const balances = cases.map((c, i) => ({
          facility_id: ids[i]!.f,
          medicine_id: ids[i]!.m,
          total: c.total,
        }));
        const got = await sql<{ facility_id: string; consumed: number; out_days: number }>`${dailyFigures(
          sql`select * from jsonb_to_recordset(${JSON.stringify(days)}::jsonb)
                as d(facility_id uuid, medicine_id uuid, day date, net int, consumed int)`,
          sql`select * from jsonb_to_recordset(${JSON.stringify(balances)}::jsonb)
                as b(facility_id uuid, medicine_id uuid, total int)`,
          today,
        )}`.execute(t().ctx.db);
        const byFacility = new Map(got.rows.map((r) => [r.facility_id, r]));
        cases.forEach((c, i) => {
          const row = byFacility.get(ids[i]!.f);
          const want = {
            i,
            outDays: stockOutDays(c.total, c.days, from, today),
            consumed: c.days.filter((d) => d.date < today).reduce((n, d) => n + d.consumed, 0),
          };
          expect({ i, outDays: Number(row?.out_days ?? 0), consumed: Number(row?.consumed ?? 0) }).toEqual(
            want,
          );
        });
        // The cases reach the branches: some out for days, some never out.
        expect(got.rows.some((r) => Number(r.out_days) > 0)).toBe(true);
        expect(got.rows.some((r) => Number(r.out_days) === 0)).toBe(true);
      });
    },
    { profile },
  );
}
