import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestEngine } from '../../../test/support/engines.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Test-only helpers for the shelf: a district (whatever the profile's levels: VN district, CN county)
 * with a supplying centre and two stations, catalog medicines, and receipts through the API.
 */
let seq = 0;

function digits(pattern: string): number {
  const m = /\{(\d+)(?:,\d+)?\}/.exec(pattern);
  return m ? Number(m[1]) : 5;
}

export interface Place {
  districtCode: string;
  districtPath: string;
  communeCodes: string[];
  centre: { id: string; code: string; name: string };
  stations: { id: string; code: string; name: string; areaCode: string }[];
}

async function post(t: TestEngine, url: string, payload: Record<string, unknown>) {
  const res = await t.inject({ method: 'POST', url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
  return res.json();
}

/** A chain of areas down to the profile's district-like level, two communes under it, and their facilities. */
export async function createStockPlace(t: TestEngine, supplierKind: string): Promise<Place> {
  seq++;
  const profile = t.ctx.profile;
  const levels = profile.areaLevels;
  const communeRank = levels.findIndex((l) => l.id === profile.communeLevel);
  const tag = `${process.pid % 90}${seq}`.padStart(3, '0');
  let parent: string | undefined;
  let code = '';
  let path = '';
  for (let rank = 0; rank < communeRank; rank++) {
    const level = levels[rank] as (typeof levels)[number];
    const n = digits(level.codePattern);
    code = rank === 0 ? String(10 + (seq % 89)) : `${code}${tag}`.padEnd(n, '0').slice(0, n);
    if (rank > 0 && code === parent) code = code.slice(0, -1) + String(seq % 10);
    const res = await t.inject({
      method: 'POST',
      url: '/api/areas',
      payload: {
        code,
        name: `${level.id} ${code}`,
        level: level.id,
        ...(parent ? { parentCode: parent } : {}),
      },
    });
    if (res.statusCode !== 201 && !(rank === 0 && res.statusCode === 409))
      throw new Error(`area ${code}: ${res.body}`);
    path = rank === 0 ? code : `${path}.${code}`;
    parent = code;
  }
  const districtCode = code;
  const commune = levels[communeRank] as (typeof levels)[number];
  const n = digits(commune.codePattern);
  const communeCodes: string[] = [];
  for (const k of [1, 2]) {
    const c = `${districtCode}${k}`.padEnd(n, '0').slice(0, n);
    const cc = c === districtCode ? `${c.slice(0, -1)}${k}` : c;
    await post(t, '/api/areas', {
      code: cc,
      name: `${commune.id} ${cc}`,
      level: commune.id,
      parentCode: districtCode,
    });
    communeCodes.push(cc);
  }
  const facilityCode = (k: number) =>
    `S${districtCode}${k}`.slice(-Math.max(6, districtCode.length + 2)).toUpperCase();
  const centre = await post(t, '/api/facilities', {
    code: facilityCode(0),
    name: `Centre ${districtCode}`,
    kind: supplierKind,
    areaCode: districtCode,
  });
  const stationKind = profile.communeStationKinds[0] as string;
  const stations = [];
  for (const [k, areaCode] of communeCodes.entries()) {
    const s = await post(t, '/api/facilities', {
      code: facilityCode(k + 1),
      name: `Station ${areaCode}`,
      kind: stationKind,
      areaCode,
      managingFacilityId: centre.id,
    });
    stations.push({ id: s.id, code: s.code, name: s.name, areaCode });
  }
  return {
    districtCode,
    districtPath: path,
    communeCodes,
    centre: { id: centre.id, code: centre.code, name: centre.name },
    stations,
  };
}

/** A medicine in the catalog (written straight into the catalog's table: a test fixture, not the module's way). */
export async function createMedicine(
  t: TestEngine,
  name = 'Paracetamol',
  strength = '500 mg',
): Promise<{ id: string; code: string; name: string }> {
  seq++;
  const id = newId();
  const code = `T-MED-${process.pid}-${seq}`;
  await sql`
    insert into medicine (id, catalogue, code, name, active_ingredient, strength, dosage_form, route, unit)
    values (${id}, 'test', ${code}, ${name}, ${name}, ${strength}, 'tablet', 'oral', 'tablet')`.execute(
    t.ctx.db,
  );
  return { id, code, name };
}

/** Receives one batch through the API: its batch id. */
export async function receive(
  t: TestEngine,
  facilityId: string,
  medicineId: string,
  quantity: number,
  expiryDate: string,
  receivedOn = '2026-11-01',
): Promise<string> {
  const batchNumber = `B${++seq}`;
  const res = await t.inject({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: {
      id: newId(),
      facilityId,
      receivedOn,
      supplier: 'Test supplier',
      lines: [{ medicineId, batchNumber, expiryDate, quantity }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().movements[0].batchId;
}
