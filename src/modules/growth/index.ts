/**
 * The growth module's public surface: the routes, the pure WHO rules and the lists. Other modules
 * import only this file.
 */
export { GROWTH_CLASSES, GROWTH_INDICATORS, type GrowthClass, type GrowthIndicator } from './growth.enums.ts';
export { growthRoutes } from './growth.routes.ts';
export { ageOn, assess, isChildOn } from './growth.rules.ts';
export type { GrowthChart, GrowthReference } from './growth.schema.ts';
export { growthTables } from './growth.tables.ts';
