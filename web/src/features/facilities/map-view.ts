/**
 * Pure helpers of the facility map: the pan and zoom of the view, the clustering of points that would
 * overlap at the current zoom, and which area names fit without overlapping. All in screen pixels.
 */

/** The view over the fitted map: a screen position is `base × scale + (x, y)`. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const WHOLE_MAP: View = { scale: 1, x: 0, y: 0 };
export const MAX_ZOOM = 32;

/** Keeps the zoom between the whole map and MAX_ZOOM, and the map covering the box (no empty side). */
export function clampView(v: View, width: number, height: number): View {
  const scale = Math.min(MAX_ZOOM, Math.max(1, v.scale));
  const clamp = (t: number, size: number) => Math.min(0, Math.max(size - size * scale, t));
  return { scale, x: clamp(v.x, width), y: clamp(v.y, height) };
}

/** Zooms by `factor` keeping the screen point (cx, cy) where it is (a pinch, a wheel, a button). */
export function zoomAt(v: View, factor: number, cx: number, cy: number, width: number, height: number): View {
  const scale = Math.min(MAX_ZOOM, Math.max(1, v.scale * factor));
  const k = scale / v.scale;
  return clampView({ scale, x: cx - (cx - v.x) * k, y: cy - (cy - v.y) * k }, width, height);
}

/** Zooms by `factor` and brings the screen point (px, py) to the middle (a tapped cluster). */
export function zoomOnto(
  v: View,
  px: number,
  py: number,
  factor: number,
  width: number,
  height: number,
): View {
  const scale = Math.min(MAX_ZOOM, Math.max(1, v.scale * factor));
  const [bx, by] = [(px - v.x) / v.scale, (py - v.y) / v.scale];
  return clampView({ scale, x: width / 2 - bx * scale, y: height / 2 - by * scale }, width, height);
}

/** Moves the view by (dx, dy) pixels. */
export function panBy(v: View, dx: number, dy: number, width: number, height: number): View {
  return clampView({ ...v, x: v.x + dx, y: v.y + dy }, width, height);
}

export interface Cluster<T> {
  x: number;
  y: number;
  members: T[];
}

/**
 * Groups points closer than `distance` pixels: each point joins the first group whose first point is
 * that close, else starts one (so the result follows the input order and is the same every time).
 * A group sits at the mean of its points. A group of one is a point drawn on its own.
 *
 * @example clusterPoints([{ item: a, x: 0, y: 0 }, { item: b, x: 5, y: 0 }], 20) // one group of 2
 */
export function clusterPoints<T>(
  points: readonly { item: T; x: number; y: number }[],
  distance: number,
): Cluster<T>[] {
  const groups: { x0: number; y0: number; sx: number; sy: number; members: T[] }[] = [];
  // A grid of `distance` cells: only the 9 cells around a point can hold a group close enough.
  const grid = new Map<string, number[]>();
  const cell = (x: number, y: number) => [Math.floor(x / distance), Math.floor(y / distance)] as const;
  for (const p of points) {
    const [cx, cy] = cell(p.x, p.y);
    let found: number | undefined;
    for (let dx = -1; dx <= 1 && found === undefined; dx++) {
      for (let dy = -1; dy <= 1 && found === undefined; dy++) {
        found = grid
          .get(`${cx + dx},${cy + dy}`)
          ?.find((g) => Math.hypot(groups[g]!.x0 - p.x, groups[g]!.y0 - p.y) < distance);
      }
    }
    if (found === undefined) {
      grid.set(`${cx},${cy}`, [...(grid.get(`${cx},${cy}`) ?? []), groups.length]);
      groups.push({ x0: p.x, y0: p.y, sx: p.x, sy: p.y, members: [p.item] });
    } else {
      const g = groups[found]!;
      g.sx += p.x;
      g.sy += p.y;
      g.members.push(p.item);
    }
  }
  return groups.map((g) => ({ x: g.sx / g.members.length, y: g.sy / g.members.length, members: g.members }));
}

export interface LabelCandidate {
  id: string;
  text: string;
  x: number;
  y: number;
  /** Larger first: a big district's name wins over a small ward's. */
  priority: number;
}

/**
 * The names that fit: inside the box, and not overlapping a name already kept (by priority). The width
 * of a name is estimated at `charWidth` pixels a character, which is enough to keep text apart.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  box: { width: number; height: number },
  charWidth: number,
  lineHeight: number,
): LabelCandidate[] {
  const kept: { c: LabelCandidate; l: number; r: number; t: number; b: number }[] = [];
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const c of ordered) {
    const half = (c.text.length * charWidth) / 2;
    const rect = { l: c.x - half, r: c.x + half, t: c.y - lineHeight / 2, b: c.y + lineHeight / 2 };
    if (rect.l < 0 || rect.t < 0 || rect.r > box.width || rect.b > box.height) continue;
    const gap = 2;
    const overlaps = kept.some(
      (k) => rect.l < k.r + gap && k.l < rect.r + gap && rect.t < k.b + gap && k.t < rect.b + gap,
    );
    if (!overlaps) kept.push({ c, ...rect });
  }
  return kept.map((k) => k.c);
}
