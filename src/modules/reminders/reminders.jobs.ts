import { todayOf } from '../../platform/clock.ts';
import { addDays } from '../../platform/dates.ts';
import { upcomingAppointments } from '../appointments/index.ts';
import { enqueueJob, registerJobKind, registerJobSchedule } from '../jobs/index.ts';
import { dueForReminders } from '../programmes/index.ts';
import { PROGRAMME_KINDS, type ProgrammeKind } from '../programmes/programmes.enums.ts';
import { adaptersOf } from './adapter.ts';
import { itemNameOf } from './programmes.refs.ts';
import {
  emptyPlanCounts,
  type PlanCounts,
  planAppointmentReminders,
  planReminders,
  type SendCounts,
  sendReminders,
} from './reminders.service.ts';

const isProgrammeKind = (k: string): k is ProgrammeKind => (PROGRAMME_KINDS as readonly string[]).includes(k);

/** Due windows read per page (and checkpoint) by the planner. */
const PLAN_PAGE = 500;

/** An appointment is reminded of from this many days before its day (the profile may say otherwise). */
const APPOINTMENT_DAYS_AHEAD = 1;

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

/**
 * 'reminders.plan': the windows due or overdue on `asOf` (default today) become messages, a page of
 * programmes' dueForReminders at a time, checkpointed by the last window's id (a re-run or a resumed
 * run queues nothing twice: the outbox ignores a message it holds); then the appointments in force
 * from `asOf` to the profile's `reminders.appointmentDaysAhead` (1) days after, one reminder each.
 * Then a send run is queued.
 */
interface PlanState {
  afterId: string | null;
  counts: PlanCounts;
  /** Set once the due windows are done: the appointments' page (null: from the first). */
  appointmentsAfter?: string | null;
}

registerJobKind<RemindersPayload, PlanState>('reminders.plan', {
  maxAttempts: 5,
  async run(job) {
    const { ctx } = job;
    const areaPath = job.payload?.areaPath ?? null;
    const asOf = job.payload?.asOf ?? todayOf(ctx);
    const adapters = adaptersOf(ctx.config.reminders);
    let afterId = job.state?.afterId ?? null;
    const counts = job.state?.counts ?? emptyPlanCounts();
    let appointmentsAfter = job.state?.appointmentsAfter;
    while (appointmentsAfter === undefined) {
      const page = await dueForReminders(ctx.db, { asOf, afterId, limit: PLAN_PAGE, profile: ctx.profile });
      if (page.length === 0) {
        appointmentsAfter = null;
        break;
      }
      // The due store's kind is text; a kind no template knows is left out.
      const dues = page.flatMap((w) => (isProgrammeKind(w.kind) ? [{ ...w, kind: w.kind }] : []));
      await planReminders(
        ctx,
        dues,
        { asOf, now: ctx.clock.now(), adapters, areaPath, itemName: itemNameOf },
        counts,
      );
      afterId = page[page.length - 1]!.id;
      const skipped = Object.values(counts.skipped).reduce((a, b) => a + b, 0);
      await job.checkpoint({ afterId, counts }, { done: counts.queued + counts.already + skipped });
      if (job.signal.aborted) return;
    }
    // Then the appointments of the day and the days ahead (one reminder per appointment).
    const days = ctx.profile.reminders?.appointmentDaysAhead ?? APPOINTMENT_DAYS_AHEAD;
    for (;;) {
      const page = await upcomingAppointments(ctx.db, {
        from: asOf,
        to: addDays(asOf, days),
        afterId: appointmentsAfter,
        limit: PLAN_PAGE,
      });
      if (page.length === 0) break;
      await planAppointmentReminders(ctx, page, { asOf, now: ctx.clock.now(), adapters, areaPath }, counts);
      appointmentsAfter = page[page.length - 1]!.id;
      const skipped = Object.values(counts.skipped).reduce((a, b) => a + b, 0);
      await job.checkpoint(
        { afterId, counts, appointmentsAfter },
        { done: counts.queued + counts.already + skipped },
      );
      if (job.signal.aborted) return;
    }
    const now = ctx.clock.now();
    await enqueueJob(ctx.db, {
      kind: 'reminders.send',
      payload: { areaPath },
      areaPath,
      runAfter: now,
      idempotencyKey: `reminders.send|${areaPath ?? '-'}|plan ${job.id}`,
      now,
    });
  },
});

/** The local time the daily plan runs at when the profile does not say (reminders.planAt). */
const DAILY_PLAN_AT = '07:00';

/**
 * Every day at the profile's reminders.planAt (07:00) in its time zone, the whole country's plan of
 * the day (then its send); one run a day, whichever server enqueues it (jobs.schedules.ts).
 */
registerJobSchedule('reminders.daily-plan', {
  kind: 'reminders.plan',
  at: (profile) => (profile.reminders ? (profile.reminders.planAt ?? DAILY_PLAN_AT) : null),
  payload: (day): RemindersPayload => ({ areaPath: null, asOf: day }),
});
