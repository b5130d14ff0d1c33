import { describe, expect, test } from 'vitest';
import { generateDemoProvince } from './generate.ts';
import { generatePopulation, type ResidentRecord } from './generate-population.ts';

const demo = generateDemoProvince({ today: '2026-11-25' });
const communes = demo.areas.communes.filter((c) => c.district.code === '575');
const stationOf = (code: string) =>
  demo.facilities.find((f) => f.kind === 'commune_health_station' && f.areaCode === code)?.code;

function residentsOf(rows: ReturnType<typeof generatePopulation>): ResidentRecord[] {
  const out: ResidentRecord[] = [];
  for (const r of rows) if ('resident' in r) out.push(r.resident);
  return out;
}

describe('generatePopulation', () => {
  const options = { communes, year: 2025, stationOf, today: '2026-11-25', duplicateShare: 0.003 };
  const residents = residentsOf(generatePopulation(options));

  test('is deterministic', () => {
    expect(residentsOf(generatePopulation(options)).slice(0, 50)).toEqual(residents.slice(0, 50));
  });

  test('fills each commune up to its population figure (plus the few duplicates)', () => {
    const expected = communes.reduce(
      (n, c) => n + (c.population.find((p) => p.year === 2025)?.population ?? 0),
      0,
    );
    expect(residents.length).toBeGreaterThanOrEqual(expected);
    expect(residents.length).toBeLessThan(expected * 1.01 + 20);
  });

  test('citizen ids are 12 digits, unique, and encode sex and birth year', () => {
    const ids = residents.map((r) => r.citizen_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of residents.slice(0, 2000)) {
      if (!r.citizen_id) continue;
      expect(r.citizen_id).toMatch(/^056[0-3]\d{8}$/);
      const female = Number(r.citizen_id[3]) % 2 === 1;
      expect(female).toBe(r.sex === 'female');
      expect(r.citizen_id.slice(4, 6)).toBe(r.birth_date.slice(2, 4));
    }
  });

  test('every resident has a household and a registered station; each household has one head', () => {
    const heads = new Map<string, number>();
    for (const r of residents) {
      expect(r.household_code).toMatch(/^HK\d{10}$/);
      expect(r.facility_code).not.toBe('');
      if (r.relationship === 'head') heads.set(r.household_code, (heads.get(r.household_code) ?? 0) + 1);
    }
    expect([...heads.values()].every((n) => n === 1)).toBe(true);
  });

  test('nobody is born after today', () => {
    expect(residents.filter((r) => r.birth_date > '2026-11-25')).toEqual([]);
  });

  test('a few residents are registered twice without an identity number', () => {
    const dupes = residents.filter((r) => r.relationship === 'other' && r.citizen_id === '');
    expect(dupes.length).toBeGreaterThan(0);
    expect(dupes.length).toBeLessThan(residents.length * 0.01);
  });
});
