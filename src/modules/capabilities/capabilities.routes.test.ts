import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { postOk } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, auditEntries, buildAccessWorld } from '../access/access.fixtures.ts';

/**
 * /api/facilities/:id/services and /equipment, and /api/capabilities, over the access fixture's small
 * province (VN): district 1 (451) with station S4510, district 2 (452) with S4520. The VN commune
 * station standard has 41 services (28 core) and 23 equipment items.
 */

const get = async (t: TestEngine, url: string) => {
  const res = await t.inject({ url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};
const post = (t: TestEngine, url: string, payload: Record<string, unknown>) =>
  t.inject({ method: 'POST', url, payload });

describeOnBothEngines('capabilities of VN commune stations', (t) => {
  let w: AccessWorld;
  let s1: string;
  let s2: string;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district'] });
    s1 = w.facilities.station1.id;
    s2 = w.facilities.station2.id;
    // Station 1 offers examination and hypertension care, not deliveries (no midwife since 2025-06).
    await postOk(t(), `/api/facilities/${s1}/services`, {
      serviceCode: 'EXM-01',
      offered: true,
      since: '2024-01-01',
    });
    await postOk(t(), `/api/facilities/${s1}/services`, {
      serviceCode: 'CHR-01',
      offered: true,
      since: '2024-01-01',
    });
    await postOk(t(), `/api/facilities/${s1}/services`, {
      serviceCode: 'MAT-02',
      offered: true,
      since: '2024-01-01',
    });
    await postOk(t(), `/api/facilities/${s1}/services`, {
      serviceCode: 'MAT-02',
      offered: false,
      since: '2025-06-01',
      reason: 'the midwife retired',
    });
    // Station 2 offers four services.
    for (const code of ['EXM-01', 'EXM-02', 'IMM-01', 'PHA-01'])
      await postOk(t(), `/api/facilities/${s2}/services`, {
        serviceCode: code,
        offered: true,
        since: '2025-01-01',
      });
    // Station 1: two BP monitors, one broken; the vaccine fridge broken.
    await postOk(t(), `/api/facilities/${s1}/equipment`, {
      itemCode: 'EXM-01',
      asOf: '2026-01-10',
      working: 1,
      needsRepair: 0,
      broken: 1,
    });
    await postOk(t(), `/api/facilities/${s1}/equipment`, {
      itemCode: 'IMM-01',
      asOf: '2026-01-10',
      working: 0,
      needsRepair: 1,
      broken: 0,
    });
    await postOk(t(), `/api/facilities/${s1}/equipment`, {
      itemCode: 'LAB-01',
      asOf: '2026-01-10',
      working: 1,
      needsRepair: 0,
      broken: 0,
    });
  });

  test("a station's services: the standard's, with the declaration in force and the history", async () => {
    const r = await get(t(), `/api/facilities/${w.facilities.station1.code}/services`);
    expect(r.standard.id).toBe('vn-commune-health-station');
    expect(r.services).toHaveLength(41);
    const byCode = Object.fromEntries(r.services.map((s: { code: string }) => [s.code, s]));
    expect(byCode['EXM-01']).toMatchObject({
      expected: true,
      core: true,
      current: { offered: true, since: '2024-01-01' },
    });
    expect(byCode['MAT-02'].current).toMatchObject({ offered: false, reason: 'the midwife retired' });
    expect(byCode['MAT-01'].current).toBeNull();
    expect(r.history).toHaveLength(4);
    // Read on a date before the change, the station still delivered babies.
    const before = await get(t(), `/api/facilities/${s1}/services?date=2025-05-31`);
    expect(before.services.find((s: { code: string }) => s.code === 'MAT-02').current.offered).toBe(true);
  });

  test('a resend with the same id and body returns the stored record (200); another body under that id is 409', async () => {
    const id = newId();
    const body = { id, serviceCode: 'CHR-02', offered: true, since: '2026-02-01', note: 'after training' };
    const first = await post(t(), `/api/facilities/${s1}/services`, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(t(), `/api/facilities/${s1}/services`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await post(t(), `/api/facilities/${s1}/services`, { ...body, since: '2026-02-02' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('body.id');
    const history = (await get(t(), `/api/facilities/${s1}/services`)).history;
    expect(history.filter((h: { id: string }) => h.id === id)).toHaveLength(1);
    // The same for an equipment count.
    const count = {
      id: newId(),
      itemCode: 'AID-03',
      asOf: '2026-03-01',
      working: 1,
      needsRepair: 0,
      broken: 0,
    };
    expect((await post(t(), `/api/facilities/${s1}/equipment`, count)).statusCode).toBe(201);
    expect((await post(t(), `/api/facilities/${s1}/equipment`, count)).statusCode).toBe(200);
    expect((await post(t(), `/api/facilities/${s1}/equipment`, { ...count, working: 2 })).statusCode).toBe(
      409,
    );
  });

  test.each([
    { body: { serviceCode: 'MAT-01', offered: false, since: '2026-01-01' }, field: 'body.reason' },
    { body: { serviceCode: 'ZZZ-01', offered: true, since: '2026-01-01' }, field: 'body.serviceCode' },
    { body: { serviceCode: 'MAT-01', offered: true, since: '2026-12-03' }, field: 'body.since' },
    { body: { serviceCode: 'MAT-01', offered: true, since: '2026-02-30' }, field: 'body.since' },
    {
      body: {
        id: '0190f1c2-0000-4000-8000-000000000000',
        serviceCode: 'MAT-01',
        offered: true,
        since: '2026-01-01',
      },
      field: 'body.id',
    },
  ])('a declaration is refused at $field', async ({ body, field }) => {
    const res = await post(t(), `/api/facilities/${s1}/services`, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  test.each([
    {
      body: { itemCode: 'EXM-01', asOf: '2026-01-01', working: -1, needsRepair: 0, broken: 0 },
      field: 'body.working',
    },
    {
      body: { itemCode: 'NOPE-01', asOf: '2026-01-01', working: 1, needsRepair: 0, broken: 0 },
      field: 'body.itemCode',
    },
    {
      body: { itemCode: 'EXM-01', asOf: '2027-01-01', working: 1, needsRepair: 0, broken: 0 },
      field: 'body.asOf',
    },
  ])('an equipment count is refused at $field', async ({ body, field }) => {
    const res = await post(t(), `/api/facilities/${s1}/equipment`, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  test("a station's equipment: the status of each item against the standard's count", async () => {
    const r = await get(t(), `/api/facilities/${s1}/equipment?date=2026-02-01`);
    const status = Object.fromEntries(
      r.equipment.map((e: { code: string; status: string }) => [e.code, e.status]),
    );
    expect(status).toMatchObject({
      'EXM-01': 'short',
      'IMM-01': 'not_working',
      'LAB-01': 'working',
      'EXM-02': 'missing',
    });
    expect(r.equipment.find((e: { code: string }) => e.code === 'EXM-01').minCount).toBe(2);
  });

  test('the gaps of a district: its station, and the province rolled up over both', async () => {
    const d1 = await get(t(), `/api/capabilities?area=${w.areas.district1.code}&date=2026-01-15`);
    expect(d1.stations).toHaveLength(1);
    expect(d1.stations[0].gap.services).toMatchObject({
      expected: 41,
      offered: 2,
      coreExpected: 28,
      coreOffered: 2,
    });
    expect(d1.stations[0].gap.services.coreMissing).toContain('MAT-02');
    expect(d1.stations[0].gap.equipment).toMatchObject({
      expected: 23,
      working: 1,
      notWorking: ['IMM-01'],
      short: ['EXM-01'],
      unitsBroken: 1,
      unitsNeedingRepair: 1,
    });
    const p = await get(t(), `/api/capabilities?area=${w.areas.province.code}&date=2026-01-15`);
    expect(p.rollUp.stations).toBe(2);
    expect(p.rollUp.services).toMatchObject({
      expected: 82,
      offered: 6,
      share: 0.0732,
      stationsMeetingCore: 0,
    });
    expect(p.rollUp.equipment).toMatchObject({ expected: 46, working: 1, stationsWithNotWorking: 1 });
    expect(p.unofferedVisits).toMatchObject({ from: '2025-01-16', to: '2026-01-15' });
    expect(p.standards[0].services).toHaveLength(41);
    // The province's parts are its districts, each with its station's figures.
    expect(
      p.parts.map((x: { area: { code: string }; stations: number }) => [x.area.code, x.stations]),
    ).toEqual([
      [w.areas.district1.code, 1],
      [w.areas.district2.code, 1],
    ]);
    expect(p.parts[1].services).toMatchObject({ expected: 41, offered: 4 });
    expect(d1.parts.map((x: { area: { code: string } }) => x.area.code)).toEqual([w.areas.commune1.code]);
    const commune = await get(t(), `/api/capabilities?area=${w.areas.commune1.code}&date=2026-01-15`);
    expect(commune.parts).toEqual([]);
    expect(commune.rollUp.stations).toBe(1);
  });

  test('a visit that performed a delivery at a station that stopped them counts as a visit for an unoffered service', async () => {
    const serviceId = async (code: string) =>
      (await sql<{ id: string }>`select id from service_item where code = ${code}`.execute(t().ctx.db))
        .rows[0]?.id;
    const resident = await postOk(t(), '/api/residents', {
      fullName: 'Nguyễn Thị Sinh',
      areaCode: w.areas.commune1.code,
    });
    const visit = await post(t(), '/api/encounters', {
      id: newId(),
      residentId: resident.id,
      facilityId: s1,
      kind: 'station-visit',
      reason: 'Chuyển dạ',
      services: [
        { id: newId(), serviceItemId: await serviceId('VNS0001') },
        { id: newId(), serviceItemId: await serviceId('VNS0071') },
      ],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const r = await get(t(), `/api/capabilities?area=${w.areas.district1.code}`);
    expect(r.unofferedVisits).toMatchObject({
      counted: true,
      visits: 1,
      services: 1,
      byStation: [{ facilityId: s1, visits: 1, services: 1 }],
      byService: [{ standardId: 'vn-commune-health-station', code: 'MAT-02', services: 1 }],
    });
    // Read on a day before the visit, it is outside the period.
    const before = await get(t(), `/api/capabilities?area=${w.areas.district1.code}&date=2026-01-15`);
    expect(before.unofferedVisits.visits).toBe(0);
  });

  test('the district centre (no standard) may declare a standard service; it is listed as not expected', async () => {
    await postOk(t(), `/api/facilities/${w.facilities.centre1.id}/services`, {
      serviceCode: 'IMG-02',
      offered: true,
      since: '2020-01-01',
    });
    const r = await get(t(), `/api/facilities/${w.facilities.centre1.id}/services`);
    expect(r.standard).toBeNull();
    expect(r.services).toEqual([expect.objectContaining({ code: 'IMG-02', expected: false })]);
  });

  describe('scope and permissions', () => {
    test("the district-1 station records its own services, not district 2's, and reads no gaps outside", async () => {
      const token = w.users.station.token;
      const own = await as(t(), token, {
        method: 'POST',
        url: `/api/facilities/${s1}/services`,
        payload: { serviceCode: 'LAB-03', offered: true, since: '2026-01-01' },
      });
      expect(own.statusCode, own.body).toBe(201);
      const other = await as(t(), token, {
        method: 'POST',
        url: `/api/facilities/${s2}/services`,
        payload: { serviceCode: 'LAB-03', offered: true, since: '2026-01-01' },
      });
      // A district-2 station is not even visible from district 1.
      expect(other.statusCode).toBe(404);
      expect((await as(t(), token, { url: `/api/facilities/${s2}/equipment` })).statusCode).toBe(404);
      // The district centre above the station is visible, but its declarations are its own.
      const centre = await as(t(), token, { url: `/api/facilities/${w.facilities.centre1.id}/services` });
      expect(centre.statusCode).toBe(403);
      expect(
        (await as(t(), token, { url: `/api/capabilities?area=${w.areas.district2.code}` })).statusCode,
      ).toBe(403);
      const audit = await auditEntries(t(), { username: w.users.station.username });
      expect(audit.some((a) => a.action !== 'read' && a.status === 201)).toBe(true);
    });

    test('the district reads its stations and its roll-up but does not declare for them', async () => {
      const token = w.users.district.token;
      const read = await as(t(), token, { url: `/api/capabilities?area=${w.areas.district1.code}` });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().stations.map((s: { facility: { id: string } }) => s.facility.id)).toEqual([s1]);
      const write = await as(t(), token, {
        method: 'POST',
        url: `/api/facilities/${s1}/equipment`,
        payload: { itemCode: 'EXM-02', asOf: '2026-01-01', working: 1, needsRepair: 0, broken: 0 },
      });
      expect(write.statusCode).toBe(403);
    });
  });
});

describeOnBothEngines(
  'capabilities of CN township health centres',
  (t) => {
    let thc: string;
    beforeAll(async () => {
      const e = t();
      await postOk(e, '/api/areas', { code: '52', name: '贵州省', level: 'province' });
      await postOk(e, '/api/areas', { code: '5203', name: '遵义市', level: 'prefecture', parentCode: '52' });
      await postOk(e, '/api/areas', { code: '520330', name: '习水县', level: 'county', parentCode: '5203' });
      await postOk(e, '/api/areas', {
        code: '520330101',
        name: '东皇街道',
        level: 'township',
        parentCode: '520330',
      });
      await postOk(e, '/api/areas', {
        code: '520330102',
        name: '程寨镇',
        level: 'township',
        parentCode: '520330',
      });
      thc = (
        await postOk(e, '/api/facilities', {
          code: 'THC520330102',
          name: '程寨镇卫生院',
          kind: 'township_health_centre',
          areaCode: '520330102',
        })
      ).id;
      const chc = (
        await postOk(e, '/api/facilities', {
          code: 'CHC520330101',
          name: '东皇社区卫生服务中心',
          kind: 'community_health_centre',
          areaCode: '520330101',
        })
      ).id;
      for (const code of ['EXM-01', 'CHR-01', 'CHR-02', 'IMM-01'])
        await postOk(e, `/api/facilities/${thc}/services`, {
          serviceCode: code,
          offered: true,
          since: '2025-01-01',
        });
      await postOk(e, `/api/facilities/${thc}/services`, {
        serviceCode: 'IMG-02',
        offered: false,
        since: '2025-01-01',
        reason: '无B超医师',
      });
      await postOk(e, `/api/facilities/${chc}/services`, {
        serviceCode: 'EXM-01',
        offered: true,
        since: '2025-01-01',
      });
      await postOk(e, `/api/facilities/${thc}/equipment`, {
        itemCode: 'TRA-01',
        asOf: '2026-06-01',
        working: 0,
        needsRepair: 0,
        broken: 1,
      });
    });

    test('both kinds of commune-level centre take the township standard, named in Chinese', async () => {
      const r = await get(t(), '/api/facilities/THC520330102/services');
      expect(r.standard).toMatchObject({ id: 'cn-township-health-centre' });
      const chr = r.services.find((s: { code: string }) => s.code === 'CHR-01');
      expect(chr).toMatchObject({
        name: '高血压患者健康管理',
        nameEn: 'Hypertension care',
        current: { offered: true },
      });
      const img = r.services.find((s: { code: string }) => s.code === 'IMG-02');
      expect(img.current).toMatchObject({ offered: false, reason: '无B超医师' });
    });

    test("the county's roll-up counts both centres against the standard", async () => {
      const r = await get(t(), '/api/capabilities?area=520330');
      expect(r.stations.map((s: { facility: { kind: string } }) => s.facility.kind).sort()).toEqual([
        'community_health_centre',
        'township_health_centre',
      ]);
      const n = r.standards[0].services.length;
      expect(r.rollUp.services).toMatchObject({ expected: 2 * n, offered: 5 });
      const own = r.stations.find((s: { facility: { id: string } }) => s.facility.id === thc);
      expect(own.gap.equipment.notWorking).toEqual(['TRA-01']);
      expect(own.gap.services.coreMissing).toContain('IMG-02');
    });
  },
  { profile: 'cn' },
);
