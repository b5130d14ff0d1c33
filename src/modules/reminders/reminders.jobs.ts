import { enqueueJob, registerJobKind } from '../jobs/index.ts';
import { adaptersOf } from './adapter.ts';
import { type SendCounts, sendReminders } from './reminders.service.ts';

/** What a job of the reminders is given: the area it works on (null: the whole country). */
export interface RemindersPayload {
  areaPath?: string | null;
  asOf?: string;
}

/**
 * 'reminders.send': delivers the queued messages whose time has come through the configured
 * adapters, checkpointing after every batch. When messages wait (a retry's backoff, the quiet
 * hours), it queues the next run for the earliest of them (one job per instant, by key).
 */
registerJobKind<RemindersPayload, SendCounts>('reminders.send', {
  maxAttempts: 5,
  async run(job) {
    const areaPath = job.payload?.areaPath ?? null;
    const answer = await sendReminders(
      job.ctx,
      {
        adapters: adaptersOf(job.ctx.config.reminders),
        clock: job.ctx.clock,
        areaPath,
        timeoutMs: job.ctx.config.reminders.timeoutMs,
        signal: job.signal,
        onBatch: (c) => job.checkpoint({ ...c }, { done: c.sent + c.failed + c.skipped }),
      },
      job.state ? { ...job.state } : undefined,
    );
    const next =
      answer.quietUntil && answer.nextAt
        ? new Date(Math.max(+answer.quietUntil, +answer.nextAt))
        : answer.nextAt;
    if (next && !job.signal.aborted)
      await enqueueJob(job.ctx.db, {
        kind: 'reminders.send',
        payload: { areaPath },
        areaPath,
        runAfter: next,
        idempotencyKey: `reminders.send|${areaPath ?? '-'}|${next.toISOString()}`,
        now: job.ctx.clock.now(),
      });
    await job.checkpoint(
      { sent: answer.sent, retrying: answer.retrying, failed: answer.failed, skipped: answer.skipped },
      { done: answer.sent + answer.failed + answer.skipped },
    );
  },
});
