import type { Db } from '../../platform/db/database.ts';
import { invalidFields, notFound } from '../../platform/http/errors.ts';
import { requireAreaRow } from './areas.service.ts';
import { findBoundaryRow, listChildBoundaryRows, writeBoundariesByCode } from './boundaries.queries.ts';
import { boundaryBox, labelPoint, readBoundary, unionBox } from './boundaries.rules.ts';
import type {
  AreaBoundaryCollection,
  AreaBoundaryFeature,
  BoundaryGeometry,
  BoundaryImportReport,
} from './boundaries.schema.ts';

type BoundaryRow = NonNullable<Awaited<ReturnType<typeof findBoundaryRow>>>;

/** The one mapping from a row with a boundary to its GeoJSON Feature. */
function toFeature(row: BoundaryRow): AreaBoundaryFeature | null {
  if (!row.boundary || !row.boundary_bbox || !row.label_point) return null;
  return {
    type: 'Feature',
    id: row.id,
    bbox: row.boundary_bbox,
    geometry: row.boundary,
    properties: { id: row.id, code: row.code, name: row.name, level: row.level, labelPoint: row.label_point },
  };
}

const derived = (code: string, boundary: BoundaryGeometry) => ({
  code,
  boundary,
  bbox: boundaryBox(boundary),
  labelPoint: labelPoint(boundary),
});

/** Sets (or replaces) one area's boundary; answers the area's Feature. 400 naming the bad part. */
export async function setBoundary(db: Db, id: string, input: unknown): Promise<AreaBoundaryFeature> {
  const row = await findBoundaryRow(db, id);
  if (!row) throw notFound('Area', id);
  const reading = readBoundary(input, 'body');
  if (!reading.ok) throw invalidFields(reading.errors);
  const write = derived(row.code, reading.geometry);
  await writeBoundariesByCode(db, [write]);
  return toFeature({
    ...row,
    boundary: write.boundary,
    boundary_bbox: write.bbox,
    label_point: write.labelPoint,
  })!;
}

const codeOf = (feature: unknown): string | null => {
  const props = (feature as { properties?: { code?: unknown } } | null)?.properties;
  const code = props?.code;
  return typeof code === 'string' && code !== '' ? code : typeof code === 'number' ? String(code) : null;
};

/**
 * Imports the boundaries of a GeoJSON FeatureCollection, each feature naming its area by
 * `properties.code`. Like a CSV import, good features are stored and each bad one is reported with
 * its index in `features` and why (no code, no such area, a bad geometry, the code twice).
 */
export async function importBoundaries(db: Db, features: readonly unknown[]): Promise<BoundaryImportReport> {
  const rejected: BoundaryImportReport['rejected'] = [];
  const good: { index: number; write: ReturnType<typeof derived> }[] = [];
  const seen = new Set<string>();
  features.forEach((feature, index) => {
    const code = codeOf(feature);
    if (code === null) {
      rejected.push({ index, code, reason: 'properties.code must name an area code' });
      return;
    }
    if (seen.has(code)) {
      rejected.push({ index, code, reason: `an earlier feature already gives the boundary of ${code}` });
      return;
    }
    seen.add(code);
    const reading = readBoundary(feature, `features[${index}]`);
    if (!reading.ok) {
      rejected.push({ index, code, reason: reading.errors.map((e) => `${e.field} ${e.message}`).join('; ') });
      return;
    }
    good.push({ index, write: derived(code, reading.geometry) });
  });
  const matched = await writeBoundariesByCode(
    db,
    good.map((g) => g.write),
  );
  for (const g of good) {
    if (!matched.has(g.write.code)) {
      rejected.push({ index: g.index, code: g.write.code, reason: `no area has the code ${g.write.code}` });
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { read: features.length, updated: matched.size, rejected };
}

/**
 * The boundaries of an area's active children as a FeatureCollection, with the area's own boundary
 * as `parent` and a box around them all to fit a map to.
 */
export async function listChildBoundaries(db: Db, parent: string): Promise<AreaBoundaryCollection> {
  const area = await requireAreaRow(db, parent, 'query.parent');
  const [own, children] = await Promise.all([
    findBoundaryRow(db, area.id),
    listChildBoundaryRows(db, area.id),
  ]);
  const features = children.map(toFeature).filter((f): f is AreaBoundaryFeature => f !== null);
  const parentFeature = own ? toFeature(own) : null;
  const boxes = [...features, ...(parentFeature ? [parentFeature] : [])].map((f) => f.bbox);
  return { type: 'FeatureCollection', bbox: unionBox(boxes), parent: parentFeature, features };
}
