import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { createDistrict, createFacility, createWorker, uniqueCode } from '../workforce/workforce.fixtures.ts';
import { stationsWithRotationBetween } from './index.ts';

type Brief = { id: string; code: string; name: string };

// December 2026: the 1st is a Tuesday.
describeOnBothEngines('rotations API', (t) => {
  let districtCode: string;
  let centre: Brief;
  let stationA: Brief;
  let stationB: Brief;

  beforeAll(async () => {
    districtCode = (await createDistrict(t())).district;
    centre = await createFacility(t(), districtCode, 'district_health_centre', 'Trung tâm Y tế Vạn Ninh');
    stationA = await createFacility(t(), districtCode, 'commune_health_station', 'Trạm Y tế Vạn Thọ');
    stationB = await createFacility(t(), districtCode, 'commune_health_station', 'Trạm Y tế Vạn Giã');
  });

  async function doctor(name = 'Bác sĩ Nguyễn Văn Tâm') {
    return createWorker(t(), {
      code: uniqueCode('BS'),
      fullName: name,
      cadre: 'doctor',
      qualification: 'postgraduate',
      assignment: { facilityId: centre.id, startDate: '2020-01-01' },
    });
  }

  function post(payload: Record<string, unknown>) {
    return t().inject({ method: 'POST', url: '/api/rotations', payload });
  }

  const december = { startDate: '2026-12-01', endDate: '2026-12-31' };

  test('plans a rotation with the home facility taken from the assignment', async () => {
    const w = await doctor();
    const res = await post({
      workerId: w.id,
      hostFacilityCode: stationA.code,
      ...december,
      weekdays: [4, 2],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      workerId: w.id,
      workerName: w.fullName,
      homeFacility: centre,
      hostFacility: stationA,
      weekdays: [2, 4],
      dates: [],
      session: 'day',
      active: true,
    });
    const got = await t().inject({ url: `/api/rotations/${res.json().id}` });
    expect(got.json()).toEqual(res.json());
  });

  test('an overlapping rotation is refused with 409 naming the date, session and host facility', async () => {
    const w = await doctor();
    expect(
      (
        await post({
          workerId: w.id,
          hostFacilityId: stationA.id,
          ...december,
          weekdays: [2],
          session: 'morning',
        })
      ).statusCode,
    ).toBe(201);
    const res = await post({
      workerId: w.id,
      hostFacilityId: stationB.id,
      startDate: '2026-12-05',
      endDate: '2027-01-31',
      weekdays: [2],
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain(`${stationA.name} (${stationA.code}) on 2026-12-08 for the morning`);
  });

  test('same weekdays in the morning and the afternoon are accepted', async () => {
    const w = await doctor();
    const am = await post({
      workerId: w.id,
      hostFacilityId: stationA.id,
      ...december,
      weekdays: [3],
      session: 'morning',
    });
    const pm = await post({
      workerId: w.id,
      hostFacilityId: stationB.id,
      ...december,
      weekdays: [3],
      session: 'afternoon',
    });
    expect([am.statusCode, pm.statusCode]).toEqual([201, 201]);
  });

  test('the same worker on different weekdays is accepted; a listed date on a taken day is not', async () => {
    const w = await doctor();
    expect(
      (await post({ workerId: w.id, hostFacilityId: stationA.id, ...december, weekdays: [1, 3] })).statusCode,
    ).toBe(201);
    expect(
      (await post({ workerId: w.id, hostFacilityId: stationB.id, ...december, weekdays: [2, 4] })).statusCode,
    ).toBe(201);
    const listed = await post({
      workerId: w.id,
      hostFacilityId: stationB.id,
      ...december,
      dates: ['2026-12-16'],
    });
    expect(listed.statusCode).toBe(409);
    expect(listed.json().detail).toContain('2026-12-16');
  });

  test('a cancelled rotation no longer blocks the days', async () => {
    const w = await doctor();
    const first = await post({ workerId: w.id, hostFacilityId: stationA.id, ...december, weekdays: [5] });
    const cancel = await t().inject({ method: 'POST', url: `/api/rotations/${first.json().id}/cancel` });
    expect(cancel.json().active).toBe(false);
    expect(
      (await post({ workerId: w.id, hostFacilityId: stationB.id, ...december, weekdays: [5] })).statusCode,
    ).toBe(201);
  });

  test('bad rotations get a 400 naming each bad field', async () => {
    const w = await doctor();
    const res = await post({
      workerId: w.id,
      hostFacilityId: centre.id,
      startDate: '2026-12-01',
      endDate: '2028-01-01',
      dates: ['2029-01-01'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.endDate',
      'body.dates',
      'body.hostFacilityId',
    ]);
    const shape = await post({ workerId: 'x', startDate: 'soon', weekdays: [0, 8] });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining([
        'body.workerId',
        'body.startDate',
        'body.endDate',
        'body.weekdays.0',
        'body.weekdays.1',
      ]),
    );
    const unassigned = await post({
      workerId: w.id,
      hostFacilityId: stationA.id,
      startDate: '2019-06-01',
      endDate: '2019-06-30',
      weekdays: [1],
    });
    expect(unassigned.statusCode).toBe(400);
    expect(unassigned.json().errors[0]).toMatchObject({ field: 'body.startDate' });
    const wrongHome = await post({
      workerId: w.id,
      hostFacilityId: stationA.id,
      homeFacilityId: stationB.id,
      ...december,
      weekdays: [1],
    });
    expect(wrongHome.json().errors[0].field).toBe('body.homeFacilityId');
  });

  test('an update re-checks clashes, excluding the rotation itself', async () => {
    const w = await doctor();
    const mon = await post({ workerId: w.id, hostFacilityId: stationA.id, ...december, weekdays: [1] });
    const fri = await post({ workerId: w.id, hostFacilityId: stationB.id, ...december, weekdays: [5] });
    const patch = (id: string, payload: Record<string, unknown>) =>
      t().inject({ method: 'PATCH', url: `/api/rotations/${id}`, payload });
    const self = await patch(mon.json().id, { endDate: '2026-12-20', note: 'Khám NCD' });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json()).toMatchObject({ endDate: '2026-12-20', note: 'Khám NCD' });
    const clash = await patch(fri.json().id, { weekdays: [1, 5] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toContain(`${stationA.name} (${stationA.code}) on 2026-12-07`);
  });

  test('both the host station and the home centre see the rotation on their calendars', async () => {
    const w = await doctor('Bác sĩ Lịch Cả Hai');
    const r = await post({
      workerId: w.id,
      hostFacilityId: stationB.id,
      startDate: '2027-02-01',
      endDate: '2027-03-31',
      weekdays: [3],
      dates: ['2027-02-05'],
      session: 'afternoon',
    });
    expect(r.statusCode, r.body).toBe(201);
    const range = 'from=2027-02-01&to=2027-02-14';
    const host = await t().inject({ url: `/api/facilities/${stationB.code}/calendar?${range}` });
    expect(host.statusCode, host.body).toBe(200);
    const hostDays = host.json().days.filter((d: { rotationId: string }) => d.rotationId === r.json().id);
    expect(hostDays.map((d: { date: string }) => d.date)).toEqual(['2027-02-03', '2027-02-05', '2027-02-10']);
    expect(hostDays[0]).toMatchObject({
      session: 'afternoon',
      workerId: w.id,
      workerName: w.fullName,
      role: 'host',
      otherFacility: centre,
    });
    const home = await t().inject({ url: `/api/facilities/${centre.id}/calendar?${range}` });
    const homeDays = home.json().days.filter((d: { rotationId: string }) => d.rotationId === r.json().id);
    expect(homeDays).toHaveLength(3);
    expect(homeDays[0]).toMatchObject({ role: 'home', otherFacility: stationB });
    const other = await t().inject({ url: `/api/facilities/${stationA.code}/calendar?${range}` });
    expect(other.json().days.filter((d: { rotationId: string }) => d.rotationId === r.json().id)).toEqual([]);
  });

  test('a calendar covers at most 62 days; unknown facility is 404', async () => {
    const long = await t().inject({
      url: `/api/facilities/${centre.id}/calendar?from=2027-01-01&to=2027-03-31`,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('query.to');
    const unknown = await t().inject({
      url: '/api/facilities/ZZZZZ/calendar?from=2027-01-01&to=2027-01-31',
    });
    expect(unknown.statusCode).toBe(404);
  });

  test('lists by worker, facility as host or home, area and period, with cursor pagination', async () => {
    const w = await doctor();
    for (const month of ['04', '05', '06']) {
      const res = await post({
        workerId: w.id,
        hostFacilityId: stationA.id,
        startDate: `2028-${month}-01`,
        endDate: `2028-${month}-28`,
        weekdays: [1],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const mine = await t().inject({ url: `/api/rotations?worker=${w.id}` });
    expect(mine.json().items.map((r: { startDate: string }) => r.startDate)).toEqual([
      '2028-04-01',
      '2028-05-01',
      '2028-06-01',
    ]);
    const may = await t().inject({ url: `/api/rotations?worker=${w.id}&from=2028-05-10&to=2028-05-20` });
    expect(may.json().items).toHaveLength(1);
    const atHome = await t().inject({ url: `/api/rotations?worker=${w.id}&facility=${centre.code}` });
    expect(atHome.json().items).toHaveLength(3);
    const inArea = await t().inject({ url: `/api/rotations?worker=${w.id}&area=${districtCode}` });
    expect(inArea.json().items).toHaveLength(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/rotations?worker=${w.id}&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { json(): { items: { startDate: string }[]; nextCursor: string | null } } =
        await t().inject({ url });
      seen.push(...page.json().items.map((r) => r.startDate));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['2028-06-01', '2028-05-01', '2028-04-01']);
    const bad = await t().inject({ url: '/api/rotations?facility=NOPE9&area=99999' });
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'query.facility',
      'query.area',
    ]);
  });

  test('two clashing rotations sent at once: one is planned, the other refused', async () => {
    const w = await doctor();
    const [a, b] = await Promise.all([
      post({
        workerId: w.id,
        hostFacilityId: stationA.id,
        startDate: '2030-01-01',
        endDate: '2030-01-31',
        weekdays: [2],
      }),
      post({
        workerId: w.id,
        hostFacilityId: stationB.id,
        startDate: '2030-01-01',
        endDate: '2030-01-31',
        weekdays: [2],
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });

  test('stationsWithRotationBetween lists hosts with a session day in the window', async () => {
    const w = await doctor();
    await post({
      workerId: w.id,
      hostFacilityId: stationA.id,
      startDate: '2029-01-01',
      endDate: '2029-01-31',
      weekdays: [6],
    });
    const { ctx } = t();
    const path = (
      await ctx.db
        .selectFrom('area')
        .select('path')
        .where('code', '=', districtCode)
        .executeTakeFirstOrThrow()
    ).path;
    // 2029-01-06 is a Saturday; 2029-01-08..12 is Monday to Friday.
    expect(await stationsWithRotationBetween(ctx.db, path, '2029-01-06', '2029-01-06')).toEqual([
      stationA.id,
    ]);
    expect(await stationsWithRotationBetween(ctx.db, path, '2029-01-08', '2029-01-12')).toEqual([]);
  });

  test('a station names where its visiting doctor comes from, though that centre is outside its scope', async () => {
    // The district centre sits in one commune, the station in another: the station's user cannot read
    // the centre's record, but the rotation names it.
    const area = async (code: string) => {
      const res = await t().inject({
        method: 'POST',
        url: '/api/areas',
        payload: { code, name: `Xã ${code}`, level: 'commune', parentCode: districtCode },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await area(`${districtCode}91`);
    await area(`${districtCode}92`);
    const farCentre = await createFacility(
      t(),
      `${districtCode}91`,
      'district_health_centre',
      'Trung tâm Y tế Xa',
    );
    const station = await createFacility(t(), `${districtCode}92`, 'commune_health_station', 'Trạm Y tế Gần');
    const w = await createWorker(t(), {
      code: uniqueCode('BS'),
      fullName: 'Bác sĩ Đi Xa',
      cadre: 'doctor',
      qualification: 'postgraduate',
      assignment: { facilityId: farCentre.id, startDate: '2020-01-01' },
    });
    const r = await post({
      workerId: w.id,
      hostFacilityId: station.id,
      startDate: '2030-03-01',
      endDate: '2030-03-31',
      weekdays: [1],
    });
    expect(r.statusCode, r.body).toBe(201);
    const user = await t().inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'station-gan',
        displayName: 'Trạm Gần',
        password: 'a-long-enough-passphrase',
        roles: [{ role: 'station', facility: station.code }],
      },
    });
    expect(user.statusCode, user.body).toBe(201);
    const token = await t().signIn('station-gan', 'a-long-enough-passphrase');
    const headers = { authorization: `Bearer ${token}` };
    expect((await t().app.inject({ url: `/api/facilities/${farCentre.id}`, headers })).statusCode).toBe(404);
    const calendar = await t().app.inject({
      url: `/api/facilities/${station.code}/calendar?from=2030-03-01&to=2030-03-10`,
      headers,
    });
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(calendar.json().days[0]).toMatchObject({ role: 'host', otherFacility: farCentre });
    const list = await t().app.inject({ url: `/api/rotations?facility=${station.code}`, headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items[0]).toMatchObject({ homeFacility: farCentre, hostFacility: station });
  });
});
