import type { FacilityName } from '../facilities/index.ts';
import type { Immunization, ImmunizationAmendment } from './immunizations.schema.ts';
import type { ImmunizationAmendmentRow, ImmunizationRow } from './immunizations.table.ts';
import { vaccines } from './vaccines.ts';

/** The one mapping from a dose row to the API object (the facility named when it is one). */
export function toImmunization(
  r: ImmunizationRow,
  facilities: ReadonlyMap<string, FacilityName>,
): Immunization {
  const v = vaccines().get(r.vaccine);
  const facility = r.facility_id ? facilities.get(r.facility_id) : undefined;
  return {
    id: r.id,
    residentId: r.resident_id,
    vaccine: r.vaccine,
    vaccineNames: v ? v.names : { en: r.vaccine, vi: r.vaccine, zh: r.vaccine },
    date: r.given_on,
    doseNumber: r.dose_number,
    lot: r.lot,
    givenElsewhere: r.given_elsewhere,
    facility: r.facility_id
      ? { id: r.facility_id, code: facility?.code ?? '', name: facility?.name ?? '' }
      : null,
    place: r.place,
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at).toISOString(),
    amendmentId: r.amendment_id,
    retractedBy: r.retracted_by,
  };
}

export function toAmendment(r: ImmunizationAmendmentRow): ImmunizationAmendment {
  return {
    id: r.id,
    immunizationId: r.immunization_id,
    reason: r.reason,
    replacementId: r.replacement_id,
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}
