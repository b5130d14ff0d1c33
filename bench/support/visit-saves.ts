/**
 * The benchmarks' typical visit (issue 21): 5 observations, 2 diagnoses (I10 and E11.9), 3 prescriptions
 * of the demo catalogue, opened by POST /api/encounters and closed with its bill and dispensing by POST
 * /api/encounters/:id/close, as the demo's commune station. `prepareVisitSaves` finds the station, its
 * residents and the three medicines and puts stock enough on its shelf; `visitBody` makes a new visit's
 * body (fresh UUID v7 ids: every request a new visit). Shared by bench:visits and bench:round-trips.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { demoStation } from '../../src/demo/demo-users.ts';
import { generateDemoProvince } from '../../src/demo/generate.ts';
import type { AppContext } from '../../src/platform/app-context.ts';
import { todayOf } from '../../src/platform/clock.ts';
import { addDays } from '../../src/platform/dates.ts';
import { newId } from '../../src/platform/ids.ts';

export interface VisitSaves {
  facilityId: string;
  /** Active residents registered at the station, in a fixed pseudo-random order. */
  residents: { id: string; code: string }[];
  medicines: { id: string; code: string }[];
}

/** The station, `residents` of its residents and the medicines; with `stockFor` a receipt of that many units of each. */
export async function prepareVisitSaves(
  ctx: AppContext,
  opts: { residents: number; app?: FastifyInstance; headers?: Record<string, string>; stockFor?: number },
): Promise<VisitSaves> {
  const db = ctx.db;
  const today = todayOf(ctx);
  const { station } = demoStation(generateDemoProvince({ today }));
  const facility = (
    await sql<{ id: string }>`select id from facility where code = ${station.code}`.execute(db)
  ).rows[0];
  if (!facility) throw new Error('no demo station');
  const residents = (
    await sql<{ id: string; code: string }>`
      select id, code from resident where registered_facility_id = ${facility.id} and code is not null and status = 'active'
      order by md5(id::text) limit ${opts.residents}`.execute(db)
  ).rows;
  const medicines = (
    await sql<{
      id: string;
      code: string;
    }>`select id, code from medicine where code in ('VNT0001', 'VNT0002', 'VNT0004')`.execute(db)
  ).rows;
  if (opts.app && opts.stockFor) {
    for (const m of medicines) {
      const r = await opts.app.inject({
        method: 'POST',
        url: '/api/stock/receipts',
        headers: opts.headers,
        payload: {
          id: newId(),
          facilityId: facility.id,
          receivedOn: today,
          supplier: 'bench',
          lines: [
            {
              medicineId: m.id,
              batchNumber: `BENCH-${newId().slice(-6)}`,
              expiryDate: addDays(today, 700),
              quantity: opts.stockFor,
            },
          ],
        },
      });
      if (r.statusCode !== 201) throw new Error(`receipt failed: ${r.statusCode} ${r.body}`);
    }
  }
  return { facilityId: facility.id, residents, medicines };
}

/** A new typical visit's body for this resident (fresh ids). */
export function visitBody(s: VisitSaves, residentId: string) {
  return {
    id: newId(),
    residentId,
    facilityId: s.facilityId,
    kind: 'station-visit',
    observations: [
      { id: newId(), code: '8480-6', value: 142 },
      { id: newId(), code: '8462-4', value: 88 },
      { id: newId(), code: '8867-4', value: 76 },
      { id: newId(), code: '29463-7', value: 61 },
      { id: newId(), code: '1558-6', value: 7.2 },
    ],
    diagnoses: [
      { id: newId(), code: 'I10' },
      { id: newId(), code: 'E11.9' },
    ],
    prescriptions: s.medicines.map((m) => ({
      id: newId(),
      medicineId: m.id,
      dose: 1,
      frequency: 'once-daily',
      durationDays: 30,
    })),
  };
}
