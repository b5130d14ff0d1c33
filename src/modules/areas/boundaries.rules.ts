import type { FieldError } from '../../platform/http/errors.ts';
import type { BoundaryGeometry } from './boundaries.schema.ts';

/**
 * Pure rules for area boundaries: reading a GeoJSON boundary (RFC 7946) with a message per bad part,
 * and the two figures the map needs from it (its box and a point inside it for the name).
 */

/** About a commune traced every 10 m: more is a file that was not simplified, and slows every map. */
export const MAX_POSITIONS = 50_000;
/** Past this many, further errors are mostly the same mistake repeated. */
const MAX_ERRORS = 10;

type Position = [number, number];
type Ring = Position[];
type Polygon = Ring[];

export type BoundaryReading = { ok: true; geometry: BoundaryGeometry } | { ok: false; errors: FieldError[] };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads a boundary given as a GeoJSON Polygon or MultiPolygon, or a Feature of one. Checks the types,
 * each position (`[longitude, latitude]`, longitude -180..180, latitude -90..90), each ring (4
 * positions or more, closed, enclosing some area) and the size; each error names its place under
 * `field`. A ring's first bad position is reported, not the ones after it. Altitudes are dropped.
 *
 * @example readBoundary({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }).ok // true
 */
export function readBoundary(input: unknown, field = 'body'): BoundaryReading {
  if (isObject(input) && input.type === 'Feature') return readGeometry(input.geometry, `${field}.geometry`);
  return readGeometry(input, field);
}

function readGeometry(input: unknown, field: string): BoundaryReading {
  if (!isObject(input)) {
    return { ok: false, errors: [{ field, message: 'must be a GeoJSON Polygon or MultiPolygon' }] };
  }
  if (input.type !== 'Polygon' && input.type !== 'MultiPolygon') {
    return {
      ok: false,
      errors: [{ field: `${field}.type`, message: 'must be one of Polygon, MultiPolygon' }],
    };
  }
  const errors: FieldError[] = [];
  const count = { positions: 0 };
  const at = `${field}.coordinates`;
  if (input.type === 'Polygon') {
    const polygon = readPolygon(input.coordinates, at, errors, count);
    return finish(errors, count, at, polygon && { type: 'Polygon', coordinates: polygon });
  }
  if (!Array.isArray(input.coordinates) || input.coordinates.length === 0) {
    return { ok: false, errors: [{ field: at, message: 'must be a non-empty array of polygons' }] };
  }
  const polygons = input.coordinates.map((p, i) => readPolygon(p, `${at}[${i}]`, errors, count));
  const all = polygons.every((p): p is Polygon => p !== undefined);
  return finish(errors, count, at, all ? { type: 'MultiPolygon', coordinates: polygons } : undefined);
}

function finish(
  errors: FieldError[],
  count: { positions: number },
  field: string,
  geometry: BoundaryGeometry | undefined,
): BoundaryReading {
  if (count.positions > MAX_POSITIONS) {
    const message = `has more than ${MAX_POSITIONS} positions: simplify the boundary first`;
    return { ok: false, errors: [{ field, message }] };
  }
  if (errors.length > 0 || !geometry) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, geometry };
}

function readPolygon(
  input: unknown,
  field: string,
  errors: FieldError[],
  count: { positions: number },
): Polygon | undefined {
  if (!Array.isArray(input) || input.length === 0) {
    errors.push({ field, message: 'must be a non-empty array of rings (the outer ring, then any holes)' });
    return undefined;
  }
  const rings = input.map((r, i) => readRing(r, `${field}[${i}]`, errors, count));
  return rings.every((r): r is Ring => r !== undefined) ? rings : undefined;
}

function readRing(
  input: unknown,
  field: string,
  errors: FieldError[],
  count: { positions: number },
): Ring | undefined {
  if (!Array.isArray(input) || input.length < 4) {
    errors.push({ field, message: 'must be a ring of at least 4 positions, the last repeating the first' });
    return undefined;
  }
  count.positions += input.length;
  // Past the limit, checking each position is wasted work: the size is what gets reported.
  if (count.positions > MAX_POSITIONS || errors.length >= MAX_ERRORS) return undefined;
  const ring: Ring = [];
  for (const [i, p] of input.entries()) {
    const problem = positionProblem(p);
    if (problem) {
      errors.push({ field: `${field}[${i}]`, message: problem });
      return undefined;
    }
    ring.push([p[0], p[1]]);
  }
  const [first, last] = [ring[0]!, ring.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    errors.push({ field, message: 'is not closed: the last position must repeat the first' });
    return undefined;
  }
  if (ringArea(ring) === 0) {
    errors.push({ field, message: 'encloses no area: its positions are on one line' });
    return undefined;
  }
  return ring;
}

function positionProblem(p: unknown): string | undefined {
  if (
    !Array.isArray(p) ||
    p.length < 2 ||
    p.length > 3 ||
    !p.every((x) => typeof x === 'number' && Number.isFinite(x))
  ) {
    return 'must be a position [longitude, latitude] of numbers';
  }
  if (p[0] < -180 || p[0] > 180) return 'has a longitude outside -180..180';
  if (p[1] < -90 || p[1] > 90) return 'has a latitude outside -90..90';
  return undefined;
}

/** Twice the signed area of a ring (shoelace), in square degrees; positive when counter-clockwise. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b] = [ring[i]!, ring[i + 1]!];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

const polygonsOf = (g: BoundaryGeometry): Polygon[] =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Polygon[];

/** `[west, south, east, north]` of a boundary (its outer rings: holes are inside them). */
export function boundaryBox(g: BoundaryGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(g)) {
    for (const [lon, lat] of polygon[0]!) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/** The union of boxes (null for none), for fitting a map around several areas. */
export function unionBox(boxes: readonly (readonly number[])[]): [number, number, number, number] | null {
  if (boxes.length === 0) return null;
  return [
    Math.min(...boxes.map((b) => b[0]!)),
    Math.min(...boxes.map((b) => b[1]!)),
    Math.max(...boxes.map((b) => b[2]!)),
    Math.max(...boxes.map((b) => b[3]!)),
  ];
}

/** Crossings of the horizontal line at `lat` with every ring of a polygon, west to east. */
function crossings(polygon: Polygon, lat: number): number[] {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [a, b] = [ring[i]!, ring[i + 1]!];
      // Half-open on latitude, so a vertex on the line counts once.
      if (a[1] <= lat !== b[1] <= lat) xs.push(a[0] + ((lat - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
    }
  }
  return xs.sort((x, y) => x - y);
}

function polygonArea(polygon: Polygon): number {
  return Math.abs(ringArea(polygon[0]!)) - polygon.slice(1).reduce((s, h) => s + Math.abs(ringArea(h)), 0);
}

/**
 * A point inside the boundary where its name can be written, `[longitude, latitude]`: on the largest
 * polygon, the middle of the widest inside stretch of the line through its area centroid's latitude
 * (so a crescent or a commune with a lake still gets its name on land, not in a neighbour).
 */
export function labelPoint(g: BoundaryGeometry): [number, number] {
  const polygon = polygonsOf(g).reduce((a, b) => (polygonArea(b) > polygonArea(a) ? b : a));
  const outer = polygon[0]!;
  let [cx, cy, twiceArea] = [0, 0, 0];
  for (let i = 0; i < outer.length - 1; i++) {
    const [a, b] = [outer[i]!, outer[i + 1]!];
    const cross = a[0] * b[1] - b[0] * a[1];
    twiceArea += cross;
    cx += (a[0] + b[0]) * cross;
    cy += (a[1] + b[1]) * cross;
  }
  const lat = cy / (3 * twiceArea);
  const centroidLon = cx / (3 * twiceArea);
  const xs = crossings(polygon, lat);
  let best: [number, number] | undefined;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const [west, east] = [xs[i]!, xs[i + 1]!];
    if (west <= centroidLon && centroidLon <= east) return [centroidLon, lat];
    if (!best || east - west > best[1] - best[0]) best = [west, east];
  }
  return best ? [(best[0] + best[1]) / 2, lat] : outer[0]!;
}
