import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerStation } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { addDays } from '../../platform/dates.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob, JobWorker } from '../jobs/index.ts';
import { itemNameOf } from './programmes.refs.ts';
import { buildReminderWorld, type ReminderWorld } from './reminders.fixtures.ts';
import type { ReminderMessageRow } from './reminders.table.ts';

/**
 * The planner on both engines (VN): programmes' recompute fills the due store, then 'reminders.plan'
 * turns the windows due or overdue today into messages (the file channel configured): a child's to
 * the household head, named as the programme file names the item; a second run adds nothing, and
 * each run queues a send.
 */
describeOnBothEngines('reminders.plan', (t) => {
  let w: ReminderWorld;
  let worker: JobWorker;

  beforeAll(async () => {
    await registerAreas(t(), DISTRICT_568);
    w = await buildReminderWorld(t());
    const config = { ...t().ctx.config, reminders: { ...t().ctx.config.reminders, file: '/dev/null' } };
    worker = new JobWorker({ ...t().ctx, config });
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'programmes.recompute',
      payload: { areaPath: null },
      now: t().ctx.clock.now(),
    });
    await worker.runToEnd(job.id);
  });

  const messages = async () =>
    (
      await sql<ReminderMessageRow>`select * from reminder_message order by idempotency_key`.execute(
        t().ctx.db,
      )
    ).rows;
  const plan = async (key: string) => {
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'reminders.plan',
      payload: { areaPath: null, asOf: t().today },
      idempotencyKey: key,
      now: t().ctx.clock.now(),
    });
    return worker.runToEnd(job.id);
  };

  test('the due windows become messages once; a second run adds nothing', async () => {
    const first = await plan('plan-1');
    expect(first.state, first.error ?? '').toBe('done');
    const rows = await messages();
    expect(rows.length).toBeGreaterThan(0);
    expect(first.checkpoint).toMatchObject({ counts: { queued: rows.length } });
    const toChild = rows.filter((r) => r.resident_id === w.child);
    expect(toChild.length).toBeGreaterThan(0);
    for (const r of toChild) {
      expect(r).toMatchObject({
        recipient_id: w.mother,
        guardian: true,
        channel: 'file',
        language: 'vi',
        state: 'queued',
      });
      const name = itemNameOf({ programmeId: r.programme_id, itemId: r.item_id }, 'vi');
      expect(name).not.toBe(r.item_id);
      expect(r.body).toContain(name);
    }
    expect(rows.some((r) => r.resident_id === w.unreachable)).toBe(false);

    const second = await plan('plan-2');
    expect(second.state).toBe('done');
    expect(second.checkpoint).toMatchObject({ counts: { queued: 0, already: rows.length } });
    expect((await messages()).map((r) => r.id)).toEqual(rows.map((r) => r.id));

    const sends = await sql<{
      n: number;
    }>`select count(*)::int n from job where kind = 'reminders.send' and state = 'queued'`.execute(
      t().ctx.db,
    );
    expect(sends.rows[0]!.n).toBe(2);
  });

  test('an appointment tomorrow is reminded of once, at its facility; one cancelled is not sent', async () => {
    const station = await registerStation(t(), '56N01', '56801', 'Trạm Y tế Nhắc Hẹn');
    const book = async (date: string, time?: string) =>
      (
        await postExpect(t(), `/api/residents/${w.adult}/appointments`, {
          id: newId(),
          date,
          facilityId: station.id,
          ...(time ? { time } : {}),
        })
      ).id as string;
    const tomorrow = await book(addDays(t().today, 1), '08:30');
    const later = await book(addDays(t().today, 5));
    const done = await plan('plan-appointments');
    expect(done.state, done.error ?? '').toBe('done');
    const rows = (await messages()).filter((r) => r.kind === 'appointment');
    expect(rows).toEqual([
      expect.objectContaining({
        resident_id: w.adult,
        recipient_id: w.adult,
        programme_id: 'appointment',
        item_id: tomorrow,
        due_from: addDays(t().today, 1),
        language: 'vi',
        state: 'queued',
        body: `Trần Văn Lớn: bạn có lịch hẹn tại Trạm Y tế Nhắc Hẹn vào ngày ${addDays(t().today, 1)} lúc 08:30.`,
      }),
    ]);
    expect(rows.some((r) => r.item_id === later)).toBe(false);
    expect((await plan('plan-appointments-2')).checkpoint).toMatchObject({ counts: { queued: 0 } });

    const cancel = await t().inject({
      method: 'POST',
      url: `/api/appointments/${tomorrow}/amendments`,
      payload: { id: newId(), reason: 'Đã đến khám sớm', cancel: true },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'reminders.send',
      payload: { areaPath: null },
      idempotencyKey: 'send-after-cancel',
      now: t().ctx.clock.now(),
    });
    expect((await worker.runToEnd(job.id)).state).toBe('done');
    const after = (await messages()).find((r) => r.item_id === tomorrow)!;
    expect(after).toMatchObject({
      state: 'skipped',
      last_error: 'the appointment was cancelled or rescheduled',
    });
  });
});
