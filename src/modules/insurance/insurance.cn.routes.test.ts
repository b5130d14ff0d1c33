import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { getOk, postOk } from '../../../test/support/requests.ts';

/**
 * Enrolments in China's basic medical insurance under the CN profile (GRASSROOTS_PROFILE=cn), through
 * the API. Beijing (11) > 北京市 (1101) > 朝阳区 (110105) > 街道 110105001, and 海淀区 (110108) >
 * 街道 110108001. Facilities: community health centre CHC110105001 and county hospital CTY110105 in
 * Chaoyang, tertiary hospital T3H110108 in Haidian. Five residents of 110105001, by hand on 2025-06-01:
 *   A  resident scheme of 110105, 2025                      insured (resident)
 *   B  resident scheme of 110105, 2024 only                 expired
 *   C  resident scheme of 110105, 2025, withdrawn           withdrawn
 *   D  no enrolment
 *   E  employee scheme of 1101, 2025-01-01 to 2025-06-20   insured (employee), expiring
 * Active residents 5; insured A and E = 2 (40%); resident 1, employee 1.
 */

const PEOPLE = {
  A: '110105198001010016',
  B: '110105198502020028',
  C: '110105199003030031',
  D: '110105197504040044',
  E: '110105198806060061',
} as const;
type Person = keyof typeof PEOPLE;

describeOnBothEngines(
  'insurance enrolments under the CN profile',
  (t) => {
    const ids = {} as Record<Person, string>;

    beforeAll(async () => {
      const e = t();
      const area = (code: string, name: string, level: string, parentCode?: string, population?: number) =>
        postOk(e, '/api/areas', {
          code,
          name,
          level,
          ...(parentCode ? { parentCode } : {}),
          ...(population ? { population: [{ year: 2025, population, households: 2 }] } : {}),
        });
      await area('11', '北京市', 'province');
      await area('1101', '市辖区', 'prefecture', '11');
      await area('110105', '朝阳区', 'county', '1101');
      await area('110105001', '建外街道', 'township', '110105', 8);
      await area('110108', '海淀区', 'county', '1101');
      await area('110108001', '万寿路街道', 'township', '110108');
      const facility = (code: string, kind: string, areaCode: string) =>
        postOk(e, '/api/facilities', { code, name: `机构 ${code}`, kind, areaCode });
      await facility('CHC110105001', 'community_health_centre', '110105001');
      await facility('CTY110105', 'county_hospital', '110105');
      await facility('T3H110108', 'tertiary_hospital', '110108001');

      for (const [name, citizenId] of Object.entries(PEOPLE)) {
        const r = await postOk(e, '/api/residents', {
          fullName: `居民${name}`,
          citizenId,
          areaCode: '110105001',
        });
        ids[name as Person] = r.id;
      }
      // Each enrolment: person, scheme, insured area, first and last valid day, status (null: the default).
      for (const [person, scheme, insuredArea, validFrom, validTo, status] of [
        ['A', 'resident', '110105', '2025-01-01', '2025-12-31', null],
        ['B', 'resident', '110105', '2024-01-01', '2024-12-31', null],
        ['C', 'resident', '110105', '2025-01-01', '2025-12-31', 'withdrawn'],
        ['E', 'employee', '1101', '2025-01-01', '2025-06-20', null],
      ] as const)
        await postOk(e, `/api/residents/${ids[person]}/insurance-cards`, {
          scheme,
          insuredArea,
          validFrom,
          validTo,
          ...(status ? { status } : {}),
        });
    });

    test('an enrolment is stored with its scheme and insured area, and listed in the history', async () => {
      const body = await getOk(t(), `/api/residents/${ids.A}/insurance-cards`);
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        residentId: ids.A,
        scheme: 'resident',
        insuredAreaCode: '110105',
        cardNumber: null,
        beneficiaryGroup: null,
        benefitLevel: null,
        provinceCode: null,
        socialInsuranceNumber: null,
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
        status: 'active',
      });
    });

    test('found by the citizen id', async () => {
      const body = await getOk(t(), `/api/insurance-cards?citizenId=${PEOPLE.E}`);
      expect(body.items.map((c: { scheme: string }) => c.scheme)).toEqual(['employee']);
    });

    test('a Vietnamese card number under the CN profile is a 400 that says what is expected', async () => {
      const res = await t().inject({
        method: 'POST',
        url: `/api/residents/${ids.D}/insurance-cards`,
        payload: { cardNumber: 'DN4560000000001', validFrom: '2025-01-01', validTo: '2025-12-31' },
      });
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors as { field: string; message: string }[];
      expect(errors.map((x) => x.field)).toEqual(['body.cardNumber', 'body.scheme', 'body.insuredArea']);
      expect(errors[0]?.message).toBe(
        '中国 enrolments have no card number (the citizen id is the key): send scheme (employee or resident) and insuredArea (an area code at the prefecture or county level)',
      );
      const after = await getOk(t(), `/api/residents/${ids.D}/insurance-cards`);
      expect(after.items).toEqual([]);
    });

    test('an unknown scheme and a township as insured area are refused by their fields', async () => {
      const res = await t().inject({
        method: 'POST',
        url: `/api/residents/${ids.D}/insurance-cards`,
        payload: {
          scheme: 'rural',
          insuredArea: '110105001',
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
        },
      });
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors as { field: string; message: string }[];
      expect(errors.map((x) => x.field)).toEqual(['body.scheme', 'body.insuredArea']);
      expect(errors[1]?.message).toContain('110105001 is a township');
    });

    test('an enrolment overlapping another active one is a 409 naming it', async () => {
      const res = await t().inject({
        method: 'POST',
        url: `/api/residents/${ids.A}/insurance-cards`,
        payload: { scheme: 'employee', insuredArea: '1101', validFrom: '2025-07-01', validTo: '2026-06-30' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('enrolment in the resident scheme of 110105 valid 2025-01-01 to 2025-12-31');
    });

    const eligibility = (query: string) => getOk(t(), `/api/eligibility?${query}`);

    test.each([
      {
        name: 'at the community health centre: grassroots deductible and ratio, with the split',
        query: `citizenId=${PEOPLE.A}&facility=CHC110105001&date=2025-06-01&cost=1300`,
        expected: {
          valid: true,
          rule: 'facility-level',
          areaRule: 'inside-insured-area',
          scheme: 'resident',
          deductible: 300,
          ratioPercent: 85,
          benefitPercent: 85,
          reimbursement: { cost: 1300, deductibleApplied: 300, reimbursed: 850, selfPaid: 450 },
        },
      },
      {
        name: 'at the county hospital: a higher deductible and a lower ratio',
        query: `citizenId=${PEOPLE.A}&facility=CTY110105&date=2025-06-01`,
        expected: { valid: true, deductible: 600, ratioPercent: 75, reimbursement: null },
      },
      {
        name: 'at a tertiary hospital outside the insured area, self-referred: refused',
        query: `citizenId=${PEOPLE.A}&facility=T3H110108&date=2025-06-01&visitKind=self-referred`,
        expected: {
          valid: false,
          rule: 'insured-area',
          areaRule: 'outside-insured-area',
          reason: { code: 'outside-insured-area' },
          ratioPercent: 0,
        },
      },
      {
        name: 'the same tertiary hospital in an emergency: the tertiary rate',
        query: `citizenId=${PEOPLE.A}&facility=T3H110108&date=2025-06-01&visitKind=emergency`,
        expected: { valid: true, areaRule: 'excepted-visit', deductible: 1200, ratioPercent: 65 },
      },
      {
        name: 'an employee enrolment of the city covers its districts',
        query: `citizenId=${PEOPLE.E}&facility=T3H110108&date=2025-06-01&cost=1500`,
        expected: {
          valid: true,
          scheme: 'employee',
          areaRule: 'inside-insured-area',
          deductible: 1000,
          ratioPercent: 85,
          reimbursement: { reimbursed: 425, selfPaid: 1075 },
        },
      },
      {
        name: 'expired',
        query: `citizenId=${PEOPLE.B}&facility=CHC110105001&date=2025-06-01`,
        expected: { valid: false, rule: 'enrolment-expired', reason: { code: 'expired' } },
      },
      {
        name: 'withdrawn',
        query: `citizenId=${PEOPLE.C}&facility=CHC110105001&date=2025-06-01`,
        expected: { valid: false, rule: 'enrolment-withdrawn', reason: { code: 'withdrawn' } },
      },
      {
        name: 'no enrolment',
        query: `citizenId=${PEOPLE.D}&facility=CHC110105001&date=2025-06-01`,
        expected: { valid: false, rule: 'enrolment-on-file', reason: { code: 'no-enrolment' }, card: null },
      },
      {
        name: 'a citizen id nobody holds',
        query: 'citizenId=110105196001010017&facility=CHC110105001&date=2025-06-01',
        expected: { valid: false, reason: { code: 'no-enrolment' } },
      },
    ])('eligibility: $name', async ({ query, expected }) => {
      expect(await eligibility(query)).toMatchObject({ ...expected, onRoute: null, routeRule: null });
    });

    test('a resident id with a wrong check character is a 400 naming it, not "no enrolment"', async () => {
      const res = await t().inject({
        url: '/api/eligibility?citizenId=110105196001010012&facility=CHC110105001&date=2025-06-01',
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'query.citizenId' });
    });

    test('the insurance-cards CSV import stores enrolments under CN, matching those posted one by one', async () => {
      const res = await t().inject({
        method: 'POST',
        url: '/api/imports/insurance-cards',
        headers: { 'content-type': 'text/csv' },
        payload: [
          'citizen_id,scheme,insured_area_code,valid_from,valid_to',
          `${PEOPLE.A},resident,110105,2025-01-01,2025-12-31`,
          `${PEOPLE.B},resident,110105,2026-01-01,2026-12-31`,
          `${PEOPLE.A},employee,1101,2025-07-01,2026-06-30`,
        ].join('\n'),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        read: 3,
        created: 1,
        updated: 1,
        rejected: [
          {
            line: 4,
            reason:
              "valid_from 2025-07-01 to 2026-06-30 overlaps the holder's enrolment in the resident scheme of 110105 valid 2025-01-01 to 2025-12-31",
          },
        ],
      });
      // A's row is the enrolment posted by hand (same scheme and first day): updated, not doubled.
      expect((await getOk(t(), `/api/residents/${ids.A}/insurance-cards`)).items).toHaveLength(1);
      const b = await getOk(t(), `/api/insurance-cards?citizenId=${PEOPLE.B}`);
      expect(b.items.map((c: { validFrom: string }) => c.validFrom)).toEqual(['2024-01-01', '2026-01-01']);
    });

    test('eligibility by a card number under the CN profile is a 400 asking for the citizen id', async () => {
      const res = await t().inject({ url: '/api/eligibility?card=DN4560000000001&facility=CHC110105001' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'query.card' });
      expect(res.json().errors[0].message).toMatch(/^中国 enrolments have no card number: give citizenId/);
    });

    test('coverage counts the enrolments by scheme', async () => {
      const body = await getOk(t(), '/api/coverage?area=110105001&date=2025-06-01');
      expect(body).toMatchObject({
        activeResidents: 5,
        insuredResidents: 2,
        coveragePercent: 40,
        byGroup: [
          { group: 'employee', insuredResidents: 1, coveragePercent: 20 },
          { group: 'resident', insuredResidents: 1, coveragePercent: 20 },
        ],
        population: 8,
        populationCoveragePercent: 25,
        target: { year: 2025, percent: 95, met: false },
      });
      const resident = await getOk(t(), '/api/coverage?area=110105001&date=2025-06-01&group=resident');
      expect(resident).toMatchObject({ group: 'resident', insuredResidents: 1 });
      const later = await getOk(t(), '/api/coverage?area=110105&date=2025-07-01');
      expect(later).toMatchObject({
        insuredResidents: 1,
        byGroup: [{ group: 'resident', insuredResidents: 1 }],
      });
      const bad = await t().inject({ url: '/api/coverage?area=110105001&group=DN' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].message).toBe('unknown group DN: one of employee, resident');
    });

    test('an enrolment about to end is on the expiring list', async () => {
      const body = await getOk(t(), '/api/insurance-cards/expiring?area=110105&date=2025-06-01&days=30');
      expect(body.items).toEqual([
        expect.objectContaining({
          residentId: ids.E,
          daysLeft: 19,
          card: expect.objectContaining({ scheme: 'employee', insuredAreaCode: '1101' }),
        }),
      ]);
    });
  },
  { profile: 'cn' },
);
