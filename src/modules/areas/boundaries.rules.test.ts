import { describe, expect, test } from 'vitest';
import { boundaryBox, labelPoint, MAX_POSITIONS, readBoundary, unionBox } from './boundaries.rules.ts';

const square = [
  [109, 12],
  [109.1, 12],
  [109.1, 12.1],
  [109, 12.1],
  [109, 12],
];
const polygon = { type: 'Polygon', coordinates: [square] };

describe('readBoundary', () => {
  test.each([
    { name: 'a Polygon', input: polygon },
    { name: 'a MultiPolygon', input: { type: 'MultiPolygon', coordinates: [[square], [square]] } },
    { name: 'a Feature of a Polygon', input: { type: 'Feature', properties: {}, geometry: polygon } },
    {
      name: 'a polygon with a hole',
      input: {
        type: 'Polygon',
        coordinates: [
          square,
          [
            [109.02, 12.02],
            [109.05, 12.02],
            [109.05, 12.05],
            [109.02, 12.02],
          ],
        ],
      },
    },
    {
      name: 'positions with an altitude',
      input: { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 5])] },
    },
  ])('accepts $name', ({ input }) => {
    expect(readBoundary(input).ok).toBe(true);
  });

  test.each([
    { name: 'a string', input: 'Polygon', field: 'body', message: /Polygon or MultiPolygon/ },
    {
      name: 'a Point',
      input: { type: 'Point', coordinates: [109, 12] },
      field: 'body.type',
      message: /one of Polygon, MultiPolygon/,
    },
    {
      name: 'a Feature without geometry',
      input: { type: 'Feature', geometry: null },
      field: 'body.geometry',
      message: /Polygon or MultiPolygon/,
    },
    {
      name: 'no rings',
      input: { type: 'Polygon', coordinates: [] },
      field: 'body.coordinates',
      message: /non-empty array of rings/,
    },
    {
      name: 'an empty MultiPolygon',
      input: { type: 'MultiPolygon', coordinates: [] },
      field: 'body.coordinates',
      message: /non-empty array of polygons/,
    },
    {
      name: 'a ring of 3 positions',
      input: { type: 'Polygon', coordinates: [square.slice(0, 3)] },
      field: 'body.coordinates[0]',
      message: /at least 4 positions/,
    },
    {
      name: 'an open ring',
      input: { type: 'Polygon', coordinates: [[...square.slice(0, 4), [109.01, 12]]] },
      field: 'body.coordinates[0]',
      message: /not closed/,
    },
    {
      name: 'a longitude of 200',
      input: { type: 'Polygon', coordinates: [[[200, 12], ...square.slice(1, 4), [200, 12]]] },
      field: 'body.coordinates[0][0]',
      message: /longitude outside -180..180/,
    },
    {
      name: 'a latitude of -91',
      input: { type: 'Polygon', coordinates: [[square[0], [109.1, -91], ...square.slice(2)]] },
      field: 'body.coordinates[0][1]',
      message: /latitude outside -90..90/,
    },
    {
      name: 'a position as text',
      input: { type: 'Polygon', coordinates: [[square[0], ['109.1', '12'], ...square.slice(2)]] },
      field: 'body.coordinates[0][1]',
      message: /\[longitude, latitude\] of numbers/,
    },
    {
      name: 'a ring on one line',
      input: {
        type: 'Polygon',
        coordinates: [
          [
            [109, 12],
            [109.1, 12],
            [109.2, 12],
            [109, 12],
          ],
        ],
      },
      field: 'body.coordinates[0]',
      message: /encloses no area/,
    },
    {
      name: 'a bad second polygon',
      input: { type: 'MultiPolygon', coordinates: [[square], [square.slice(0, 2)]] },
      field: 'body.coordinates[1][0]',
      message: /at least 4 positions/,
    },
  ])('refuses $name, naming $field', ({ input, field, message }) => {
    const reading = readBoundary(input);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors[0]?.field).toBe(field);
    expect(reading.errors[0]?.message).toMatch(message);
  });

  test('reports only the first bad position of a ring, not the ones that follow', () => {
    const ring = [
      [200, 12],
      [200, 13],
      [200, 14],
      [200, 12],
    ];
    const reading = readBoundary({ type: 'Polygon', coordinates: [ring] });
    expect(reading.ok ? [] : reading.errors.map((e) => e.field)).toEqual(['body.coordinates[0][0]']);
  });

  test('refuses a boundary over the size limit with one error', () => {
    const ring = Array.from({ length: MAX_POSITIONS }, (_, i) => [
      109 + Math.cos(i) / 10,
      12 + Math.sin(i) / 10,
    ]);
    ring.push(ring[0]!);
    const reading = readBoundary({ type: 'Polygon', coordinates: [ring] });
    expect(reading.ok ? [] : reading.errors).toEqual([
      { field: 'body.coordinates', message: expect.stringMatching(/more than 50000 positions/) },
    ]);
  });

  test('names the feature under the field it is given and drops altitudes', () => {
    const bad = readBoundary(
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0]]] } },
      'features[3]',
    );
    expect(bad.ok ? '' : bad.errors[0]?.field).toBe('features[3].geometry.coordinates[0]');
    const good = readBoundary({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 5])] });
    expect(good.ok && good.geometry.coordinates[0]?.[0]).toEqual([109, 12]);
  });
});

describe('boundaryBox and labelPoint', () => {
  test('the box of a MultiPolygon spans its polygons', () => {
    const shifted = square.map(([x, y]) => [x! + 1, y! - 1]);
    expect(boundaryBox({ type: 'MultiPolygon', coordinates: [[square], [shifted]] })).toEqual([
      109, 11, 110.1, 12.1,
    ]);
    expect(
      unionBox([
        [0, 0, 1, 1],
        [-1, 0.5, 0.5, 2],
      ]),
    ).toEqual([-1, 0, 1, 2]);
    expect(unionBox([])).toBeNull();
  });

  test.each([
    { name: 'a square', rings: [square], want: [109.05, 12.05] },
    // A C-shape opening east: its centroid falls in the gap, so the label moves onto the land west of it.
    {
      name: 'a C-shape',
      rings: [
        [
          [0, 0],
          [3, 0],
          [3, 1],
          [1, 1],
          [1, 2],
          [3, 2],
          [3, 3],
          [0, 3],
          [0, 0],
        ],
      ],
      want: [0.5, 1.5],
    },
  ])('the label point of $name is inside it', ({ rings, want }) => {
    const [x, y] = labelPoint({ type: 'Polygon', coordinates: rings });
    expect(x).toBeCloseTo(want[0]!, 6);
    expect(y).toBeCloseTo(want[1]!, 6);
  });

  test('the label point of a MultiPolygon is on its largest polygon', () => {
    const small = [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0],
    ];
    const [x, y] = labelPoint({ type: 'MultiPolygon', coordinates: [[small], [square]] });
    expect(x).toBeGreaterThan(109);
    expect(y).toBeGreaterThan(12);
  });
});
