import type { App, AppContext } from '../../platform/app-context.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { FiguresQuery, ProgrammeFigures } from './figures.schema.ts';
import { fullyImmunizedOf, programmeFigures } from './figures.service.ts';

const doc = routeDoc(['programmes']);
const read = { permission: 'programmes.read' } as const;

/** GET /api/programmes/figures: an area's programme figures for a period (aggregates, no names). */
export function figureRoutes(app: App, ctx: AppContext): void {
  // A profile naming an unknown antigen stops the start, as a broken profile does.
  fullyImmunizedOf(ctx.profile);
  app.get(
    '/programmes/figures',
    doc(
      read,
      "An area's programme figures for a quarter, month or year: hypertension and diabetes registered, under care, controlled, missed visits, lost to follow-up; immunization coverage by age 1 and the DTP dropout; antenatal and postnatal contacts; the elderly check; each with its definition",
      { querystring: FiguresQuery, response: { 200: ProgrammeFigures } },
    ),
    (req) => programmeFigures(req.ctx, req.query, req.scope ?? undefined),
  );
}
