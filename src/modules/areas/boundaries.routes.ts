import type { App } from '../../platform/app-context.ts';
import {
  AreaBoundaryCollection,
  AreaBoundaryFeature,
  BoundaryBody,
  BoundaryCollectionBody,
  BoundaryImportReport,
  BoundaryListQuery,
  BoundaryParams,
} from './boundaries.schema.ts';
import { importBoundaries, listChildBoundaries, setBoundary } from './boundaries.service.ts';

const tags = ['areas'];
/** A province of communes traced finely is a few megabytes of GeoJSON. */
const COLLECTION_LIMIT = 50 * 1024 * 1024;
const BOUNDARY_LIMIT = 5 * 1024 * 1024;

/** Area boundaries (GeoJSON): /api/areas/boundaries and /api/areas/:id/boundary. */
export function boundaryRoutes(app: App): void {
  app.get(
    '/areas/boundaries',
    {
      config: { permission: 'areas.read' },
      schema: {
        tags,
        summary: "The boundaries of an area's children as a GeoJSON FeatureCollection, for the map",
        querystring: BoundaryListQuery,
        response: { 200: AreaBoundaryCollection },
      },
    },
    (req) => listChildBoundaries(req.db, req.query.parent),
  );

  app.put(
    '/areas/:id/boundary',
    {
      config: { permission: 'areas.write' },
      bodyLimit: BOUNDARY_LIMIT,
      schema: {
        tags,
        summary: "Set an area's boundary: a GeoJSON Polygon or MultiPolygon, or a Feature of one",
        params: BoundaryParams,
        body: BoundaryBody,
        response: { 200: AreaBoundaryFeature },
      },
    },
    (req) => setBoundary(req.db, req.params.id, req.body),
  );

  app.post(
    '/areas/boundaries',
    {
      config: { permission: 'areas.write' },
      bodyLimit: COLLECTION_LIMIT,
      schema: {
        tags,
        summary: 'Import boundaries from a GeoJSON FeatureCollection (properties.code names each area)',
        body: BoundaryCollectionBody,
        response: { 200: BoundaryImportReport },
      },
    },
    (req) => importBoundaries(req.db, req.body.features),
  );
}
