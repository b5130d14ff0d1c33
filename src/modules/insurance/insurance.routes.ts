import type { App, AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { created } from '../../platform/http/replies.ts';
import { routeDoc } from '../../platform/http/route-doc.ts';
import { countOfExpiringCards, coverageOf, expiringCards } from './coverage.service.ts';
import { eligibilityFor } from './eligibility.service.ts';
import {
  CardList,
  CoverageQuery,
  CoverageReport,
  CreateCardBody,
  EligibilityAnswer,
  EligibilityQuery,
  ExpiringCount,
  ExpiringCountQuery,
  ExpiringList,
  ExpiringQuery,
  FindCardsQuery,
  InsuranceCard,
  ResidentParams,
} from './insurance.schema.ts';
import { addResidentCard, findCards, listResidentCards } from './insurance.service.ts';

const read = { permission: 'insurance.read' } as const;
const write = { permission: 'insurance.write' } as const;
const doc = routeDoc(['insurance']);

/** Insurance cards, eligibility at the point of care, coverage and cards about to expire. */
export function insuranceRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/residents/:id/insurance-cards',
    doc(read, "A resident's cards, oldest first", {
      params: ResidentParams,
      response: { 200: CardList },
    }),
    (req) => listResidentCards(req.db, req.params.id),
  );
  app.post(
    '/residents/:id/insurance-cards',
    doc(write, 'Add a card to a resident (no overlap with another active card)', {
      params: ResidentParams,
      body: CreateCardBody,
      response: { 201: InsuranceCard },
    }),
    async (req, reply) => created(reply, await addResidentCard(req.db, ctx.profile, req.params.id, req.body)),
  );
  app.get(
    '/insurance-cards',
    doc(read, 'Find cards by number (or 10-digit number) or by citizen id', {
      querystring: FindCardsQuery,
      response: { 200: CardList },
    }),
    (req) => findCards(req.db, ctx.profile, req.query),
  );
  app.get(
    '/insurance-cards/expiring',
    doc(read, 'Residents whose card ends in the next N days with no later card', {
      querystring: ExpiringQuery,
      response: { 200: ExpiringList },
    }),
    (req) => expiringCards(req.db, req.query, todayOf(req.ctx), req.scope ?? undefined),
  );
  app.get(
    '/insurance-cards/expiring/count',
    doc(read, 'How many residents the expiring list holds (for a summary, without the list)', {
      querystring: ExpiringCountQuery,
      response: { 200: ExpiringCount },
    }),
    (req) => countOfExpiringCards(req.db, req.query, todayOf(req.ctx), req.scope ?? undefined),
  );
  app.get(
    '/eligibility',
    doc(read, 'Is the card good for this visit, on-route or not, which benefit and which rule', {
      querystring: EligibilityQuery,
      response: { 200: EligibilityAnswer },
    }),
    (req) => eligibilityFor(req.db, ctx.profile, req.query, todayOf(req.ctx)),
  );
  app.get(
    '/coverage',
    doc(read, 'Insured residents over residents and population, against targets', {
      querystring: CoverageQuery,
      response: { 200: CoverageReport },
    }),
    (req) => coverageOf(req.db, ctx.profile, req.query, todayOf(req.ctx), req.scope ?? undefined),
  );
}
