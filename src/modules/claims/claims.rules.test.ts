import { describe, expect, test } from 'vitest';
import {
  type ClaimSource,
  careKindOf,
  cents,
  claimable,
  claimOf,
  fromCents,
  quarterLabel,
  visitKindOf,
} from './claims.rules.ts';

describe('MA_DOITUONG_KCB from the route rule of the eligibility answer', () => {
  test.each([
    [{ routeRule: 'registered-facility', onRoute: true }, 'primary', '1.1'],
    [{ routeRule: 'same-province-primary', onRoute: true }, 'primary', '1.2'],
    [{ routeRule: 'referral', onRoute: true }, 'basic', '1.3'],
    [{ routeRule: 're-examination', onRoute: true }, 'basic', '1.5'],
    [{ routeRule: 'emergency', onRoute: true }, 'specialised', '2'],
    [{ routeRule: 'self-referred', onRoute: false }, 'primary', '3.1'],
    [{ routeRule: 'self-referred', onRoute: false }, 'basic', '3.1'],
    [{ routeRule: 'self-referred', onRoute: false }, 'specialised', '3.2'],
    [{ routeRule: 'self-referred', onRoute: false }, null, '3'],
    // CN enrolments: no route rule.
    [{ routeRule: null, onRoute: true }, null, '1.1'],
    [{ routeRule: null, onRoute: null }, null, '1.1'],
    [{ routeRule: null, onRoute: false }, null, '3'],
    [{}, null, '1.1'],
  ] as const)('%o at %s -> %s', (route, level, code) => {
    expect(visitKindOf(route, level)).toBe(code);
  });
});

describe('MA_LOAI_KCB', () => {
  test.each([
    ['outpatient', '01'],
    [null, '01'],
    [undefined, '01'],
    ['inpatient', '03'],
  ] as const)('%s -> %s', (care, code) => expect(careKindOf(care)).toBe(code));
});

describe('the quarter of the visit end in the profile time zone', () => {
  test.each([
    ['2026-12-31T16:30:00Z', 'Asia/Ho_Chi_Minh', '2026-Q4'], // 23:30 in Hanoi
    ['2026-12-31T17:30:00Z', 'Asia/Ho_Chi_Minh', '2027-Q1'], // 00:30 on 1 January in Hanoi
    ['2026-03-31T16:30:00Z', 'Asia/Shanghai', '2026-Q2'], // 00:30 on 1 April in Beijing
    ['2026-07-01T00:00:00Z', 'Asia/Shanghai', '2026-Q3'],
  ])('%s in %s is %s', (at, zone, q) => expect(quarterLabel(new Date(at), zone)).toBe(q));
});

describe('cents', () => {
  test.each([
    [0.1 + 0.2, 30],
    [36500, 3650000],
    ['12.34', 1234],
    [19.99, 1999],
  ])('%s -> %i cents', (amount, c) => expect(cents(amount)).toBe(c));
  test('back to units', () => expect(fromCents(1234)).toBe(12.34));
});

const source = (over: Partial<ClaimSource['visit']> = {}, method = 'benefit-percent'): ClaimSource => ({
  visit: {
    id: 'e1',
    residentId: 'r1',
    facilityId: 'f1',
    areaPath: '56.101',
    visitDate: '2026-12-02',
    startedAt: new Date('2026-12-02T02:00:00Z'),
    endedAt: new Date('2026-12-02T02:20:00Z'),
    insuranceCard: 'HS4560000000123',
    eligibility: {
      valid: true,
      benefitPercent: 100,
      onRoute: true,
      routeRule: 'registered-facility',
      facility: { code: '56101', tier: 'commune', careLevel: 'primary' },
      card: {
        cardNumber: 'HS4560000000123',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        registeredFacilityCode: '56101',
      },
    },
    ...over,
  },
  bill: {
    id: 'b1',
    seq: 1,
    method,
    currency: 'VND',
    benefit_percent: 100,
    hospital_amount: 73000,
    insured_amount: 73000,
    insurance_pays: 73000,
    co_payment: 0,
    patient_pays: 0,
  },
  lines: [
    {
      id: 'bl1',
      line_no: 1,
      kind: 'service',
      item_id: 's1',
      code: 'VNS0001',
      insurance_code: '01.8169',
      name: 'Khám',
      unit: 'lần',
      quantity: 2,
      unit_price: 36500,
      coverage: 'insured',
      hospital_amount: 73000,
      insured_amount: 73000,
      insurance_pays: 73000,
      co_payment: 0,
      patient_pays: 0,
    },
  ],
  diagnoses: [
    { code: 'I10', role: 'main' },
    { code: 'E11', role: 'secondary' },
    { code: 'E11', role: 'secondary' },
  ],
});

describe('a claim from the bill', () => {
  test('the card, the codes, the diagnoses and the amounts line for line', () => {
    const { claim, lines } = claimOf(source(), 'Asia/Ho_Chi_Minh');
    expect(claim).toMatchObject({
      encounter_id: 'e1',
      bill_id: 'b1',
      bill_seq: 1,
      quarter: '2026-Q4',
      card_number: 'HS4560000000123',
      card_valid_to: '2026-12-31',
      registered_facility_code: '56101',
      scheme: null,
      visit_kind: '1.1',
      care_kind: '01',
      main_diagnosis: 'I10',
      other_diagnoses: ['E11'],
      insurance_pays: 73000,
    });
    expect(lines).toEqual([
      expect.objectContaining({ bill_seq: 1, line_no: 1, bill_line_id: 'bl1', hospital_amount: 73000 }),
    ]);
  });

  test('CN: the scheme instead of a card', () => {
    const { claim } = claimOf(
      source({
        insuranceCard: null,
        eligibility: {
          valid: true,
          benefitPercent: 85,
          onRoute: null,
          routeRule: null,
          card: null,
          scheme: 'resident',
        },
      }),
      'Asia/Shanghai',
    );
    expect(claim).toMatchObject({ scheme: 'resident', card_number: null, visit_kind: '1.1' });
  });

  test.each([
    ['benefit-percent', 1, true],
    ['deductible-ratio', 1, true],
    ['uninsured', 1, false],
    ['benefit-percent', 0, false],
  ])('a %s bill with %i lines makes a claim: %s', (method, n, yes) => {
    const s = source({}, method);
    expect(claimable({ bill: s.bill, lines: s.lines.slice(0, n) })).toBe(yes);
  });
});
