/**
 * What the insurance module needs from the population registry, in one place: it reads residents
 * only through the residents module's index.ts (it never queries their tables).
 */
export {
  activeResidentIdsIn,
  countActiveResidentsIn,
  findResidentRef,
  findResidentRefByCitizenId,
  type ResidentRef,
} from '../residents/index.ts';
