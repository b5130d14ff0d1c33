import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerStation } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { addDays } from '../../platform/dates.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob, JobWorker } from '../jobs/index.ts';
import { itemNameOf } from './programmes.refs.ts';
import { buildReminderWorld, messageAbout, outboxOf, type ReminderWorld } from './reminders.fixtures.ts';

/**
 * The planner on both engines (VN): programmes' recompute fills the due store, then 'reminders.plan'
 * turns the windows due or overdue today into messages (the file channel configured), one per
 * recipient listing their items: the two children's and the mother's own in one message to her, each
 * named as the programme file names the item; a second run adds nothing, and each run queues a send.
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

  const messages = () => outboxOf(t().ctx.db);
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
    const items = rows.flatMap((r) => r.items);
    expect(first.checkpoint).toMatchObject({ counts: { queued: items.length, messages: rows.length } });
    // One message a recipient (one channel here, one day).
    expect(new Set(rows.map((r) => r.recipient_id)).size).toBe(rows.length);
    const toMother = rows.filter((r) => r.recipient_id === w.mother);
    expect(toMother).toHaveLength(1);
    const m = toMother[0]!;
    expect(m).toMatchObject({
      guardian: true,
      channel: 'file',
      language: 'vi',
      state: 'queued',
      day: t().today,
    });
    const about = new Set(m.items.map((i) => i.resident_id));
    expect(about.has(w.child) && about.has(w.sibling)).toBe(true);
    expect(m.items.length).toBeGreaterThan(2);
    expect(m.body.split('\n')[0]).toBe(`Nguyễn Thị Mẹ, bạn có ${m.items.length} lời nhắc của trạm y tế:`);
    for (const i of m.items.filter((i) => i.resident_id !== w.mother)) {
      const name = itemNameOf({ programmeId: i.programme_id, itemId: i.item_id }, 'vi');
      expect(name).not.toBe(i.item_id);
      expect(i.line).toContain(name);
      expect(m.body).toContain(`- ${i.line}`);
    }
    expect(messageAbout(rows, w.unreachable)).toBeUndefined();

    const second = await plan('plan-2');
    expect(second.state).toBe('done');
    expect(second.checkpoint).toMatchObject({ counts: { queued: 0, already: items.length, messages: 0 } });
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
    const items = (await messages()).flatMap((m) => m.items.filter((i) => i.kind === 'appointment'));
    expect(items).toEqual([
      expect.objectContaining({
        resident_id: w.adult,
        programme_id: 'appointment',
        item_id: tomorrow,
        due_from: addDays(t().today, 1),
        line: `Trần Văn Lớn: bạn có lịch hẹn tại Trạm Y tế Nhắc Hẹn vào ngày ${addDays(t().today, 1)} lúc 08:30.`,
      }),
    ]);
    // Listed in the adult's message of the day, with any of his due items.
    const toAdult = messageAbout(await messages(), w.adult, tomorrow)!;
    expect(toAdult).toMatchObject({ recipient_id: w.adult, language: 'vi', state: 'queued' });
    expect(toAdult.body).toContain(items[0]!.line);
    expect(items.some((i) => i.item_id === later)).toBe(false);
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
    const after = messageAbout(await messages(), w.adult, tomorrow)!;
    expect(after.items.find((i) => i.item_id === tomorrow)).toMatchObject({
      left_out: 'the appointment was cancelled or rescheduled',
    });
    // Its text went out without it (or, the appointment alone, the message was skipped).
    if (after.items.length === 1)
      expect(after).toMatchObject({
        state: 'skipped',
        last_error: 'the appointment was cancelled or rescheduled',
      });
    else expect(after.body).not.toContain('lịch hẹn');
  });
});
