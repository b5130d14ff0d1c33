import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas } from '../../../test/support/places.ts';
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
});
