import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { createDistrict, createFacility, createWorker, uniqueCode } from './workforce.fixtures.ts';

describeOnBothEngines('workers API', (t) => {
  let district: string;
  let province: string;
  let stationA: { id: string; code: string; name: string };
  let stationB: { id: string; code: string; name: string };

  beforeAll(async () => {
    ({ province, district } = await createDistrict(t()));
    stationA = await createFacility(t(), district, 'commune_health_station', 'Trạm Y tế Đồng Hới');
    stationB = await createFacility(t(), district, 'district_health_centre', 'Trung tâm Y tế Ninh Hòa');
  });

  test('creates a worker with a first assignment and gets it with history', async () => {
    const code = uniqueCode('NV');
    const w = await createWorker(t(), {
      code,
      fullName: 'Nguyễn Thị Lan',
      sex: 'female',
      birthDate: '1985-04-02',
      cadre: 'nurse',
      qualification: 'college',
      licenceNumber: '  0012/KH-CCHN ',
      assignment: { facilityCode: stationA.code, position: 'Trưởng trạm', startDate: '2020-01-01' },
    });
    expect(w).toMatchObject({
      code,
      licenceNumber: '0012/KH-CCHN',
      active: true,
      currentAssignment: { facilityId: stationA.id, facilityCode: stationA.code, position: 'Trưởng trạm' },
    });
    const got = await t().inject({ url: `/api/workers/${w.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json().assignments).toHaveLength(1);
    expect(got.json().training).toEqual([]);
  });

  test('returns 404 for an unknown worker and 400 for a malformed id', async () => {
    const unknown = await t().inject({ url: '/api/workers/0190a000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const bad = await t().inject({ url: '/api/workers/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
  });

  test('a bad create gets a 400 naming each bad field', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/workers',
      payload: {
        code: uniqueCode('NV'),
        fullName: 'X',
        cadre: 'wizard',
        qualification: 'phd',
        birthDate: '2999-01-01',
        assignment: { facilityCode: 'NOPE1', startDate: '2020-01-01' },
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.cadre',
        'body.qualification',
        'body.birthDate',
        'body.assignment.facilityCode',
      ]),
    );
  });

  test('shape errors are all reported at once', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/workers',
      payload: { sex: 'x', extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.code',
        'body.fullName',
        'body.cadre',
        'body.qualification',
        'body.extra',
      ]),
    );
  });

  test('refuses a duplicate code or licence with 409', async () => {
    const code = uniqueCode('NV');
    await createWorker(t(), {
      code,
      fullName: 'A',
      cadre: 'doctor',
      qualification: 'bachelor',
      licenceNumber: `L-${code}`,
    });
    const dupCode = await t().inject({
      method: 'POST',
      url: '/api/workers',
      payload: { code, fullName: 'B', cadre: 'doctor', qualification: 'bachelor' },
    });
    expect(dupCode.statusCode).toBe(409);
    const dupLicence = await t().inject({
      method: 'POST',
      url: '/api/workers',
      payload: {
        code: uniqueCode('NV'),
        fullName: 'C',
        cadre: 'doctor',
        qualification: 'bachelor',
        licenceNumber: `L-${code}`,
      },
    });
    expect(dupLicence.statusCode).toBe(409);
    expect(dupLicence.json().detail).toContain(code);
  });

  test('refuses an assignment start that makes the worker younger than 16', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/workers',
      payload: {
        code: uniqueCode('NV'),
        fullName: 'Young',
        cadre: 'nurse',
        qualification: 'secondary',
        birthDate: '2015-01-01',
        assignment: { facilityId: stationA.id, startDate: '2024-01-01' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.assignment.startDate');
  });

  test('updates a worker', async () => {
    const w = await createWorker(t(), {
      code: uniqueCode('NV'),
      fullName: 'Old Name',
      cadre: 'nurse',
      qualification: 'college',
    });
    const res = await t().inject({
      method: 'PATCH',
      url: `/api/workers/${w.id}`,
      payload: { fullName: 'New Name', qualification: 'bachelor', phone: '0905 123 456' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      fullName: 'New Name',
      qualification: 'bachelor',
      phone: '0905 123 456',
    });
    const bad = await t().inject({
      method: 'PATCH',
      url: `/api/workers/${w.id}`,
      payload: { cadre: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.cadre');
  });

  test('transfer ends the open assignment the day before the new start', async () => {
    const w = await createWorker(t(), {
      code: uniqueCode('NV'),
      fullName: 'Trần Văn Minh',
      cadre: 'doctor',
      qualification: 'postgraduate',
      assignment: { facilityId: stationA.id, startDate: '2021-01-01' },
    });
    const res = await t().inject({
      method: 'POST',
      url: `/api/workers/${w.id}/assignments`,
      payload: { facilityId: stationB.id, position: 'Bác sĩ', startDate: '2024-03-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const byStart = Object.fromEntries(
      res
        .json()
        .assignments.map((a: { startDate: string; endDate: string | null }) => [a.startDate, a.endDate]),
    );
    expect(byStart).toEqual({ '2021-01-01': '2024-02-29', '2024-03-01': null });
    expect(res.json().currentAssignment.facilityId).toBe(stationB.id);
  });

  test('an overlapping assignment is refused, naming the other facility and its dates', async () => {
    const w = await createWorker(t(), {
      code: uniqueCode('NV'),
      fullName: 'Lê Văn Hùng',
      cadre: 'doctor',
      qualification: 'bachelor',
      assignment: { facilityId: stationA.id, startDate: '2022-05-01' },
    });
    const res = await t().inject({
      method: 'POST',
      url: `/api/workers/${w.id}/assignments`,
      payload: { facilityId: stationB.id, startDate: '2022-04-01', endDate: '2022-06-30' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain(
      `${stationA.name} (${stationA.code}) from 2022-05-01 until further notice`,
    );
  });

  test('deactivation ends the open assignment and hides the worker from the list', async () => {
    const code = uniqueCode('DX');
    const w = await createWorker(t(), {
      code,
      fullName: 'Phạm Thị Hoa',
      cadre: 'midwife',
      qualification: 'college',
      assignment: { facilityId: stationA.id, startDate: '2019-01-01' },
    });
    const res = await t().inject({
      method: 'POST',
      url: `/api/workers/${w.id}/deactivate`,
      payload: { endDate: '2025-06-30' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    expect(res.json().assignments[0].endDate).toBe('2025-06-30');
    const list = await t().inject({ url: `/api/workers?q=${code}` });
    expect(list.json().items).toHaveLength(0);
    const all = await t().inject({ url: `/api/workers?q=${code}&includeInactive=true` });
    expect(all.json().items).toHaveLength(1);
  });

  test('records and lists training; hours or credits are required', async () => {
    const w = await createWorker(t(), {
      code: uniqueCode('NV'),
      fullName: 'T',
      cadre: 'nurse',
      qualification: 'college',
    });
    const ok = await t().inject({
      method: 'POST',
      url: `/api/workers/${w.id}/training`,
      payload: { course: 'IMCI', provider: 'Sở Y tế', hours: 24, completedOn: '2025-03-10' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      course: 'IMCI',
      hours: 24,
      credits: null,
      kind: 'continuing_education',
    });
    const bad = await t().inject({
      method: 'POST',
      url: `/api/workers/${w.id}/training`,
      payload: { course: 'X', completedOn: '2999-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.hours',
      'body.completedOn',
    ]);
    const list = await t().inject({ url: `/api/workers/${w.id}/training` });
    expect(list.json().items).toHaveLength(1);
    const detail = await t().inject({ url: `/api/workers/${w.id}` });
    expect(detail.json().training).toHaveLength(1);
  });

  test('lists by facility, area, cadre and accent-insensitive name, with cursor pagination', async () => {
    const other = await createDistrict(t());
    const station = await createFacility(t(), other.district);
    const names = ['Bùi Văn An', 'Dương Đức Bình', 'Hoàng Văn Cường'];
    for (const [i, fullName] of names.entries()) {
      await createWorker(t(), {
        code: uniqueCode('LS'),
        fullName,
        cadre: i === 2 ? 'nurse' : 'doctor',
        qualification: 'bachelor',
        assignment: { facilityCode: station.code, startDate: '2023-01-01' },
      });
    }
    const byFacility = await t().inject({ url: `/api/workers?facility=${station.code}&sort=name` });
    expect(byFacility.json().items.map((w: { fullName: string }) => w.fullName)).toEqual(names);
    const byArea = await t().inject({ url: `/api/workers?area=${other.district}&cadre=doctor` });
    expect(byArea.json().items).toHaveLength(2);
    const byName = await t().inject({ url: `/api/workers?q=duc binh&facility=${station.id}` });
    expect(byName.json().items.map((w: { fullName: string }) => w.fullName)).toEqual(['Dương Đức Bình']);
    const before = await t().inject({ url: `/api/workers?facility=${station.code}&on=2022-12-31` });
    expect(before.json().items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/workers?area=${other.district}&sort=name&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: {
        statusCode: number;
        json(): { items: { fullName: string }[]; nextCursor: string | null };
      } = await t().inject({ url });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((w) => w.fullName));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([...names].reverse());
  });

  test('unknown filter values are 400s naming the query field', async () => {
    const res = await t().inject({ url: '/api/workers?facility=NOPE9&area=99999&cadre=x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'query.facility',
      'query.area',
      'query.cadre',
    ]);
  });

  test('the province appears as the area of every worker in its districts', async () => {
    const res = await t().inject({ url: `/api/workers?area=${province}&limit=500` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });
});
