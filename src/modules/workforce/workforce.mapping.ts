import type { FacilityFacts } from './facilities.refs.ts';
import type { WorkerListRow } from './workforce.queries.ts';
import type { Assignment, TrainingRecord, Worker } from './workforce.schema.ts';
import type { TrainingRecordRow, WorkerAssignmentRow } from './workforce.table.ts';

// The one mapping from workforce rows to the API's objects, for the worker, assignment and training services.

/** The one mapping from a worker row (with its assignment covering the reference date) to the API object. */
export function toWorker(row: WorkerListRow, facilities: Map<string, FacilityFacts>): Worker {
  const f = row.a_facility_id ? facilities.get(row.a_facility_id) : undefined;
  return {
    id: row.id,
    code: row.code,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    cadre: row.cadre,
    qualification: row.qualification,
    licenceNumber: row.licence_number,
    phone: row.phone,
    active: row.active,
    currentAssignment:
      f && row.a_start_date
        ? {
            facilityId: f.id,
            facilityCode: f.code,
            facilityName: f.name,
            position: row.a_position,
            startDate: row.a_start_date,
          }
        : null,
  };
}

/** An assignment row with its facility's code and name. */
export function toAssignment(a: WorkerAssignmentRow, facilities: Map<string, FacilityFacts>): Assignment {
  const f = facilities.get(a.facility_id);
  return {
    id: a.id,
    facilityId: a.facility_id,
    facilityCode: f?.code ?? '',
    facilityName: f?.name ?? '',
    position: a.position,
    startDate: a.start_date,
    endDate: a.end_date,
  };
}

/** A training record row as the API shows it. */
export function toTraining(t: TrainingRecordRow): TrainingRecord {
  return {
    id: t.id,
    course: t.course,
    provider: t.provider,
    kind: t.kind,
    hours: t.hours,
    credits: t.credits,
    completedOn: t.completed_on,
    certificateNumber: t.certificate_number,
  };
}
