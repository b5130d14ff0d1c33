import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { postExpect } from '../../../test/support/requests.ts';
import type { Db } from '../../platform/db/database.ts';
import { withoutScope } from '../../platform/db/unscoped.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';
import { enqueueJob, JobWorker } from '../jobs/index.ts';
import { recomputeArea } from './index.ts';

/**
 * The due store kept in step (VN, both engines): a care record saved recomputes its resident in the
 * write's transaction, reading records the caller's scope does not see (a district centre's visit,
 * for a station's request) and returning to the caller's role after; an area recomputes in batches
 * with its progress, as a job too.
 */
describeOnBothEngines('programmes recompute (vn)', (t) => {
  let w: AccessWorld;
  let resident: string;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station'] });
    resident = (
      await postExpect(t(), '/api/residents', {
        fullName: 'Bà Huyết Áp',
        areaCode: w.areas.village1.code,
        sex: 'female',
        birthDate: '1950-03-01',
      })
    ).id;
  });

  const riskOf = async (id: string) =>
    (
      await sql<{ last_systolic: number; last_diastolic: number; last_bp_on: string }>`
        select last_systolic::float8 as last_systolic, last_diastolic::float8 as last_diastolic, last_bp_on
        from programme_risk where resident_id = ${id}`.execute(t().ctx.db)
    ).rows[0];

  test("a visit at the district centre counts for the station's resident: recomputed in the write", async () => {
    const visit = await t().inject({
      method: 'POST',
      url: '/api/encounters',
      payload: {
        id: newId(),
        residentId: resident,
        facilityId: w.facilities.centre1.id,
        kind: 'station-visit',
        startedAt: '2026-11-20T02:00:00Z',
        observations: [
          { id: newId(), code: '8480-6', value: 185 },
          { id: newId(), code: '8462-4', value: 112 },
        ],
      },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(await riskOf(resident)).toEqual({
      last_systolic: 185,
      last_diastolic: 112,
      last_bp_on: '2026-11-20',
    });

    // The station does not see the centre's visit, yet its dose recomputes the resident with it.
    await sql`delete from programme_risk`.execute(t().ctx.db);
    const timeline = await as(t(), w.users.station.token, { url: `/api/residents/${resident}/timeline` });
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(JSON.stringify(timeline.json())).not.toContain('185');
    const dose = await as(t(), w.users.station.token, {
      method: 'POST',
      url: `/api/residents/${resident}/immunizations`,
      payload: { id: newId(), vaccine: 'Td', date: '2026-11-25', givenElsewhere: false },
    });
    expect(dose.statusCode, dose.body).toBe(201);
    expect(await riskOf(resident)).toMatchObject({ last_systolic: 185, last_bp_on: '2026-11-20' });
  });

  test('without scope for the work, then the caller role again; the app role cannot write the store', async () => {
    const asApp = sql`select set_config('role', 'grassroots_app', true), set_config('app.scope', '{45.451}', true)`;
    const roleNow = async (db: Db) =>
      (await sql<{ role: string }>`select current_setting('role') as role`.execute(db)).rows[0]!.role;
    await t()
      .ctx.db.transaction()
      .execute(async (trx) => {
        await asApp.execute(trx);
        expect(await withoutScope(trx, roleNow)).toBe('none');
        expect(await roleNow(trx)).toBe('grassroots_app');
      });
    await expect(
      t()
        .ctx.db.transaction()
        .execute(async (trx) => {
          await asApp.execute(trx);
          await sql`delete from programme_due`.execute(trx);
        }),
    ).rejects.toThrow(/permission denied/);
  });

  test('an area recomputes in batches with its progress, and as the job programmes.recompute', async () => {
    for (let i = 0; i < 4; i++)
      await postExpect(t(), '/api/residents', { fullName: `Người ${i}`, areaCode: w.areas.commune1.code });
    await sql`delete from programme_risk`.execute(t().ctx.db);
    const seen: number[] = [];
    const end = await recomputeArea(t().ctx.db, '45.451', {
      profile: t().ctx.profile,
      clock: t().ctx.clock,
      batch: 2,
      onProgress: (p) => {
        seen.push(p.done);
      },
    });
    expect(end.total).toBe(5);
    expect(seen).toEqual([2, 4, 5]);
    expect(await riskOf(resident)).toMatchObject({ last_systolic: 185 });

    // Batches at once (a connection each on PostgreSQL; queued on the embedded engine's one): the same
    // store, and progress in order (a checkpoint never passes a batch not yet committed).
    const windows = async () =>
      (
        await sql<{ id: string; due_from: string; done_on: string | null }>`
          select id, due_from::text, done_on::text from programme_due order by id`.execute(t().ctx.db)
      ).rows;
    const before = await windows();
    await sql`delete from programme_risk`.execute(t().ctx.db);
    await sql`delete from programme_due`.execute(t().ctx.db);
    const inOrder: (string | null)[] = [];
    const parallel = await recomputeArea(t().ctx.db, '45.451', {
      profile: t().ctx.profile,
      clock: t().ctx.clock,
      batch: 1,
      workers: 3,
      onProgress: (p) => {
        inOrder.push(p.afterId);
      },
    });
    expect(parallel).toMatchObject({ done: 5, total: 5 });
    expect(inOrder).toEqual([...inOrder].sort());
    expect(await windows()).toEqual(before);
    expect(await riskOf(resident)).toMatchObject({ last_systolic: 185 });

    await sql`delete from programme_risk`.execute(t().ctx.db);
    const { job } = await enqueueJob(t().ctx.db, {
      kind: 'programmes.recompute',
      payload: { areaPath: '45.451' },
      areaPath: '45.451',
      now: t().ctx.clock.now(),
    });
    const done = await new JobWorker(t().ctx, { leaseMs: 30_000 }).runToEnd(job.id);
    expect(done).toMatchObject({ state: 'done', progress_done: 5, progress_total: 5 });
    expect(await riskOf(resident)).toMatchObject({ last_systolic: 185 });
  });
});
