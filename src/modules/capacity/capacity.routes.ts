import type { App, AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { CapacityQuery, CapacityReport } from './capacity.schema.ts';
import { capacityOf } from './capacity.service.ts';

export function capacityRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/capacity',
    {
      config: { permission: 'capacity.read' },
      schema: {
        tags: ['capacity'],
        summary:
          'Capacity figures of an area for a year (beds, doctors, qualifications, stations, rotations)',
        querystring: CapacityQuery,
        response: { 200: CapacityReport },
      },
    },
    (req) => capacityOf(req.db, ctx.profile, req.query, todayOf(req.ctx), req.scope ?? undefined),
  );
}
