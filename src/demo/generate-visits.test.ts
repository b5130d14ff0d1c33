import { describe, expect, test } from 'vitest';
import { observationKindsByCode } from '../modules/encounters/observation-kinds.ts';
import { readObservation } from '../modules/encounters/observations.rules.ts';
import { type DemoVisitResident, dispensingsOf, planVisits } from './generate-visits.ts';
import { VISIT_REASONS } from './khanh-hoa.ts';
import { Rng } from './random.ts';

const TODAY = '2026-11-25';
const people: DemoVisitResident[] = Array.from({ length: 600 }, (_, i) => ({
  code: `R${i}`,
  sex: i % 2 ? 'female' : 'male',
  birthDate: String(1940 + (i % 70)),
  facilityCode: i < 400 ? 'DENSE' : 'OTHER',
}));
const plan = (seed = 7) =>
  planVisits(new Rng(seed).fork('visits'), {
    residents: people,
    denseFacilities: new Set(['DENSE']),
    today: TODAY,
    medicineCode: (n) => `VNT${n}`,
    serviceCode: (n) => `VNS${n}`,
    reasons: VISIT_REASONS,
  });

describe('planVisits', () => {
  const visits = plan();

  test('is deterministic for a seed and differs for another', () => {
    expect(plan()).toEqual(visits);
    expect(plan(8)).not.toEqual(visits);
  });

  test('a year up to the load date, ids unique UUID v7', () => {
    expect(visits.every((v) => v.date <= TODAY && v.date > '2025-11-25')).toBe(true);
    const ids = visits.flatMap((v) => [v.id, ...v.prescriptions.map((p) => p.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
  });

  test('hypertensive patients at the dense station are followed monthly, elsewhere twice a year', () => {
    const perResident = new Map<string, number>();
    for (const v of visits)
      if (v.diagnoses.some((d) => d.code === 'I10'))
        perResident.set(v.residentCode, (perResident.get(v.residentCode) ?? 0) + 1);
    const dense = [...perResident].filter(([c]) => Number(c.slice(1)) < 400).map(([, n]) => n);
    const other = [...perResident].filter(([c]) => Number(c.slice(1)) >= 400).map(([, n]) => n);
    expect(dense.length).toBeGreaterThan(30);
    expect(Math.min(...dense)).toBeGreaterThanOrEqual(11);
    expect(Math.max(...other)).toBeLessThanOrEqual(2);
  });

  test('every observation is within its plausible range; some are alarming; one main diagnosis per visit', () => {
    const kinds = observationKindsByCode();
    let alarming = 0;
    for (const v of visits) {
      for (const o of v.observations) {
        const read = readObservation(
          kinds,
          { id: v.id, code: o.code, value: o.value },
          'x',
          '2026-01-01T00:00:00Z',
        );
        expect('field' in read ? read.message : null).toBeNull();
        if (!('field' in read) && read.flag) alarming++;
      }
      expect(v.diagnoses.filter((d) => d.role === 'main')).toHaveLength(1);
    }
    expect(alarming).toBeGreaterThan(0);
    expect(visits.some((v) => v.diagnoses[0]?.code === 'Z34.9')).toBe(true);
    expect(visits.some((v) => v.diagnoses[0]?.code === 'J06.9')).toBe(true);
  });

  test('the dispensings are the prescriptions, in the shape the stock demo takes', () => {
    const d = dispensingsOf(visits);
    expect(d.length).toBe(visits.reduce((s, v) => s + v.prescriptions.length, 0));
    expect(d[0]).toEqual({
      facilityCode: expect.any(String),
      medicineCode: expect.stringMatching(/^VNT\d{4}$/),
      date: expect.any(String),
      quantity: expect.any(Number),
      prescriptionId: expect.any(String),
      encounterId: expect.any(String),
    });
  });
});
