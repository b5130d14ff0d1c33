import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
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

const tags = ['areas'];
const read = { permission: 'areas.read' } as const;
const write = { permission: 'areas.write' } as const;

/** The administrative area tree: /api/areas. */
export function areaRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/areas',
    {
      config: read,
      schema: {
        tags,
        summary: 'List areas: by level, parent, subtree, name; sorted, cursor-paginated',
        querystring: AreaListQuery,
        response: { 200: AreaPage },
      },
    },
    (req) => listAreas(req.ctx, req.query),
  );

  app.get(
    '/areas/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One area with its population by year',
        params: AreaIdParams,
        response: { 200: AreaDetail },
      },
    },
    (req) => getArea(req.db, req.params.id),
  );

  app.post(
    '/areas',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register an area under its parent',
        body: CreateAreaBody,
        response: { 201: AreaDetail },
      },
    },
    async (req, reply) => created(reply, await createArea(req.ctx, req.body)),
  );

  app.patch(
    '/areas/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Rename an area or move its centroid (the parent cannot change)',
        params: AreaIdParams,
        body: UpdateAreaBody,
        response: { 200: AreaDetail },
      },
    },
    (req) => updateArea(req.ctx, req.params.id, req.body),
  );

  app.put(
    '/areas/:id/population/:year',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record the population and households of an area for a year',
        params: AreaYearParams,
        body: PopulationBody,
        response: { 200: AreaDetail },
      },
    },
    (req) => setPopulation(req.ctx, req.params.id, req.params.year, req.body),
  );

  app.post(
    '/areas/:id/deactivate',
    {
      config: write,
      schema: {
        tags,
        summary: 'Deactivate an area (refused while it has active child areas)',
        params: AreaIdParams,
        response: { 200: AreaDetail },
      },
    },
    (req) => deactivateArea(req.ctx, req.params.id),
  );

  boundaryRoutes(app);
}
