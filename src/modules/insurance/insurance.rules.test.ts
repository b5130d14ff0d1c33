import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import {
  baseSalaryOn,
  benefitPercentOfLevel,
  type CardOnFile,
  checkEligibility,
  isCopayExempt,
  offRouteRate,
  type Visit,
  type VisitFacility,
} from './insurance.rules.ts';

const vn = loadProfile('vn');

const station: VisitFacility = { code: '56101', kind: 'commune_health_station', provinceCode: '56' };
const otherStation: VisitFacility = { code: '56102', kind: 'commune_health_station', provinceCode: '56' };
const privateClinic: VisitFacility = { code: '56150', kind: 'private_clinic', provinceCode: '56' };
const district: VisitFacility = { code: '56020', kind: 'district_health_centre', provinceCode: '56' };
const provincial: VisitFacility = { code: '56001', kind: 'provincial_general_hospital', provinceCode: '56' };
const central: VisitFacility = { code: '01900', kind: 'central_hospital', provinceCode: '01' };
const farDistrict: VisitFacility = { code: '79020', kind: 'district_health_centre', provinceCode: '79' };
const farStation: VisitFacility = { code: '79101', kind: 'commune_health_station', provinceCode: '79' };
const farProvincial: VisitFacility = {
  code: '79001',
  kind: 'provincial_general_hospital',
  provinceCode: '79',
};

/** An employee's card (DN, level 4: 80%) from Khánh Hòa, registered at station 56101, for 2025. */
const card: CardOnFile = {
  number: 'DN4560123456789',
  validFrom: '2025-01-01',
  validTo: '2025-12-31',
  status: 'active',
  registeredFacilityCode: '56101',
};
const visit = (v: Partial<Visit> = {}): Visit => ({ date: '2025-03-10', kind: 'self-referred', ...v });

describe('base salary and benefit levels are profile data with effective dates', () => {
  test.each([
    { date: '2019-06-30', amount: undefined },
    { date: '2019-07-01', amount: 1_490_000 },
    { date: '2023-06-30', amount: 1_490_000 },
    { date: '2023-07-01', amount: 1_800_000 },
    { date: '2024-06-30', amount: 1_800_000 },
    { date: '2024-07-01', amount: 2_340_000 },
    { date: '2026-01-01', amount: 2_340_000 },
  ])('base salary on $date is $amount', ({ date, amount }) => {
    expect(baseSalaryOn(vn, date)).toBe(amount);
  });

  test.each([
    [1, 100],
    [2, 100],
    [3, 95],
    [4, 80],
    [5, 100],
    [6, undefined],
  ])('level %i pays %s%%', (level, percent) => {
    expect(benefitPercentOfLevel(vn, level)).toBe(percent);
  });

  test.each([
    { tier: 'central', care: 'inpatient' as const, date: '2025-03-10', rate: 40 },
    { tier: 'central', care: 'outpatient' as const, date: '2025-03-10', rate: 0 },
    { tier: 'provincial', care: 'inpatient' as const, date: '2025-03-10', rate: 100 },
    { tier: 'provincial', care: 'inpatient' as const, date: '2020-12-31', rate: 60 },
    { tier: 'provincial', care: 'outpatient' as const, date: '2025-03-10', rate: 0 },
    { tier: 'district', care: 'outpatient' as const, date: '2025-03-10', rate: 100 },
    { tier: 'district', care: 'inpatient' as const, date: '2015-06-01', rate: 70 },
    { tier: 'commune', care: 'outpatient' as const, date: '2025-03-10', rate: 100 },
    { tier: undefined, care: 'outpatient' as const, date: '2025-03-10', rate: 0 },
    { tier: 'district', care: 'outpatient' as const, date: '2010-01-01', rate: 0 },
  ])('off-route $care at $tier on $date: $rate%', ({ tier, care, date, rate }) => {
    expect(offRouteRate(vn, tier, care, date)).toBe(rate);
  });
});

describe('a card that is not good on the date is refused with the reason', () => {
  test.each([
    { name: 'expired', c: card, date: '2026-01-01', code: 'expired', agency: '010', rule: 'card-expired' },
    {
      name: 'expired long ago',
      c: card,
      date: '2027-06-01',
      code: 'expired',
      agency: '010',
      rule: 'card-expired',
    },
    {
      name: 'not yet valid',
      c: card,
      date: '2024-12-31',
      code: 'not-yet-valid',
      agency: undefined,
      rule: 'card-not-yet-valid',
    },
    {
      name: 'withdrawn',
      c: { ...card, status: 'withdrawn' as const },
      date: '2025-03-10',
      code: 'withdrawn',
      agency: '110',
      rule: 'card-withdrawn',
    },
    {
      name: 'withdrawn and expired',
      c: { ...card, status: 'withdrawn' as const },
      date: '2026-03-10',
      code: 'withdrawn',
      agency: '110',
      rule: 'card-withdrawn',
    },
    {
      name: 'wrong province code',
      c: { ...card, number: 'DN4990123456789' },
      date: '2025-03-10',
      code: 'wrong-province-code',
      agency: '052',
      rule: 'card-number',
    },
    {
      name: 'wrong benefit code',
      c: { ...card, number: 'DN2560123456789' },
      date: '2025-03-10',
      code: 'wrong-benefit-code',
      agency: '053',
      rule: 'card-number',
    },
    {
      name: 'unknown group',
      c: { ...card, number: 'ZZ4560123456789' },
      date: '2025-03-10',
      code: 'unknown-group',
      agency: '051',
      rule: 'card-number',
    },
    {
      name: 'malformed number',
      c: { ...card, number: 'DN45601234' },
      date: '2025-03-10',
      code: 'wrong-card-number',
      agency: '051',
      rule: 'card-number',
    },
  ])('$name: $code', ({ c, date, code, agency, rule }) => {
    const answer = checkEligibility(vn, {
      card: c,
      facility: station,
      visit: visit({ date, kind: 'registered' }),
    });
    expect(answer).toMatchObject({ valid: false, benefitPercent: 0, onRoute: null, rule, routeRule: null });
    expect(answer.reason.code).toBe(code);
    expect(answer.reason.agencyCode).toBe(agency);
  });

  test.each([
    ['2025-01-01', true],
    ['2025-12-31', true],
  ])('the validity period includes its first and last day (%s)', (date, valid) => {
    expect(checkEligibility(vn, { card, facility: station, visit: visit({ date }) }).valid).toBe(valid);
  });
});

describe('route: who is on-route and which rule says so', () => {
  test.each([
    {
      name: 'registered facility',
      f: station,
      kind: 'registered' as const,
      onRoute: true,
      routeRule: 'registered-facility',
    },
    {
      name: 'registered facility whatever the kind given',
      f: station,
      kind: 'self-referred' as const,
      onRoute: true,
      routeRule: 'registered-facility',
    },
    {
      name: 'referred to the central hospital',
      f: central,
      kind: 'referred' as const,
      onRoute: true,
      routeRule: 'referral',
    },
    {
      name: 'referred to another province',
      f: farProvincial,
      kind: 'referred' as const,
      onRoute: true,
      routeRule: 'referral',
    },
    {
      name: 'emergency far away',
      f: farDistrict,
      kind: 'emergency' as const,
      onRoute: true,
      routeRule: 'emergency',
    },
    {
      name: 'emergency at a central hospital',
      f: central,
      kind: 'emergency' as const,
      onRoute: true,
      routeRule: 'emergency',
    },
    {
      name: 're-examination at the provincial hospital',
      f: provincial,
      kind: 're-examination' as const,
      onRoute: true,
      routeRule: 're-examination',
    },
    {
      name: 'self-referred to the district in the province',
      f: district,
      kind: 'self-referred' as const,
      onRoute: true,
      routeRule: 'same-province-primary',
    },
    {
      name: 'self-referred to another station in the province',
      f: otherStation,
      kind: 'self-referred' as const,
      onRoute: true,
      routeRule: 'same-province-primary',
    },
    {
      name: 'says registered but is another district centre',
      f: district,
      kind: 'registered' as const,
      onRoute: true,
      routeRule: 'same-province-primary',
    },
    {
      name: 'self-referred to the provincial hospital',
      f: provincial,
      kind: 'self-referred' as const,
      onRoute: false,
      routeRule: 'self-referred',
    },
    {
      name: 'self-referred to a central hospital',
      f: central,
      kind: 'self-referred' as const,
      onRoute: false,
      routeRule: 'self-referred',
    },
    {
      name: 'self-referred to a district in another province',
      f: farDistrict,
      kind: 'self-referred' as const,
      onRoute: false,
      routeRule: 'self-referred',
    },
    {
      name: 'self-referred to a station in another province',
      f: farStation,
      kind: 'self-referred' as const,
      onRoute: false,
      routeRule: 'self-referred',
    },
    {
      name: 'says registered but is in another province',
      f: farDistrict,
      kind: 'registered' as const,
      onRoute: false,
      routeRule: 'self-referred',
    },
  ])('$name: on-route $onRoute by $routeRule', ({ f, kind, onRoute, routeRule }) => {
    const answer = checkEligibility(vn, { card, facility: f, visit: visit({ kind }) });
    expect(answer).toMatchObject({ valid: true, onRoute, routeRule });
    expect(answer.reason).toMatchObject({ code: 'valid', agencyCode: '000' });
  });

  test('the province of the registered facility, when given, is the home province', () => {
    const moved = { ...card, registeredFacilityCode: '79101', registeredProvinceCode: '79' };
    expect(checkEligibility(vn, { card: moved, facility: farDistrict, visit: visit() }).onRoute).toBe(true);
    expect(checkEligibility(vn, { card: moved, facility: district, visit: visit() }).onRoute).toBe(false);
  });

  test('a card from another province at a district centre is off-route and says so', () => {
    const answer = checkEligibility(vn, {
      card: { ...card, number: 'DN4790123456789', registeredFacilityCode: '79101' },
      facility: district,
      visit: visit(),
    });
    expect(answer).toMatchObject({
      valid: true,
      onRoute: false,
      routeRule: 'self-referred',
      rule: 'off-route-rate',
      benefitPercent: 80,
    });
    expect(answer.reason.message).toContain("outside the card's province (79)");
  });
});

describe('benefit percentage', () => {
  const hn = { ...card, number: 'HN2560123456789' }; // poor household: 100%
  const ht = { ...card, number: 'HT3560123456789' }; // pensioner: 95%
  const exempt = { ...card, fiveYearsOn: '2020-01-01', copayExemptFrom: '2025-02-01' };
  test.each([
    {
      name: 'level 4 at the registered station',
      c: card,
      f: station,
      v: visit({ kind: 'registered' }),
      pct: 100,
      rule: 'commune-station',
    },
    {
      name: 'level 4 at a station of another province',
      c: card,
      f: farStation,
      v: visit(),
      pct: 100,
      rule: 'commune-station',
    },
    {
      name: 'level 4 at a private clinic in the province',
      c: card,
      f: privateClinic,
      v: visit(),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'level 4 referred to the district',
      c: card,
      f: district,
      v: visit({ kind: 'referred' }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'level 3 referred to the province',
      c: ht,
      f: provincial,
      v: visit({ kind: 'referred' }),
      pct: 95,
      rule: 'benefit-level',
    },
    {
      name: 'level 2 referred to central',
      c: hn,
      f: central,
      v: visit({ kind: 'referred' }),
      pct: 100,
      rule: 'benefit-level',
    },
    {
      name: 'level 4 emergency at central',
      c: card,
      f: central,
      v: visit({ kind: 'emergency', careType: 'inpatient' }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'on-route under 15% of base salary',
      c: card,
      f: district,
      v: visit({ kind: 'referred', cost: 351_000 - 1 }),
      pct: 100,
      rule: 'low-cost',
    },
    {
      name: 'on-route at exactly 15% of base salary',
      c: card,
      f: district,
      v: visit({ kind: 'referred', cost: 351_000 }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'on-route above 15% of base salary',
      c: card,
      f: district,
      v: visit({ kind: 'referred', cost: 400_000 }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'low cost with the 2023 base salary (270,000)',
      c: { ...card, validFrom: '2023-01-01' },
      f: district,
      v: visit({ date: '2024-01-10', kind: 'referred', cost: 269_999 }),
      pct: 100,
      rule: 'low-cost',
    },
    {
      name: 'not low cost with the 2023 base salary',
      c: { ...card, validFrom: '2023-01-01' },
      f: district,
      v: visit({ date: '2024-01-10', kind: 'referred', cost: 300_000 }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'no cost given: no low-cost rule',
      c: card,
      f: district,
      v: visit({ kind: 'referred' }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'off-route under 15% still gets only the off-route rate',
      c: card,
      f: central,
      v: visit({ careType: 'inpatient', cost: 100_000 }),
      pct: 32,
      rule: 'off-route-rate',
    },
    {
      name: 'off-route in-patient at central: 40% of 80%',
      c: card,
      f: central,
      v: visit({ careType: 'inpatient' }),
      pct: 32,
      rule: 'off-route-rate',
    },
    {
      name: 'off-route in-patient at central: 40% of 95%',
      c: ht,
      f: central,
      v: visit({ careType: 'inpatient' }),
      pct: 38,
      rule: 'off-route-rate',
    },
    {
      name: 'off-route out-patient at central: not covered',
      c: card,
      f: central,
      v: visit(),
      pct: 0,
      rule: 'off-route-rate',
    },
    {
      name: 'off-route out-patient at the provincial hospital: not covered',
      c: card,
      f: provincial,
      v: visit({ careType: 'outpatient' }),
      pct: 0,
      rule: 'off-route-rate',
    },
    {
      name: 'off-route in-patient at the provincial hospital since 2021',
      c: card,
      f: provincial,
      v: visit({ careType: 'inpatient' }),
      pct: 80,
      rule: 'off-route-rate',
    },
    {
      name: 'off-route in-patient at the provincial hospital in 2020',
      c: { ...card, validFrom: '2020-01-01' },
      f: provincial,
      v: visit({ date: '2020-06-01', careType: 'inpatient' }),
      pct: 48,
      rule: 'off-route-rate',
    },
    {
      name: 'off-route at a district of another province',
      c: card,
      f: farDistrict,
      v: visit(),
      pct: 80,
      rule: 'off-route-rate',
    },
    {
      name: 'co-payment exemption on-route',
      c: exempt,
      f: district,
      v: visit({ kind: 'referred', cost: 5_000_000 }),
      pct: 100,
      rule: 'copay-exemption',
    },
    {
      name: 'co-payment exemption does not cover off-route',
      c: exempt,
      f: central,
      v: visit({ careType: 'inpatient' }),
      pct: 32,
      rule: 'off-route-rate',
    },
    {
      name: 'exemption certificate not yet in force',
      c: exempt,
      f: district,
      v: visit({ date: '2025-01-20', kind: 'referred' }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'five years not yet reached',
      c: { ...exempt, fiveYearsOn: '2025-06-01' },
      f: district,
      v: visit({ kind: 'referred' }),
      pct: 80,
      rule: 'benefit-level',
    },
    {
      name: 'exemption of last year has ended',
      c: { ...exempt, validTo: '2026-12-31' },
      f: district,
      v: visit({ date: '2026-02-01', kind: 'referred' }),
      pct: 80,
      rule: 'benefit-level',
    },
  ])('$name: $pct% by $rule', ({ c, f, v, pct, rule }) => {
    const answer = checkEligibility(vn, { card: c, facility: f, visit: v });
    expect(answer).toMatchObject({ valid: true, benefitPercent: pct, rule });
  });

  test('not covered off-route says so in the message', () => {
    const answer = checkEligibility(vn, { card, facility: central, visit: visit() });
    expect(answer.reason.message).toContain('not covered');
  });
});

describe('co-payment exemption', () => {
  test.each([
    { fiveYearsOn: null, copayExemptFrom: '2025-01-01', date: '2025-03-01', exempt: false },
    { fiveYearsOn: '2020-01-01', copayExemptFrom: null, date: '2025-03-01', exempt: false },
    { fiveYearsOn: '2020-01-01', copayExemptFrom: '2025-03-01', date: '2025-03-01', exempt: true },
    { fiveYearsOn: '2020-01-01', copayExemptFrom: '2025-03-01', date: '2025-12-31', exempt: true },
    { fiveYearsOn: '2020-01-01', copayExemptFrom: '2025-03-01', date: '2026-01-01', exempt: false },
    { fiveYearsOn: '2020-01-01', copayExemptFrom: '2025-03-02', date: '2025-03-01', exempt: false },
    { fiveYearsOn: '2025-04-01', copayExemptFrom: '2025-03-01', date: '2025-03-15', exempt: false },
  ])(
    'five years on $fiveYearsOn, exempt from $copayExemptFrom, on $date: $exempt',
    ({ date, exempt, ...c }) => {
      expect(isCopayExempt(c, date)).toBe(exempt);
    },
  );
});
