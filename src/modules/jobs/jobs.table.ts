import type { Generated, Insertable, Selectable } from 'kysely';
import type { JobState } from './jobs.enums.ts';

/**
 * A background job kept in the database: a worker claims it under a lease, writes its checkpoint and
 * progress as it goes, and a job whose process died is claimed again after its lease and resumes from
 * the checkpoint.
 */
export interface JobTable {
  id: string;
  kind: string;
  payload: unknown;
  state: Generated<JobState>;
  progress_done: Generated<number>;
  progress_total: number | null;
  checkpoint: unknown | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Date;
  lease_until: Date | null;
  leased_by: string | null;
  idempotency_key: string | null;
  error: string | null;
  created_by: string | null;
  /** Whose job it is to see: the area it works on (null: the whole country, seen by a national scope). */
  area_path: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
