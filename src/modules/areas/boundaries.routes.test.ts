import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { postOk } from '../../../test/support/requests.ts';

/** A square of `size` degrees with its south-west corner at (lon, lat), in whole micro-degrees. */
const square = (lon: number, lat: number, size = 0.1) => {
  const [e, n] = [Math.round((lon + size) * 1e6) / 1e6, Math.round((lat + size) * 1e6) / 1e6];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [e, lat],
        [e, n],
        [lon, n],
        [lon, lat],
      ],
    ],
  };
};

const feature = (code: unknown, geometry: unknown) => ({ type: 'Feature', properties: { code }, geometry });

function put(t: TestEngine, id: string, payload: unknown) {
  return t.inject({ method: 'PUT', url: `/api/areas/${id}/boundary`, payload: payload as object });
}

describeOnBothEngines('area boundaries API', (t) => {
  // Province 56 > district 568 > communes 22366, 22369 (boundaries imported here) and 22372 (none).
  // Each test writes only to its own district: 569 stays bare, 570 is PUT's, 571 the import's.
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const rows = [
      { code: '56', name: 'Khánh Hòa', level: 'province' },
      { code: '568', name: 'Nha Trang', level: 'district', parentCode: '56' },
      { code: '569', name: 'Cam Ranh', level: 'district', parentCode: '56' },
      { code: '22366', name: 'Phường Vĩnh Hải', level: 'commune', parentCode: '568' },
      { code: '22369', name: 'Phường Vĩnh Phước', level: 'commune', parentCode: '568' },
      { code: '22372', name: 'Phường Vĩnh Thọ', level: 'commune', parentCode: '568' },
      { code: '570', name: 'Cam Lâm', level: 'district', parentCode: '56' },
      { code: '22400', name: 'Xã Cam Hải Đông', level: 'commune', parentCode: '570' },
      { code: '571', name: 'Vạn Ninh', level: 'district', parentCode: '56' },
    ];
    for (const r of rows) ids[r.code] = (await postOk(t(), '/api/areas', r)).id;
    const report = await postOk(t(), '/api/areas/boundaries', {
      type: 'FeatureCollection',
      features: [
        feature('568', square(109.1, 12.2, 0.2)),
        feature('22366', square(109.1, 12.2)),
        feature(22369, square(109.2, 12.2)),
      ],
    });
    expect(report).toEqual({ read: 3, updated: 3, rejected: [] });
  });

  test("answers the children's boundaries with names, label points and a box around them", async () => {
    const res = await t().inject({ url: '/api/areas/boundaries?parent=568' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.bbox).toEqual([109.1, 12.2, 109.3, 12.4]);
    expect(body.parent.properties).toMatchObject({ code: '568', level: 'district' });
    // 22372 has no boundary: it is left out, not drawn as nothing.
    expect(body.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      '22366',
      '22369',
    ]);
    const [first] = body.features;
    expect(first).toMatchObject({
      type: 'Feature',
      id: ids['22366'],
      bbox: [109.1, 12.2, 109.2, 12.3],
      geometry: square(109.1, 12.2),
      properties: { id: ids['22366'], code: '22366', name: 'Phường Vĩnh Hải', level: 'commune' },
    });
    expect(first.properties.labelPoint[0]).toBeCloseTo(109.15, 6);
    expect(first.properties.labelPoint[1]).toBeCloseTo(12.25, 6);
  });

  test('answers an empty collection for an area whose children have no boundary, by id as well', async () => {
    const res = await t().inject({ url: `/api/areas/boundaries?parent=${ids['569']}` });
    expect(res.json()).toEqual({ type: 'FeatureCollection', bbox: null, parent: null, features: [] });
    const none = await t().inject({ url: '/api/areas/boundaries?parent=99999' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('query.parent');
  });

  test('sets one boundary from a Feature and replaces it with a MultiPolygon', async () => {
    const set = await put(t(), ids['22400']!, feature(null, square(109.3, 12.2)));
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ id: ids['22400'], bbox: [109.3, 12.2, 109.4, 12.3] });
    const multi = {
      type: 'MultiPolygon',
      coordinates: [square(109.3, 12.2).coordinates, square(109.5, 12.2, 0.01).coordinates],
    };
    const replaced = await put(t(), ids['22400']!, multi);
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().bbox).toEqual([109.3, 12.2, 109.51, 12.3]);
    const list = await t().inject({ url: '/api/areas/boundaries?parent=570' });
    const drawn = list.json().features.find((f: { id: string }) => f.id === ids['22400']);
    expect(drawn.geometry).toEqual(multi);
    // The area's other answers do not carry the heavy boundary.
    expect((await t().inject({ url: `/api/areas/${ids['22400']}` })).json()).not.toHaveProperty('boundary');
  });

  test('answers 400 naming the bad part of a boundary, and 404 for an unknown area', async () => {
    const open = square(109, 12);
    open.coordinates[0]![4] = [109.05, 12];
    const res = await put(t(), ids['22366']!, open);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().errors).toEqual([
      { field: 'body.coordinates[0]', message: 'is not closed: the last position must repeat the first' },
    ]);
    const far = await put(t(), ids['22366']!, square(181, 12));
    expect(far.json().errors[0]).toEqual({
      field: 'body.coordinates[0][0]',
      message: 'has a longitude outside -180..180',
    });
    const point = await put(t(), ids['22366']!, { type: 'Point', coordinates: [109, 12] });
    expect(point.statusCode).toBe(400);
    expect(point.json().errors[0].field).toMatch(/^body\.type/);
    const unknown = await put(t(), '0190a4c2-0000-7000-8000-000000000000', square(109, 12));
    expect(unknown.statusCode).toBe(404);
  });

  test('an import stores the good features and reports each bad one by index', async () => {
    const report = await postOk(t(), '/api/areas/boundaries', {
      type: 'FeatureCollection',
      features: [
        feature('571', square(109.1, 12.6)),
        feature('00000', square(109, 12)),
        feature(undefined, square(109, 12)),
        feature('22366', {
          type: 'Polygon',
          coordinates: [
            [
              [109, 12],
              [109.1, 12],
              [109, 12],
            ],
          ],
        }),
        feature('571', square(109.2, 12.6)),
      ],
    });
    expect(report.read).toBe(5);
    expect(report.updated).toBe(1);
    expect(report.rejected).toEqual([
      { index: 1, code: '00000', reason: 'no area has the code 00000' },
      { index: 2, code: null, reason: 'properties.code must name an area code' },
      {
        index: 3,
        code: '22366',
        reason:
          'features[3].geometry.coordinates[0] must be a ring of at least 4 positions, the last repeating the first',
      },
      { index: 4, code: '571', reason: 'an earlier feature already gives the boundary of 571' },
    ]);
    const province = await t().inject({ url: '/api/areas/boundaries?parent=56' });
    expect(province.json().features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      '568',
      '571',
    ]);
  });

  test('refuses a body that is not a FeatureCollection', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/areas/boundaries',
      payload: { type: 'Feature', geometry: square(109, 12) },
    });
    expect(res.statusCode).toBe(400);
  });
});
