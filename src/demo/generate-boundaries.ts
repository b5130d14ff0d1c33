/**
 * Plausible boundaries for a generated province, from the centroids the demo already gives its areas:
 * the cells of the lowest level drawn (communes, townships) are the Voronoi cells of their centroids,
 * clipped to the province's outline (the convex hull of those centroids with a margin around them), and
 * every area above them gets the union of its cells. Neighbours share their edges exactly, so nothing
 * overlaps, a district's outline follows its communes', and the cells tile the province. Pure and
 * deterministic (no random draws): the same areas give the same boundaries. Nothing here knows Khánh
 * Hòa: a CN demo passes its townships.
 */

/** What the generator needs of an area. */
export interface BoundaryArea {
  code: string;
  parentCode: string | null;
  level: string;
  latitude: number | null;
  longitude: number | null;
}

/** A generated boundary as a GeoJSON Feature naming its area by code (what the boundary import reads). */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string };
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

type Point = [number, number];

/** Micro-degrees (about 0.1 m): shared vertices of neighbouring cells round to the same position. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

/** Andrew's monotone chain: the convex hull, counter-clockwise, without repeating the first point. */
function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Point, a: Point, b: Point) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: Point[]) => {
    const out: Point[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Keeps the part of a convex polygon where `n · p <= c` (Sutherland–Hodgman against one line). */
function clip(polygon: Point[], n: Point, c: number): Point[] {
  const out: Point[] = [];
  const side = (p: Point) => n[0] * p[0] + n[1] * p[1] - c;
  for (let i = 0; i < polygon.length; i++) {
    const [a, b] = [polygon[i]!, polygon[(i + 1) % polygon.length]!];
    const [sa, sb] = [side(a), side(b)];
    if (sa <= 0) out.push(a);
    if (sa < 0 !== sb < 0 && sa !== 0 && sb !== 0) {
      const t = sa / (sa - sb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

const dist2 = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/** The Voronoi cell of `sites[i]` inside the convex `outline` (nearest neighbours first, stop when none can cut). */
function voronoiCell(sites: Point[], i: number, outline: Point[]): Point[] {
  const s = sites[i]!;
  const others = sites
    .map((p, j) => ({ p, j, d: dist2(p, s) }))
    .filter((o) => o.j !== i)
    .sort((a, b) => a.d - b.d || a.j - b.j);
  let cell = outline;
  for (const { p, d } of others) {
    // A site further than twice the cell's farthest vertex cannot cut it, nor can any after it.
    const reach = Math.max(...cell.map((v) => dist2(v, s)));
    if (d > 4 * reach) break;
    cell = clip(cell, [p[0] - s[0], p[1] - s[1]], (p[0] ** 2 + p[1] ** 2 - s[0] ** 2 - s[1] ** 2) / 2);
  }
  return cell;
}

/** Twice the signed area (positive when counter-clockwise) of a closed ring. */
function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++)
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

function inside(p: number[], ring: number[][]): boolean {
  let hit = false;
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b] = [ring[i]!, ring[i + 1]!];
    if (
      a[1]! > p[1]! !== b[1]! > p[1]! &&
      p[0]! < a[0]! + ((p[1]! - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!)
    )
      hit = !hit;
  }
  return hit;
}

/**
 * The union of cells that share whole edges: an edge walked both ways lies between two cells and
 * goes; the edges left chain into the outline's rings (counter-clockwise, holes clockwise).
 */
export function unionOfCells(cells: number[][][]): BoundaryFeature['geometry'] {
  const edges = new Map<string, { from: number[]; to: number[] }[]>();
  const directed = new Set<string>();
  for (const ring of cells)
    for (let i = 0; i < ring.length - 1; i++) directed.add(`${key(ring[i]!)}>${key(ring[i + 1]!)}`);
  for (const ring of cells) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [from, to] = [ring[i]!, ring[i + 1]!];
      if (directed.has(`${key(to)}>${key(from)}`)) continue;
      const list = edges.get(key(from)) ?? [];
      list.push({ from, to });
      edges.set(key(from), list);
    }
  }
  const rings: number[][][] = [];
  for (const start of [...edges.keys()].sort()) {
    while ((edges.get(start)?.length ?? 0) > 0) {
      const ring: number[][] = [];
      let at = start;
      for (let next = edges.get(at)?.shift(); next; next = edges.get(at)?.shift()) {
        ring.push(next.from);
        at = key(next.to);
        if (at === start) break;
      }
      ring.push(ring[0]!);
      if (ring.length >= 4) rings.push(ring);
    }
  }
  const outers = rings.filter((r) => ringArea(r) > 0).map((r) => [r]);
  for (const hole of rings.filter((r) => ringArea(r) < 0)) {
    outers.find((polygon) => inside(hole[0]!, polygon[0]!))?.push(hole);
  }
  return outers.length === 1
    ? { type: 'Polygon', coordinates: outers[0]! }
    : { type: 'MultiPolygon', coordinates: outers };
}

/** The median distance from each site to its nearest neighbour: the scale of the tessellation. */
function typicalSpacing(sites: Point[]): number {
  if (sites.length < 2) return 0.02;
  const nearest = sites
    .map((s, i) => Math.sqrt(Math.min(...sites.filter((_, j) => j !== i).map((p) => dist2(p, s)))))
    .sort((a, b) => a - b);
  return nearest[Math.floor(nearest.length / 2)]!;
}

/**
 * Boundaries for every area at `cellLevel` that has coordinates and for each area above one: a cell
 * per area at that level, the union of its cells for each ancestor. Areas below it (villages) get none.
 *
 * @example generateBoundaries(demo.areas.all, 'commune') // 136 communes, 8 districts, 1 province
 */
export function generateBoundaries(areas: readonly BoundaryArea[], cellLevel: string): BoundaryFeature[] {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const located = areas.filter((a) => a.level === cellLevel && a.latitude !== null && a.longitude !== null);
  const rootOf = (a: BoundaryArea): string => {
    let at = a;
    while (at.parentCode && byCode.has(at.parentCode)) at = byCode.get(at.parentCode)!;
    return at.code;
  };
  const groups = new Map<string, BoundaryArea[]>();
  for (const a of located) groups.set(rootOf(a), [...(groups.get(rootOf(a)) ?? []), a]);
  const features: BoundaryFeature[] = [];
  for (const group of groups.values()) features.push(...tessellate(group, byCode));
  return features;
}

function tessellate(group: BoundaryArea[], byCode: Map<string, BoundaryArea>): BoundaryFeature[] {
  // A plane where a degree east is as long as on the ground at the group's middle latitude.
  const lat0 = group.reduce((s, a) => s + a.latitude!, 0) / group.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const sites: Point[] = group.map((a) => [a.longitude! * k, a.latitude!]);
  const margin = typicalSpacing(sites);
  const around = sites.flatMap(([x, y]) =>
    Array.from(
      { length: 8 },
      (_, i): Point => [x + margin * Math.cos((i * Math.PI) / 4), y + margin * Math.sin((i * Math.PI) / 4)],
    ),
  );
  const outline = convexHull(around);
  const cells = sites.map((_, i) => {
    const ring = voronoiCell(sites, i, outline).map((p) => [round6(p[0] / k), round6(p[1])]);
    const deduped = ring.filter((p, j) => key(p) !== key(ring[(j + 1) % ring.length]!));
    return [...deduped, deduped[0]!];
  });
  const features: BoundaryFeature[] = group.map((a, i) => ({
    type: 'Feature',
    properties: { code: a.code },
    geometry: { type: 'Polygon', coordinates: [cells[i]!] },
  }));
  // Each ancestor: the union of the cells below it.
  const below = new Map<string, number[][][]>();
  group.forEach((a, i) => {
    for (let up = a.parentCode; up && byCode.has(up); up = byCode.get(up)!.parentCode) {
      below.set(up, [...(below.get(up) ?? []), cells[i]!]);
    }
  });
  for (const [code, list] of [...below].sort(([a], [b]) => a.localeCompare(b))) {
    features.push({ type: 'Feature', properties: { code }, geometry: unionOfCells(list) });
  }
  return features;
}
