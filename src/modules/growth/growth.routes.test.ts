import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { getOk, postExpect } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';
import { assess } from './growth.rules.ts';
import { growthTables } from './growth.tables.ts';

/**
 * A child's growth on both engines (VN), today 2026-12-02: the weight and length of each visit in
 * force (a retracted one left out), scored by the WHO standards, past 60 months listed unscored,
 * refused for adults and those without a birth date (409 resident_not_child), not found outside the
 * scope; the reference curves for the chart.
 */
describeOnBothEngines('growth API (vn)', (t) => {
  let w: AccessWorld;
  let girl: string;

  const child = async (fullName: string, birthDate: string | undefined, sex?: string, areaCode?: string) =>
    (
      await postExpect(t(), '/api/residents', {
        fullName,
        areaCode: areaCode ?? w.areas.commune1.code,
        ...(sex ? { sex } : {}),
        ...(birthDate ? { birthDate } : {}),
      })
    ).id as string;

  /** A visit on `date` at the district-1 station with a weight (kg) and a length (cm), closed. */
  const visit = async (residentId: string, date: string, weight: number | null, length: number | null) => {
    const observations = [
      ...(weight === null ? [] : [{ id: newId(), code: '29463-7', value: weight }]),
      ...(length === null ? [] : [{ id: newId(), code: '8302-2', value: length }]),
    ];
    const v = await postExpect(t(), '/api/encounters', {
      id: newId(),
      residentId,
      facilityId: w.facilities.station1.id,
      kind: 'station-visit',
      startedAt: `${date}T09:00:00+07:00`,
      reason: 'Khám trẻ khỏe',
      observations,
    });
    await postExpect(t(), `/api/encounters/${v.id}/close`, { endedAt: `${date}T09:20:00+07:00` }, 200);
    return { id: v.id as string, observationIds: observations.map((o) => o.id) };
  };

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'insurance'] });
    girl = await child('Bé Cân Nặng', '2025-12-02', 'female');
    await visit(girl, '2025-12-03', 3.2, 49.1);
    await visit(girl, '2026-06-02', 7.3, 65.7);
    await visit(girl, '2026-12-01', 6.3, 74);
  });

  test('each visit with its age, z-scores and classes, oldest first', async () => {
    const res = await as(t(), w.users.station.token, { url: `/api/residents/${girl}/growth` });
    expect(res.statusCode, res.body).toBe(200);
    const chart = res.json();
    expect(chart).toMatchObject({
      residentId: girl,
      sex: 'female',
      birthDate: '2025-12-02',
      today: '2026-12-02',
      age: { days: 365, months: 12 },
    });
    expect(chart.readings.map((r: { date: string }) => r.date)).toEqual([
      '2025-12-03',
      '2026-06-02',
      '2026-12-01',
    ]);
    const [birth, six, year] = chart.readings;
    expect(birth).toMatchObject({
      age: { days: 1, months: 0 },
      weightKg: 3.2,
      heightCm: 49.1,
      unscored: null,
    });
    expect(birth.lengthForTables).toEqual({ cm: 49.1, as: 'lying', converted: false });
    expect(six.weightForAge.class).toBe('normal');
    expect(Math.abs(six.weightForAge.z)).toBeLessThan(0.2);
    expect(Math.abs(six.lengthHeightForAge.z)).toBeLessThan(0.2);
    expect(six.ageMonths).toBe(5.98);
    expect(year.weightForAge.class).toBe('underweight');
    expect(year.weightForLengthHeight.class).toMatch(/wasted/);
    // The same numbers as the rules give for the same measurement.
    const expected = assess(growthTables(), 'female', '2025-12-02', {
      date: '2026-12-01',
      weightKg: 6.3,
      heightCm: 74,
      position: null,
    });
    expect(year.weightForAge).toEqual(expected.weightForAge);
    expect(year.lengthHeightForAge).toEqual(expected.lengthHeightForAge);
    expect(year.weightForLengthHeight).toEqual(expected.weightForLengthHeight);
  });

  test('a retracted weight leaves the reading; a visit with only a length has no weight scores', async () => {
    const boy = await child('Bé Sửa Cân', '2026-03-01', 'male');
    const v = await visit(boy, '2026-09-01', 12.5, 68);
    await postExpect(
      t(),
      `/api/encounters/${v.id}/amendments`,
      { id: newId(), reason: 'Cân nhầm', retract: { observations: [v.observationIds[0]] } },
      200,
    );
    const [r] = (await getOk(t(), `/api/residents/${boy}/growth`)).readings;
    expect(r).toMatchObject({
      weightKg: null,
      heightCm: 68,
      weightForAge: null,
      weightForLengthHeight: null,
    });
    expect(r.lengthHeightForAge.class).toBe('normal');
  });

  test('from 60 months to six years: listed without z-scores; sex not recorded: none at all', async () => {
    const older = await child('Bé Lớn', '2021-03-01', 'male');
    await visit(older, '2025-12-01', 17.5, 106);
    await visit(older, '2026-11-01', 19.5, 112);
    const chart = await getOk(t(), `/api/residents/${older}/growth`);
    expect(chart.readings[0]).toMatchObject({ unscored: null, lengthForTables: { as: 'standing' } });
    expect(chart.readings[0].weightForAge.class).toBe('normal');
    expect(chart.readings[1]).toMatchObject({
      age: { months: 68 },
      unscored: 'over-60-months',
      weightForAge: null,
      lengthHeightForAge: null,
      weightForLengthHeight: null,
    });
    const unsexed = await child('Bé Chưa Ghi Giới', '2026-05-01');
    await visit(unsexed, '2026-11-01', 7.5, 66);
    const [r] = (await getOk(t(), `/api/residents/${unsexed}/growth`)).readings;
    expect(r).toMatchObject({ unscored: 'sex-not-recorded', weightForAge: null, weightKg: 7.5 });
  });

  test('refused: an adult or no birth date (409 resident_not_child), unknown or out of scope (404), no care.read (403)', async () => {
    const adult = await child('Nguyễn Văn Lớn', '1990-01-01', 'male');
    const six = await child('Bé Sáu Tuổi', '2020-12-02', 'female');
    const undated = await child('Bé Không Ngày Sinh', undefined, 'female');
    for (const id of [adult, six, undated]) {
      const res = await t().inject({ url: `/api/residents/${id}/growth` });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('resident_not_child');
    }
    expect((await t().inject({ url: `/api/residents/${newId()}/growth` })).statusCode).toBe(404);
    expect((await t().inject({ url: '/api/residents/not-a-uuid/growth' })).statusCode).toBe(400);
    const away = await child('Bé Xã Khác', '2026-01-01', 'female', w.areas.commune2.code);
    expect((await as(t(), w.users.station.token, { url: `/api/residents/${away}/growth` })).statusCode).toBe(
      404,
    );
    expect(
      (await as(t(), w.users.insurance.token, { url: `/api/residents/${girl}/growth` })).statusCode,
    ).toBe(403);
  });

  test('the reference curves: by month for the age indicators, by length and height for weight-for-length/height', async () => {
    const wfa = await getOk(t(), '/api/growth/reference?indicator=weight-for-age&sex=female');
    expect(wfa).toMatchObject({ indicator: 'weight-for-age', sex: 'female', unit: 'kg' });
    expect(wfa.curves).toHaveLength(1);
    expect(wfa.curves[0].x).toBe('age-months');
    expect(wfa.curves[0].points).toHaveLength(61);
    expect(wfa.curves[0].points[0]).toMatchObject({ x: 0, median: 3.232 });
    const lhfa = await getOk(t(), '/api/growth/reference?indicator=length-height-for-age&sex=male');
    expect(lhfa.unit).toBe('cm');
    expect(lhfa.curves[0].points[0].median).toBeCloseTo(49.884, 2);
    const p = lhfa.curves[0].points[24];
    expect(p.minus3).toBeLessThan(p.minus2);
    expect(p.plus2).toBeLessThan(p.plus3);
    const wflh = await getOk(t(), '/api/growth/reference?indicator=weight-for-length-height&sex=male');
    expect(
      wflh.curves.map((c: { x: string; points: { x: number }[] }) => [
        c.x,
        c.points[0]?.x,
        c.points.at(-1)?.x,
      ]),
    ).toEqual([
      ['length-cm', 45, 110],
      ['height-cm', 65, 120],
    ]);
    for (const q of [
      'indicator=bmi&sex=male',
      'indicator=weight-for-age',
      'indicator=weight-for-age&sex=x&y=1',
    ]) {
      const res = await t().inject({ url: `/api/growth/reference?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
    const anonymous = await t().app.inject({
      url: '/api/growth/reference?indicator=weight-for-age&sex=male',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
