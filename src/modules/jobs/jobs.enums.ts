/** Where a job is in its life: queued (waiting for run_after), running (leased), then an end state. */
export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** The states a job ends in: a worker never claims it again. */
export const FINAL_JOB_STATES = ['done', 'failed', 'cancelled'] as const satisfies readonly JobState[];
