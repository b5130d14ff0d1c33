/**
 * The capabilities module's public surface: what each facility offers and has against the profile's
 * standard (routes under /api/facilities/:id and /api/capabilities) and the demo's bulk load. Other
 * modules import only this file.
 */
export { capabilityImport, exportCapabilitiesCsv } from './capabilities.import.ts';
export { capabilityRoutes } from './capabilities.routes.ts';
export type { CapabilitiesReport, FacilityEquipment, FacilityServices } from './capabilities.schema.ts';
export { type CapabilityLoad, loadCapabilities } from './capabilities.service.ts';
export { standardsOf } from './capabilities.standards.ts';
