import { describe, expect, it } from 'vitest';
import { boundaryPath, fittedHeight, project } from './projection.ts';

const box = { width: 400, height: 300, margin: 20 };
const at = (latitude: number | null, longitude: number | null, name = '') => ({ latitude, longitude, name });

describe('project (equirectangular, fitted to the bounding box)', () => {
  it('puts the north-west corner top left and the south-east corner bottom right, inside the margin', () => {
    // At the equator a degree of longitude is a degree of latitude: a 2 × 1 degree box fills the width.
    const { points } = project([at(1, 0, 'nw'), at(0, 2, 'se')], box);
    const [nw, se] = points;
    expect(nw?.x).toBeCloseTo(20);
    expect(se?.x).toBeCloseTo(380);
    // 360 px for 2 degrees: 180 px for the 1 degree of latitude, centred in the 260 px of height.
    expect(nw?.y).toBeCloseTo(20 + 40);
    expect(se?.y).toBeCloseTo(20 + 40 + 180);
  });

  it('keeps north up: a point further north is higher on screen', () => {
    const { points } = project([at(12.5, 109), at(12, 109.1)], box);
    expect(points[0]!.y).toBeLessThan(points[1]!.y);
  });

  it('uses one scale for both axes, with longitude shrunk by the cosine of the middle latitude', () => {
    // Around 60° north a degree east is half a degree north on the ground.
    const { points } = project([at(59.5, 10), at(60.5, 12)], { width: 1000, height: 1000, margin: 0 });
    const [a, b] = points;
    const dx = Math.abs(b!.x - a!.x);
    const dy = Math.abs(b!.y - a!.y);
    expect(dx / dy).toBeCloseTo(2 * Math.cos((60 * Math.PI) / 180), 5);
    // Taller than wide here (1 unit of height to 1 of width): the height decides the scale.
    expect(dy).toBeCloseTo(1000);
    expect(Math.min(a!.x, b!.x)).toBeCloseTo(0);
  });

  it('centres the narrow axis', () => {
    const { points } = project([at(0, 0), at(2, 1)], { width: 400, height: 200, margin: 0 });
    // 2 degrees tall in 200 px: 100 px a degree, so about 100 px wide (cos 1° ≈ 1), centred in 400.
    const xs = points.map((p) => p.x).sort((a, b) => a - b);
    expect(xs[0]).toBeCloseTo(150, 1);
    expect(xs[1]).toBeCloseTo(250, 1);
    expect((xs[0]! + xs[1]!) / 2).toBeCloseTo(200, 9);
  });

  it('counts points without coordinates and leaves them out', () => {
    const result = project([at(1, 1), at(null, 2), at(3, null), at(Number.NaN, 4)], box);
    expect(result.points).toHaveLength(1);
    expect(result.missing).toBe(3);
  });

  it('puts a single point (or points on one spot) in the middle', () => {
    const { points } = project([at(12, 109), at(12, 109)], box);
    for (const p of points) expect([p.x, p.y]).toEqual([200, 150]);
  });

  it('draws nothing for no located points', () => {
    expect(project([], box)).toEqual({ points: [], missing: 0 });
  });

  it('keeps every point inside the box for a real spread of facilities', () => {
    const items = [at(11.86448, 108.75203), at(12.78911, 109.2903), at(12.2, 109.17), at(12.5, 108.9)];
    for (const p of project(items, box).points) {
      expect(p.x).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(380 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p.y).toBeLessThanOrEqual(280 + 1e-9);
    }
  });
});

describe('fittedHeight', () => {
  it('follows the shape of the bounding box within the ratio bounds', () => {
    // A square at the equator: as tall as wide.
    expect(fittedHeight([at(0, 0), at(1, 1)], 300, 10, 0.5, 2)).toBe(300);
    // A tall province is capped at maxRatio, a flat one at minRatio.
    expect(fittedHeight([at(0, 0), at(5, 1)], 300, 10, 0.5, 1.4)).toBe(420);
    expect(fittedHeight([at(0, 0), at(0.1, 5)], 300, 10, 0.5, 1.4)).toBe(150);
  });

  it('gives the smallest height when there is nothing to fit', () => {
    expect(fittedHeight([at(null, null)], 300, 10, 0.5, 2)).toBe(150);
  });
});

describe('boundaryPath', () => {
  it('draws each ring as a closed subpath through the projection, without repeating the first position', () => {
    const to = (lon: number, lat: number): [number, number] => [lon * 10, 100 - lat * 10];
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(boundaryPath({ type: 'Polygon', coordinates: [square] }, to)).toBe(
      'M0.0,100.0L10.0,100.0L10.0,90.0Z',
    );
    expect(boundaryPath({ type: 'MultiPolygon', coordinates: [[square], [square]] }, to)).toBe(
      'M0.0,100.0L10.0,100.0L10.0,90.0ZM0.0,100.0L10.0,100.0L10.0,90.0Z',
    );
  });
});
