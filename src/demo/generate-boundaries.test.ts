import { describe, expect, test } from 'vitest';
import { readBoundary } from '../modules/areas/index.ts';
import { generateAreas } from './generate-areas.ts';
import {
  type BoundaryArea,
  type BoundaryFeature,
  generateBoundaries,
  unionOfCells,
} from './generate-boundaries.ts';
import { Rng } from './random.ts';

const polygonsOf = (g: BoundaryFeature['geometry']) =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** Area in square degrees (outer rings less holes). */
function areaOf(g: BoundaryFeature['geometry']): number {
  const ring = (r: number[][]) =>
    r.slice(0, -1).reduce((s, p, i) => s + p[0]! * r[i + 1]![1]! - r[i + 1]![0]! * p[1]!, 0) / 2;
  return polygonsOf(g).reduce(
    (s, [outer, ...holes]) => s + ring(outer!) - holes.reduce((h, x) => h + Math.abs(ring(x)), 0),
    0,
  );
}

function contains(g: BoundaryFeature['geometry'], [x, y]: [number, number]): boolean {
  let hit = false;
  for (const polygon of polygonsOf(g)) {
    for (const r of polygon) {
      for (let i = 0; i < r.length - 1; i++) {
        const [a, b] = [r[i]!, r[i + 1]!];
        if (a[1]! > y !== b[1]! > y && x < a[0]! + ((y - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!))
          hit = !hit;
      }
    }
  }
  return hit;
}

describe('generateBoundaries on the demo province', () => {
  const areas = generateAreas(new Rng('boundaries-test')).all;
  const features = generateBoundaries(areas, 'commune');
  const byCode = new Map(features.map((f) => [f.properties.code, f.geometry]));
  const communes = areas.filter((a) => a.level === 'commune');

  test('gives every commune, district and the province a boundary the import accepts, villages none', () => {
    const levels = areas.filter((a) => byCode.has(a.code)).map((a) => a.level);
    expect(levels.filter((l) => l === 'commune')).toHaveLength(communes.length);
    expect(levels.filter((l) => l === 'district')).toHaveLength(8);
    expect(levels.filter((l) => l === 'province')).toHaveLength(1);
    expect(levels).not.toContain('village');
    const refused = features.filter((f) => !readBoundary(f).ok).map((f) => f.properties.code);
    expect(refused).toEqual([]);
  });

  test("each commune's centroid is inside its own cell and no other", () => {
    const wrong = communes.filter((c) => {
      const point: [number, number] = [c.longitude, c.latitude];
      const holders = communes.filter((o) => contains(byCode.get(o.code)!, point)).map((o) => o.code);
      return holders.length !== 1 || holders[0] !== c.code;
    });
    expect(wrong.map((c) => c.code)).toEqual([]);
  });

  test('the communes tile the province without overlap, and each district is the sum of its communes', () => {
    const province = areas.find((a) => a.level === 'province')!;
    const sum = communes.reduce((s, c) => s + areaOf(byCode.get(c.code)!), 0);
    expect(sum).toBeCloseTo(areaOf(byCode.get(province.code)!), 6);
    for (const district of areas.filter((a) => a.level === 'district')) {
      const own = communes.filter((c) => c.parentCode === district.code);
      const total = own.reduce((s, c) => s + areaOf(byCode.get(c.code)!), 0);
      expect(areaOf(byCode.get(district.code)!)).toBeCloseTo(total, 6);
    }
  });

  test('is deterministic', () => {
    expect(generateBoundaries(areas, 'commune')).toEqual(features);
  });
});

test('takes any profile: townships under a county under a CN province', () => {
  const areas: BoundaryArea[] = [
    { code: '45', parentCode: null, level: 'province', latitude: null, longitude: null },
    { code: '450102', parentCode: '45', level: 'county', latitude: 22.8, longitude: 108.3 },
    ...[
      [22.8, 108.3],
      [22.85, 108.32],
      [22.77, 108.36],
      [22.82, 108.25],
    ].map(([lat, lon], i) => ({
      code: `45010200${i + 1}`,
      parentCode: '450102',
      level: 'township',
      latitude: lat!,
      longitude: lon!,
    })),
  ];
  const features = generateBoundaries(areas, 'township');
  expect(features.map((f) => f.properties.code)).toEqual([
    '450102001',
    '450102002',
    '450102003',
    '450102004',
    '45',
    '450102',
  ]);
  expect(features.every((f) => readBoundary(f).ok)).toBe(true);
});

test('the union of two squares sharing an edge is one ring without the shared edge', () => {
  const left = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  const right = [
    [1, 0],
    [2, 0],
    [2, 1],
    [1, 1],
    [1, 0],
  ];
  const union = unionOfCells([left, right]);
  expect(union.type).toBe('Polygon');
  const ring = union.type === 'Polygon' ? union.coordinates[0]! : [];
  expect(ring).toHaveLength(7);
  expect(ring).not.toContainEqual([1, 0.5]);
  expect(
    unionOfCells([
      left,
      [
        [5, 5],
        [6, 5],
        [6, 6],
        [5, 5],
      ],
    ]).type,
  ).toBe('MultiPolygon');
});
