import { EventEmitter } from 'node:events';
import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { jobKind, jobKinds } from './jobs.kinds.ts';
import { findJobByKey, findJobRow, insertJobRow } from './jobs.queries.ts';
import type { JobRow } from './jobs.table.ts';

/** Told when a job is enqueued in this process, so a worker here picks it up without waiting to poll. */
export const jobEvents = new EventEmitter();

export interface EnqueueJob {
  kind: string;
  payload?: unknown;
  idempotencyKey?: string | undefined;
  runAfter?: Date | undefined;
  areaPath?: string | null | undefined;
  createdBy?: string | null | undefined;
  /** The instant of the enqueue (the context's clock); run_after defaults to it. */
  now: Date;
}

/**
 * Enqueues a job of a registered kind; with an idempotency key, a second enqueue answers the first
 * job (whatever its state) instead of adding one.
 */
export async function enqueueJob(db: Db, job: EnqueueJob): Promise<{ job: JobRow; created: boolean }> {
  const def = jobKind(job.kind);
  if (!def)
    throw invalidFields([
      { field: 'body.kind', message: `Unknown job kind; known: ${jobKinds().join(', ') || 'none'}` },
    ]);
  const inserted = await insertJobRow(db, {
    id: newId(),
    kind: job.kind,
    payload: job.payload ?? {},
    max_attempts: def.maxAttempts ?? 5,
    run_after: job.runAfter ?? job.now,
    idempotency_key: job.idempotencyKey ?? null,
    area_path: job.areaPath ?? null,
    created_by: job.createdBy ?? null,
    created_at: job.now,
    checkpoint: null,
    progress_total: null,
    lease_until: null,
    leased_by: null,
    error: null,
    started_at: null,
    finished_at: null,
  });
  if (inserted) {
    jobEvents.emit('enqueued', inserted.id);
    return { job: inserted, created: true };
  }
  const existing = job.idempotencyKey ? await findJobByKey(db, job.idempotencyKey) : undefined;
  if (!existing) throw new Error('enqueueJob: the job was not inserted and no job holds its key');
  return { job: existing, created: false };
}

export async function getJob(ctx: AppContext, id: string): Promise<JobRow> {
  const row = await findJobRow(ctx.db, id);
  if (!row) throw notFound('Job', id);
  return row;
}
