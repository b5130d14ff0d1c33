import { immunizationFamily } from './immunization.rules.ts';
import type { ProgrammeFamily } from './protocols.ts';
import { visitScheduleFamily } from './visits.rules.ts';

/**
 * The rule families the engine knows, one per way of scheduling care: a programme file names its
 * kind and the family that lists the kind evaluates it.
 */
// biome-ignore lint/suspicious/noExplicitAny: each family narrows the file type it evaluates
export const PROGRAMME_FAMILIES: readonly ProgrammeFamily<any>[] = [immunizationFamily, visitScheduleFamily];
