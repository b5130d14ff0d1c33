/**
 * The encounters module's public surface: visits and their records, the bill (the one pricing the
 * claims issue reuses), the resident's timeline. Other modules import only this file; capabilities
 * may count the table `encounter_service` (services performed, by catalogue service id). The programme
 * engine reads visits and problems as facts (visitFactsOf, problemFactsOf).
 */

export { type BillInput, type BillItem, billOf, type PricedBill } from './bill.rules.ts';
export { type ClaimVisitFacts, claimFactsOf, insuredVisitsBilledIn } from './claims-facts.queries.ts';
export { encounterRoutes } from './encounters.routes.ts';
export type { Bill, Encounter, Timeline } from './encounters.schema.ts';
export { type GrowthReading, growthReadingsOf } from './growth-readings.queries.ts';
export { problemFactsOf, visitFactsOf } from './programme-facts.queries.ts';
export { fingerprintOf } from './sync.rules.ts';
export { todayRoutes } from './today.routes.ts';
export type { TodayVisits } from './today.schema.ts';
export { visitDaysOf } from './visit-days.queries.ts';
export {
  onVisitBilled,
  type VisitBilledContext,
  type VisitBilledEvent,
  type VisitBilledListener,
  visitBilled,
} from './visit-events.ts';
