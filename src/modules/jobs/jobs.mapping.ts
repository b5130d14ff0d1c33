import type { Job } from './jobs.schema.ts';
import type { JobRow } from './jobs.table.ts';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toJob(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    payload: r.payload,
    state: r.state,
    progress: { done: r.progress_done, total: r.progress_total },
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAfter: iso(r.run_after)!,
    leaseUntil: iso(r.lease_until),
    error: r.error,
    areaPath: r.area_path,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}
