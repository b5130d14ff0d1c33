import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerJianwaiCentre } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import type { Clock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { enqueueJob, JobWorker } from '../jobs/index.ts';
import { adaptersOf, type ReminderAdapters } from './adapter.ts';
import { fileAdapter } from './adapters/file.ts';
import { webhookAdapter } from './adapters/webhook.ts';
import {
  buildReminderWorld,
  clearOutbox,
  dueOf,
  messageAbout,
  outboxOf,
  type Receiver,
  type ReminderWorld,
  startReceiver,
} from './reminders.fixtures.ts';
import { planReminders, sendReminders } from './reminders.service.ts';

function movableClock(start: string): Clock & { set(at: string): void; advance(ms: number): void } {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    set: (s) => {
      at = new Date(s).getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
}

/**
 * The outbox on both engines (VN: channels zalo, sms, file; quiet 21:00-07:00 in Hanoi): one message
 * per recipient, channel and day listing its items (a mother's two children and her own), each item
 * planned once however often it is planned, sent once however often the send runs, deferred by the
 * quiet hours, skipped for an opt-out, retried with backoff then failed, and a message left
 * `sending` by a dead run sent again under the same key. The zalo channel is a webhook to a real
 * local server standing for the gateway's bridge; sms has no adapter here.
 */
describeOnBothEngines('reminders outbox', (t) => {
  let receiver: Receiver;
  let adapters: ReminderAdapters;
  let w: ReminderWorld;
  let dir: string;
  const clock = movableClock('2026-12-02T09:00:00+07:00');

  beforeAll(async () => {
    receiver = await startReceiver();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reminders-'));
    adapters = adaptersOf({
      ...loadConfig({}).reminders,
      zaloUrl: receiver.url,
      file: path.join(dir, 'out.jsonl'),
      timeoutMs: 1000,
    });
    await registerAreas(t(), DISTRICT_568);
    w = await buildReminderWorld(t());
  });
  afterAll(async () => {
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    // Each test starts from an empty outbox and no opt-outs; nothing else is deleted.
    await clearOutbox(t().ctx.db);
    await sql`delete from job where kind like 'reminders.%'`.execute(t().ctx.db);
    receiver.seen.length = 0;
    receiver.behave(undefined);
    clock.set('2026-12-02T09:00:00+07:00');
  });

  const messages = () => outboxOf(t().ctx.db);
  const plan = (dues: ReturnType<typeof dueOf>[], now = clock.now(), asOf = '2026-12-02') =>
    planReminders(t().ctx, dues, { asOf, now, adapters, areaPath: null });
  const send = () => sendReminders(t().ctx, { adapters, clock, areaPath: null, timeoutMs: 1000 });
  const optOut = (residentId: string, channel: string) =>
    t().inject({
      method: 'PUT',
      url: `/api/residents/${residentId}/reminder-preferences`,
      payload: { optedOut: [channel] },
    });

  test('planning twice queues each due item once: a child through the household head, in Vietnamese', async () => {
    const dues = [
      dueOf(w.child, { itemId: 'penta-2' }),
      dueOf(w.adult, {
        kind: 'hypertension',
        programmeId: 'vn-htn',
        itemId: 'htn-follow-up',
        overdueAfter: null,
      }),
      dueOf(w.unreachable),
    ];
    const first = await plan(dues);
    expect(first).toMatchObject({ queued: 2, already: 0, messages: 2, skipped: { unreachable: 1 } });
    const again = await plan(dues);
    expect(again).toMatchObject({ queued: 0, already: 2, messages: 0 });
    const rows = await messages();
    expect(rows).toHaveLength(2);
    const child = messageAbout(rows, w.child)!;
    expect(child).toMatchObject({
      recipient_id: w.mother,
      guardian: true,
      day: '2026-12-02',
      channel: 'zalo',
      language: 'vi',
      state: 'queued',
      idempotency_key: `${w.mother}|zalo|2026-12-02`,
    });
    expect(child.items).toEqual([
      expect.objectContaining({
        resident_id: w.child,
        programme_id: 'vn-epi',
        item_id: 'penta-2',
        left_out: null,
      }),
    ]);
    expect(child.body).toBe(
      'Bé An: đã đến lịch penta-2 từ ngày 2026-11-20, nay đã quá hạn. Vui lòng mang sổ tiêm chủng đến trạm y tế xã.',
    );
    const adult = messageAbout(rows, w.adult)!;
    expect(adult).toMatchObject({ recipient_id: w.adult, guardian: false });
    expect(adult.body).toContain('tái khám huyết áp');
    expect(adult.body).not.toContain('quá hạn');

    // Opting out of zalo after the plan: a re-plan would pick the file, but the item is queued already.
    expect((await optOut(w.adult, 'zalo')).statusCode).toBe(200);
    expect(await plan(dues)).toMatchObject({ queued: 0, already: 2 });
    expect(await messages()).toHaveLength(2);
  });

  test("a mother's two children and her own item: one message listing them; a later item of the day joins it until it is sent, then waits for the next day", async () => {
    const anc = { kind: 'antenatal', programmeId: 'vn-anc', itemId: 'anc-4', overdueAfter: null } as const;
    const first = await plan([
      dueOf(w.child, { itemId: 'penta-2' }),
      dueOf(w.sibling, { itemId: 'mr-1' }),
      dueOf(w.mother, anc),
    ]);
    expect(first).toMatchObject({ queued: 3, messages: 1 });
    let [m] = await messages();
    expect(m).toMatchObject({
      recipient_id: w.mother,
      guardian: true,
      idempotency_key: `${w.mother}|zalo|2026-12-02`,
    });
    expect(m!.items.map((i) => [i.resident_id, i.item_id])).toEqual([
      [w.mother, 'anc-4'],
      [w.child, 'penta-2'],
      [w.sibling, 'mr-1'],
    ]);
    const lines = m!.body.split('\n');
    expect(lines[0]).toBe('Nguyễn Thị Mẹ, bạn có 3 lời nhắc của trạm y tế:');
    expect(lines.slice(1)).toEqual(m!.items.map((i) => `- ${i.line}`));
    expect(lines[1]).toMatch(/^- Nguyễn Thị Mẹ: đã đến lịch khám thai \(anc-4\)/);
    expect(lines[2]).toMatch(/^- Bé An: đã đến lịch penta-2/);

    // Planned again later the same day (another page, a re-run): a new item joins the waiting message.
    expect(
      await plan([dueOf(w.child, { itemId: 'penta-2' }), dueOf(w.child, { itemId: 'ipv-1' })]),
    ).toMatchObject({
      queued: 1,
      already: 1,
      messages: 0,
    });
    [m] = await messages();
    expect(m!.items).toHaveLength(4);
    expect(m!.body.split('\n')[0]).toBe('Nguyễn Thị Mẹ, bạn có 4 lời nhắc của trạm y tế:');

    // The child's reminders list the message to the mother, with its items.
    const listed = await t().inject({ url: `/api/residents/${w.child}/reminders` });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        id: m!.id,
        recipientId: w.mother,
        guardian: true,
        day: '2026-12-02',
        text: m!.body,
        items: m!.items.map((i) =>
          expect.objectContaining({ residentId: i.resident_id, itemId: i.item_id, leftOut: null }),
        ),
      }),
    ]);

    // Sent: one delivery to the mother's phone under the day's key.
    expect(await send()).toMatchObject({ sent: 1 });
    expect(receiver.seen.map((d) => [d.key, d.to, d.text])).toEqual([
      [m!.idempotency_key, '0901000001', m!.body],
    ]);

    // Once it went out, a new item of the day waits for the next day's message.
    const late = dueOf(w.sibling, { itemId: 'bcg' });
    expect(await plan([late])).toMatchObject({ queued: 0, later: 1, messages: 0 });
    expect(await messages()).toHaveLength(1);
    clock.set('2026-12-03T09:00:00+07:00');
    expect(await plan([late], clock.now(), '2026-12-03')).toMatchObject({ queued: 1, messages: 1 });
    const next = (await messages()).find((r) => r.day === '2026-12-03')!;
    expect(next).toMatchObject({ idempotency_key: `${w.mother}|zalo|2026-12-03`, state: 'queued' });
    expect(next.body).toMatch(/^Bé Bình: đã đến lịch bcg/); // one item: its sentence as it is
  });

  test('sending twice sends nothing twice; each key once, with the Idempotency-Key header', async () => {
    await plan([dueOf(w.child), dueOf(w.adult), dueOf(w.mother)]);
    const first = await send();
    // The child's item and the mother's own go out in one message to her.
    expect(first).toMatchObject({ sent: 2, retrying: 0, failed: 0, nextAt: null });
    expect(await send()).toMatchObject({ sent: 0 });
    const counts = receiver.countByKey();
    expect(counts.size).toBe(2);
    expect([...counts.values()]).toEqual([1, 1]);
    const rows = await messages();
    expect(
      rows.every((r) => r.state === 'sent' && r.attempts === 1 && r.gateway_ref?.startsWith('gw-')),
    ).toBe(true);
    for (const r of rows)
      expect(receiver.seen.find((s) => s.key === r.idempotency_key)?.messageId).toBe(r.id);
    // The child's message went to the mother's phone.
    const toChild = messageAbout(rows, w.child)!;
    expect(receiver.seen.find((s) => s.messageId === toChild.id)?.to).toBe('0901000001');
  });

  test('the quiet hours defer: planned at 22:00 in Hanoi it waits for 07:00; a run in them sends nothing', async () => {
    clock.set('2026-12-02T22:10:00+07:00');
    await plan([dueOf(w.adult)], clock.now());
    const [row] = await messages();
    expect(row!.send_after.toISOString()).toBe('2026-12-03T00:00:00.000Z'); // 07:00 in Hanoi
    expect(await send()).toMatchObject({ sent: 0, quietUntil: new Date('2026-12-03T00:00:00.000Z') });
    clock.set('2026-12-03T06:59:00+07:00');
    expect(await send()).toMatchObject({ sent: 0 });
    clock.set('2026-12-03T07:00:00+07:00');
    expect(await send()).toMatchObject({ sent: 1 });
    expect(receiver.seen).toHaveLength(1);
  });

  test('an opt-out skips: planned on the next channel, and a queued message is not sent', async () => {
    expect((await optOut(w.adult, 'zalo')).statusCode).toBe(200);
    await plan([dueOf(w.adult), dueOf(w.child)]);
    const rows = await messages();
    expect(messageAbout(rows, w.adult)?.channel).toBe('file'); // sms has no adapter
    // The mother opts out of zalo after her child's message was queued: it is skipped, not sent.
    expect((await optOut(w.mother, 'zalo')).statusCode).toBe(200);
    expect(await send()).toMatchObject({ sent: 1, skipped: 1 });
    expect(receiver.seen).toHaveLength(0);
    const after = await messages();
    expect(messageAbout(after, w.child)).toMatchObject({ state: 'skipped', last_error: 'opted out of zalo' });
    expect(messageAbout(after, w.child)!.items[0]).toMatchObject({ left_out: 'opted out of zalo' });
    const lines = fs
      .readFileSync(path.join(dir, 'out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({
      idempotencyKey: messageAbout(after, w.adult)!.idempotency_key,
      to: '0901000002',
    });
    // Every channel opted out: nothing is queued.
    for (const c of ['file'])
      await t().inject({
        method: 'PUT',
        url: `/api/residents/${w.adult}/reminder-preferences`,
        payload: { optedOut: ['zalo', c] },
      });
    expect(await plan([dueOf(w.adult)])).toMatchObject({ queued: 0, skipped: { 'opted-out': 1 } });
  });

  test("one child opted out after the plan: the mother's message goes out without that child's item", async () => {
    await plan([dueOf(w.child, { itemId: 'penta-2' }), dueOf(w.sibling, { itemId: 'mr-1' })]);
    expect((await optOut(w.sibling, 'zalo')).statusCode).toBe(200);
    expect(await send()).toMatchObject({ sent: 1, skipped: 0 });
    const [m] = await messages();
    expect(m!.items.map((i) => [i.item_id, i.left_out])).toEqual([
      ['penta-2', null],
      ['mr-1', 'opted out of zalo'],
    ]);
    // The text kept is the one sent: the child's sentence alone.
    expect(m!.body).toBe(m!.items[0]!.line);
    expect(receiver.seen.map((d) => d.text)).toEqual([m!.body]);
  });

  test('a failing gateway: retried after 5, 10, 20 minutes under the same key, then failed', async () => {
    receiver.behave(() => ({ status: 503 }));
    await plan([dueOf(w.adult)]);
    expect(await send()).toMatchObject({ retrying: 1, nextAt: new Date(clock.now().getTime() + 5 * 60_000) });
    clock.advance(4 * 60_000);
    expect(await send()).toMatchObject({ retrying: 0, sent: 0 }); // not before its time
    clock.advance(60_000);
    expect(await send()).toMatchObject({ retrying: 1 });
    clock.advance(10 * 60_000);
    expect(await send()).toMatchObject({ retrying: 1 });
    clock.advance(20 * 60_000);
    expect(await send()).toMatchObject({ failed: 1, nextAt: null });
    const [row] = await messages();
    expect(row).toMatchObject({ state: 'failed', attempts: 4, last_error: 'HTTP 503' });
    expect([...receiver.countByKey().entries()]).toEqual([[row!.idempotency_key, 4]]);
  });

  test('a refusal (4xx) fails at once; a hung gateway times out and is retried', async () => {
    await plan([dueOf(w.adult), dueOf(w.mother)]);
    const rows = await messages();
    receiver.behave((d) => (d.messageId === rows[0]!.id ? { status: 422 } : { hang: true }));
    expect(await send()).toMatchObject({ failed: 1, retrying: 1 });
    const after = await messages();
    expect(after.find((r) => r.id === rows[0]!.id)).toMatchObject({
      state: 'failed',
      last_error: 'HTTP 422',
    });
    expect(after.find((r) => r.id === rows[1]!.id)).toMatchObject({
      state: 'queued',
      last_error: 'no answer within 1000 ms',
    });
    // No phone number in what the outbox keeps of a failure.
    expect(after.map((r) => r.last_error).join(' ')).not.toMatch(/0901/);
  });

  test('a message left sending by a dead run is sent again under the same key once its claim ends', async () => {
    await plan([dueOf(w.adult)]);
    const [row] = await messages();
    // A run claimed it, called the gateway and died before writing the end.
    await sql`update reminder_message set state = 'sending', attempts = 1, claimed_by = 'dead',
      claimed_until = ${new Date(clock.now().getTime() + 60_000)} where id = ${row!.id}`.execute(t().ctx.db);
    await webhookAdapter({ url: receiver.url, timeoutMs: 1000, channel: 'zalo' }).send({
      idempotencyKey: row!.idempotency_key,
      messageId: row!.id,
      channel: 'zalo',
      to: '0901000002',
      text: row!.body,
      language: 'vi',
    });
    expect(await send()).toMatchObject({ sent: 0 }); // its claim holds
    clock.advance(60_000);
    expect(await send()).toMatchObject({ sent: 1 });
    expect([...receiver.countByKey().entries()]).toEqual([[row!.idempotency_key, 2]]);
    expect((await messages())[0]).toMatchObject({ state: 'sent', attempts: 2, claimed_by: null });
  });

  test("the job 'reminders.send' delivers through the configured adapters and queues the next run for a retry", async () => {
    const file = path.join(dir, 'job.jsonl');
    const config = loadConfig({
      REMINDERS_ZALO_URL: receiver.url,
      REMINDERS_FILE: file,
      REMINDERS_TIMEOUT_MS: '1000',
    });
    const worker = new JobWorker({ ...t().ctx, config, clock }, { clock });
    await plan([dueOf(w.adult), dueOf(w.child)]);
    const rows = await messages();
    receiver.behave((d) => (d.messageId === rows[0]!.id ? { status: 500 } : { status: 200 }));
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'reminders.send',
      payload: { areaPath: null },
      now: clock.now(),
    });
    expect(await worker.runOnce(job.id)).toBe(true);
    const jobs = (
      await sql<{ id: string; state: string; run_after: Date; progress_done: number; checkpoint: unknown }>`
      select id, state, run_after, progress_done, checkpoint from job where kind = 'reminders.send' order by created_at, id`.execute(
        t().ctx.db,
      )
    ).rows;
    expect(jobs[0]).toMatchObject({
      id: job.id,
      state: 'done',
      progress_done: 1,
      checkpoint: { sent: 1, retrying: 1 },
    });
    expect(jobs[1]).toMatchObject({ state: 'queued' });
    expect(jobs[1]!.run_after.toISOString()).toBe(new Date(clock.now().getTime() + 5 * 60_000).toISOString());
    await worker.stop();
  });

  test('the file adapter appends one JSON line per message with its key', async () => {
    const file = path.join(dir, 'plain.jsonl');
    const a = fileAdapter({ file });
    const m = {
      idempotencyKey: 'k1',
      messageId: 'm1',
      channel: 'file' as const,
      to: '0901',
      text: 'Xin chào',
      language: 'vi' as const,
    };
    expect(await a.send(m)).toEqual({ ok: true });
    expect(await a.send({ ...m, idempotencyKey: 'k2' })).toEqual({ ok: true });
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.idempotencyKey)).toEqual(['k1', 'k2']);
    expect(await fileAdapter({ file: path.join(file, 'not-a-dir', 'x') }).send(m)).toMatchObject({
      ok: false,
    });
  });
});

/**
 * The CN profile (channels wechat, sms, file; Chinese): a mother's two children due make one message
 * to her, in Chinese, on the first channel with an adapter.
 */
describeOnBothEngines(
  'reminders grouped per recipient (cn)',
  (t) => {
    test("a mother's two children: one message in Chinese, listing both", async () => {
      await registerJianwaiCentre(t());
      const household = await postExpect(t(), '/api/households', {
        address: '建外1号',
        areaCode: '110105001',
      });
      const resident = async (body: Record<string, unknown>) =>
        (
          await postExpect(t(), '/api/residents', {
            areaCode: '110105001',
            householdId: household.id,
            ...body,
          })
        ).id as string;
      const mother = await resident({
        fullName: '王丽',
        sex: 'female',
        birthDate: '1994-02-02',
        phone: '13800000001',
      });
      const boy = await resident({ fullName: '王小明', sex: 'male', birthDate: '2024-03-03' });
      const girl = await resident({ fullName: '王小红', sex: 'female', birthDate: '2025-09-09' });
      const patched = await t().inject({
        method: 'PATCH',
        url: `/api/households/${household.id}`,
        payload: { headResidentId: mother },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const adapters = adaptersOf({ ...loadConfig({}).reminders, file: '/dev/null' });
      const epi = { programmeId: 'cn-nip' } as const;
      const counts = await planReminders(
        t().ctx,
        [dueOf(boy, { ...epi, itemId: 'mr-1' }), dueOf(girl, { ...epi, itemId: 'hepb-3' })],
        { asOf: '2026-12-02', now: new Date('2026-12-02T02:00:00Z'), adapters, areaPath: null },
      );
      expect(counts).toMatchObject({ queued: 2, messages: 1 });
      const [m] = (await outboxOf(t().ctx.db)).filter((r) => r.recipient_id === mother);
      expect(m).toMatchObject({
        channel: 'file',
        language: 'zh',
        idempotency_key: `${mother}|file|2026-12-02`,
      });
      const lines = m!.body.split('\n');
      expect(lines[0]).toBe('王丽，您有2条来自卫生机构的提醒：');
      expect(lines[1]).toMatch(/^- 王小明：mr-1自2026-11-20起应接种，现已逾期。/);
      expect(lines[2]).toMatch(/^- 王小红：hepb-3自2026-11-20起应接种/);
    });
  },
  { profile: 'cn' },
);
