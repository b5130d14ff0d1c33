import type { App, AppContext } from '../../platform/app-context.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { whenResidentRecordsChange } from '../residents/index.ts';
import { ProgrammeList } from './programmes.schema.ts';
import { recomputeResidents } from './recompute.service.ts';
import { programmeList } from './worklists.service.ts';

const doc = routeDoc(['programmes']);

/**
 * The profile's programmes, the worklists read from the due store, a resident's due items and the
 * outcomes of outreach. Assembling them also keeps the store in step: a care record saved through
 * this server recomputes its resident in the same transaction.
 */
export function worklistRoutes(app: App, ctx: AppContext): void {
  whenResidentRecordsChange('programmes', (trx, ids) =>
    recomputeResidents(trx, ids, { profile: ctx.profile, now: ctx.clock.now() }),
  );

  app.get(
    '/programmes',
    doc(
      { permission: 'signed-in' },
      "The profile's care programmes with their schedule items (names in en/vi/zh)",
      {
        response: { 200: ProgrammeList },
      },
    ),
    () => programmeList(ctx.profile),
  );
}
