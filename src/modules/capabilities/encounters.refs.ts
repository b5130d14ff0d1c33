import type { Db } from '../../platform/db/database.ts';
import { pricedItemsOn } from '../catalog/index.ts';
import type { PerformedService } from './capabilities.rules.ts';

/**
 * The services performed at these facilities in a period, by catalogue code: what capabilities needs
 * from the encounters module. Read-only, from encounters' table `encounter_service` (its index.ts
 * allows capabilities to count it: one aggregate read instead of a visit-by-visit API); a service
 * retracted by an amendment is not counted. The catalogue names each service's code.
 */
export async function servicesPerformedAt(
  db: Db,
  facilityIds: readonly string[],
  period: { from: string; to: string },
): Promise<PerformedService[]> {
  if (facilityIds.length === 0) return [];
  const rows = await db
    .selectFrom('encounter_service')
    .select(['encounter_id', 'facility_id', 'service_item_id', 'performed_on'])
    .where('facility_id', 'in', [...facilityIds])
    .where('performed_on', '>=', period.from)
    .where('performed_on', '<=', period.to)
    .where('retracted_by', 'is', null)
    .execute();
  if (rows.length === 0) return [];
  const items = await pricedItemsOn(
    db,
    { medicineIds: [], serviceIds: rows.map((r) => r.service_item_id) },
    period.to,
  );
  return rows.flatMap((r) => {
    const item = items.get(r.service_item_id);
    return item
      ? [
          {
            encounterId: r.encounter_id,
            facilityId: r.facility_id,
            catalogCode: item.code,
            performedOn: r.performed_on,
          },
        ]
      : [];
  });
}
