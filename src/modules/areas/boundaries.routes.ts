import type { App } from '../../platform/app-context.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
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

const doc = routeDoc(['areas']);
/** A province of communes traced finely is a few megabytes of GeoJSON. */
const COLLECTION_LIMIT = 50 * 1024 * 1024;
const BOUNDARY_LIMIT = 5 * 1024 * 1024;

/** Area boundaries (GeoJSON): /api/areas/boundaries and /api/areas/:id/boundary. */
export function boundaryRoutes(app: App): void {
  app.get(
    '/areas/boundaries',
    doc(
      { permission: 'areas.read' },
      "The boundaries of an area's children as a GeoJSON FeatureCollection, for the map",
      {
        querystring: BoundaryListQuery,
        response: { 200: AreaBoundaryCollection },
      },
    ),
    (req) => listChildBoundaries(req.db, req.query.parent),
  );

  app.put(
    '/areas/:id/boundary',
    {
      ...doc(
        { permission: 'areas.write' },
        "Set an area's boundary: a GeoJSON Polygon or MultiPolygon, or a Feature of one",
        {
          params: BoundaryParams,
          body: BoundaryBody,
          response: { 200: AreaBoundaryFeature },
        },
      ),
      bodyLimit: BOUNDARY_LIMIT,
    },
    (req) => setBoundary(req.db, req.params.id, req.body),
  );

  app.post(
    '/areas/boundaries',
    {
      ...doc(
        { permission: 'areas.write' },
        'Import boundaries from a GeoJSON FeatureCollection (properties.code names each area)',
        {
          body: BoundaryCollectionBody,
          response: { 200: BoundaryImportReport },
        },
      ),
      bodyLimit: COLLECTION_LIMIT,
    },
    (req) => importBoundaries(req.db, req.body.features),
  );
}
