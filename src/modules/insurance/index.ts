import { registerLinkedRecordMover } from '../residents/index.ts';
import { moveCards, unmoveCards } from './insurance.queries.ts';

/**
 * The insurance module's public surface: routes, and the pure rules other modules (claims,
 * encounters) may use. Other modules import only this file.
 */
export { type ParsedCard, parseCardNumber } from './card.rules.ts';
export { eligibilityCardsOfResidents } from './eligibility.queries.ts';
export { eligibilityFor, eligibilityOnCards } from './eligibility.service.ts';
export { exportInsuranceCardsCsv, insuranceCardImport } from './insurance.import.ts';
export { insuranceRoutes } from './insurance.routes.ts';
export { baseSalaryOn, checkEligibility, type EligibilityAnswer, type VisitKind } from './insurance.rules.ts';
export type { InsuranceCard } from './insurance.schema.ts';
export { type ClaimLineSplit, reimburseVisit, splitClaimLine } from './reimbursement.rules.ts';

// A merge of duplicate residents carries their cards to the survivor (and an undo brings them back).
registerLinkedRecordMover({
  name: 'insurance_cards',
  move: (trx, from, to) => moveCards(trx, from.id, to),
  undo: (trx, ids, from) => unmoveCards(trx, ids, from),
});
