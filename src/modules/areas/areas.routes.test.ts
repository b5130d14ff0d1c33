import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { listAreasAtLevel, populationOf, requireArea } from './index.ts';

async function post(t: TestEngine, url: string, payload: unknown) {
  return t.inject({ method: 'POST', url, payload: payload as object });
}

async function createArea(t: TestEngine, body: Record<string, unknown>) {
  const res = await post(t, '/api/areas', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; path: string };
}

describeOnBothEngines('areas API', (t) => {
  // A small tree: province 56 > district 568 > communes 22366 (Vĩnh Hải), 22369 (Vĩnh Phước);
  // commune 22400 directly under the province (the 2025 model); villages under 22366.
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // A place with its 2024 population: code, name, level, parent, people, households.
    const counted = (
      code: string,
      name: string,
      level: string,
      parentCode: string,
      people: number,
      homes: number,
    ) => ({
      code,
      name,
      level,
      parentCode,
      population: [{ year: 2024, population: people, households: homes }],
    });
    const rows = [
      { code: '56', name: 'Khánh Hòa', level: 'province' },
      { code: '568', name: 'Nha Trang', level: 'district', parentCode: '56' },
      counted('22366', 'Phường Vĩnh Hải', 'commune', '568', 1000, 250),
      counted('22369', 'Phường Vĩnh Phước', 'commune', '568', 2000, 500),
      counted('22400', 'Xã Đại Lãnh', 'commune', '56', 300, 80),
      counted('22366_1', 'Tổ 1', 'village', '22366', 400, 100),
      counted('22366_2', 'Tổ 2', 'village', '22366', 650, 160),
    ];
    for (const r of rows) ids[r.code] = (await createArea(t(), r)).id;
  });

  test('creates an area with its path of codes and its population series', async () => {
    const res = await t().inject({ url: `/api/areas/${ids['22366']}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '22366',
      level: 'commune',
      parentId: ids['568'],
      parentCode: '568',
      path: '56.568.22366',
      active: true,
      activeChildren: 2,
      population: [{ year: 2024, population: 1000, households: 250 }],
    });
  });

  test('lists by level, parent and subtree', async () => {
    const byLevel = await t().inject({ url: '/api/areas?level=commune' });
    expect(byLevel.json().items.map((a: { code: string }) => a.code)).toEqual(['22366', '22369', '22400']);
    const byParent = await t().inject({ url: `/api/areas?parent=${ids['568']}` });
    expect(byParent.json().items.map((a: { code: string }) => a.code)).toEqual(['22366', '22369']);
    const within = await t().inject({ url: '/api/areas?within=568' });
    expect(within.json().items.map((a: { code: string }) => a.code)).toEqual([
      '22366',
      '22366_1',
      '22366_2',
      '22369',
      '568',
    ]);
    const withinById = await t().inject({ url: `/api/areas?within=${ids['22366']}&level=village` });
    expect(withinById.json().items).toHaveLength(2);
  });

  test('searches names ignoring accents and case', async () => {
    const res = await t().inject({ url: `/api/areas?q=${encodeURIComponent('vinh hai')}` });
    expect(res.json().items.map((a: { code: string }) => a.code)).toEqual(['22366']);
    const dl = await t().inject({ url: `/api/areas?q=${encodeURIComponent('DAI LANH')}` });
    expect(dl.json().items.map((a: { code: string }) => a.code)).toEqual(['22400']);
  });

  test('sorts by name descending and pages with a cursor without gaps or duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/areas?sort=name&order=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t().inject({ url });
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: { name: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    const all = await t().inject({ url: '/api/areas?sort=name&order=desc&limit=500' });
    const names = all.json().items.map((a: { name: string }) => a.name);
    expect(seen).toEqual(names);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThan(2);
  });

  test('answers 400 naming each bad field of a create', async () => {
    const res = await post(t(), '/api/areas', { code: '5', name: 'X', level: 'region', parentCode: '99' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.level', 'body.parentCode']));
    const shape = await post(t(), '/api/areas', { code: '', latitude: 200, extra: 1 });
    expect(shape.statusCode).toBe(400);
    const shapeFields = shape.json().errors.map((e: { field: string }) => e.field);
    expect(shapeFields).toEqual(
      expect.arrayContaining(['body.code', 'body.name', 'body.level', 'body.latitude', 'body.extra']),
    );
  });

  test('refuses a district under a commune and a commune without a parent', async () => {
    const under = await post(t(), '/api/areas', {
      code: '569',
      name: 'X',
      level: 'district',
      parentCode: '22366',
    });
    expect(under.statusCode).toBe(400);
    expect(under.json().errors[0].field).toBe('body.parentCode');
    const orphan = await post(t(), '/api/areas', { code: '22999', name: 'X', level: 'commune' });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().errors[0].field).toBe('body.parentCode');
  });

  test('answers 409 for a duplicate code', async () => {
    const res = await post(t(), '/api/areas', {
      code: '568',
      name: 'Again',
      level: 'district',
      parentCode: '56',
    });
    expect(res.statusCode).toBe(409);
  });

  test('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const res = await t().inject({ url: '/api/areas/0190a4c2-0000-7000-8000-000000000000' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect((await t().inject({ url: '/api/areas/not-a-uuid' })).statusCode).toBe(400);
  });

  test('renames an area and refuses to change its parent', async () => {
    const id = ids['22369']!;
    const res = await t().inject({
      method: 'PATCH',
      url: `/api/areas/${id}`,
      payload: { name: 'Vĩnh Phước', latitude: 12.27 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Vĩnh Phước', latitude: 12.27, path: '56.568.22369' });
    const move = await t().inject({
      method: 'PATCH',
      url: `/api/areas/${id}`,
      payload: { parentCode: '56' },
    });
    expect(move.statusCode).toBe(400);
    expect(move.json().errors[0]).toMatchObject({ field: 'body.parentCode' });
    expect(move.json().detail).toContain('create the new area');
  });

  test('records population by year and sums a subtree without double counting', async () => {
    const put = await t().inject({
      method: 'PUT',
      url: `/api/areas/${ids['22369']}/population/2025`,
      payload: { population: 2100, households: 520 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().population).toEqual([
      { year: 2024, population: 2000, households: 500 },
      { year: 2025, population: 2100, households: 520 },
    ]);
    const db = t().ctx.db;
    // 22366 has villages with figures (400 + 650) that replace its own 1000; 22369: 2000; 22400: 300.
    expect(await populationOf(db, '56', 2024)).toEqual({ population: 3350, households: 840 });
    expect(await populationOf(db, '56.568', 2024)).toEqual({ population: 3050, households: 760 });
    expect(await populationOf(db, '56.568.22369', 2025)).toEqual({ population: 2100, households: 520 });
    expect(await populationOf(db, '56', 1999)).toEqual({ population: 0, households: 0 });
  });

  test('exposes lookups for other modules', async () => {
    const db = t().ctx.db;
    expect(await requireArea(db, '568')).toMatchObject({ id: ids['568'], path: '56.568', level: 'district' });
    expect(await requireArea(db, ids['56']!)).toMatchObject({ code: '56' });
    await expect(requireArea(db, '00000')).rejects.toMatchObject({ status: 404 });
    await expect(requireArea(db, '00000', 'query.area')).rejects.toMatchObject({ status: 400 });
    const communes = await listAreasAtLevel(db, '56', 'commune');
    expect(communes.map((c) => c.code)).toEqual(['22366', '22369', '22400']);
  });

  test('deactivates a leaf (gone from lists, still gettable) and refuses a parent with active children', async () => {
    const refused = await post(t(), `/api/areas/${ids['22366']}/deactivate`, {});
    expect(refused.statusCode).toBe(409);
    const leaf = await createArea(t(), {
      code: '22400_9',
      name: 'Thôn 9',
      level: 'village',
      parentCode: '22400',
    });
    const res = await post(t(), `/api/areas/${leaf.id}/deactivate`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    const list = await t().inject({ url: '/api/areas?within=22400' });
    expect(list.json().items.map((a: { code: string }) => a.code)).toEqual(['22400']);
    const withInactive = await t().inject({ url: '/api/areas?within=22400&includeInactive=true' });
    expect(withInactive.json().items).toHaveLength(2);
    expect((await t().inject({ url: `/api/areas/${leaf.id}` })).json().active).toBe(false);
    const child = await post(t(), '/api/areas', {
      code: '22400_9',
      name: 'x',
      level: 'village',
      parentCode: '22400',
    });
    expect(child.statusCode).toBe(409);
  });
});
