import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import { type BillEligibility, type BillItem, billOf, cents, share } from './bill.rules.ts';

const vn = loadProfile('vn');
const cn = loadProfile('cn');

const item = (over: Partial<BillItem> = {}): BillItem => ({
  kind: 'medicine',
  recordId: 'r1',
  itemId: 'm1',
  code: 'AML5',
  insuranceCode: '40.123',
  name: 'Amlodipine 5 mg',
  unit: 'viên',
  quantity: 30,
  unitPrice: 500,
  insured: true,
  insuredFromCareLevel: null,
  lowestCareLevel: null,
  ...over,
});
const station = { tier: 'commune', careLevel: 'primary' };
const district = { tier: 'district', careLevel: 'basic' };
const card = (benefitPercent: number, rule: string): BillEligibility => ({
  valid: true,
  benefitPercent,
  rule,
});
// Base salary 2,340,000 VND from 2024-07-01: 15% = 351,000 VND.
const date = '2026-12-03';

describe('VN: per line by the benefit percent (Decision 130)', () => {
  test.each([
    // name, facility, eligibility, items, benefit applied, rule, insurance, co-payment, outside list
    [
      'commune station 100%',
      station,
      card(100, 'commune-station'),
      [item()],
      100,
      'commune-station',
      15_000,
      0,
      0,
    ],
    [
      '80% card at the district, under 15% of base salary: 100% (low-cost)',
      district,
      card(80, 'benefit-level'),
      [item({ quantity: 30, unitPrice: 10_000 })],
      100,
      'low-cost',
      300_000,
      0,
      0,
    ],
    [
      '80% card at the district, at 15% exactly: 80%',
      district,
      card(80, 'benefit-level'),
      [item({ quantity: 1, unitPrice: 351_000 })],
      80,
      'benefit-level',
      280_800,
      70_200,
      0,
    ],
    [
      '80% card at the district, above 15%: 80% per line',
      district,
      card(80, 'benefit-level'),
      [item({ quantity: 30, unitPrice: 10_000 }), item({ recordId: 'r2', quantity: 1, unitPrice: 100_000 })],
      80,
      'benefit-level',
      320_000,
      80_000,
      0,
    ],
    [
      '95% card: co-payment 5%',
      district,
      card(95, 'benefit-level'),
      [item({ quantity: 1, unitPrice: 400_000 })],
      95,
      'benefit-level',
      380_000,
      20_000,
      0,
    ],
    [
      'off-route under 15%: the off-route rate only (no low-cost rule)',
      district,
      card(80, 'off-route-rate'),
      [item({ quantity: 10, unitPrice: 1_000 })],
      80,
      'off-route-rate',
      8_000,
      2_000,
      0,
    ],
    [
      'off-route not covered: 0%, all co-payment',
      { tier: 'provincial', careLevel: 'basic' },
      card(0, 'off-route-rate'),
      [item({ quantity: 10, unitPrice: 1_000 })],
      0,
      'off-route-rate',
      0,
      10_000,
      0,
    ],
    [
      'co-payment exemption: 100%',
      district,
      card(100, 'copay-exemption'),
      [item({ quantity: 1, unitPrice: 900_000 })],
      100,
      'copay-exemption',
      900_000,
      0,
      0,
    ],
    [
      'a line not on the list is paid by the resident',
      station,
      card(100, 'commune-station'),
      [item(), item({ recordId: 'r2', insured: false, quantity: 10, unitPrice: 2_000 })],
      100,
      'commune-station',
      15_000,
      0,
      20_000,
    ],
    [
      'a medicine insured only from the basic level, at a station: outside the list',
      station,
      card(100, 'commune-station'),
      [item({ insuredFromCareLevel: 'basic' })],
      100,
      'commune-station',
      0,
      0,
      15_000,
    ],
    [
      'a medicine insured from the primary level, at the district: insured',
      district,
      card(100, 'copay-exemption'),
      [item({ insuredFromCareLevel: 'primary' })],
      100,
      'copay-exemption',
      15_000,
      0,
      0,
    ],
    [
      'a service above the station level of care: outside the list',
      station,
      card(100, 'commune-station'),
      [item({ kind: 'service', lowestCareLevel: 'specialised', quantity: 1, unitPrice: 50_000 })],
      100,
      'commune-station',
      0,
      0,
      50_000,
    ],
    [
      'no price in force: a 0 line',
      station,
      card(100, 'commune-station'),
      [item({ unitPrice: null })],
      100,
      'commune-station',
      0,
      0,
      0,
    ],
    [
      'odd cents: 80% of 333.33 rounds half-up per line',
      district,
      card(80, 'benefit-level'),
      [item({ quantity: 3, unitPrice: 333_333.33 })],
      80,
      'benefit-level',
      799_999.99,
      200_000,
      0,
    ],
  ])('%s', (_name, facility, eligibility, items, percent, rule, insurance, coPayment, outside) => {
    const bill = billOf(vn, { date, facility, eligibility, items });
    expect(bill).toMatchObject({ method: 'benefit-percent', benefitPercent: percent, rule, currency: 'VND' });
    expect(bill.totals).toMatchObject({ insurancePays: insurance, coPayment, patientPays: outside });
    expect(cents(bill.totals.hospitalAmount)).toBe(
      cents(bill.totals.insurancePays) + cents(bill.totals.coPayment) + cents(bill.totals.patientPays),
    );
    expect(bill.totals.residentPays).toBe(cents(coPayment + outside) / 100);
    for (const l of bill.lines)
      expect(cents(l.hospitalAmount)).toBe(
        cents(l.insurancePays) + cents(l.coPayment) + cents(l.patientPays),
      );
  });

  test('the 15% rule uses the base salary in force on the visit date (1,800,000 in 2024-03: 270,000)', () => {
    const items = [item({ quantity: 1, unitPrice: 300_000 })];
    const before = billOf(vn, {
      date: '2024-03-01',
      facility: district,
      eligibility: card(80, 'benefit-level'),
      items,
    });
    const after = billOf(vn, {
      date: '2024-08-01',
      facility: district,
      eligibility: card(80, 'benefit-level'),
      items,
    });
    expect([before.benefitPercent, after.benefitPercent]).toEqual([80, 100]);
  });

  test.each([
    ['no card', null],
    ['an expired card', { valid: false, benefitPercent: 0, rule: 'card-expired' }],
  ])('%s: uninsured, the resident pays everything', (_name, eligibility) => {
    const bill = billOf(vn, {
      date,
      facility: station,
      eligibility,
      items: [item(), item({ insured: false })],
    });
    expect(bill.method).toBe('uninsured');
    expect(bill.lines.map((l) => l.coverage)).toEqual(['not-eligible', 'not-on-list']);
    expect(bill.totals).toMatchObject({
      insurancePays: 0,
      coPayment: 0,
      patientPays: 30_000,
      residentPays: 30_000,
    });
  });

  test('an empty visit is a zero bill', () => {
    const bill = billOf(vn, {
      date,
      facility: station,
      eligibility: card(100, 'commune-station'),
      items: [],
    });
    expect(bill.totals).toEqual({
      hospitalAmount: 0,
      insuredAmount: 0,
      insurancePays: 0,
      coPayment: 0,
      patientPays: 0,
      residentPays: 0,
    });
  });
});

describe('CN: deductible and ratio by the facility tier over the visit', () => {
  const enrolment = (scheme: string): BillEligibility => ({
    valid: true,
    benefitPercent: 85,
    rule: 'facility-level',
    scheme,
  });
  const grassroots = { tier: 'grassroots', careLevel: null };
  test.each([
    // name, scheme, tier, items, deductible paid, insurance, deductible applied
    [
      'under the deductible: nothing reimbursed',
      'resident',
      grassroots,
      [item({ quantity: 10, unitPrice: 20 })],
      0,
      0,
      200,
    ],
    [
      'resident scheme 1300: (1300-300) × 85%',
      'resident',
      grassroots,
      [item({ quantity: 1, unitPrice: 1300 })],
      0,
      850,
      300,
    ],
    [
      'deductible already paid: 85% of all',
      'resident',
      grassroots,
      [item({ quantity: 10, unitPrice: 20 })],
      300,
      170,
      0,
    ],
    [
      'employee scheme: 95% above 200',
      'employee',
      grassroots,
      [item({ quantity: 1, unitPrice: 1200 })],
      0,
      950,
      200,
    ],
    [
      'county tier: 75% above 600',
      'resident',
      { tier: 'county', careLevel: null },
      [item({ quantity: 1, unitPrice: 1600 })],
      0,
      750,
      600,
    ],
  ])('%s', (_name, scheme, facility, items, deductiblePaid, insurance, applied) => {
    const bill = billOf(cn, { date, facility, eligibility: enrolment(scheme), items, deductiblePaid });
    expect(bill.method).toBe('deductible-ratio');
    expect(bill.currency).toBe('CNY');
    expect(bill.totals.insurancePays).toBe(insurance);
    expect(bill.deductibleApplied).toBe(applied);
  });

  test('the reimbursement is shared over the insured lines to the cent', () => {
    const items = [
      item({ recordId: 'a', quantity: 1, unitPrice: 100.01 }),
      item({ recordId: 'b', quantity: 1, unitPrice: 200.02 }),
      item({ recordId: 'c', quantity: 1, unitPrice: 33.33 }),
      item({ recordId: 'd', quantity: 1, unitPrice: 50, insured: false }),
    ];
    const bill = billOf(cn, {
      date,
      facility: grassroots,
      eligibility: enrolment('resident'),
      items,
      deductiblePaid: 300,
    });
    const insured = bill.lines.reduce((t, l) => t + cents(l.insurancePays), 0);
    expect(insured).toBe(cents(bill.totals.insurancePays));
    expect(bill.totals.insurancePays).toBe(283.36); // 333.36 × 85% = 283.356, half-up to the cent
  });
});

test.each([
  [100, [1, 1, 1], [34, 33, 33]],
  [10, [0, 0], [0, 0]],
  [7, [2, 0, 5], [2, 0, 5]],
  [1, [1, 1], [1, 0]],
])('share(%s, %j) = %j', (total, weights, want) => expect(share(total, weights)).toEqual(want));
