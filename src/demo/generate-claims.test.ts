import { describe, expect, test } from 'vitest';
import { DEMO_CLAIM_FAULTS, plantClaimFaults } from './generate-claims.ts';
import { type DemoVisitResident, planVisits } from './generate-visits.ts';
import { VISIT_REASONS } from './khanh-hoa.ts';
import { Rng } from './random.ts';

const TODAY = '2026-11-25';
const people: DemoVisitResident[] = Array.from({ length: 1500 }, (_, i) => ({
  code: `R${i}`,
  sex: i % 2 ? 'female' : 'male',
  birthDate: String(1940 + (i % 70)),
  facilityCode: i < 1200 ? 'DENSE' : 'OTHER',
}));
const codes = { medicineCode: (n: string) => `VNT${n}`, serviceCode: (n: string) => `VNS${n}` };
const visits = planVisits(new Rng(7).fork('visits'), {
  residents: people,
  denseFacilities: new Set(['DENSE']),
  today: TODAY,
  reasons: VISIT_REASONS,
  ...codes,
});
const plant = (seed = 7) =>
  plantClaimFaults(new Rng(seed).fork('claim-faults'), visits, {
    denseFacilities: new Set(['DENSE']),
    ...codes,
  });

describe('plantClaimFaults', () => {
  const { visits: out, planted } = plant();
  const byId = new Map(out.map((v) => [v.id, v]));

  test('is deterministic for a seed and differs for another', () => {
    expect(plant()).toEqual({ visits: out, planted });
    expect(plant(8).planted).not.toEqual(planted);
  });

  test.each(DEMO_CLAIM_FAULTS)('plants some %s slips, only at the dense station', (fault) => {
    expect(planted[fault].length).toBeGreaterThan(0);
    expect(planted[fault].length).toBeLessThan(out.length * 0.06);
    for (const id of planted[fault]) expect(byId.get(id)?.facilityCode).toBe('DENSE');
  });

  test('each slip is what the checks will find', () => {
    for (const id of planted['no-main-diagnosis'])
      expect(byId.get(id)?.diagnoses.some((d) => d.role === 'main')).toBe(false);
    for (const v of out) for (const p of v.prescriptions) expect(p.durationDays).toBeLessThanOrEqual(90);
    for (const id of planted['quantity-maximum'])
      expect(byId.get(id)?.prescriptions.find((p) => p.medicineCode === 'VNT0001')?.quantity).toBeGreaterThan(
        30,
      );
    for (const id of planted.duplicate) {
      const twin = byId.get(id)!;
      const first = out.find(
        (v) => v.id !== id && v.residentCode === twin.residentCode && v.date === twin.date,
      );
      expect(first?.services).toEqual(twin.services);
      expect(first?.prescriptions.map((p) => p.quantity)).toEqual(twin.prescriptions.map((p) => p.quantity));
    }
  });

  test('adds only the duplicates; ids stay unique; the untouched visits are left as they were', () => {
    expect(out.length).toBe(visits.length + planted.duplicate.length);
    const ids = out.flatMap((v) => [v.id, ...v.prescriptions.map((p) => p.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    const touched = new Set(Object.values(planted).flat());
    for (const v of visits) if (!touched.has(v.id)) expect(byId.get(v.id)).toBe(v);
  });
});
