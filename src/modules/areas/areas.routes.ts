import type { App, AppContext } from '../../platform/app-context.ts';
import { resourceRoutes } from '../../platform/http/resource-routes.ts';
import {
  AreaDetail,
  AreaIdParams,
  AreaListQuery,
  AreaPage,
  AreaYearParams,
  CreateAreaBody,
  PopulationBody,
  UpdateAreaBody,
} from './areas.schema.ts';
import {
  createArea,
  deactivateArea,
  getArea,
  listAreas,
  setPopulation,
  updateArea,
} from './areas.service.ts';
import { boundaryRoutes } from './boundaries.routes.ts';

/** The administrative area tree: /api/areas. */
export function areaRoutes(app: App, _ctx: AppContext): void {
  const area = resourceRoutes(app, '/areas', {
    tags: ['areas'],
    permissions: 'areas',
    params: AreaIdParams,
    detail: AreaDetail,
  });
  area.list(
    'List areas: by level, parent, subtree, name; sorted, cursor-paginated',
    AreaListQuery,
    AreaPage,
    (req) => listAreas(req.ctx, req.query),
  );
  area.one('One area with its population by year', (req) => getArea(req.db, req.params.id));
  area.create('Register an area under its parent', CreateAreaBody, (req) => createArea(req.ctx, req.body));
  area.update('Rename an area or move its centroid (the parent cannot change)', UpdateAreaBody, (req) =>
    updateArea(req.ctx, req.params.id, req.body),
  );

  app.put(
    '/areas/:id/population/:year',
    area.doc(area.write, 'Record the population and households of an area for a year', {
      params: AreaYearParams,
      body: PopulationBody,
      response: { 200: AreaDetail },
    }),
    (req) => setPopulation(req.ctx, req.params.id, req.params.year, req.body),
  );

  area.action('deactivate', 'Deactivate an area (refused while it has active child areas)', null, (req) =>
    deactivateArea(req.ctx, req.params.id),
  );

  boundaryRoutes(app);
}
