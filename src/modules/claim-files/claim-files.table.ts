import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { ClaimFormat } from '../../platform/profile.schema.ts';
import type { ClaimFileDirection, ClaimFileStatus } from './claim-files.enums.ts';

/** The claim files (migration 2026_12_08_1200): queried only in claim-files/*.queries.ts. */
export interface ClaimFileTable {
  id: string;
  facility_id: string;
  area_path: string;
  direction: ClaimFileDirection;
  format: ClaimFormat;
  period_from: string;
  period_to: string;
  status: ColumnType<ClaimFileStatus, ClaimFileStatus | undefined, ClaimFileStatus>;
  claims_count: number | null;
  size_bytes: number | null;
  sha256: string | null;
  job_id: string | null;
  /** Why it failed: `{ code, message, failures?: SchemaFailure[], failureCount? }`. */
  error: ColumnType<unknown, string | null, string | null>;
  created_by: string | null;
  created_at: Date;
}

export type ClaimFileRow = Selectable<ClaimFileTable>;
export type NewClaimFileRow = Insertable<ClaimFileTable>;
