import { describe, expect, test } from 'vitest';
import { type CountryProfile, loadProfile, parseProfile } from '../../platform/profile.ts';
import { type CardOnFile, checkEligibility, offRouteRate, type VisitFacility } from './insurance.rules.ts';

/**
 * The amended law (51/2024, from 2025-07-01) rates self-referral by level of care, some rates only for
 * facilities that were of a given tier before. These figures are illustrative, for the rules: the
 * shipped VN profile waits for verified ones. What is tested is that such a schedule is expressible
 * and applied on its dates.
 */
const vn = loadProfile('vn');
const benefit = vn.insurance.benefit;
if (!benefit) throw new Error('the VN profile has benefit rules');
const amended: CountryProfile = parseProfile(
  {
    ...vn,
    insurance: {
      ...vn.insurance,
      benefit: {
        ...benefit,
        offRouteRates: [
          ...benefit.offRouteRates,
          {
            from: '2025-07-01',
            note: 'illustrative levels-of-care schedule',
            rates: [
              { careLevel: 'primary', outpatient: 100, inpatient: 100 },
              { careLevel: 'basic', outpatient: 0, inpatient: 100 },
              { careLevel: 'basic', tier: 'district', outpatient: 100, inpatient: 100 },
              { careLevel: 'basic', tier: 'provincial', outpatient: 50, inpatient: 100 },
              { careLevel: 'specialised', outpatient: 0, inpatient: 40 },
              { careLevel: 'specialised', tier: 'provincial', outpatient: 50, inpatient: 100 },
            ],
          },
        ],
      },
    },
  },
  'amended.json',
);

describe('off-route rates by level of care, from the date the schedule names', () => {
  test.each([
    // Before 2025-07-01 the tiers decide, whatever the level.
    { tier: 'provincial', careLevel: 'basic', care: 'outpatient', date: '2025-06-30', rate: 0 },
    { tier: 'provincial', careLevel: 'basic', care: 'inpatient', date: '2025-06-30', rate: 100 },
    { tier: 'central', careLevel: 'specialised', care: 'inpatient', date: '2025-06-30', rate: 40 },
    // From then, the level, and the level with the former tier where a rate names both.
    { tier: 'provincial', careLevel: 'basic', care: 'outpatient', date: '2025-07-01', rate: 50 },
    { tier: 'provincial', careLevel: 'basic', care: 'inpatient', date: '2025-07-01', rate: 100 },
    { tier: 'district', careLevel: 'basic', care: 'outpatient', date: '2026-03-01', rate: 100 },
    { tier: 'central', careLevel: 'basic', care: 'outpatient', date: '2026-03-01', rate: 0 },
    { tier: 'central', careLevel: 'basic', care: 'inpatient', date: '2026-03-01', rate: 100 },
    { tier: 'central', careLevel: 'specialised', care: 'inpatient', date: '2026-03-01', rate: 40 },
    { tier: 'provincial', careLevel: 'specialised', care: 'inpatient', date: '2026-03-01', rate: 100 },
    { tier: 'provincial', careLevel: 'specialised', care: 'outpatient', date: '2026-03-01', rate: 50 },
    { tier: 'commune', careLevel: 'primary', care: 'outpatient', date: '2026-03-01', rate: 100 },
    { tier: 'district', careLevel: 'primary', care: 'inpatient', date: '2026-03-01', rate: 100 },
    // A facility not graded by level has no rate in a schedule by level.
    { tier: 'district', careLevel: null, care: 'outpatient', date: '2026-03-01', rate: 0 },
  ] as const)(
    '$care at $careLevel (formerly $tier) on $date: $rate%',
    ({ tier, careLevel, care, date, rate }) => {
      expect(offRouteRate(amended, { tier, careLevel }, care, date)).toBe(rate);
    },
  );

  test('the shipped VN profile keeps the 2021 tier rates after 2025-07-01 until the new ones are verified', () => {
    expect(offRouteRate(vn, { tier: 'provincial', careLevel: 'basic' }, 'outpatient', '2026-03-01')).toBe(0);
    expect(offRouteRate(vn, { tier: 'provincial', careLevel: 'basic' }, 'inpatient', '2026-03-01')).toBe(100);
  });
});

describe('eligibility under a schedule by level of care', () => {
  const card: CardOnFile = {
    number: 'DN4560123456789',
    validFrom: '2025-01-01',
    validTo: '2026-12-31',
    status: 'active',
    registeredFacilityCode: '56101',
  };
  const provincialHospital: VisitFacility = {
    code: '56001',
    kind: 'provincial_general_hospital',
    provinceCode: '56',
  };

  test('a self-referred out-patient visit at a former provincial hospital graded basic pays the card rate times the level rate', () => {
    const answer = checkEligibility(amended, {
      card,
      facility: provincialHospital,
      visit: { date: '2026-03-01', kind: 'self-referred', careType: 'outpatient', cost: 1_000_000 },
    });
    expect(answer).toMatchObject({ onRoute: false, rule: 'off-route-rate', benefitPercent: 40 });
    expect(answer.reason.message).toContain('at the basic level of care (formerly provincial): 40%');
  });

  test("the facility's own level wins over its kind's", () => {
    const graded = { ...provincialHospital, careLevel: 'specialised' };
    const answer = checkEligibility(amended, {
      card,
      facility: graded,
      visit: { date: '2026-03-01', kind: 'self-referred', careType: 'inpatient', cost: 1_000_000 },
    });
    expect(answer.benefitPercent).toBe(80);
    expect(answer.reason.message).toContain('specialised level of care (formerly provincial)');
  });

  test('a visit not covered names the level it was judged at', () => {
    const answer = checkEligibility(amended, {
      card,
      facility: { code: '01900', kind: 'central_hospital', provinceCode: '01' },
      visit: { date: '2026-03-01', kind: 'self-referred', careType: 'outpatient', cost: 1_000_000 },
    });
    expect(answer.benefitPercent).toBe(0);
    expect(answer.reason.message).toContain(
      'off-route outpatient care at the specialised level of care is not covered',
    );
  });

  test('on-route visits keep the card rate whatever the level', () => {
    const answer = checkEligibility(amended, {
      card,
      facility: provincialHospital,
      visit: { date: '2026-03-01', kind: 'referred', careType: 'outpatient', cost: 1_000_000 },
    });
    expect(answer).toMatchObject({ onRoute: true, benefitPercent: 80, rule: 'benefit-level' });
  });
});

describe('a profile naming levels of care is checked when it loads', () => {
  const withRates = (rates: unknown[]) => ({
    ...amended,
    insurance: {
      ...amended.insurance,
      benefit: { ...benefit, offRouteRates: [{ from: '2025-07-01', rates }] },
    },
  });

  test.each([
    [withRates([{ outpatient: 100, inpatient: 100 }]), 'a rate names neither a tier nor a level of care'],
    [withRates([{ careLevel: 'tertiary', outpatient: 0, inpatient: 40 }]), 'unknown level of care tertiary'],
    [withRates([{ tier: 'county', outpatient: 0, inpatient: 40 }]), 'unknown tier county'],
    [
      {
        ...vn,
        facilityKinds: [...vn.facilityKinds, { id: 'x', tier: 'district', label: 'X', careLevel: 'top' }],
      },
      'kind x names unknown level of care top',
    ],
    [{ ...vn, careLevels: [] }, 'invalid at /careLevels'],
  ])('%#: %s', (data, message) => {
    expect(() => parseProfile(data, 'broken.json')).toThrow(message);
  });
});
