import type { ClaimFile } from './claim-files.schema.ts';
import type { ClaimFileRow } from './claim-files.table.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toClaimFile(r: ClaimFileRow): ClaimFile {
  return {
    id: r.id,
    facilityId: r.facility_id,
    areaPath: r.area_path,
    direction: r.direction,
    format: r.format,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status,
    claimsCount: r.claims_count,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    sha256: r.sha256,
    jobId: r.job_id,
    error: r.error ?? null,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  };
}
