/**
 * The background job queue: kinds registered by the modules that own the work, enqueued in the
 * database, run by a worker that `serve` (and `grassroots jobs run`) starts. See docs/ARCHITECTURE.md.
 */
export { JOB_STATES, type JobState } from './jobs.enums.ts';
export { type JobKind, type JobRun, jobKinds, registerJobKind } from './jobs.kinds.ts';
export { toJob } from './jobs.mapping.ts';
export { findUnfinishedJob } from './jobs.queries.ts';
export { jobRoutes } from './jobs.routes.ts';
export { afterFailure, type Backoff, backoffMs } from './jobs.rules.ts';
export {
  ensureScheduledJobs,
  type JobSchedule,
  jobSchedules,
  registerJobSchedule,
} from './jobs.schedules.ts';
export type { Job } from './jobs.schema.ts';
export { type EnqueueJob, enqueueJob } from './jobs.service.ts';
export { JobWorker, type WorkerOptions } from './worker.ts';
