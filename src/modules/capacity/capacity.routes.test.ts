import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { postOk } from '../../../test/support/requests.ts';
import { addDays, isoWeek } from '../../platform/dates.ts';

/**
 * GET /api/capacity over a small district built through the API, every figure compared with values
 * worked out by hand below. The year is 2025, a past year: staff are counted on 2025-12-31, so every
 * assignment that should count starts before that, and one that starts in 2026 must not count.
 */

/** The Monday of the server's current week (the capacity figure counts rotations this week). */
const mondayThisWeek = (t: TestEngine) => isoWeek(t.today).start;

describeOnBothEngines('GET /api/capacity', (t) => {
  beforeAll(async () => {
    const e = t();
    // Areas: province 48, district 490, communes A (12,000 people) and B (8,000), a village each.
    await postOk(e, '/api/areas', { code: '48', name: 'Tỉnh Thử', level: 'province' });
    await postOk(e, '/api/areas', { code: '490', name: 'Huyện Thử', level: 'district', parentCode: '48' });
    await postOk(e, '/api/areas', {
      code: '20194',
      name: 'Xã A',
      level: 'commune',
      parentCode: '490',
      population: [
        { year: 2024, population: 11_800, households: 2_950 },
        { year: 2025, population: 12_000, households: 3_000 },
      ],
    });
    await postOk(e, '/api/areas', {
      code: '20195',
      name: 'Xã B',
      level: 'commune',
      parentCode: '490',
      population: [{ year: 2025, population: 8_000, households: 2_000 }],
    });
    await postOk(e, '/api/areas', { code: '20194_1', name: 'Thôn 1', level: 'village', parentCode: '20194' });
    await postOk(e, '/api/areas', { code: '20195_1', name: 'Thôn 1', level: 'village', parentCode: '20195' });

    // Facilities: the district centre (120 beds), stations A (6) and B (4), a closed clinic (20 beds,
    // not counted) and a deactivated clinic (30 beds, not counted at all).
    const facility = (code: string, kind: string, areaCode: string, beds: number, extra = {}) =>
      postOk(e, '/api/facilities', { code, name: `Cơ sở ${code}`, kind, areaCode, beds, ...extra });
    await facility('48C01', 'district_health_centre', '20194', 120);
    await facility('48S0A', 'commune_health_station', '20194', 6, { managingFacilityCode: '48C01' });
    await facility('48S0B', 'commune_health_station', '20195', 4, { managingFacilityCode: '48C01' });
    await facility('48K01', 'general_clinic', '20195', 20, { status: 'closed' });
    const inactive = await facility('48K02', 'general_clinic', '20194_1', 30);
    await postOk(e, `/api/facilities/${inactive.id}/deactivate`, {});

    // Workers: [code, cadre, qualification, facility, start date].
    const workers: [string, string, string, string, string][] = [
      ['D1', 'doctor', 'postgraduate', '48C01', '2019-03-01'],
      ['D2', 'doctor', 'bachelor', '48C01', '2021-07-15'],
      ['N1', 'nurse', 'college', '48C01', '2018-01-02'],
      ['N2', 'nurse', 'secondary', '48C01', '2022-05-01'],
      ['P1', 'pharmacist', 'bachelor', '48C01', '2020-09-01'],
      ['D3', 'doctor', 'bachelor', '48S0A', '2023-02-01'],
      ['N3', 'nurse', 'secondary', '48S0A', '2017-06-01'],
      ['M1', 'midwife', 'college', '48S0A', '2024-04-01'],
      ['Y1', 'assistant_doctor', 'secondary', '48S0B', '2016-10-01'],
      ['N4', 'nurse', 'college', '48S0B', '2025-12-31'],
      // Starts after 2025-12-31: not part of the 2025 figures.
      ['N5', 'nurse', 'bachelor', '48C01', '2026-01-15'],
    ];
    const ids: Record<string, string> = {};
    for (const [code, cadre, qualification, facilityCode, startDate] of workers) {
      const w = await postOk(e, '/api/workers', {
        code: `CAP-${code}`,
        fullName: `Nhân viên ${code}`,
        cadre,
        qualification,
        assignment: { facilityCode, startDate },
      });
      ids[code] = w.id;
    }

    // D1 rotates to station B this week (Tuesdays and Thursdays); D2 to station A only from next month.
    const monday = mondayThisWeek(t());
    await postOk(e, '/api/rotations', {
      workerId: ids.D1,
      hostFacilityCode: '48S0B',
      startDate: monday,
      endDate: addDays(monday, 27),
      weekdays: [2, 4],
    });
    await postOk(e, '/api/rotations', {
      workerId: ids.D2,
      hostFacilityCode: '48S0A',
      startDate: addDays(monday, 28),
      endDate: addDays(monday, 55),
      weekdays: [1],
    });
  });

  test('every figure of the district for 2025 matches the hand count', async () => {
    const res = await t().inject({ url: '/api/capacity?area=490&year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.area).toMatchObject({ code: '490', name: 'Huyện Thử', level: 'district' });
    expect(c.year).toBe(2025);
    expect(c.staffCountedOn).toBe('2025-12-31'); // a past year: its last day
    expect(c.population).toBe(20_000); // 12,000 + 8,000 (the 2024 figure of A is not this year's)
    expect(c.households).toBe(5_000); // 3,000 + 2,000
    // Active facilities, closed or not: centre, stations A and B, the closed clinic; not the deactivated one.
    expect(c.facilities).toEqual({
      total: 4,
      byKind: { district_health_centre: 1, commune_health_station: 2, general_clinic: 1 },
      beds: 130, // 120 + 6 + 4; the closed clinic's 20 and the deactivated clinic's 30 do not count
    });
    expect(c.bedsPer10k).toBe(65); // 130 / 20,000 × 10,000 = 65.0
    expect(c.staff).toBe(10); // centre 5 (D1 D2 N1 N2 P1) + A 3 (D3 N3 M1) + B 2 (Y1 N4); N5 starts in 2026
    expect(c.doctors).toBe(3); // D1 D2 D3 (an assistant doctor is not a doctor)
    expect(c.doctorsPer10k).toBe(1.5); // 3 / 20,000 × 10,000 = 1.5
    expect(c.doctorsPostgraduateShare).toBe(0.3333); // 1 (D1) / 3, to 4 decimals
    expect(c.bachelorOrAboveShare).toBe(0.4); // D1 D2 P1 D3 = 4 / 10
    expect(c.bachelorOrAboveByTier).toEqual([
      { tier: 'district', staff: 5, bachelorOrAbove: 3, share: 0.6 }, // D1 D2 P1 of 5
      { tier: 'commune', staff: 5, bachelorOrAbove: 1, share: 0.2 }, // D3 of D3 N3 M1 Y1 N4
    ]);
    expect(c.communes).toEqual({
      total: 2,
      withStation: 2, // A and B
      stationHasDoctor: 1, // A (D3); B has an assistant doctor and a visiting doctor, not its own doctor
      stationHasDoctorShare: 0.5, // 1 / 2
    });
    const monday = mondayThisWeek(t());
    expect(c.rotation).toEqual({
      weekStart: monday,
      weekEnd: addDays(monday, 6),
      communeStations: 2,
      withRotatingDoctor: 1, // B (D1 this week); D2 comes to A only from next month
    });
    expect(c.target).toEqual({
      year: 2025, // vn profile: 33.5 beds and 10 doctors per 10,000 by 2025
      bedsPer10k: 33.5,
      doctorsPer10k: 10,
      bedsGap: 31.5, // 65 − 33.5
      doctorsGap: -8.5, // 1.5 − 10
    });
  });

  test('a commune counts only itself: station A with its doctor, no rotating doctor this week', async () => {
    const res = await t().inject({ url: '/api/capacity?area=20194&year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.population).toBe(12_000);
    expect(c.facilities.beds).toBe(126); // centre 120 + station A 6 (the centre sits in commune A)
    expect(c.bedsPer10k).toBe(105); // 126 / 12,000 × 10,000 = 105.0
    expect(c.staff).toBe(8); // centre 5 + A 3
    expect(c.doctorsPer10k).toBe(2.5); // 3 / 12,000 × 10,000 = 2.5
    expect(c.communes).toEqual({ total: 1, withStation: 1, stationHasDoctor: 1, stationHasDoctorShare: 1 });
    expect(c.rotation.withRotatingDoctor).toBe(0);
  });

  test('an unknown area is a 400 naming query.area', async () => {
    const res = await t().inject({ url: '/api/capacity?area=99999&year=2025' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((x: { field: string }) => x.field)).toEqual(['query.area']);
  });

  test('a missing year is a 400 naming the year', async () => {
    const res = await t().inject({ url: '/api/capacity?area=490' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((x: { field: string }) => x.field);
    expect(fields).toEqual(['query.year']);
  });
});
