/** What the claims module needs from facilities (through its index.ts): a facility's tier and level of care. */
export { lookupFacility } from '../facilities/index.ts';
