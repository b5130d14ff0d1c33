import { describe, expect, test } from 'vitest';
import {
  clampView,
  clusterPoints,
  MAX_ZOOM,
  panBy,
  placeLabels,
  WHOLE_MAP,
  zoomAt,
  zoomOnto,
} from './map-view.ts';

const W = 360;
const H = 400;

describe('the view', () => {
  test.each([
    { name: 'zooming out past the whole map', view: { scale: 0.5, x: 10, y: 10 }, want: WHOLE_MAP },
    {
      name: 'zooming in past the limit',
      view: { scale: 100, x: 0, y: 0 },
      want: { scale: MAX_ZOOM, x: 0, y: 0 },
    },
    {
      name: 'panning past the west edge',
      view: { scale: 2, x: 50, y: -100 },
      want: { scale: 2, x: 0, y: -100 },
    },
    {
      name: 'panning past the east edge',
      view: { scale: 2, x: -500, y: 0 },
      want: { scale: 2, x: -360, y: 0 },
    },
  ])('is kept on the map after $name', ({ view, want }) => {
    expect(clampView(view, W, H)).toEqual(want);
  });

  test('zooming at a point keeps that point where it is', () => {
    const v = zoomAt(WHOLE_MAP, 2, 90, 100, W, H);
    expect(v.scale).toBe(2);
    // The base point (90, 100) is still at (90, 100) on screen.
    expect(90 * v.scale + v.x).toBeCloseTo(90);
    expect(100 * v.scale + v.y).toBeCloseTo(100);
  });

  test('zooming onto a tapped point brings it to the middle (as far as the edges allow)', () => {
    const v = zoomOnto(WHOLE_MAP, 150, 180, 4, W, H);
    expect(150 * v.scale + v.x).toBeCloseTo(W / 2);
    expect(180 * v.scale + v.y).toBeCloseTo(H / 2);
    expect(panBy(v, 10, 0, W, H).x).toBeCloseTo(v.x + 10);
  });
});

describe('clusterPoints', () => {
  const at = (id: string, x: number, y: number) => ({ item: id, x, y });

  test('groups points closer than the distance, at their mean, and leaves the others alone', () => {
    const clusters = clusterPoints(
      [at('a', 10, 10), at('b', 20, 10), at('c', 100, 100), at('d', 14, 16)],
      24,
    );
    expect(clusters.map((c) => c.members)).toEqual([['a', 'b', 'd'], ['c']]);
    expect(clusters[0]!.x).toBeCloseTo(44 / 3);
    expect(clusters[0]!.y).toBeCloseTo(12);
  });

  test('zooming in splits a group: the same points twice as far apart', () => {
    const points = [at('a', 10, 10), at('b', 25, 10)];
    expect(clusterPoints(points, 24)).toHaveLength(1);
    expect(
      clusterPoints(
        points.map((p) => ({ ...p, x: p.x * 2 })),
        24,
      ),
    ).toHaveLength(2);
  });

  test('finds a group across a grid line', () => {
    expect(clusterPoints([at('a', 23, 0), at('b', 25, 0)], 24)).toHaveLength(1);
  });
});

describe('placeLabels', () => {
  const label = (id: string, x: number, y: number, priority: number, text = 'Vĩnh Hải') => ({
    id,
    text,
    x,
    y,
    priority,
  });

  test('keeps the larger area name when two would overlap, and any that stand apart', () => {
    const kept = placeLabels(
      [label('small', 105, 50, 1), label('big', 100, 52, 5), label('far', 100, 200, 1)],
      { width: W, height: H },
      6,
      12,
    );
    expect(kept.map((l) => l.id)).toEqual(['big', 'far']);
  });

  test('leaves out a name that would stick out of the map', () => {
    expect(placeLabels([label('edge', 5, 50, 1)], { width: W, height: H }, 6, 12)).toEqual([]);
  });
});
