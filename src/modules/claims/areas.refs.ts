/** What the claims module needs from areas (through its index.ts): an area by id or code. */
export { requireArea } from '../areas/index.ts';
