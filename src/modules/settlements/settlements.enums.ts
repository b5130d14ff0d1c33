/**
 * The closed lists of the quarterly settlement (issue 23), declared once: the table types, the rules,
 * the schemas and the web app import them. No imports here, so the web app can bundle this file.
 */

/** A settlement is computed by a run (and recomputed by the next) until an officer signs it off: then frozen. */
export const SETTLEMENT_STATUSES = ['computed', 'signed'] as const;
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];

/** Where a quarter's advance came from: the profile's rule at the previous quarter's sign-off, or an officer. */
export const ADVANCE_SOURCES = ['rule', 'manual'] as const;
export type AdvanceSource = (typeof ADVANCE_SOURCES)[number];

/** What an advance rule took as its base: the quarter's accepted amount, or its claimed amount (nothing accepted yet). */
export const ADVANCE_BASES = ['accepted', 'claimed'] as const;
export type AdvanceBasis = (typeof ADVANCE_BASES)[number];
