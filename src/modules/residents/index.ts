/**
 * The population registry's public surface: routes, CSV import/export, and the registry of linked
 * record movers that other modules (insurance cards, encounters) join so merges carry their records.
 */

export { cnCheckCharacter, validateCitizenId } from './identity.rules.ts';
export {
  type ChangeContext,
  type ResidentRecordsListener,
  residentRecordsChanged,
  whenResidentRecordsChange,
} from './residents.changes.ts';
export {
  exportHouseholdsCsv,
  exportResidentsCsv,
  HOUSEHOLD_COLUMNS,
  householdImport,
  RESIDENT_COLUMNS,
  residentImport,
} from './residents.import.ts';
export {
  activeResidentIdsIn,
  areasOfResidentsWrittenSince,
  countActiveResidentsIn,
  countResidentsInArea,
  findResidentRef,
  findResidentRefByCitizenId,
  findResidentRefsByKeys,
  householdMembersOf,
  lockResidentsForUpdate,
  type ResidentCareRef,
  type ResidentContact,
  type ResidentKeyRef,
  type ResidentReach,
  type ResidentRef,
  residentCareRefsByIds,
  residentContactsByIds,
  residentIdsActiveOn,
  residentIdsInArea,
  residentKeysByIds,
  residentReachByIds,
  residentsWriteMark,
} from './residents.lookups.queries.ts';
export { type LinkedRecordMover, type MergeParty, registerLinkedRecordMover } from './residents.movers.ts';
export { residentRoutes } from './residents.routes.ts';
export { nameKey } from './residents.rules.ts';
export type { Household, Resident, ResidentDetail } from './residents.schema.ts';
export { changeResidentStatus } from './residents.service.ts';
