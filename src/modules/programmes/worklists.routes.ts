import type { App, AppContext } from '../../platform/app-context.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { recordOutcome } from './outcomes.service.ts';
import {
  OutcomeBody,
  OutreachAttempt,
  ProgrammeList,
  ResidentDue,
  ResidentDueParams,
  ResidentDueQuery,
  Worklist,
  WorklistQuery,
} from './programmes.schema.ts';
import { programmeList, residentDue, worklist } from './worklists.service.ts';

const doc = routeDoc(['programmes']);
// Worklists name people and what care they miss: personal data, read under care.read (and logged).
const read = { permission: 'care.read' } as const;
const write = { permission: 'care.write' } as const;

/**
 * The profile's programmes, the worklists read from the due store, a resident's due items and the
 * outcomes of outreach. (The store is kept in step by the module's listener, registered once in
 * index.ts with each change's own profile and clock, not here per server.)
 */
export function worklistRoutes(app: App, ctx: AppContext): void {
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

  app.get(
    '/worklists',
    doc(
      read,
      "What the caller's places must act on: due and overdue items on asOf (today in the profile's zone), call first first (priority, then the most overdue), with counts by kind",
      { querystring: WorklistQuery, response: { 200: Worklist } },
    ),
    (req) => worklist(req.ctx, req.query, req.scope!),
  );

  app.get(
    '/residents/:id/due',
    doc(
      read,
      "A resident's programme items by state on asOf (upcoming ones only within horizonDays, about a year by default), the items a refusal closed, and the doses not counted",
      {
        params: ResidentDueParams,
        querystring: ResidentDueQuery,
        response: { 200: ResidentDue },
      },
    ),
    (req) => residentDue(req.ctx, req.params.id, req.query),
  );

  app.post(
    '/worklists/outcomes',
    doc(
      write,
      'Record a call or home visit about a due item; client-supplied UUID v7: the same body again answers 200 with the stored attempt, another body 409',
      { body: OutcomeBody, response: { 200: OutreachAttempt, 201: OutreachAttempt } },
    ),
    async (req, reply) => {
      const r = await recordOutcome(req.ctx, req.body, req.principal?.userId ?? null, req.principal?.grants);
      return r.created ? created(reply, r.attempt) : r.attempt;
    },
  );
}
