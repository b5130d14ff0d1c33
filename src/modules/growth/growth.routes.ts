import type { App, AppContext } from '../../platform/app-context.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { GrowthChart, GrowthParams, GrowthReference, GrowthReferenceQuery } from './growth.schema.ts';
import { growthOf, growthReference } from './growth.service.ts';
import { growthTables } from './growth.tables.ts';

const doc = routeDoc(['growth']);

/** A child's growth readings with their WHO z-scores, and the reference curves to chart them against. */
export function growthRoutes(app: App, _ctx: AppContext): void {
  // Broken tables stop the start, as a broken profile does.
  growthTables();

  app.get(
    '/residents/:id/growth',
    doc(
      { permission: 'care.read' },
      "A child's weight and length/height at each visit with age and WHO z-scores (weight-for-age, length/height-for-age, weight-for-length/height) and their classes; children under six (z-scores to 60 months)",
      { params: GrowthParams, response: { 200: GrowthChart } },
    ),
    (req) => growthOf(req.ctx, req.params.id),
  );

  app.get(
    '/growth/reference',
    doc(
      { permission: 'signed-in' },
      'The WHO Child Growth Standards curves (−3, −2, median, +2, +3 SD) of an indicator for a sex, for the chart',
      { querystring: GrowthReferenceQuery, response: { 200: GrowthReference } },
    ),
    (req) => growthReference(req.query),
  );
}
