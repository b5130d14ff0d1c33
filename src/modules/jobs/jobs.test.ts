import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import type { Clock } from '../../platform/clock.ts';
import { enqueueJob, JobWorker, registerJobKind } from './index.ts';
import { findJobRow } from './jobs.queries.ts';

/** A clock the test moves by hand: leases and backoffs end when the test says. */
function movableClock(start: string): Clock & { advance(ms: number): void } {
  let at = new Date(start).getTime();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

// What the test kinds did, by job id: the items each attempt handled.
const handled = new Map<string, number[]>();
let failNext = 0;
let dieAfter: number | undefined;

class Died extends Error {}

registerJobKind<{ items: number }, { next: number }>('test.count', {
  maxAttempts: 3,
  async run(job) {
    const seen = handled.get(job.id) ?? [];
    handled.set(job.id, seen);
    if (failNext > 0) {
      failNext--;
      throw new Error('the test says fail');
    }
    for (let i = job.state?.next ?? 0; i < job.payload.items; i++) {
      if (dieAfter !== undefined && i === dieAfter) {
        dieAfter = undefined;
        throw new Died(); // the process "dies": nothing more is written, the lease is left to end
      }
      seen.push(i);
      await job.checkpoint({ next: i + 1 }, { done: i + 1, total: job.payload.items });
    }
  },
});

describeOnBothEngines('job queue', (t) => {
  const clock = movableClock('2026-12-02T02:00:00Z');
  let worker: JobWorker;
  beforeAll(() => {
    worker = new JobWorker(t().ctx, { clock, leaseMs: 30_000, backoff: { baseMs: 10_000, capMs: 60_000 } });
  });
  afterAll(async () => {
    await worker.stop();
    await sql`delete from job where kind like 'test.%'`.execute(t().ctx.db);
  });

  test('a queued job is claimed, run to the end with its progress, and not claimed again', async () => {
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'test.count',
      payload: { items: 4 },
      now: clock.now(),
    });
    expect(job.state).toBe('queued');
    expect(await worker.runOnce(job.id)).toBe(true);
    const end = await findJobRow(t().ctx.db, job.id);
    expect(end).toMatchObject({
      state: 'done',
      progress_done: 4,
      progress_total: 4,
      attempts: 1,
      lease_until: null,
    });
    expect(handled.get(job.id)).toEqual([0, 1, 2, 3]);
    expect(await worker.runOnce(job.id)).toBe(false);
  });

  test('an enqueue with the same idempotency key is the first job', async () => {
    const a = await enqueueJob(t().ctx.db, {
      kind: 'test.count',
      payload: { items: 1 },
      idempotencyKey: 'k-1',
      now: clock.now(),
    });
    const b = await enqueueJob(t().ctx.db, {
      kind: 'test.count',
      payload: { items: 9 },
      idempotencyKey: 'k-1',
      now: clock.now(),
    });
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, job: { id: a.job.id, payload: { items: 1 } } });
  });

  test('an unknown kind is refused naming the field', async () => {
    await expect(enqueueJob(t().ctx.db, { kind: 'test.nope', now: clock.now() })).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'body.kind' }],
    });
  });

  test('a job whose worker died is claimed again only after its lease, and resumes from its checkpoint', async () => {
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'test.count',
      payload: { items: 6 },
      now: clock.now(),
    });
    dieAfter = 3;
    // The first worker "dies" at item 3: its error is taken for a death by leaving the row as it is.
    const dying = new JobWorker(t().ctx, { clock, leaseMs: 30_000 });
    await sql`update job set max_attempts = 3 where id = ${job.id}`.execute(t().ctx.db);
    await dying.runOnce(job.id).catch(() => undefined);
    // A death leaves the row running under its lease: put it back as a killed process would leave it.
    await sql`update job set state = 'running', lease_until = ${new Date(clock.now().getTime() + 30_000)}, leased_by = 'dead', run_after = ${clock.now()}, error = null where id = ${job.id}`.execute(
      t().ctx.db,
    );
    expect(await worker.runOnce(job.id)).toBe(false); // the lease holds
    clock.advance(31_000);
    expect(await worker.runOnce(job.id)).toBe(true);
    expect(handled.get(job.id)).toEqual([0, 1, 2, 3, 4, 5]); // 0..2 before the death, 3..5 after: none twice
    expect(await findJobRow(t().ctx.db, job.id)).toMatchObject({
      state: 'done',
      progress_done: 6,
      attempts: 2,
    });
  });

  test('a failed attempt is retried after the backoff, and the job fails after its attempts', async () => {
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'test.count',
      payload: { items: 1 },
      now: clock.now(),
    });
    failNext = 1;
    await worker.runOnce(job.id);
    const retry = await findJobRow(t().ctx.db, job.id);
    expect(retry).toMatchObject({ state: 'queued', attempts: 1, error: 'the test says fail' });
    expect(new Date(retry!.run_after).getTime()).toBe(clock.now().getTime() + 10_000);
    expect(await worker.runOnce(job.id)).toBe(false); // not before its time
    clock.advance(10_000);
    expect(await worker.runOnce(job.id)).toBe(true);
    expect(await findJobRow(t().ctx.db, job.id)).toMatchObject({ state: 'done', attempts: 2, error: null });

    const { job: doomed } = await enqueueJob(t().ctx.db, {
      kind: 'test.count',
      payload: { items: 1 },
      now: clock.now(),
    });
    failNext = 3;
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      await worker.runOnce(doomed.id);
    }
    expect(await findJobRow(t().ctx.db, doomed.id)).toMatchObject({ state: 'failed', attempts: 3 });
  });

  test('the API starts a job (idempotent by key), shows it and lists jobs by pages; an unknown kind is a 400', async () => {
    const started = await t().inject({
      method: 'POST',
      url: '/api/jobs',
      payload: { kind: 'test.count', idempotencyKey: 'api-1' },
    });
    expect(started.statusCode).toBe(201);
    const again = await t().inject({
      method: 'POST',
      url: '/api/jobs',
      payload: { kind: 'test.count', idempotencyKey: 'api-1' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(started.json().id);
    const one = await t().inject({ url: `/api/jobs/${started.json().id}` });
    expect(one.json()).toMatchObject({
      kind: 'test.count',
      state: 'queued',
      areaPath: null,
      progress: { done: 0 },
    });
    const list = await t().inject({ url: '/api/jobs?kind=test.count&limit=2' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(list.json().nextCursor).toEqual(expect.any(String));
    const next = await t().inject({
      url: `/api/jobs?kind=test.count&limit=2&cursor=${list.json().nextCursor}`,
    });
    expect(next.json().items[0].id).not.toBe(list.json().items[1].id);
    const bad = await t().inject({ method: 'POST', url: '/api/jobs', payload: { kind: 'no.such' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidFields?.[0]?.field ?? bad.json().errors?.[0]?.field).toBe('body.kind');
  });
});
