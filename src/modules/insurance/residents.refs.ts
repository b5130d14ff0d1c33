/**
 * What the insurance module needs from the population registry, in one place: it reads residents
 * only through the residents module's index.ts (it never queries their tables).
 */
export {
  activeResidentIdsIn,
  findResidentRef,
  findResidentRefByCitizenId,
  findResidentRefsByKeys,
  type ResidentKeyRef,
  type ResidentRef,
  residentContactsByIds,
  residentIdsActiveOn,
  residentKeysByIds,
  validateCitizenId,
} from '../residents/index.ts';
