/** What the claims module needs from jobs (through its index.ts): its kinds, enqueueing, the job's answer. */
export { enqueueJob, type Job, registerJobKind, toJob } from '../jobs/index.ts';
