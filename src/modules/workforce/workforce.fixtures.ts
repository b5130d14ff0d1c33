import { expect } from 'vitest';
import type { TestEngine } from '../../../test/support/engines.ts';

/**
 * Test-only helpers: build a small area tree, facilities and workers through the HTTP API.
 * Codes are made unique per call so tests sharing a suite database stay independent.
 */
let counter = 0;
export function uniqueCode(prefix: string): string {
  counter++;
  return `${prefix}${process.pid % 1000}${counter}`.slice(0, 20);
}

let areaSeq = 0;

/** A province and a district under it; returns their codes and paths. */
export async function createDistrict(t: TestEngine): Promise<{ province: string; district: string }> {
  areaSeq++;
  const province = String(10 + (areaSeq % 89)).padStart(2, '0');
  const district = String(100 + areaSeq).slice(-3);
  const p = await t.inject({
    method: 'POST',
    url: '/api/areas',
    payload: { code: province, name: `Province ${province}`, level: 'province' },
  });
  if (p.statusCode !== 201 && p.statusCode !== 409) throw new Error(`area: ${p.body}`);
  const d = await t.inject({
    method: 'POST',
    url: '/api/areas',
    payload: { code: district, name: `District ${district}`, level: 'district', parentCode: province },
  });
  expect(d.statusCode, d.body).toBe(201);
  return { province, district };
}

let facilitySeq = 0;

/** A facility in an area, created through the facilities API. */
export async function createFacility(
  t: TestEngine,
  areaCode: string,
  kind = 'commune_health_station',
  name?: string,
): Promise<{ id: string; code: string; name: string }> {
  facilitySeq++;
  const code = `T${String(facilitySeq).padStart(4, '0')}`;
  const res = await t.inject({
    method: 'POST',
    url: '/api/facilities',
    payload: { code, name: name ?? `Facility ${code}`, kind, areaCode },
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json();
  return { id: body.id, code: body.code, name: body.name };
}

/** Creates a worker through the API and returns the body. */
export async function createWorker(t: TestEngine, payload: Record<string, unknown>) {
  const res = await t.inject({ method: 'POST', url: '/api/workers', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
