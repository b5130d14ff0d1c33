/**
 * The closed lists of insurance claims (issue 23), declared once: the TypeBox schemas, the table
 * types, the rules, the claim-file and settlement modules and the web app import them. No imports
 * here, so the web app can bundle this file.
 */

/**
 * A claim's status: draft when built from a closed visit's bill (and again when an amendment
 * rebuilds it), checked or rejected by the facility's check, submitted to the agency, then accepted,
 * partly accepted (line by line) or rejected by the agency's review, and paid at settlement.
 */
export const CLAIM_STATUSES = [
  'draft',
  'checked',
  'submitted',
  'accepted',
  'partly-accepted',
  'rejected',
  'paid',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A claim line's state: pending until checked, then passed or rejected (with one failure code). */
export const CLAIM_LINE_STATUSES = ['pending', 'passed', 'rejected'] as const;
export type ClaimLineStatus = (typeof CLAIM_LINE_STATUSES)[number];

/** Who ran a check: the facility before submission, the agency at review. */
export const CLAIM_CHECK_SIDES = ['facility', 'agency'] as const;
export type ClaimCheckSide = (typeof CLAIM_CHECK_SIDES)[number];

/** A check's outcome over the whole claim. */
export const CLAIM_CHECK_OUTCOMES = ['passed', 'partly', 'rejected'] as const;
export type ClaimCheckOutcome = (typeof CLAIM_CHECK_OUTCOMES)[number];

/** A claim line's kind, as the bill's. */
export const CLAIM_LINE_KINDS = ['medicine', 'service'] as const;
export type ClaimLineKind = (typeof CLAIM_LINE_KINDS)[number];

/**
 * Why a check failed, one code per failure (openIMIS-style rejection reasons). In the order of the
 * checks: dates, then the insured person and card (these reject the whole claim), then each line,
 * then the maxima; a claim with no passing line is rejected with `no-passing-line`.
 */
export const CLAIM_FAILURE_CODES = [
  'dates-out-of-order',
  'date-in-future',
  'visit-length',
  'card-not-valid',
  'card-number',
  'beneficiary-code',
  'province-code',
  'no-card',
  'not-in-catalogue',
  'not-priced',
  'care-level',
  'diagnosis-not-in-catalogue',
  'no-main-diagnosis',
  'quantity-maximum',
  'frequency',
  'duplicate',
  'totals',
  'no-passing-line',
] as const;
export type ClaimFailureCode = (typeof CLAIM_FAILURE_CODES)[number];
