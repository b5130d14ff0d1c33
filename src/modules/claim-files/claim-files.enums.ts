/**
 * The closed lists of the claim files, declared once (schemas, table types, the web app). No imports.
 * The formats are the profile's `insurance.claimFormat` (platform/profile.schema.ts, CLAIM_FORMATS).
 */

/** A file made here for the agency, or one read in. */
export const CLAIM_FILE_DIRECTIONS = ['export', 'import'] as const;
export type ClaimFileDirection = (typeof CLAIM_FILE_DIRECTIONS)[number];

/** A file's job: waiting, being written or read, ended well, or not (its `error` says why). */
export const CLAIM_FILE_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ClaimFileStatus = (typeof CLAIM_FILE_STATUSES)[number];
