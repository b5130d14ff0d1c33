/**
 * The closed lists of the residents register, declared once: the TypeBox schemas, the table types,
 * the rules and the web app import them. No imports here, so the web app can bundle this file.
 */

/** A member's relationship to the head of the household. */
export const RELATIONSHIPS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Where a resident stands: living in the area, moved away, or deceased. */
export const RESIDENT_STATUSES = ['active', 'moved_away', 'deceased'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** How much of a birth date is known: the day, or only the year. */
export const BIRTH_PRECISIONS = ['day', 'year'] as const;
export type BirthPrecision = (typeof BIRTH_PRECISIONS)[number];

/** What a line of a resident's history records: the registration, a status change, or a move. */
export const STATUS_CHANGE_KINDS = ['registered', 'status', 'move'] as const;
export type StatusChangeKind = (typeof STATUS_CHANGE_KINDS)[number];
