import { beforeAll, describe, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { type AccessWorld, as, buildAccessWorld, districtTwo } from './access.fixtures.ts';

/** Whether any of the strings appears anywhere in a response body. */
function leaks(body: string, needles: string[]): string[] {
  return needles.filter((n) => body.includes(n));
}

describeOnBothEngines('scope of reads and writes', (t) => {
  let w: AccessWorld;
  let outside: ReturnType<typeof districtTwo>;
  const get = (role: keyof AccessWorld['users'], url: string) => as(t(), w.users[role].token, { url });

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district', 'doctor', 'province', 'vhw'] });
    outside = districtTwo(w);
  });

  describe('as station staff of the district-1 commune station', () => {
    test('the worker list holds the station staff and the doctor rotating in, and nothing of district 2', async () => {
      const res = await get('station', '/api/workers?limit=500');
      expect(res.statusCode, res.body).toBe(200);
      const ids = res
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort();
      expect(ids).toEqual([...w.workers.station1.map((x) => x.id), w.rotatingDoctor.id].sort());
      expect(
        leaks(res.body, [...outside.workerIds, ...outside.workerCodes, ...outside.facilityCodes]),
      ).toEqual([]);
    });

    test('the staff of the district centre who do not rotate in stay hidden', async () => {
      const res = await get('station', `/api/workers/${w.workers.centre1[1]!.id}`);
      expect(res.statusCode).toBe(404);
    });

    test('a district-2 worker answers 404, whether asked by id or searched by code', async () => {
      for (const id of outside.workerIds) {
        expect((await get('station', `/api/workers/${id}`)).statusCode).toBe(404);
      }
      const search = await get('station', `/api/workers?q=${outside.workerCodes[0]}`);
      expect(search.statusCode).toBe(200);
      expect(search.json().items).toEqual([]);
    });

    test('filtering workers by a district-2 facility answers as if the facility did not exist', async () => {
      const res = await get('station', `/api/workers?facility=${w.facilities.station2.code}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'query.facility', message: expect.stringContaining('no facility') },
      ]);
      expect(leaks(res.body, outside.workerIds)).toEqual([]);
    });

    test('facilities: their station and those above it (district centre, provincial hospital), not district 2', async () => {
      const res = await get('station', '/api/facilities?limit=500');
      expect(res.statusCode, res.body).toBe(200);
      const codes = res
        .json()
        .items.map((f: { code: string }) => f.code)
        .sort();
      expect(codes).toEqual(['C4510', 'P0001', 'S4510']);
      expect((await get('station', `/api/facilities/${w.facilities.station2.id}`)).statusCode).toBe(404);
    });

    test('rotations: the one coming to the station is listed', async () => {
      const res = await get('station', '/api/rotations');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([w.rotationId]);
    });
  });

  test('the family doctor at the station sees the same staff as the station', async () => {
    const res = await get('doctor', '/api/workers?limit=500');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(w.workers.station1.length + 1);
    expect(leaks(res.body, outside.workerIds)).toEqual([]);
  });

  describe('as the district-1 manager', () => {
    test("the district's stations and centre are visible, the neighbouring district's are not", async () => {
      const res = await get('district', '/api/facilities?limit=500');
      expect(res.statusCode).toBe(200);
      const codes = res
        .json()
        .items.map((f: { code: string }) => f.code)
        .sort();
      expect(codes).toEqual(['C4510', 'P0001', 'S4510']);
      const stations = await get('district', '/api/facilities?kind=commune_health_station&limit=500');
      expect(stations.json().items.map((f: { code: string }) => f.code)).toEqual(['S4510']);
    });

    test('all district-1 workers are listed and no district-2 worker', async () => {
      const res = await get('district', '/api/workers?limit=500');
      expect(res.statusCode).toBe(200);
      const ids = res
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort();
      expect(ids).toEqual([...w.workers.station1, ...w.workers.centre1].map((x) => x.id).sort());
      expect(leaks(res.body, [...outside.workerIds, ...outside.workerCodes])).toEqual([]);
    });

    test('a new worker must come with an assignment in the district (row-level security places workers by it)', async () => {
      const res = await as(t(), w.users.district.token, {
        method: 'POST',
        url: '/api/workers',
        payload: { code: 'NOASSIGN1', fullName: 'Lê Thị Hoa', cadre: 'nurse', qualification: 'college' },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.assignment' })]);
    });

    test('the workers export holds district 1 only', async () => {
      const res = await get('district', '/api/exports/workers');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      for (const x of [...w.workers.station1, ...w.workers.centre1]) expect(res.body).toContain(x.code);
      expect(
        leaks(res.body, [...outside.workerCodes, ...outside.facilityCodes, ...outside.workerIds]),
      ).toEqual([]);
    });

    test('the facilities export leaves out district 2', async () => {
      const res = await get('district', '/api/exports/facilities');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('S4510');
      expect(leaks(res.body, outside.facilityCodes)).toEqual([]);
    });

    test('capacity of the district counts its own staff', async () => {
      const res = await get('district', '/api/capacity?area=451&year=2025');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().staff).toBe(w.workers.station1.length + w.workers.centre1.length);
    });

    test('capacity of the neighbouring district is refused with 403', async () => {
      const res = await get('district', '/api/capacity?area=452&year=2025');
      expect(res.statusCode).toBe(403);
    });

    // A facility of district 2 does not exist for the district manager (400 on the field, like a
    // misspelt code); the provincial hospital is visible (it is above the district) but row-level
    // security refuses the assignment row (403).
    test.each([
      ['a district-2 station', 'station2', 400],
      ['the provincial hospital above the district', 'hospital', 403],
    ] as const)(
      'creating a worker assigned at %s is refused and stores nothing',
      async (_, which, status) => {
        const facilityCode = w.facilities[which].code;
        const code = `WX${facilityCode}`;
        const res = await as(t(), w.users.district.token, {
          method: 'POST',
          url: '/api/workers',
          payload: {
            code,
            fullName: 'Out of scope',
            cadre: 'nurse',
            qualification: 'college',
            assignment: { facilityCode, startDate: '2024-01-01' },
          },
        });
        expect(res.statusCode, res.body).toBe(status);
        const stored = await t().inject({ url: `/api/workers?q=${code}&includeInactive=true` });
        expect(stored.json().items, facilityCode).toEqual([]);
      },
    );

    test('a new assignment of a district-1 worker to a district-2 facility is refused', async () => {
      const worker = w.workers.station1[2]!;
      const res = await as(t(), w.users.district.token, {
        method: 'POST',
        url: `/api/workers/${worker.id}/assignments`,
        payload: { facilityCode: w.facilities.station2.code, startDate: '2026-01-01' },
      });
      expect(res.statusCode, res.body).toBe(400);
      const detail = await t().inject({ url: `/api/workers/${worker.id}` });
      expect(detail.json().assignments).toHaveLength(1);
    });

    test('changing a district-2 worker answers 404 and changes nothing', async () => {
      const id = outside.workerIds[0]!;
      const res = await as(t(), w.users.district.token, {
        method: 'PATCH',
        url: `/api/workers/${id}`,
        payload: { fullName: 'Renamed from outside' },
      });
      expect(res.statusCode).toBe(404);
      expect((await t().inject({ url: `/api/workers/${id}` })).json().fullName).not.toBe(
        'Renamed from outside',
      );
    });
  });

  test('the province manager sees both districts', async () => {
    const res = await get('province', '/api/workers?limit=500');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(10);
  });

  test('a village health worker sees the facilities above the village but no staff', async () => {
    const res = await get('vhw', '/api/facilities?limit=500');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((f: { code: string }) => f.code)
        .sort(),
    ).toEqual(['C4510', 'P0001', 'S4510']);
    expect((await get('vhw', '/api/workers')).statusCode).toBe(403);
  });
});
