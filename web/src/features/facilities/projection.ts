/**
 * The map's projection, a pure function: equirectangular (longitude scaled by the cosine of the middle
 * latitude, so a degree east is as long on screen as on the ground there), fitted to the bounding box of
 * the points inside a box of `width` × `height` pixels with `margin` pixels on each side, centred, the
 * same scale on both axes. North is up. Points without coordinates are left out and counted.
 */

export interface GeoPoint {
  latitude: number | null;
  longitude: number | null;
}

export interface Projected<T> {
  item: T;
  x: number;
  y: number;
}

export interface Projection<T> {
  points: Projected<T>[];
  /** Items without a latitude or longitude (not drawn). */
  missing: number;
}

export interface Box {
  width: number;
  height: number;
  margin: number;
}

const hasCoordinates = (p: GeoPoint): p is { latitude: number; longitude: number } =>
  typeof p.latitude === 'number' &&
  typeof p.longitude === 'number' &&
  Number.isFinite(p.latitude) &&
  Number.isFinite(p.longitude);

/** Screen position `[x, y]` of a longitude and latitude. */
export type Projector = (longitude: number, latitude: number) => [number, number];

/**
 * The projection that fits the bounding box of `items` (points, or the corners of boundary boxes) in
 * `box`: the function from longitude and latitude to pixels, or null when no item has coordinates.
 */
export function fitProjection(items: readonly GeoPoint[], box: Box): Projector | null {
  const located = items.filter(hasCoordinates);
  if (located.length === 0) return null;
  const lats = located.map((p) => p.latitude);
  const lons = located.map((p) => p.longitude);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);

  const spanX = (east - west) * k;
  const spanY = north - south;
  const innerW = Math.max(0, box.width - 2 * box.margin);
  const innerH = Math.max(0, box.height - 2 * box.margin);
  // One point (or all on one spot): nothing to fit, it goes in the middle.
  const scale =
    spanX === 0 && spanY === 0
      ? 0
      : Math.min(
          spanX > 0 ? innerW / spanX : Number.POSITIVE_INFINITY,
          spanY > 0 ? innerH / spanY : Number.POSITIVE_INFINITY,
        );
  const offsetX = box.margin + (innerW - spanX * scale) / 2;
  const offsetY = box.margin + (innerH - spanY * scale) / 2;
  return (longitude, latitude) => [
    offsetX + (longitude - west) * k * scale,
    offsetY + (north - latitude) * scale,
  ];
}

/** The items with coordinates projected into `box` (fitted to them, or to `fitTo` when given). */
export function project<T extends GeoPoint>(
  items: readonly T[],
  box: Box,
  fitTo: readonly GeoPoint[] = items,
): Projection<T> {
  const located = items.filter(hasCoordinates) as (T & { latitude: number; longitude: number })[];
  const missing = items.length - located.length;
  const to = fitProjection(fitTo, box);
  if (located.length === 0 || !to) return { points: [], missing };
  return {
    points: located.map((item) => {
      const [x, y] = to(item.longitude, item.latitude);
      return { item, x, y };
    }),
    missing,
  };
}

/**
 * The height of a map `width` pixels wide that holds the points' bounding box at its own shape, kept
 * between `minRatio` and `maxRatio` times the width (a long thin province should not need a scroll).
 */
export function fittedHeight(
  items: readonly GeoPoint[],
  width: number,
  margin: number,
  minRatio = 0.6,
  maxRatio = 1.4,
): number {
  const located = items.filter(hasCoordinates);
  const bounded = (h: number) => Math.round(Math.min(width * maxRatio, Math.max(width * minRatio, h)));
  if (located.length < 2) return bounded(width * minRatio);
  const lats = located.map((p) => p.latitude);
  const lons = located.map((p) => p.longitude);
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = (Math.max(...lons) - Math.min(...lons)) * k;
  const spanY = north - south;
  if (spanX === 0) return bounded(width * maxRatio);
  return bounded(((width - 2 * margin) * spanY) / spanX + 2 * margin);
}

/**
 * The SVG path of a GeoJSON Polygon or MultiPolygon through a projection: one closed subpath per ring
 * (holes included: draw it with `fill-rule="evenodd"`), in tenths of a pixel.
 */
export function boundaryPath(
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] },
  to: Projector,
): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const ring = (positions: number[][]) =>
    `M${positions
      .slice(0, -1)
      .map(([lon, lat]) =>
        to(lon ?? 0, lat ?? 0)
          .map((v) => v.toFixed(1))
          .join(','),
      )
      .join('L')}Z`;
  return polygons.flatMap((rings) => rings.map(ring)).join('');
}
