import type { Db } from '../../platform/db/database.ts';
import { countUnofferedVisits, type StationHistory } from './capabilities.rules.ts';
import type { CapabilitiesReport } from './capabilities.schema.ts';
import { servicesPerformedAt } from './encounters.refs.ts';

export const UNOFFERED_VISITS_MEANING =
  'Visits to a station in the period that performed a catalogue service which the standard maps to a service the station had, on that day, declared not offered or not declared: care it says it cannot give, given anyway or recorded against the wrong place. Referrals out for a service the station lacks are not counted yet (no referrals on this server).';

/** Visits to the stations for services they do not offer, in the period (encounters' services performed). */
export async function unofferedVisitsIn(
  db: Db,
  stations: readonly StationHistory[],
  period: { from: string; to: string },
): Promise<CapabilitiesReport['unofferedVisits']> {
  const performed = await servicesPerformedAt(
    db,
    stations.map((s) => s.facilityId),
    period,
  );
  const count = countUnofferedVisits(stations, performed);
  return {
    counted: true,
    visits: count.visits,
    services: count.services,
    ...period,
    meaning: UNOFFERED_VISITS_MEANING,
    byStation: count.byStation,
    byService: count.byService,
  };
}
