import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { getOk, postExpect } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';
import { whenResidentRecordsChange } from '../residents/index.ts';
import { doseFactsOf, insertImmunizationsBulk } from './index.ts';

/**
 * Doses on both engines (VN): recorded at the station's own facility or from the booklet, idempotent
 * by id (another body 409), refused with the field named, corrected by amendments, scoped by the
 * resident's place (moved by the trigger, carried by a merge), and told to the listeners in the
 * write's transaction (a listener that fails leaves nothing written).
 */
describeOnBothEngines('immunizations API (vn)', (t) => {
  let w: AccessWorld;
  let child: string;
  let away: string;
  const told: string[][] = [];

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district', 'insurance'] });
    const resident = async (areaCode: string, fullName: string) =>
      (
        await postExpect(t(), '/api/residents', {
          fullName,
          areaCode,
          sex: 'female',
          birthDate: '2026-01-10',
        })
      ).id as string;
    child = await resident(w.areas.commune1.code, 'Bé Tiêm Chủng');
    away = await resident(w.areas.commune2.code, 'Bé Xã Khác');
    whenResidentRecordsChange('test-recorder', async (_ctx, _trx, ids) => {
      told.push([...ids]);
    });
  });
  afterAll(() => whenResidentRecordsChange('test-recorder', async () => {}));

  const station = (options: Parameters<typeof as>[2]) => as(t(), w.users.station.token, options);
  const dose = (over: Record<string, unknown> = {}) => ({
    id: newId(),
    vaccine: 'BCG',
    date: '2026-01-11',
    doseNumber: 1,
    lot: 'BCG-0425',
    givenElsewhere: false,
    ...over,
  });
  const record = (residentId: string, body: Record<string, unknown>) =>
    station({ method: 'POST', url: `/api/residents/${residentId}/immunizations`, payload: body });

  test('a dose given at the station: 201 with the station, the same again 200, another body 409', async () => {
    const body = dose();
    told.length = 0;
    const first = await record(child, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id: body.id,
      residentId: child,
      vaccine: 'BCG',
      vaccineNames: { vi: 'Lao (BCG)' },
      date: '2026-01-11',
      doseNumber: 1,
      lot: 'BCG-0425',
      givenElsewhere: false,
      facility: { id: w.facilities.station1.id, code: w.facilities.station1.code },
      place: null,
      recordedBy: w.users.station.id,
      retractedBy: null,
    });
    expect(told).toEqual([[child]]);
    const again = await record(child, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await record(child, { ...body, lot: 'OTHER' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('body.id');
  });

  test('a dose from the booklet names its place, numbered 0 for the HepB birth dose', async () => {
    const res = await record(
      child,
      dose({
        vaccine: 'HepB',
        doseNumber: 0,
        date: '2026-01-10',
        givenElsewhere: true,
        place: 'Bệnh viện huyện',
        lot: undefined,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      givenElsewhere: true,
      facility: null,
      place: 'Bệnh viện huyện',
      doseNumber: 0,
      lot: null,
    });
  });

  test('bad doses are refused naming each field', async () => {
    const fields = async (body: Record<string, unknown>) => {
      const res = await record(child, body);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    };
    expect(await fields(dose({ vaccine: 'NOPE' }))).toEqual(['body.vaccine']);
    expect(await fields(dose({ date: '2026-12-03' }))).toEqual(['body.date']);
    expect(await fields(dose({ date: '2026-01-09' }))).toEqual(['body.date']);
    expect(await fields(dose({ doseNumber: 11 }))).toEqual(['body.doseNumber']);
    expect(await fields(dose({ doseNumber: -1 }))).toEqual(['body.doseNumber']);
    expect(await fields(dose({ lot: 'L'.repeat(41) }))).toEqual(['body.lot']);
    expect(await fields(dose({ place: 'Trạm khác' }))).toEqual(['body.place']);
    expect(await fields(dose({ id: 'not-a-uuid' }))).toEqual(['body.id']);
    const msg = (await record(child, dose({ vaccine: 'NOPE' }))).json().errors[0].message as string;
    expect(msg.length).toBeLessThan(200);
  });

  test('the administrator (no facility) names the facility of a dose given here', async () => {
    const missing = await t().inject({
      method: 'POST',
      url: `/api/residents/${child}/immunizations`,
      payload: dose(),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('body.facilityId');
    await postExpect(
      t(),
      `/api/residents/${child}/immunizations`,
      dose({ facilityId: w.facilities.station1.id }),
    );
  });

  test('a resident who died gets no new dose: 409 resident_not_active', async () => {
    const gone = (
      await postExpect(t(), '/api/residents', { fullName: 'Bé Mất', areaCode: w.areas.commune1.code })
    ).id;
    await postExpect(
      t(),
      `/api/residents/${gone}/status`,
      { status: 'deceased', effectiveOn: '2026-11-01' },
      200,
    );
    const res = await record(gone, dose({ date: '2026-10-01' }));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('resident_not_active');
  });

  test('amendments: retract, replace, repeat, and never a second correction of a retracted dose', async () => {
    const wrong = (await record(child, dose({ vaccine: 'MR', date: '2026-10-10', doseNumber: 1 }))).json();
    const replacement = dose({ vaccine: 'MR', date: '2026-10-11', doseNumber: 1 });
    const amend = { id: newId(), reason: 'Sai ngày tiêm', replaceWith: replacement };
    const url = `/api/immunizations/${wrong.id}/amendments`;
    told.length = 0;
    const res = await station({ method: 'POST', url, payload: amend });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      amendment: { id: amend.id, immunizationId: wrong.id, replacementId: replacement.id },
      retracted: { id: wrong.id, retractedBy: amend.id },
      replacement: { id: replacement.id, date: '2026-10-11', amendmentId: amend.id },
    });
    expect(told).toEqual([[child]]);
    expect((await station({ method: 'POST', url, payload: amend })).json()).toEqual(res.json());
    const changed = await station({ method: 'POST', url, payload: { ...amend, reason: 'Khác' } });
    expect(changed.statusCode).toBe(409);
    const twice = await station({
      method: 'POST',
      url,
      payload: { id: newId(), reason: 'Lại', retract: true },
    });
    expect(twice.statusCode).toBe(409);
    const neither = await station({
      method: 'POST',
      url: `/api/immunizations/${replacement.id}/amendments`,
      payload: { id: newId(), reason: 'Không rõ' },
    });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].field).toBe('body.retract');
    const retract = await station({
      method: 'POST',
      url: `/api/immunizations/${replacement.id}/amendments`,
      payload: { id: newId(), reason: 'Nhập nhầm trẻ', retract: true },
    });
    expect(retract.json()).toMatchObject({ replacement: null, retracted: { id: replacement.id } });

    const list = await as(t(), w.users.station.token, { url: `/api/residents/${child}/immunizations` });
    const items = list.json().items as { id: string; retractedBy: string | null }[];
    expect(items.find((i) => i.id === wrong.id)?.retractedBy).toBe(amend.id);
    expect(list.json().amendments).toHaveLength(2);
    const facts = (await doseFactsOf(t().ctx.db, [child, away])).get(child)!;
    expect(facts.map((f) => f.id)).not.toContain(wrong.id);
    expect(facts.map((f) => f.id)).not.toContain(replacement.id);
    expect(facts.map((f) => f.date)).toEqual([...facts.map((f) => f.date)].sort());
    expect((await doseFactsOf(t().ctx.db, [away])).get(away)).toEqual([]);
  });

  test("outside the scope: another commune's child is not found; a role without care.write is refused", async () => {
    expect((await record(away, dose())).statusCode).toBe(404);
    expect((await station({ url: `/api/residents/${away}/immunizations` })).statusCode).toBe(404);
    const there = await postExpect(
      t(),
      `/api/residents/${away}/immunizations`,
      dose({ facilityId: w.facilities.station2.id }),
    );
    const amend = await station({
      method: 'POST',
      url: `/api/immunizations/${there.id}/amendments`,
      payload: { id: newId(), reason: 'x', retract: true },
    });
    expect(amend.statusCode).toBe(404);
    const insurer = await as(t(), w.users.insurance.token, {
      method: 'POST',
      url: `/api/residents/${child}/immunizations`,
      payload: dose(),
    });
    expect(insurer.statusCode).toBe(403);
    // The district reads its communes' doses, and records none.
    expect(
      (await as(t(), w.users.district.token, { url: `/api/residents/${child}/immunizations` })).statusCode,
    ).toBe(200);
  });

  test('a listener that fails undoes the dose with it', async () => {
    whenResidentRecordsChange('test-failing', async () => {
      throw new Error('listener down');
    });
    const body = dose();
    const res = await record(child, body);
    whenResidentRecordsChange('test-failing', async () => {});
    expect(res.statusCode).toBe(500);
    const rows = await sql`select id from immunization where id = ${body.id}`.execute(t().ctx.db);
    expect(rows.rows).toEqual([]);
  });

  test('the doses follow the child: moved by the trigger, carried by a merge and back on its undo', async () => {
    const mover = (
      await postExpect(t(), '/api/residents', {
        fullName: 'Bé Chuyển',
        areaCode: w.areas.commune1.code,
        birthDate: '2025-05-05',
      })
    ).id;
    const d = (await record(mover, dose({ date: '2025-06-01' }))).json();
    await postExpect(
      t(),
      `/api/residents/${mover}/move`,
      {
        newHousehold: { address: 'Số 9, thôn Mới', areaCode: w.areas.commune2.code },
        effectiveOn: '2026-03-01',
      },
      200,
    );
    const path = async (id: string) =>
      (
        await sql<{ p: string }>`select area_path::text as p from immunization where id = ${id}`.execute(
          t().ctx.db,
        )
      ).rows[0]?.p;
    const commune2Path = (
      await sql<{
        p: string;
      }>`select path::text as p from area where code = ${w.areas.commune2.code}`.execute(t().ctx.db)
    ).rows[0]?.p;
    expect(await path(d.id)).toBe(commune2Path);
    expect((await station({ url: `/api/residents/${mover}/immunizations` })).statusCode).toBe(404);

    const survivor = (
      await postExpect(t(), '/api/residents', {
        fullName: 'Bé Chuyển',
        areaCode: w.areas.commune1.code,
        birthDate: '2025-05-05',
      })
    ).id;
    const merge = await postExpect(
      t(),
      '/api/residents/merge',
      { survivorId: survivor, duplicateId: mover },
      200,
    );
    const mine = await getOk(t(), `/api/residents/${survivor}/immunizations`);
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect((await station({ url: `/api/residents/${survivor}/immunizations` })).json().items).toHaveLength(1);
    expect(merge.moved.immunizations).toBe(1);
    await postExpect(t(), `/api/residents/merges/${merge.merge.id}/undo`, {}, 200);
    expect((await getOk(t(), `/api/residents/${mover}/immunizations`)).items).toHaveLength(1);
    expect(await path(d.id)).toBe(commune2Path);
  });

  test("the bulk load stores many doses in their residents' places, telling no listener", async () => {
    told.length = 0;
    const ids = [newId(), newId()];
    await insertImmunizationsBulk(t().ctx.db, [
      {
        id: ids[0]!,
        residentId: away,
        vaccine: 'BCG',
        date: '2026-01-12',
        givenElsewhere: false,
        facilityId: w.facilities.station2.id,
      },
      {
        id: ids[1]!,
        residentId: away,
        vaccine: 'HepB',
        date: '2026-01-10',
        doseNumber: 0,
        givenElsewhere: true,
        place: 'BV',
      },
    ]);
    expect(told).toEqual([]);
    const facts = (await doseFactsOf(t().ctx.db, [away])).get(away)!;
    expect(facts.filter((f) => ids.includes(f.id)).map((f) => f.vaccine)).toEqual(['HepB', 'BCG']);
    await expect(
      insertImmunizationsBulk(t().ctx.db, [
        { id: newId(), residentId: away, vaccine: 'NOPE', date: '2026-01-12', givenElsewhere: true },
      ]),
    ).rejects.toThrow(/NOPE/);
  });
});
