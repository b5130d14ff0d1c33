import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
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

const doc = routeDoc(['areas']);
const read = { permission: 'areas.read' } as const;
const write = { permission: 'areas.write' } as const;

/** The administrative area tree: /api/areas. */
export function areaRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/areas',
    doc(read, 'List areas: by level, parent, subtree, name; sorted, cursor-paginated', {
      querystring: AreaListQuery,
      response: { 200: AreaPage },
    }),
    (req) => listAreas(req.ctx, req.query),
  );

  app.get(
    '/areas/:id',
    doc(read, 'One area with its population by year', {
      params: AreaIdParams,
      response: { 200: AreaDetail },
    }),
    (req) => getArea(req.db, req.params.id),
  );

  app.post(
    '/areas',
    doc(write, 'Register an area under its parent', {
      body: CreateAreaBody,
      response: { 201: AreaDetail },
    }),
    async (req, reply) => created(reply, await createArea(req.ctx, req.body)),
  );

  app.patch(
    '/areas/:id',
    doc(write, 'Rename an area or move its centroid (the parent cannot change)', {
      params: AreaIdParams,
      body: UpdateAreaBody,
      response: { 200: AreaDetail },
    }),
    (req) => updateArea(req.ctx, req.params.id, req.body),
  );

  app.put(
    '/areas/:id/population/:year',
    doc(write, 'Record the population and households of an area for a year', {
      params: AreaYearParams,
      body: PopulationBody,
      response: { 200: AreaDetail },
    }),
    (req) => setPopulation(req.ctx, req.params.id, req.params.year, req.body),
  );

  app.post(
    '/areas/:id/deactivate',
    doc(write, 'Deactivate an area (refused while it has active child areas)', {
      params: AreaIdParams,
      response: { 200: AreaDetail },
    }),
    (req) => deactivateArea(req.ctx, req.params.id),
  );

  boundaryRoutes(app);
}
