import os from 'node:os';
import type { AppContext } from '../../platform/app-context.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { jobKind, jobKinds } from './jobs.kinds.ts';
import { claimJobRow, endAttempt, findJobRow, renewLease, saveCheckpoint } from './jobs.queries.ts';
import { afterFailure, type Backoff, JOB_BACKOFF, leaseEnd, renewEveryMs } from './jobs.rules.ts';
import { ensureScheduledJobs } from './jobs.schedules.ts';
import { jobEvents } from './jobs.service.ts';
import type { JobRow } from './jobs.table.ts';

export interface WorkerOptions {
  /** How long a claim holds a job without a renewal (default 30 s). */
  leaseMs?: number;
  /** How often an idle worker looks for work (default 2 s). */
  pollMs?: number;
  /** The clock of leases and retries (default: the context's clock). Tests pass one they move. */
  clock?: Clock;
  backoff?: Backoff;
  /** Told after every checkpoint and end of a job this worker runs (the CLI's progress bar). */
  onProgress?: (job: { id: string; kind: string; done: number; total: number | null; state: string }) => void;
  /**
   * Enqueue the registered daily schedules' runs of today and tomorrow (serve's worker): at the
   * start, then at most once a minute; idempotent per day, so several servers may all do it.
   */
  schedules?: boolean;
}

/** Lease lost: another worker took the job after this one's lease ended. The attempt stops quietly. */
class LeaseLost extends Error {}

/**
 * Runs registered kinds of jobs from the queue, one at a time (PGlite has one connection; on the
 * server one per process keeps a small install's load even). Claims with a lease, renews it while the
 * job runs, and on a failure puts the job back with a backoff or fails it after its attempts.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${newId().slice(-8)}`;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly clock: Clock;
  private readonly backoff: Backoff;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly onEnqueued = () => this.wake?.();
  private scheduledAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ctx: AppContext,
    private readonly options: WorkerOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.clock = options.clock ?? ctx.clock;
    this.backoff = options.backoff ?? JOB_BACKOFF;
  }

  /** Starts the loop in the background (serve). */
  start(): void {
    if (this.loop) return;
    jobEvents.on('enqueued', this.onEnqueued);
    this.loop = this.run();
  }

  /** Stops claiming, asks a running job to stop at its next checkpoint, and waits for it. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.wake?.();
    jobEvents.off('enqueued', this.onEnqueued);
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      let worked = false;
      try {
        await this.ensureSchedules();
        worked = await this.runOnce();
      } catch (err) {
        process.emitWarning(`job worker: ${(err as Error).message}`);
      }
      if (!worked && !this.abort.signal.aborted)
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
    }
  }

  private async ensureSchedules(): Promise<void> {
    if (!this.options.schedules) return;
    const now = this.clock.now();
    if (now.getTime() - this.scheduledAt < 60_000) return;
    this.scheduledAt = now.getTime();
    await ensureScheduledJobs(this.ctx, now);
  }

  /** Claims and runs one job (of any registered kind, or only `onlyId`); false when none was claimable. */
  async runOnce(onlyId?: string): Promise<boolean> {
    const now = this.clock.now();
    const row = await claimJobRow(this.ctx.db, jobKinds(), this.id, now, leaseEnd(now, this.leaseMs), onlyId);
    if (!row) return false;
    await this.attempt(row);
    return true;
  }

  /**
   * Runs one job to an end state (the CLI): claims it whenever it is claimable (waiting out another
   * process's lease, or a retry's backoff) and answers its final row.
   */
  async runToEnd(id: string, waitMs = 500): Promise<JobRow> {
    for (;;) {
      const row = await findJobRow(this.ctx.db, id);
      if (!row) throw new Error(`job ${id} not found`);
      if (row.state === 'done' || row.state === 'failed' || row.state === 'cancelled') return row;
      if (this.abort.signal.aborted) return row;
      if (!(await this.runOnce(id))) await new Promise((r) => setTimeout(r, waitMs));
    }
  }

  private async attempt(row: JobRow): Promise<void> {
    const def = jobKind(row.kind)!;
    const db = this.ctx.db;
    let lost = false;
    const renew = setInterval(() => {
      renewLease(db, row.id, this.id, leaseEnd(this.clock.now(), this.leaseMs))
        .then((held) => {
          if (!held) lost = true;
        })
        .catch(() => undefined); // a lost connection: the next checkpoint says whether the lease holds
    }, renewEveryMs(this.leaseMs));
    const report = (done: number, total: number | null, state: string) =>
      this.options.onProgress?.({ id: row.id, kind: row.kind, done, total, state });
    try {
      await def.run({
        id: row.id,
        db,
        ctx: this.ctx,
        payload: row.payload,
        state: row.checkpoint ?? null,
        signal: this.abort.signal,
        checkpoint: async (state, p) => {
          const total = p.total ?? null;
          const held =
            !lost &&
            (await saveCheckpoint(
              db,
              row.id,
              this.id,
              leaseEnd(this.clock.now(), this.leaseMs),
              state,
              p.done,
              total,
            ));
          if (!held) throw new LeaseLost('lease lost');
          report(p.done, total, 'running');
        },
      });
      if (this.abort.signal.aborted) {
        // Stopped at a checkpoint by a shutdown: queued again at once, to resume from it.
        await endAttempt(db, row.id, this.id, { state: 'queued', runAfter: this.clock.now() });
        return;
      }
      await endAttempt(db, row.id, this.id, { state: 'done', finishedAt: this.clock.now() });
      const end = await findJobRow(db, row.id);
      report(end?.progress_done ?? 0, end?.progress_total ?? null, 'done');
    } catch (err) {
      if (err instanceof LeaseLost) return;
      const now = this.clock.now();
      const next = afterFailure(row.attempts, row.max_attempts, now, this.backoff);
      const error = (err as Error).message.slice(0, 2000);
      await endAttempt(
        db,
        row.id,
        this.id,
        next.state === 'failed'
          ? { state: 'failed', error, finishedAt: now }
          : { state: 'queued', runAfter: next.runAfter, error },
      );
      report(row.progress_done, row.progress_total, next.state);
    } finally {
      clearInterval(renew);
    }
  }
}
