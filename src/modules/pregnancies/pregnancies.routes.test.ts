import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { getOk, postExpect } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';
import { whenResidentRecordsChange } from '../residents/index.ts';
import { insertPregnanciesBulk, pregnancyFactsOf } from './index.ts';

/**
 * Pregnancies on both engines (VN), today 2026-12-02: dated by the LMP or an ultrasound (the EDD
 * computed and stored), idempotent by id (another body 409), one open at a time, closed by the
 * outcome, corrected by amendments in place or retracted, scoped by the woman's place (moved by the
 * trigger, carried by a merge: two open pregnancies refuse it), told to the listeners in the write's
 * transaction; hostile input is a 4xx problem+json.
 */
describeOnBothEngines('pregnancies API (vn)', (t) => {
  let w: AccessWorld;
  let woman: string;
  let away: string;
  const told: string[][] = [];

  const register = async (areaCode: string, fullName: string, sex = 'female') =>
    (await postExpect(t(), '/api/residents', { fullName, areaCode, sex, birthDate: '1996-04-10' }))
      .id as string;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district', 'insurance'] });
    woman = await register(w.areas.commune1.code, 'Nguyễn Thị Mang Thai');
    away = await register(w.areas.commune2.code, 'Trần Thị Xã Khác');
    whenResidentRecordsChange('test-recorder', async (_ctx, _trx, ids) => {
      told.push([...ids]);
    });
  });
  afterAll(() => whenResidentRecordsChange('test-recorder', async () => {}));

  const station = (options: Parameters<typeof as>[2]) => as(t(), w.users.station.token, options);
  const record = (residentId: string, body: Record<string, unknown>) =>
    station({ method: 'POST', url: `/api/residents/${residentId}/pregnancies`, payload: body });
  const outcome = (id: string, body: Record<string, unknown>) =>
    station({ method: 'POST', url: `/api/pregnancies/${id}/outcome`, payload: body });
  const amend = (id: string, body: Record<string, unknown>) =>
    station({ method: 'POST', url: `/api/pregnancies/${id}/amendments`, payload: body });

  test('a pregnancy by its LMP: 201 with the EDD (+280 days) and the age today; again 200; another body 409', async () => {
    const body = { id: newId(), lmp: '2026-09-01', note: 'Lần đầu khám thai' };
    told.length = 0;
    const first = await record(woman, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id: body.id,
      residentId: woman,
      lmp: '2026-09-01',
      ultrasound: null,
      datedBy: 'lmp',
      edd: '2027-06-08',
      open: true,
      gestationalAge: { weeks: 13, days: 1 },
      outcome: null,
      recordedBy: w.users.station.id,
      retractedBy: null,
    });
    expect(told).toEqual([[woman]]);
    const again = await record(woman, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await record(woman, { ...body, lmp: '2026-09-02' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('body.id');
  });

  test('a second open pregnancy: 409 pregnancy_open naming the open one', async () => {
    const res = await record(woman, { id: newId(), lmp: '2026-10-01' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('pregnancy_open');
  });

  test('the outcome closes it; the same again 200, another 409; then a new pregnancy after it', async () => {
    const [open] = (await getOk(t(), `/api/residents/${woman}/pregnancies`)).items;
    const body = { outcome: 'miscarriage', date: '2026-11-20', note: 'Sảy thai 11 tuần' };
    told.length = 0;
    const res = await outcome(open.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      open: false,
      outcome: 'miscarriage',
      outcomeDate: '2026-11-20',
      outcomeNote: 'Sảy thai 11 tuần',
      gestationalAge: { weeks: 11, days: 3 },
      outcomeRecordedBy: w.users.station.id,
    });
    expect(told).toEqual([[woman]]);
    expect((await outcome(open.id, body)).json()).toEqual(res.json());
    const other = await outcome(open.id, { outcome: 'abortion', date: '2026-11-20' });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('conflict');
    const before = await record(woman, { id: newId(), lmp: '2026-11-20' });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].field).toBe('body.lmp');
    const next = await record(woman, { id: newId(), lmp: '2026-11-25' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ datedBy: 'lmp', edd: '2027-09-01' });
  });

  test('bad bodies are refused naming each field; hostile input is a 4xx problem+json', async () => {
    const other = await register(w.areas.commune1.code, 'Lê Thị Thử');
    const fields = async (body: Record<string, unknown>, url = `/api/residents/${other}/pregnancies`) => {
      const res = await station({ method: 'POST', url, payload: body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      return (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    };
    expect(await fields({ id: newId() })).toEqual(['body.lmp']);
    expect(await fields({ id: newId(), lmp: '2026-12-03' })).toEqual(['body.lmp']);
    expect(await fields({ id: newId(), lmp: '2026-01-27' })).toEqual(['body.lmp']);
    expect(await fields({ id: newId(), lmp: '2026-02-30' })).toEqual(['body.lmp']);
    expect(await fields({ id: newId(), lmp: '2026-11-01', edd: '2027-08-08' })).toEqual(['body.edd']);
    expect(
      await fields({ id: newId(), lmp: '2026-11-01', ultrasound: { date: '2026-10-01', weeks: 4, days: 0 } }),
    ).toEqual(['body.ultrasound.date']);
    expect(await fields({ id: newId(), ultrasound: { date: '2026-11-01', weeks: 99, days: 0 } })).toEqual([
      'body.ultrasound.weeks',
    ]);
    expect(await fields({ id: newId(), ultrasound: { date: '2026-11-01', weeks: 8, days: 7 } })).toEqual([
      'body.ultrasound.days',
    ]);
    expect(await fields({ id: 'not-a-uuid', lmp: '2026-11-01' })).toEqual(['body.id']);
    expect(await fields({ id: newId(), lmp: '2026-11-01', note: 'x'.repeat(1001) })).toEqual(['body.note']);
    expect(await fields({ id: newId(), lmp: '2026-11-01', note: 'a\u0000b' })).toEqual(['body.note']);
    expect(await fields({ id: newId(), lmp: 20261101 })).toEqual(['body.lmp']);
    const odd = await station({
      method: 'POST',
      url: `/api/residents/${other}/pregnancies`,
      payload: '{"id": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(odd.statusCode).toBe(400);
    expect(odd.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await station({ url: '/api/residents/not-a-uuid/pregnancies' })).statusCode).toBe(400);
    expect((await outcome(newId(), { outcome: 'live-birth', date: '2026-11-01' })).statusCode).toBe(404);
    const p = (await record(other, { id: newId(), lmp: '2026-10-01' })).json();
    expect(await fields({ outcome: 'born', date: '2026-11-01' }, `/api/pregnancies/${p.id}/outcome`)).toEqual(
      ['body.outcome'],
    );
    expect(
      await fields({ outcome: 'live-birth', date: '2026-12-03' }, `/api/pregnancies/${p.id}/outcome`),
    ).toEqual(['body.date']);
    expect(
      await fields({ outcome: 'stillbirth', date: '2026-11-01' }, `/api/pregnancies/${p.id}/outcome`),
    ).toEqual(['body.outcome']);
    expect(
      await fields({ outcome: 'abortion', date: '2026-09-30' }, `/api/pregnancies/${p.id}/outcome`),
    ).toEqual(['body.date']);
  });

  test('only an active woman: 409 resident_not_female, resident_not_active; 404 for nobody', async () => {
    const man = await register(w.areas.commune1.code, 'Nguyễn Văn Nam', 'male');
    const res = await record(man, { id: newId(), lmp: '2026-11-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('resident_not_female');
    const gone = await register(w.areas.commune1.code, 'Phạm Thị Mất');
    await postExpect(
      t(),
      `/api/residents/${gone}/status`,
      { status: 'deceased', effectiveOn: '2026-11-01' },
      200,
    );
    const dead = await record(gone, { id: newId(), lmp: '2026-10-01' });
    expect(dead.statusCode).toBe(409);
    expect(dead.json().code).toBe('resident_not_active');
    expect((await record(newId(), { id: newId(), lmp: '2026-11-01' })).statusCode).toBe(404);
  });

  test('amendments: correct the dating in place, repeat, reopen refused while another is open, retract', async () => {
    const her = await register(w.areas.commune1.code, 'Võ Thị Sửa');
    const p = (await record(her, { id: newId(), lmp: '2026-08-01' })).json();
    const fix = { id: newId(), reason: 'Nhớ nhầm ngày kinh', correct: { lmp: '2026-08-15' } };
    told.length = 0;
    const res = await amend(p.id, fix);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      amendment: {
        id: fix.id,
        pregnancyId: p.id,
        kind: 'correct',
        before: { lmp: '2026-08-01', edd: '2027-05-08', retracted: false },
        after: { lmp: '2026-08-15', edd: '2027-05-22', retracted: false },
      },
      pregnancy: { id: p.id, lmp: '2026-08-15', edd: '2027-05-22', open: true },
    });
    expect(told).toEqual([[her]]);
    expect((await amend(p.id, fix)).json()).toEqual(res.json());
    const changed = await amend(p.id, { ...fix, reason: 'Khác' });
    expect(changed.statusCode).toBe(409);
    expect((await amend(p.id, { id: newId(), reason: 'x' })).json().errors[0].field).toBe('body.retract');
    const future = await amend(p.id, { id: newId(), reason: 'x', correct: { lmp: '2026-12-05' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('body.correct.lmp');

    // Closed, a new one opened, then the first's outcome taken back: two open, refused.
    await outcome(p.id, { outcome: 'abortion', date: '2026-10-01' });
    const second = (await record(her, { id: newId(), lmp: '2026-10-20' })).json();
    const reopen = await amend(p.id, { id: newId(), reason: 'Nhập nhầm', correct: { outcome: null } });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().code).toBe('pregnancy_open');
    const outcomeFix = await amend(p.id, {
      id: newId(),
      reason: 'Sai ngày',
      correct: { outcome: { outcome: 'abortion', date: '2026-10-02' } },
    });
    expect(outcomeFix.json().pregnancy).toMatchObject({ outcomeDate: '2026-10-02', open: false });

    const retract = await amend(second.id, { id: newId(), reason: 'Nhập nhầm người', retract: true });
    expect(retract.statusCode, retract.body).toBe(200);
    expect(retract.json()).toMatchObject({
      amendment: { kind: 'retract', after: { retracted: true } },
      pregnancy: { id: second.id, open: false, gestationalAge: null },
    });
    expect(retract.json().pregnancy.retractedBy).toBe(retract.json().amendment.id);
    expect((await outcome(second.id, { outcome: 'live-birth', date: '2026-11-01' })).statusCode).toBe(409);
    expect((await amend(second.id, { id: newId(), reason: 'lại', retract: true })).statusCode).toBe(409);

    const list = await getOk(t(), `/api/residents/${her}/pregnancies`);
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([p.id, second.id]);
    expect(list.amendments).toHaveLength(3);
    const facts = (await pregnancyFactsOf(t().ctx.db, [her, away, newId()])).get(her)!;
    expect(facts).toEqual([
      { id: p.id, lmp: '2026-08-15', edd: '2027-05-22', outcome: 'abortion', outcomeDate: '2026-10-02' },
    ]);
    expect((await pregnancyFactsOf(t().ctx.db, [away])).get(away)).toEqual([]);
  });

  test("outside the scope: another commune's woman is not found; a role without care.write is refused", async () => {
    expect((await record(away, { id: newId(), lmp: '2026-11-01' })).statusCode).toBe(404);
    expect((await station({ url: `/api/residents/${away}/pregnancies` })).statusCode).toBe(404);
    const there = await postExpect(t(), `/api/residents/${away}/pregnancies`, {
      id: newId(),
      lmp: '2026-11-01',
    });
    expect((await outcome(there.id, { outcome: 'abortion', date: '2026-11-20' })).statusCode).toBe(404);
    expect((await amend(there.id, { id: newId(), reason: 'x', retract: true })).statusCode).toBe(404);
    const insurer = await as(t(), w.users.insurance.token, {
      method: 'POST',
      url: `/api/residents/${woman}/pregnancies`,
      payload: { id: newId(), lmp: '2026-11-01' },
    });
    expect(insurer.statusCode).toBe(403);
    expect(
      (await as(t(), w.users.district.token, { url: `/api/residents/${woman}/pregnancies` })).statusCode,
    ).toBe(200);
  });

  test('a listener that fails undoes the pregnancy with it', async () => {
    const her = await register(w.areas.commune1.code, 'Đỗ Thị Lỗi');
    whenResidentRecordsChange('test-failing', async () => {
      throw new Error('listener down');
    });
    const body = { id: newId(), lmp: '2026-11-01' };
    const res = await record(her, body);
    whenResidentRecordsChange('test-failing', async () => {});
    expect(res.statusCode).toBe(500);
    const rows = await sql`select id from pregnancy where id = ${body.id}`.execute(t().ctx.db);
    expect(rows.rows).toEqual([]);
  });

  test('pregnancies follow the woman: moved by the trigger, carried by a merge (not two open ones), back on undo', async () => {
    const mover = await register(w.areas.commune1.code, 'Hoàng Thị Chuyển');
    const p = (await record(mover, { id: newId(), lmp: '2026-10-01' })).json();
    await postExpect(
      t(),
      `/api/residents/${mover}/move`,
      {
        newHousehold: { address: 'Số 9, thôn Mới', areaCode: w.areas.commune2.code },
        effectiveOn: '2026-11-01',
      },
      200,
    );
    expect((await station({ url: `/api/residents/${mover}/pregnancies` })).statusCode).toBe(404);
    const areaOf = async (id: string) =>
      (
        await sql<{ p: string }>`select area_path::text as p from pregnancy where id = ${id}`.execute(
          t().ctx.db,
        )
      ).rows[0]?.p;
    const movedTo = await areaOf(p.id);
    expect(movedTo).toMatch(/452/);

    const survivor = await register(w.areas.commune1.code, 'Hoàng Thị Chuyển');
    const hers = (await record(survivor, { id: newId(), lmp: '2026-10-03' })).json();
    const refused = await t().inject({
      method: 'POST',
      url: '/api/residents/merge',
      payload: { survivorId: survivor, duplicateId: mover },
    });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe('pregnancy_open');
    expect((await getOk(t(), `/api/residents/${mover}/pregnancies`)).items).toHaveLength(1);

    await amend(hers.id, { id: newId(), reason: 'Trùng hồ sơ', retract: true });
    told.length = 0;
    const merge = await postExpect(
      t(),
      '/api/residents/merge',
      { survivorId: survivor, duplicateId: mover },
      200,
    );
    // The merge tells the engine once, after every mover, about both records.
    expect(told).toEqual([[survivor, mover]]);
    expect(merge.moved.pregnancies).toBe(1);
    const mine = await getOk(t(), `/api/residents/${survivor}/pregnancies`);
    expect(mine.items.map((i: { id: string }) => i.id).sort()).toEqual([hers.id, p.id].sort());
    expect((await station({ url: `/api/residents/${survivor}/pregnancies` })).json().items).toHaveLength(2);
    told.length = 0;
    await postExpect(t(), `/api/residents/merges/${merge.merge.id}/undo`, {}, 200);
    expect(told).toEqual([[survivor, mover]]);
    expect((await getOk(t(), `/api/residents/${mover}/pregnancies`)).items).toHaveLength(1);
    expect(await areaOf(p.id)).toBe(movedTo);
  });

  test("the bulk load stores many pregnancies in their residents' places, telling no listener", async () => {
    const loaded = await register(w.areas.commune2.code, 'Bùi Thị Nạp');
    told.length = 0;
    const ids = [newId(), newId()];
    await insertPregnanciesBulk(t().ctx.db, [
      {
        id: ids[0]!,
        residentId: loaded,
        lmp: '2025-01-10',
        outcome: 'live-birth',
        outcomeDate: '2025-10-12',
      },
      { id: ids[1]!, residentId: loaded, ultrasound: { date: '2026-11-15', weeks: 10, days: 2 } },
    ]);
    expect(told).toEqual([]);
    const facts = (await pregnancyFactsOf(t().ctx.db, [loaded])).get(loaded);
    expect(facts).toEqual([
      { id: ids[0], lmp: '2025-01-10', edd: '2025-10-17', outcome: 'live-birth', outcomeDate: '2025-10-12' },
      { id: ids[1], lmp: null, edd: '2027-06-11', outcome: null, outcomeDate: null },
    ]);
    // The API's repeat of a loaded pregnancy answers it (same fingerprint).
    const again = await postExpect(
      t(),
      `/api/residents/${loaded}/pregnancies`,
      { id: ids[1], ultrasound: { date: '2026-11-15', weeks: 10, days: 2 } },
      200,
    );
    expect(again.edd).toBe('2027-06-11');
    await expect(insertPregnanciesBulk(t().ctx.db, [{ id: newId(), residentId: loaded }])).rejects.toThrow(
      /row 1/,
    );
  });
});
