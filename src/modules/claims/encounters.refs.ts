/** What the claims module needs from encounters, in one place (through encounters' index.ts). */
export {
  type ClaimVisitFacts,
  claimFactsOf,
  insuredVisitsBilledIn,
  onVisitBilled,
  type VisitBilledContext,
  type VisitBilledEvent,
} from '../encounters/index.ts';
