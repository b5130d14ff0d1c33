import { describe, expect, test } from 'vitest';
import { type CountryProfile, loadProfile } from '../../platform/profile.ts';
import {
  areaCodeOfPath,
  checkEnrolmentEligibility,
  decideArea,
  type EnrolmentOnFile,
  expectedRecord,
  isWithinPath,
  readCardFields,
} from './enrolment.rules.ts';
import type { VisitKind } from './insurance.rules.ts';

const cn = loadProfile('cn');
const vn = loadProfile('vn');

/** The CN profile with a member number pattern, as a city with its own medical insurance number would have. */
const cnWithNumber: CountryProfile = {
  ...cn,
  insurance: {
    ...cn.insurance,
    enrolment: {
      ...cn.insurance.enrolment!,
      number: { pattern: '^[0-9]{10}$', label: '医保号 (10 digits)' },
    },
  },
};
/** The CN profile where a visit outside the insured area is covered anyway. */
const cnOpen: CountryProfile = {
  ...cn,
  insurance: {
    ...cn.insurance,
    enrolment: {
      ...cn.insurance.enrolment!,
      outsideInsuredArea: { covered: true, exceptVisitKinds: [] },
    },
  },
};

const chaoyang = { code: '110105', level: 'county', path: '11.1101.110105' };
const beijing = { code: '1101', level: 'prefecture', path: '11.1101' };
const township = { code: '110105001', level: 'township', path: '11.1101.110105.110105001' };

describe('readCardFields: the profile decides the format of a posted record', () => {
  test.each([
    {
      name: 'CN enrolment in the resident scheme of a county',
      profile: cn,
      body: { scheme: 'resident', insuredArea: '110105' },
      area: chaoyang,
      fields: {
        scheme: 'resident',
        insuredAreaPath: '11.1101.110105',
        cardNumber: null,
        beneficiaryGroup: null,
      },
    },
    {
      name: 'CN employee scheme run by a prefecture-level city',
      profile: cn,
      body: { scheme: 'employee', insuredArea: '1101' },
      area: beijing,
      fields: { scheme: 'employee', insuredAreaPath: '11.1101', cardNumber: null },
    },
    {
      name: 'CN with a member number pattern: the number is kept, normalised',
      profile: cnWithNumber,
      body: { scheme: 'resident', insuredArea: '110105', cardNumber: '01234 56789' },
      area: chaoyang,
      fields: { scheme: 'resident', cardNumber: '0123456789' },
    },
    {
      name: 'VN card number parsed into its parts',
      profile: vn,
      body: { cardNumber: 'DN4560123456789' },
      area: undefined,
      fields: {
        cardNumber: 'DN4560123456789',
        beneficiaryGroup: 'DN',
        benefitLevel: 4,
        provinceCode: '56',
        socialInsuranceNumber: '0123456789',
        scheme: null,
        insuredAreaPath: null,
      },
    },
  ])('accepts: $name', ({ profile, body, area, fields }) => {
    const result = readCardFields(profile, body, area);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.fields).toMatchObject(fields);
  });

  test.each([
    {
      name: 'a VN card number under CN says what CN expects',
      profile: cn,
      body: { cardNumber: 'DN4560123456789' },
      area: undefined,
      errors: [
        [
          'body.cardNumber',
          /enrolments have no card number .*send scheme \(employee or resident\) and insuredArea/,
        ],
        ['body.scheme', /required: employee or resident/],
        ['body.insuredArea', /required: an area code at the prefecture or county level/],
      ],
    },
    {
      name: 'a CN enrolment under VN says what VN expects',
      profile: vn,
      body: { scheme: 'resident', insuredArea: '110105' },
      area: undefined,
      errors: [
        ['body.scheme', /not part of a card in Việt Nam: send cardNumber \(Mã thẻ BHYT/],
        ['body.insuredArea', /not part of a card/],
        ['body.cardNumber', /required: Mã thẻ BHYT/],
      ],
    },
    {
      name: 'an unknown scheme lists the profile schemes',
      profile: cn,
      body: { scheme: 'rural', insuredArea: '110105' },
      area: chaoyang,
      errors: [['body.scheme', /unknown scheme rural: employee \(职工基本医疗保险\) or resident/]],
    },
    {
      name: 'an insured area nobody knows',
      profile: cn,
      body: { scheme: 'resident', insuredArea: '999999' },
      area: undefined,
      errors: [['body.insuredArea', /no area with id or code 999999/]],
    },
    {
      name: 'an insured area at a level that runs no scheme',
      profile: cn,
      body: { scheme: 'resident', insuredArea: '110105001' },
      area: township,
      errors: [['body.insuredArea', /110105001 is a township: the insured area is the prefecture or county/]],
    },
    {
      name: 'VN-only benefit dates under CN',
      profile: cn,
      body: { scheme: 'resident', insuredArea: '110105', fiveYearsOn: '2025-01-01' },
      area: chaoyang,
      errors: [['body.fiveYearsOn', /not used in 中国/]],
    },
    {
      name: 'a member number that does not match the pattern',
      profile: cnWithNumber,
      body: { scheme: 'resident', insuredArea: '110105', cardNumber: 'DN4560123456789' },
      area: chaoyang,
      errors: [['body.cardNumber', /DN4560123456789 does not match \^\[0-9\]\{10\}\$ \(医保号/]],
    },
    {
      name: 'a member number the profile requires',
      profile: cnWithNumber,
      body: { scheme: 'resident', insuredArea: '110105' },
      area: chaoyang,
      errors: [['body.cardNumber', /required: 医保号/]],
    },
    {
      name: 'a bad VN card number keeps the card rules message',
      profile: vn,
      body: { cardNumber: 'DN3560123456789' },
      area: undefined,
      errors: [['body.cardNumber', /wrong benefit code/]],
    },
  ])('refuses: $name', ({ profile, body, area, errors }) => {
    const result = readCardFields(profile, body, area);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(errors.map(([field]) => field));
    errors.forEach(([, message], i) => {
      expect(result.errors[i]?.message).toMatch(message as RegExp);
    });
  });

  test('expectedRecord names what each profile takes', () => {
    expect(expectedRecord(vn)).toMatch(/^cardNumber \(Mã thẻ BHYT/);
    expect(expectedRecord(cn)).toBe(
      'scheme (employee or resident) and insuredArea (an area code at the prefecture or county level)',
    );
    expect(expectedRecord(cnWithNumber)).toMatch(/, cardNumber \(医保号 \(10 digits\)\)$/);
  });
});

describe('paths', () => {
  test.each([
    { place: '11.1101.110105.110105001', area: '11.1101.110105', within: true },
    { place: '11.1101.110105', area: '11.1101.110105', within: true },
    { place: '11.1101.110108.110108001', area: '11.1101.110105', within: false },
    { place: '11.1101.1101050', area: '11.1101.110105', within: false },
    { place: '11.1101.110105', area: '11.1101.110105.110105001', within: false },
  ])('$place within $area: $within', ({ place, area, within }) => {
    expect(isWithinPath(place, area)).toBe(within);
  });
  test.each([
    ['11.1101.110105', '110105'],
    ['11', '11'],
  ])('code of %s is %s', (path, code) => {
    expect(areaCodeOfPath(path)).toBe(code);
  });
});

describe('decideArea: inside the insured area, or why a visit outside it counts', () => {
  const insured = '11.1101.110105';
  test.each<{ profile: CountryProfile; place: string; kind: VisitKind; rule: string }>([
    { profile: cn, place: '11.1101.110105.110105001', kind: 'registered', rule: 'inside-insured-area' },
    { profile: cn, place: '11.1101.110108.110108001', kind: 'registered', rule: 'outside-insured-area' },
    { profile: cn, place: '11.1101.110108.110108001', kind: 'self-referred', rule: 'outside-insured-area' },
    { profile: cn, place: '11.1101.110108.110108001', kind: 'emergency', rule: 'excepted-visit' },
    { profile: cn, place: '11.1101.110108.110108001', kind: 'referred', rule: 'excepted-visit' },
    { profile: cnOpen, place: '31.3101.310101', kind: 'registered', rule: 'outside-covered' },
  ])('$kind at $place: $rule', ({ profile, place, kind, rule }) => {
    expect(decideArea(profile, insured, place, kind).rule).toBe(rule);
  });
});

describe('checkEnrolmentEligibility: validity, insured area, then deductible and ratio by level', () => {
  const enrolment: EnrolmentOnFile = {
    scheme: 'resident',
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    status: 'active',
    insuredAreaPath: '11.1101.110105',
  };
  const home = '11.1101.110105.110105001';
  const elsewhere = '11.1101.110108.110108001';
  type Row = {
    name: string;
    profile?: CountryProfile;
    enrolment?: Partial<EnrolmentOnFile> | null;
    kind?: string;
    areaPath?: string;
    date?: string;
    visitKind?: VisitKind;
    cost?: number;
    valid: boolean;
    code: string;
    rule: string;
    areaRule?: string | null;
    deductible?: number | null;
    ratio: number;
    reimbursed?: number | null;
  };
  test.each<Row>([
    {
      name: 'resident scheme at a community health centre: grassroots rate',
      kind: 'community_health_centre',
      cost: 1300,
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      areaRule: 'inside-insured-area',
      deductible: 300,
      ratio: 85,
      reimbursed: 850,
    },
    {
      name: 'resident scheme at a village clinic: grassroots rate, no cost given',
      kind: 'village_clinic',
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      deductible: 300,
      ratio: 85,
      reimbursed: null,
    },
    {
      name: 'resident scheme at the county hospital: lower ratio, higher deductible',
      kind: 'county_hospital',
      cost: 1600,
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      deductible: 600,
      ratio: 75,
      reimbursed: 750,
    },
    {
      name: 'resident scheme at a tertiary hospital: lowest ratio',
      kind: 'tertiary_hospital',
      cost: 2200,
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      deductible: 1200,
      ratio: 65,
      reimbursed: 650,
    },
    {
      name: 'employee scheme at a grassroots facility',
      enrolment: { scheme: 'employee' },
      kind: 'township_health_centre',
      cost: 1200,
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      deductible: 200,
      ratio: 95,
      reimbursed: 950,
    },
    {
      name: 'employee scheme at a tertiary hospital',
      enrolment: { scheme: 'employee' },
      kind: 'tertiary_hospital',
      cost: 500,
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      deductible: 1000,
      ratio: 85,
      reimbursed: 0,
    },
    {
      name: 'no enrolment on file',
      enrolment: null,
      valid: false,
      code: 'no-enrolment',
      rule: 'enrolment-on-file',
      deductible: null,
      ratio: 0,
    },
    {
      name: 'withdrawn',
      enrolment: { status: 'withdrawn' },
      valid: false,
      code: 'withdrawn',
      rule: 'enrolment-withdrawn',
      ratio: 0,
    },
    {
      name: 'expired the day before',
      date: '2026-01-01',
      valid: false,
      code: 'expired',
      rule: 'enrolment-expired',
      ratio: 0,
    },
    {
      name: 'valid on its last day',
      date: '2025-12-31',
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      ratio: 85,
    },
    {
      name: 'not yet valid',
      date: '2024-12-31',
      valid: false,
      code: 'not-yet-valid',
      rule: 'enrolment-not-yet-valid',
      ratio: 0,
    },
    {
      name: 'outside the insured area, self-referred',
      areaPath: elsewhere,
      visitKind: 'self-referred',
      valid: false,
      code: 'outside-insured-area',
      rule: 'insured-area',
      areaRule: 'outside-insured-area',
      deductible: null,
      ratio: 0,
    },
    {
      name: 'outside the insured area, an emergency',
      areaPath: elsewhere,
      visitKind: 'emergency',
      kind: 'tertiary_hospital',
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      areaRule: 'excepted-visit',
      deductible: 1200,
      ratio: 65,
    },
    {
      name: 'outside the insured area where the profile covers it',
      profile: cnOpen,
      areaPath: elsewhere,
      valid: true,
      code: 'valid',
      rule: 'facility-level',
      areaRule: 'outside-covered',
      ratio: 85,
    },
    {
      name: 'a facility kind the profile does not know has no rate',
      kind: 'spa',
      valid: false,
      code: 'no-rate-for-level',
      rule: 'facility-level',
      areaRule: 'inside-insured-area',
      ratio: 0,
    },
    {
      name: 'withdrawn comes before the insured area',
      enrolment: { status: 'withdrawn' },
      areaPath: elsewhere,
      valid: false,
      code: 'withdrawn',
      rule: 'enrolment-withdrawn',
      areaRule: null,
      ratio: 0,
    },
  ])('$name', (row) => {
    const answer = checkEnrolmentEligibility(row.profile ?? cn, {
      enrolment: row.enrolment === null ? null : { ...enrolment, ...row.enrolment },
      facility: { kind: row.kind ?? 'community_health_centre', areaPath: row.areaPath ?? home },
      visit: { date: row.date ?? '2025-06-01', kind: row.visitKind ?? 'registered', cost: row.cost },
    });
    expect(answer.valid).toBe(row.valid);
    expect(answer.reason.code).toBe(row.code);
    expect(answer.rule).toBe(row.rule);
    expect(answer.ratioPercent).toBe(row.ratio);
    if (row.areaRule !== undefined) expect(answer.areaRule).toBe(row.areaRule);
    if (row.deductible !== undefined) expect(answer.deductible).toBe(row.deductible);
    if (row.reimbursed !== undefined) expect(answer.reimbursement?.reimbursed ?? null).toBe(row.reimbursed);
  });

  test('the grassroots level pays more, with a lower deductible, than the county, than a tertiary hospital', () => {
    const at = (kind: string) =>
      checkEnrolmentEligibility(cn, {
        enrolment,
        facility: { kind, areaPath: home },
        visit: { date: '2025-06-01', kind: 'registered' },
      });
    const [grassroots, county, tertiary] = ['village_clinic', 'county_hospital', 'tertiary_hospital'].map(at);
    expect(grassroots!.ratioPercent).toBeGreaterThan(county!.ratioPercent);
    expect(county!.ratioPercent).toBeGreaterThan(tertiary!.ratioPercent);
    expect(grassroots!.deductible!).toBeLessThan(county!.deductible!);
    expect(county!.deductible!).toBeLessThan(tertiary!.deductible!);
  });

  test('the answer says the scheme, the insured area, the level and the split', () => {
    const answer = checkEnrolmentEligibility(cn, {
      enrolment,
      facility: { kind: 'community_health_centre', areaPath: home },
      visit: { date: '2025-06-01', kind: 'registered', cost: 1300 },
    });
    expect(answer.reason.message).toBe(
      'Enrolled in 城乡居民基本医疗保险 of 110105; inside the insured area; at the grassroots level (基层): deductible 300, 85% above it; of 1300: 850 reimbursed, 450 self-paid (deductible taken as unpaid this year)',
    );
    expect(answer.reimbursement).toEqual({
      cost: 1300,
      deductibleApplied: 300,
      reimbursed: 850,
      selfPaid: 450,
    });
  });
});
