import type { App, AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { residentContactsByIds } from '../residents/index.ts';
import { listEncounters } from './timeline.service.ts';
import { TodayQuery, TodayVisits } from './today.schema.ts';

/** The visits of today at a station: the list the station's home page shows. */
export async function todayVisits(ctx: AppContext, query: TodayQuery): Promise<TodayVisits> {
  const date = todayOf(ctx);
  const page = await listEncounters(ctx, { facility: query.facility, from: date, to: date, limit: 100 });
  const names = await residentContactsByIds(
    ctx.db,
    page.items.map((v) => v.residentId),
  );
  return {
    date,
    total: page.total,
    open: page.items.filter((v) => v.status === 'open').length,
    items: page.items.map((v) => ({ ...v, residentName: names.get(v.residentId)?.fullName ?? '' })),
  };
}

/** GET /api/encounters/today: the day in the profile's zone, counted on the server (the phone's clock may be off). */
export function todayRoutes(app: App, _ctx: AppContext): void {
  app.get(
    '/encounters/today',
    routeDoc(['encounters'])(
      { permission: 'care.read' },
      "Today's visits at a facility (today in the profile's time zone), newest first, with the residents' names",
      { querystring: TodayQuery, response: { 200: TodayVisits } },
    ),
    (req) => todayVisits(req.ctx, req.query),
  );
}
