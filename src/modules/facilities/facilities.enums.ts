/**
 * The closed lists of the facility network, declared once: the TypeBox schemas, the table types,
 * the rules and the web app import them. No imports here, so the web app can bundle this file.
 * (Kinds, tiers and levels of care are the country profile's data, not lists in code.)
 */

export const OWNERSHIPS = ['public', 'private', 'military', 'other'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const FACILITY_STATUSES = ['open', 'temporarily_closed', 'closed'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** Where a facility's level of care comes from: its own classification, or its kind's usual level. */
export const CARE_LEVEL_SOURCES = ['facility', 'kind'] as const;
export type CareLevelSource = (typeof CARE_LEVEL_SOURCES)[number];
