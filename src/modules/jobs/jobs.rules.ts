/**
 * The queue's decisions, pure: how long to wait before the next attempt, what a failed attempt leads
 * to, and when a lease ends. Instants are passed in; nothing here reads the clock.
 */

export interface Backoff {
  /** The wait after the first failed attempt. */
  baseMs: number;
  /** The longest wait, however many attempts failed. */
  capMs: number;
}

export const JOB_BACKOFF: Backoff = { baseMs: 10_000, capMs: 60 * 60_000 };

/**
 * The wait before attempt `attempt + 1`, after `attempt` failed ones: base, 2 × base, 4 × base ...
 * up to the cap. No jitter: one worker per engine at a time does not stampede, and tests stay exact.
 *
 * @example backoffMs(3, { baseMs: 1000, capMs: 60_000 }) // 4000
 */
export function backoffMs(attempt: number, backoff: Backoff): number {
  if (attempt < 1) return 0;
  const exp = Math.min(attempt - 1, 30);
  return Math.min(backoff.capMs, backoff.baseMs * 2 ** exp);
}

export type AfterFailure = { state: 'queued'; runAfter: Date } | { state: 'failed' };

/** A failed attempt is retried after the backoff until the job has had its `maxAttempts`; then it fails. */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
  backoff: Backoff = JOB_BACKOFF,
): AfterFailure {
  if (attempts >= maxAttempts) return { state: 'failed' };
  return { state: 'queued', runAfter: new Date(now.getTime() + backoffMs(attempts, backoff)) };
}

/** The end of a lease taken or renewed at `now`. */
export function leaseEnd(now: Date, leaseMs: number): Date {
  return new Date(now.getTime() + leaseMs);
}

/** How often a running job's lease is renewed: three times per lease, so one late renewal does not lose it. */
export function renewEveryMs(leaseMs: number): number {
  return Math.max(100, Math.floor(leaseMs / 3));
}
