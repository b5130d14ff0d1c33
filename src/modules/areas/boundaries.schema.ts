import Type, { type Static } from 'typebox';
import { Nullable, Uuid } from '../../platform/schema.ts';

/**
 * GeoJSON (RFC 7946) as the areas module stores and serves it: an area's boundary is a Polygon or a
 * MultiPolygon in WGS 84 `[longitude, latitude]`. The deep rules (ranges, closed rings, size) are in
 * `boundaries.rules.ts`, which a JSON schema cannot express with a useful message.
 */

const Position = Type.Array(Type.Number(), {
  minItems: 2,
  maxItems: 2,
  description: '[longitude, latitude]',
});
const LinearRing = Type.Array(Position, {
  minItems: 4,
  description: 'Closed: the last position repeats the first',
});
const PolygonRings = Type.Array(LinearRing, { minItems: 1, description: 'The outer ring, then any holes' });

export const PolygonGeometry = Type.Object({ type: Type.Literal('Polygon'), coordinates: PolygonRings });
export const MultiPolygonGeometry = Type.Object({
  type: Type.Literal('MultiPolygon'),
  coordinates: Type.Array(PolygonRings, { minItems: 1 }),
});
export const BoundaryGeometry = Type.Union([PolygonGeometry, MultiPolygonGeometry]);

/** `[west, south, east, north]` in degrees, as GeoJSON's `bbox` member. */
export const BoundaryBox = Type.Array(Type.Number(), { minItems: 4, maxItems: 4 });
/** `[longitude, latitude]` of a point inside the boundary, where the area's name is written. */
export const LabelPoint = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });

export const BoundaryBody = Type.Object(
  { type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon'), Type.Literal('Feature')]) },
  {
    additionalProperties: true,
    description:
      'A GeoJSON Polygon or MultiPolygon geometry, or a Feature of one: longitude -180..180, latitude -90..90, closed rings of 4 positions or more',
  },
);

export const BoundaryCollectionBody = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Unknown(), {
      maxItems: 20_000,
      description: 'Features whose properties.code is an area code and whose geometry is its boundary',
    }),
  },
  { additionalProperties: true },
);

/** What a bulk import did: features stored, and each refused one with its index in `features`. */
export const BoundaryImportReport = Type.Object({
  read: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(
    Type.Object({
      index: Type.Integer(),
      code: Nullable(Type.String()),
      reason: Type.String(),
    }),
  ),
});

/** One area's boundary as the map draws it; `id` and `code` let a later layer colour it by area. */
export const AreaBoundaryFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Uuid(),
  bbox: BoundaryBox,
  geometry: BoundaryGeometry,
  properties: Type.Object({
    id: Uuid(),
    code: Type.String(),
    name: Type.String(),
    level: Type.String(),
    labelPoint: LabelPoint,
  }),
});

export const AreaBoundaryCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  bbox: Nullable(BoundaryBox, {
    description: 'Around the parent and every child; null when none has a boundary',
  }),
  parent: Nullable(AreaBoundaryFeature, {
    description: "The parent's own boundary (a foreign member), null when it has none",
  }),
  features: Type.Array(AreaBoundaryFeature, {
    description: 'The active children that have a boundary, by code',
  }),
});

export const BoundaryListQuery = Type.Object(
  { parent: Type.String({ minLength: 1, description: 'Area id or code: its direct children' }) },
  { additionalProperties: false },
);
export const BoundaryParams = Type.Object({ id: Uuid() });

export type BoundaryGeometry = Static<typeof BoundaryGeometry>;
export type AreaBoundaryFeature = Static<typeof AreaBoundaryFeature>;
export type AreaBoundaryCollection = Static<typeof AreaBoundaryCollection>;
export type BoundaryImportReport = Static<typeof BoundaryImportReport>;
export type BoundaryCollectionBody = Static<typeof BoundaryCollectionBody>;
