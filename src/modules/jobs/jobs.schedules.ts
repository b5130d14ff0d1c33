import type { AppContext } from '../../platform/app-context.ts';
import { addDays, todayIn } from '../../platform/dates.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { toJob } from './jobs.mapping.ts';
import { findNextScheduledRun } from './jobs.queries.ts';
import { scheduleKey, zonedInstant } from './jobs.rules.ts';
import type { JobScheduleList } from './jobs.schema.ts';
import { enqueueJob } from './jobs.service.ts';
import type { JobRow } from './jobs.table.ts';

/**
 * Recurring jobs: a schedule says which kind runs daily at which local hour of the profile's time
 * zone, with which payload for the day. The worker of `serve` enqueues each schedule's run of today
 * and of tomorrow under the key `schedule|<name>|<day>`, so two servers, a restart or a second look
 * within the day never enqueue a day twice; a day whose hour passed while no server ran is run at
 * the next start (today only). The queued runs are jobs like any other: `grassroots jobs list`,
 * GET /api/jobs.
 */
export interface JobSchedule {
  /** The kind of job it enqueues (registered with registerJobKind). */
  kind: string;
  /** The local time it runs at ('HH:MM' in the profile's time zone), or null: not under this profile. */
  at(profile: CountryProfile): string | null;
  /** The payload of the run of a day. */
  payload(day: string): unknown;
}

const schedules = new Map<string, JobSchedule>();

/** Registers a daily schedule once (at module load, by the module that owns the kind). */
export function registerJobSchedule(name: string, schedule: JobSchedule): void {
  schedules.set(name, schedule);
}

/** The schedules in force under a profile, by name, with their local time. */
export function jobSchedules(profile: CountryProfile): { name: string; kind: string; at: string }[] {
  return [...schedules.entries()].flatMap(([name, s]) => {
    const at = s.at(profile);
    return at ? [{ name, kind: s.kind, at }] : [];
  });
}

/**
 * Enqueues every schedule's run of today and of tomorrow (in the profile's time zone) unless a job
 * holds its key already; answers the jobs enqueued now.
 */
export async function ensureScheduledJobs(
  ctx: Pick<AppContext, 'db' | 'profile'>,
  now: Date,
): Promise<JobRow[]> {
  const zone = ctx.profile.timeZone;
  const today = todayIn(zone, now);
  const out: JobRow[] = [];
  for (const { name, kind, at } of jobSchedules(ctx.profile)) {
    const schedule = schedules.get(name)!;
    for (const day of [today, addDays(today, 1)]) {
      const r = await enqueueJob(ctx.db, {
        kind,
        payload: schedule.payload(day),
        idempotencyKey: scheduleKey(name, day),
        runAfter: zonedInstant(day, at, zone),
        now,
      });
      if (r.created) out.push(r.job);
    }
  }
  return out;
}

/** GET /api/jobs/schedules: the daily schedules in force, each with its next run (if in scope). */
export async function listSchedules(ctx: Pick<AppContext, 'db' | 'profile'>): Promise<JobScheduleList> {
  const items: JobScheduleList['items'] = [];
  for (const s of jobSchedules(ctx.profile)) {
    const next = await findNextScheduledRun(ctx.db, s.name);
    items.push({ ...s, timeZone: ctx.profile.timeZone, next: next ? toJob(next) : null });
  }
  return { items };
}
