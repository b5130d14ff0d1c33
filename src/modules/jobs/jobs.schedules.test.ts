import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import type { Clock } from '../../platform/clock.ts';
import '../reminders/index.ts';
import { ensureScheduledJobs, JobWorker, jobSchedules } from './index.ts';
import type { JobRow } from './jobs.table.ts';

/**
 * The daily schedules on both engines (VN, Hanoi time): the reminders' plan is enqueued for today
 * (at 07:00 local, run at once when that hour has passed) and for tomorrow, under one key a day, so a
 * second server or a restart adds nothing; the next day adds only the day after; the runs show in
 * GET /api/jobs, and a worker of `serve` runs today's.
 */
describeOnBothEngines('job schedules (vn)', (t) => {
  const plans = async () =>
    (
      await sql<JobRow>`select * from job where kind = 'reminders.plan' order by run_after`.execute(
        t().ctx.db,
      )
    ).rows;

  test('today and tomorrow once each, whoever asks and however often', async () => {
    expect(jobSchedules(t().ctx.profile)).toContainEqual({
      name: 'reminders.daily-plan',
      kind: 'reminders.plan',
      at: '07:00',
    });
    const now = t().ctx.clock.now(); // 09:00 in Hanoi on TEST_NOW's day
    const first = await ensureScheduledJobs(t().ctx, now);
    expect(first).toHaveLength(2);
    // Another server, or this one after a restart, a minute or an hour later.
    expect(await ensureScheduledJobs(t().ctx, new Date(now.getTime() + 60_000))).toEqual([]);
    expect(await ensureScheduledJobs(t().ctx, new Date(now.getTime() + 3_600_000))).toEqual([]);
    const rows = await plans();
    expect(rows.map((r) => [r.idempotency_key, new Date(r.run_after).toISOString(), r.payload])).toEqual([
      [
        'schedule|reminders.daily-plan|2026-12-02',
        '2026-12-02T00:00:00.000Z',
        { areaPath: null, asOf: '2026-12-02' },
      ],
      [
        'schedule|reminders.daily-plan|2026-12-03',
        '2026-12-03T00:00:00.000Z',
        { areaPath: null, asOf: '2026-12-03' },
      ],
    ]);
    // The next morning (06:59 in Hanoi) adds the day after only.
    const next = await ensureScheduledJobs(t().ctx, new Date('2026-12-03T06:59:00+07:00'));
    expect(next.map((j) => j.idempotency_key)).toEqual(['schedule|reminders.daily-plan|2026-12-04']);

    const listed = await t().inject({ url: '/api/jobs?kind=reminders.plan' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(
      listed.json().items.map((j: { runAfter: string; state: string }) => [j.runAfter, j.state]),
    ).toEqual([
      ['2026-12-04T00:00:00.000Z', 'queued'],
      ['2026-12-03T00:00:00.000Z', 'queued'],
      ['2026-12-02T00:00:00.000Z', 'queued'],
    ]);
    const schedules = await t().inject({ url: '/api/jobs/schedules' });
    expect(schedules.statusCode, schedules.body).toBe(200);
    expect(schedules.json().items).toContainEqual(
      expect.objectContaining({
        name: 'reminders.daily-plan',
        kind: 'reminders.plan',
        at: '07:00',
        timeZone: 'Asia/Ho_Chi_Minh',
        next: expect.objectContaining({ runAfter: '2026-12-02T00:00:00.000Z', state: 'queued' }),
      }),
    );
  });

  test("serve's worker runs today's plan once; tomorrow's waits for its hour", async () => {
    const clock: Clock = { now: () => new Date('2026-12-02T09:00:00+07:00') };
    const config = { ...t().ctx.config, reminders: { ...t().ctx.config.reminders, file: '/dev/null' } };
    const worker = new JobWorker({ ...t().ctx, config, clock }, { schedules: true, pollMs: 50 });
    worker.start();
    for (let i = 0; i < 400; i++) {
      const today = (await plans()).find((r) => r.idempotency_key?.endsWith('2026-12-02'));
      if (today?.state === 'done') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await worker.stop();
    const states = Object.fromEntries((await plans()).map((r) => [r.idempotency_key, r.state]));
    expect(states).toEqual({
      'schedule|reminders.daily-plan|2026-12-02': 'done',
      'schedule|reminders.daily-plan|2026-12-03': 'queued',
      'schedule|reminders.daily-plan|2026-12-04': 'queued',
    });
  });
});
