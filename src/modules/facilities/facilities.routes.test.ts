import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import {
  countFacilitiesByKind,
  listFacilitiesIn,
  lookupFacility,
  requireFacility,
  sumBedsIn,
} from './index.ts';

type Item = { id: string; code: string; name: string; beds: number };

function post(t: TestEngine, url: string, payload: unknown) {
  return t.inject({ method: 'POST', url, payload: payload as object });
}

async function codes(t: TestEngine, query: string): Promise<string[]> {
  const res = await t.inject({ url: `/api/facilities?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((f: Item) => f.code);
}

describeOnBothEngines('facilities API', (t) => {
  const ids: Record<string, string> = {};
  // Province 57 > district 570 > communes 22501 (Phước Long), 22502; commune 22510 under the province.
  beforeAll(async () => {
    const areas = [
      { code: '57', name: 'Tỉnh Thử', level: 'province' },
      { code: '570', name: 'Huyện Thử', level: 'district', parentCode: '57' },
      { code: '22501', name: 'Xã Phước Long', level: 'commune', parentCode: '570' },
      { code: '22502', name: 'Xã Hai', level: 'commune', parentCode: '570' },
      { code: '22510', name: 'Xã Mười', level: 'commune', parentCode: '57' },
    ];
    for (const a of areas) expect((await post(t(), '/api/areas', a)).statusCode).toBe(201);
    const facilities = [
      {
        code: '57001',
        name: 'Bệnh viện Đa khoa tỉnh',
        kind: 'provincial_general_hospital',
        areaCode: '57',
        beds: 800,
      },
      {
        code: '57002',
        name: 'Trung tâm Y tế huyện',
        kind: 'district_health_centre',
        areaCode: '570',
        beds: 120,
      },
      {
        code: '57101',
        name: 'Trạm Y tế xã Phước Long',
        kind: 'commune_health_station',
        areaCode: '22501',
        managingFacilityCode: '57002',
        beds: 5,
        services: ['immunization', 'antenatal care'],
      },
      {
        code: '57102',
        name: 'Trạm Y tế xã Hai',
        kind: 'commune_health_station',
        areaCode: '22502',
        managingFacilityCode: '57002',
        beds: 3,
      },
      {
        code: '57103',
        name: 'Trạm Y tế xã Mười',
        kind: 'commune_health_station',
        areaCode: '22510',
        beds: 4,
      },
      {
        code: '57201',
        name: 'Bệnh viện tư Hòa Bình',
        kind: 'private_hospital',
        ownership: 'private',
        areaCode: '570',
        beds: 50,
      },
      {
        code: '57301',
        name: 'Điểm trạm Hai',
        kind: 'sub_station',
        areaCode: '22502',
        managingFacilityCode: '57102',
        status: 'temporarily_closed',
      },
    ];
    for (const f of facilities) {
      const res = await post(t(), '/api/facilities', f);
      expect(res.statusCode, res.body).toBe(201);
      ids[f.code] = res.json().id;
    }
  });

  test('creates a facility with its tier from the profile, its area and its manager', async () => {
    const res = await t().inject({ url: `/api/facilities/${ids['57101']}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '57101',
      kind: 'commune_health_station',
      tier: 'commune',
      ownership: 'public',
      areaCode: '22501',
      areaName: 'Xã Phước Long',
      areaPath: '57.570.22501',
      managingFacility: { id: ids['57002'], code: '57002', name: 'Trung tâm Y tế huyện' },
      beds: 5,
      services: ['immunization', 'antenatal care'],
      status: 'open',
      active: true,
      statusHistory: [{ status: 'open', reason: 'registered' }],
    });
    const centre = await t().inject({ url: `/api/facilities/${ids['57002']}` });
    expect(centre.json().manages.map((f: Item) => f.code)).toEqual(['57101', '57102']);
  });

  test('filters by kind (repeated or comma list), tier, ownership, status, area subtree, manager and text', async () => {
    expect(await codes(t(), 'kind=commune_health_station')).toEqual(['57101', '57102', '57103']);
    expect(await codes(t(), 'kind=sub_station&kind=private_hospital')).toEqual(['57201', '57301']);
    expect(await codes(t(), 'kind=sub_station,private_hospital')).toEqual(['57201', '57301']);
    expect(await codes(t(), 'tier=district')).toEqual(['57002']);
    expect(await codes(t(), 'ownership=private')).toEqual(['57201']);
    expect(await codes(t(), 'status=temporarily_closed')).toEqual(['57301']);
    expect(await codes(t(), 'area=570')).toEqual(['57002', '57101', '57102', '57201', '57301']);
    expect(await codes(t(), 'area=22502')).toEqual(['57102', '57301']);
    expect(await codes(t(), `managedBy=${ids['57002']}`)).toEqual(['57101', '57102']);
    expect(await codes(t(), `q=${encodeURIComponent('phuoc long')}`)).toEqual(['57101']);
    expect(await codes(t(), `q=${encodeURIComponent('HÒA BÌNH')}`)).toEqual(['57201']);
    expect(await codes(t(), 'q=5730')).toEqual(['57301']);
    const areaRes = await t().inject({ url: '/api/facilities?area=57' });
    expect(areaRes.json().items.find((f: Item) => f.code === '57301')).toMatchObject({
      areaCode: '22502',
      managingFacility: { code: '57102' },
    });
  });

  test('answers 400 for unknown filter values, naming each', async () => {
    const res = await t().inject({ url: '/api/facilities?kind=spaceport&tier=galactic&area=99999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'query.kind',
      'query.tier',
      'query.area',
    ]);
  });

  test('sorts by beds descending and pages with a cursor, without gaps or duplicates', async () => {
    const all = await t().inject({ url: '/api/facilities?sort=beds&order=desc&limit=500' });
    const expected = all.json().items.map((f: Item) => f.code);
    expect(all.json().items.map((f: Item) => f.beds)).toEqual([800, 120, 50, 5, 4, 3, 0]);
    for (const sort of ['beds', 'name', 'code']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/facilities?sort=${sort}&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await t().inject({ url })).json() as { items: Item[]; nextCursor: string | null };
        seen.push(...page.items.map((f) => f.code));
        cursor = page.nextCursor;
      } while (cursor && seen.length < 100);
      expect(new Set(seen).size).toBe(seen.length);
      if (sort === 'beds') expect(seen).toEqual(expected);
      expect(seen.sort()).toEqual([...expected].sort());
    }
    const bad = await t().inject({ url: '/api/facilities?cursor=not-a-cursor' });
    expect(bad.statusCode).toBe(400);
  });

  test('a bad create gets a 400 problem+json naming every bad field at once', async () => {
    const res = await post(t(), '/api/facilities', {
      code: 'bad',
      name: 'X',
      kind: 'spaceport',
      areaCode: '00000',
      managingFacilityCode: 'ZZZZZ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['body.code', 'body.kind', 'body.areaCode', 'body.managingFacilityCode']);
    const shape = await post(t(), '/api/facilities', {
      code: '57999',
      beds: -1,
      ownership: 'state',
      color: 'red',
    });
    expect(shape.statusCode).toBe(400);
    const shapeFields = shape.json().errors.map((e: { field: string }) => e.field);
    expect(shapeFields).toEqual(
      expect.arrayContaining(['body.name', 'body.kind', 'body.beds', 'body.ownership', 'body.color']),
    );
    const noArea = await post(t(), '/api/facilities', { code: '57999', name: 'X', kind: 'sub_station' });
    expect(noArea.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.areaCode']);
  });

  test('answers 409 for a duplicate code, 404 for an unknown id, 400 for a malformed id', async () => {
    const dup = await post(t(), '/api/facilities', {
      code: '57001',
      name: 'Again',
      kind: 'sub_station',
      areaCode: '57',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict', errors: [{ field: 'body.code', code: 'taken' }] });
    const missing = await t().inject({ url: '/api/facilities/0190a4c2-0000-7000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect((await t().inject({ url: '/api/facilities/57001' })).statusCode).toBe(400);
  });

  test('updates a facility: a new area moves its area path, a new kind its tier', async () => {
    const id = ids['57103']!;
    const res = await t().inject({
      method: 'PATCH',
      url: `/api/facilities/${id}`,
      payload: {
        name: 'Trạm Y tế Mười',
        areaCode: '22502',
        kind: 'sub_station',
        beds: 2,
        managingFacilityCode: '57002',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Trạm Y tế Mười',
      areaCode: '22502',
      areaPath: '57.570.22502',
      kind: 'sub_station',
      tier: 'commune',
      beds: 2,
      managingFacility: { code: '57002' },
    });
    const cleared = await t().inject({
      method: 'PATCH',
      url: `/api/facilities/${id}`,
      payload: { managingFacilityId: null },
    });
    expect(cleared.json().managingFacility).toBeNull();
    const code = await t().inject({
      method: 'PATCH',
      url: `/api/facilities/${id}`,
      payload: { code: '57999', kind: 'x' },
    });
    expect(code.statusCode).toBe(400);
    expect(code.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.code', 'body.kind']);
  });

  test('refuses a facility managing itself or a management loop', async () => {
    const self = await t().inject({
      method: 'PATCH',
      url: `/api/facilities/${ids['57002']}`,
      payload: { managingFacilityId: ids['57002'] },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0]).toMatchObject({
      field: 'body.managingFacilityId',
      message: expect.stringContaining('itself'),
    });
    // 57002 manages 57102, which manages 57301: 57301 cannot manage 57002.
    const loop = await t().inject({
      method: 'PATCH',
      url: `/api/facilities/${ids['57002']}`,
      payload: { managingFacilityCode: '57301' },
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().errors[0].message).toContain('loop');
  });

  test('records status changes with history; the same status again is a 409', async () => {
    const url = `/api/facilities/${ids['57102']}/status`;
    const closed = await post(t(), url, {
      status: 'temporarily_closed',
      effectiveOn: '2099-03-01',
      reason: 'Renovation',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const reopened = await post(t(), url, { status: 'open', effectiveOn: '2099-06-01' });
    expect(reopened.json().status).toBe('open');
    expect(reopened.json().statusHistory.slice(1)).toEqual([
      { status: 'temporarily_closed', effectiveOn: '2099-03-01', reason: 'Renovation' },
      { status: 'open', effectiveOn: '2099-06-01', reason: null },
    ]);
    const again = await post(t(), url, { status: 'open', effectiveOn: '2099-07-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already open');
    const earlier = await post(t(), url, { status: 'closed', effectiveOn: '2099-01-01' });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().errors[0].field).toBe('body.effectiveOn');
    const badDate = await post(t(), url, { status: 'closed', effectiveOn: '2099-13-45' });
    expect(badDate.statusCode).toBe(400);
  });

  test('exposes lookups for capacity and workforce', async () => {
    const db = t().ctx.db;
    expect(await requireFacility(db, '57001')).toMatchObject({
      id: ids['57001'],
      tier: 'provincial',
      areaPath: '57',
    });
    expect(await requireFacility(db, ids['57001']!)).toMatchObject({
      code: '57001',
      status: 'open',
      active: true,
    });
    await expect(requireFacility(db, 'ZZZZZ')).rejects.toMatchObject({ status: 404 });
    const stations = await listFacilitiesIn(db, '57.570', { kinds: ['commune_health_station'] });
    expect(stations.map((f) => f.code)).toEqual(['57101', '57102']);
    // Open, active: 800 + 120 + 5 + 3 + 2 (57103 moved) + 50; 57301 is temporarily closed.
    expect(await sumBedsIn(db, '57')).toBe(980);
    expect(await countFacilitiesByKind(db, '57.570')).toEqual({
      commune_health_station: 2,
      district_health_centre: 1,
      private_hospital: 1,
      sub_station: 2,
    });
  });

  test('deactivates a facility: gone from lists, still gettable', async () => {
    const res = await post(t(), `/api/facilities/${ids['57201']}/deactivate`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect(await codes(t(), 'ownership=private')).toEqual([]);
    expect(await codes(t(), 'ownership=private&includeInactive=true')).toEqual(['57201']);
    const got = await t().inject({ url: `/api/facilities/${ids['57201']}` });
    expect(got.json()).toMatchObject({ code: '57201', active: false });
  });

  test("a level of care: the facility's own, else its kind's; refused when not a profile level", async () => {
    // Runs last: 57201 (private hospital, basic by kind) is deactivated by now.
    const own = await post(t(), '/api/facilities', {
      code: '57401',
      name: 'Trung tâm Y tế xếp cấp ban đầu',
      kind: 'district_health_centre',
      careLevel: 'primary',
      areaCode: '570',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ tier: 'district', careLevel: 'primary', careLevelSource: 'facility' });
    const none = await post(t(), '/api/facilities', {
      code: '57402',
      name: 'Trung tâm Kiểm soát bệnh tật',
      kind: 'preventive_medicine_unit',
      areaCode: '57',
    });
    expect(none.json()).toMatchObject({ careLevel: null, careLevelSource: null });

    const bad = await post(t(), '/api/facilities', {
      code: '57403',
      name: 'X',
      kind: 'sub_station',
      careLevel: 'tertiary',
      areaCode: '22501',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      { field: 'body.careLevel', message: expect.stringContaining('specialised, basic, primary') },
    ]);

    const list = await t().inject({ url: '/api/facilities?area=57&limit=100' });
    const byCode = Object.fromEntries(list.json().items.map((f: Item) => [f.code, f]));
    expect(byCode['57002']).toMatchObject({ careLevel: 'basic', careLevelSource: 'kind' });
    expect(byCode['57101']).toMatchObject({ careLevel: 'primary', careLevelSource: 'kind' });
    expect(byCode['57401']).toMatchObject({ careLevel: 'primary', careLevelSource: 'facility' });
    expect(await codes(t(), 'careLevel=primary')).toEqual(['57101', '57102', '57103', '57301', '57401']);
    expect(await codes(t(), 'careLevel=basic')).toEqual(['57001', '57002']);
    expect(await codes(t(), 'careLevel=specialised')).toEqual([]);
    const badFilter = await t().inject({ url: '/api/facilities?careLevel=tertiary' });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.careLevel']);

    const db = t().ctx.db;
    const profile = t().ctx.profile;
    expect(await lookupFacility(db, '57401', profile)).toMatchObject({
      code: '57401',
      tier: 'district',
      careLevel: 'primary',
      careLevelSource: 'facility',
    });
    expect(await lookupFacility(db, ids['57001']!, profile)).toMatchObject({
      careLevel: 'basic',
      careLevelSource: 'kind',
    });

    const url = `/api/facilities/${own.json().id}`;
    const refused = await t().inject({ method: 'PATCH', url, payload: { careLevel: 'tertiary' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.careLevel']);
    const cleared = await t().inject({ method: 'PATCH', url, payload: { careLevel: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ careLevel: 'basic', careLevelSource: 'kind' });
    expect(await codes(t(), 'careLevel=basic')).toEqual(['57001', '57002', '57401']);
    expect(await lookupFacility(db, '57401', profile)).toMatchObject({
      careLevel: 'basic',
      careLevelSource: 'kind',
    });
    const specialised = await t().inject({ method: 'PATCH', url, payload: { careLevel: 'specialised' } });
    expect(specialised.json()).toMatchObject({ careLevel: 'specialised', careLevelSource: 'facility' });
    expect(await codes(t(), 'careLevel=specialised')).toEqual(['57401']);
  });
});
