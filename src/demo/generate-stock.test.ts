import { describe, expect, test } from 'vitest';
import { planStock, REQUISITION_STATES } from './generate-stock.ts';
import { Rng } from './random.ts';

const TODAY = '2026-11-25';
const facilities = [
  { code: 'C0', supplierCode: null },
  ...Array.from({ length: 8 }, (_, i) => ({ code: `S${i}`, supplierCode: 'C0' })),
];
const medicineCodes = Array.from({ length: 12 }, (_, i) => `M${i}`);
const plan = (seed = 1, dispensings?: Parameters<typeof planStock>[1]['dispensings']) =>
  planStock(new Rng(seed).fork('stock'), {
    facilities,
    medicineCodes,
    today: TODAY,
    depot: 'Depot',
    dispensings,
  });

describe('planStock', () => {
  test('is deterministic for a seed and differs across seeds', () => {
    expect(plan(1)).toEqual(plan(1));
    expect(plan(2)).not.toEqual(plan(1));
  });

  test('every station receives every medicine; some second deliveries never came; some batches near expiry', () => {
    const p = plan();
    for (const s of facilities.slice(1))
      for (const m of medicineCodes)
        expect(p.receipts.some((r) => r.facilityCode === s.code && r.medicineCode === m)).toBe(true);
    const stationReceipts = p.receipts.filter((r) => r.facilityCode !== 'C0');
    const perPair = new Map<string, number>();
    for (const r of stationReceipts)
      perPair.set(
        `${r.facilityCode}|${r.medicineCode}`,
        (perPair.get(`${r.facilityCode}|${r.medicineCode}`) ?? 0) + 1,
      );
    expect([...perPair.values()].some((n) => n === 1)).toBe(true); // the second delivery never came
    const shortDated = stationReceipts.filter((r) => r.expiryDate < '2027-02-05');
    expect(shortDated.length).toBeGreaterThan(0);
    expect(shortDated.every((r) => r.receivedOn === '2026-11-05')).toBe(true);
    expect(p.receipts.every((r) => r.expiryDate > r.receivedOn && r.quantity > 0)).toBe(true);
    expect(p.receipts.filter((r) => r.facilityCode === 'C0')).toHaveLength(medicineCodes.length * 2);
  });

  test('consumption is drawn over the last months unless given', () => {
    const p = plan();
    expect(p.dispensings.length).toBeGreaterThan(1500);
    expect(p.dispensings.every((d) => d.date < TODAY && d.date >= '2026-06-13' && d.quantity > 0)).toBe(true);
    const given = [
      { facilityCode: 'S1', medicineCode: 'M1', date: '2026-11-01', quantity: 3, prescriptionId: 'p' },
    ];
    expect(plan(1, given).dispensings).toEqual(given);
  });

  test('one requisition in each state, at the last stations', () => {
    expect(plan().requisitions.map((r) => r.state)).toEqual([...REQUISITION_STATES]);
    expect(plan().requisitions.map((r) => r.facilityCode)).toEqual(['S3', 'S4', 'S5', 'S6', 'S7']);
  });
});
