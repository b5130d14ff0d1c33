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

/** The key of a schedule's run of a day: one job per schedule and day, whoever enqueues it. */
export function scheduleKey(name: string, day: string): string {
  return `schedule|${name}|${day}`;
}

/** The offset of a time zone from UTC at an instant, in ms (Hanoi: +7 h). */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant of a local time on a day in a time zone ('HH:MM'); a time a daylight-saving change
 * skips is taken an hour later.
 *
 * @example zonedInstant('2026-12-03', '07:00', 'Asia/Ho_Chi_Minh') // 2026-12-03T00:00:00.000Z
 */
export function zonedInstant(day: string, hhmm: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let at = wall - offsetMs(new Date(wall), timeZone);
  // Across a change of offset, the offset at the first guess may not be the one in force then.
  const again = wall - offsetMs(new Date(at), timeZone);
  if (again !== at) at = Math.max(at, again);
  return new Date(at);
}
