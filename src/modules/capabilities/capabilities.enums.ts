/**
 * The state of one equipment item against its standard: `working` (enough units work), `short` (some
 * work, fewer than expected), `not_working` (units, none works), `missing` (none, or never counted).
 */
export const EQUIPMENT_STATUSES = ['working', 'short', 'not_working', 'missing'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];
