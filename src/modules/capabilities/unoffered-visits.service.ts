import type { Db } from '../../platform/db/database.ts';
import type { CapabilityStandard } from '../../platform/profile.schema.ts';
import type { CapabilitiesReport } from './capabilities.schema.ts';

/** A station of the report: its standard and the declarations in force (code -> offered). */
export interface StationDeclarations {
  facilityId: string;
  standard: CapabilityStandard;
  services: ReadonlyMap<string, { offered: boolean }>;
}

export const UNOFFERED_VISITS_MEANING =
  'Visits to a station in the period that performed a catalogue service which the standard maps to a service the station has declared not offered (or never declared): care it says it cannot give, given anyway or recorded against the wrong place';

/**
 * Visits to stations for services they do not offer. The visits are recorded by the encounters module
 * (services performed, `encounter_service`); until it is on this server the figure says it is not counted.
 */
export async function unofferedVisitsIn(
  _db: Db,
  _stations: readonly StationDeclarations[],
  period: { from: string; to: string },
): Promise<CapabilitiesReport['unofferedVisits']> {
  return { counted: false, visits: 0, services: 0, ...period, meaning: UNOFFERED_VISITS_MEANING };
}
